"""Table-driven tests of the semantic layer: tests/fixtures/{event,sessions,people,countries,
figures}.toml, one case per written form. An empty string in `expect` stands for null."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import pipeline

from .test_fixtures import nulls, project

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TITLE = "가상 보도자료 제목\n\n"


def load(stage: str) -> list[dict[str, Any]]:
    with (FIXTURES / f"{stage}.toml").open("rb") as fh:
        return tomllib.load(fh)["case"]


def cases(stage: str):
    found = load(stage)
    return pytest.mark.parametrize("case", found, ids=[c["name"] for c in found])


def body_people(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for p in record["people"] if "contact" not in p["roles"]]


@cases("event")
def test_event(case):
    record = pipeline.parse_text(TITLE + case["text"])
    expected = nulls(case["expect"])
    assert record["event"] is not None
    assert project(record["event"], expected) == expected


@cases("sessions")
def test_sessions(case):
    record = pipeline.parse_text(TITLE + case["text"])
    expected = nulls(case["expect"])
    assert project(record["sessions"], expected) == expected


@cases("people")
def test_people(case):
    record = pipeline.parse_text(TITLE + case["text"])
    expected = nulls(case["expect"])
    assert project(body_people(record), expected) == expected


@cases("countries")
def test_countries(case):
    record = pipeline.parse_text(TITLE + case["text"])
    assert [c["iso_code"] for c in record["countries"] if c["findings"]] == case["expect"]


@cases("figures")
def test_figures(case):
    record = pipeline.parse_text(TITLE + case["text"])
    expected = nulls(case["expect"])
    assert project(record["figures"], expected) == expected
