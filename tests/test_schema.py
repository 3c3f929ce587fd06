"""The shipped schema: goldens validate, hand-broken documents fail with their path named."""
from __future__ import annotations

import copy
import json

import pytest
from jsonschema import Draft202012Validator

import pipeline
from pipeline.schema import schema

from .conftest import EXPECTED


@pytest.fixture(scope="module")
def golden():
    return json.loads((EXPECTED / "apec-2004-sme-forum.txt.json").read_text(encoding="utf-8"))


def test_schema_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(schema())


def test_golden_validates(golden):
    assert pipeline.validate(golden) == []


@pytest.mark.parametrize("breakage, path", [
    (lambda d: d["release"].pop("title"), "/release"),
    (lambda d: d["contacts"][0].update(phone_e164="02-3787-0433"), "/contacts/0/phone_e164"),
    (lambda d: d["release"]["embargo"].update(edition="noon"), "/release/embargo/edition"),
    (lambda d: d["sections"][1]["children"][0].update(level=0), "/sections/1/children/0/level"),
    (lambda d: d["page"].update(views="many"), "/page/views"),
    (lambda d: d.update(schema_version="2.0"), "/schema_version"),
    (lambda d: d["organizations"][0].update(span=[1]), "/organizations/0/span"),
    (lambda d: d["release"].update(title="  padded  "), "/release/title"),
])
def test_broken_documents_name_their_path(golden, breakage, path):
    doc = copy.deepcopy(golden)
    breakage(doc)
    errors = pipeline.validate(doc)
    assert errors, "the broken document validated"
    assert any(e.path == path for e in errors), [str(e) for e in errors]
