"""The suite asserts no wall-clock time: not even Hypothesis's per-example deadline."""
from hypothesis import settings


def test_hypothesis_examples_have_no_deadline():
    assert settings.default.deadline is None
