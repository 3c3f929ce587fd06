"""Table-driven stage tests: tests/fixtures/<stage>.toml, many tiny cases per rule.

An empty string in `expect` stands for null (TOML has no null)."""
from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import pipeline

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def load(stage: str) -> list[dict[str, Any]]:
    with (FIXTURES / f"{stage}.toml").open("rb") as fh:
        return tomllib.load(fh)["case"]


def nulls(value: Any) -> Any:
    if value == "":
        return None
    if isinstance(value, dict):
        return {k: nulls(v) for k, v in value.items()}
    if isinstance(value, list):
        return [nulls(v) for v in value]
    return value


def project(actual: Any, expected: Any) -> Any:
    """`actual` cut down to the keys `expected` names, so cases state only what they test."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        return {k: project(actual.get(k), v) for k, v in expected.items()}
    if isinstance(expected, list) and isinstance(actual, list) and expected and isinstance(expected[0], dict):
        return [project(a, e) for a, e in zip(actual, expected)] + actual[len(expected):]
    return actual


def ids(cases: list[dict[str, Any]]) -> list[str]:
    return [c["name"] for c in cases]


@pytest.mark.parametrize("case", load("release"), ids=ids(load("release")))
def test_release(case):
    record = pipeline.parse_text(case["text"])
    expected = nulls(case["expect"])
    assert project(record["release"], expected) == expected


@pytest.mark.parametrize("case", load("contacts"), ids=ids(load("contacts")))
def test_contacts(case):
    record = pipeline.parse_text(case["text"])
    expected = nulls(case["expect"])
    assert project(record["contacts"], expected) == expected


@pytest.mark.parametrize("case", load("organizations"), ids=ids(load("organizations")))
def test_organizations(case):
    record = pipeline.parse_text(case["text"])
    expected = nulls(case["expect"])
    heads = [o for o in record["organizations"] if o["head"]]
    assert project(heads, expected) == expected


def test_weekday_that_contradicts_its_date_is_kept_and_warned():
    record = pipeline.parse_text("보도자료\n보도시점 2024. 3. 5.(수) 12:00\n제목 줄\n□ 본문 문장은 충분히 길게 써서 산문으로 보이게 한다고 밝혔습니다.")
    assert record["release"]["embargo"]["weekday"] == "수"
    warnings = [w for w in record["diagnostics"]["warnings"] if w["code"] == "weekday_mismatch"]
    assert len(warnings) == 1 and "2024-03-05" in warnings[0]["message"]


@pytest.mark.parametrize("case", load("page"), ids=ids(load("page")))
def test_page(case):
    record = pipeline.parse_text(case["text"])
    expected = nulls(case["expect"])
    assert project(record["page"], expected) == expected


def test_a_korea_kr_record_whose_body_is_only_a_notice_is_still_a_release():
    record = pipeline.parse_text(
        '---\ntitle: "어린이 놀이시설 점검"\nministry: "행정안전부"\napprove_date: "05/04/2020 10:00:00"\n---\n'
        "# 어린이 놀이시설 점검\n\n## 본문\n\n붙임 참고\n")
    codes = {w["code"] for w in record["diagnostics"]["warnings"]}
    assert "not_a_press_release" not in codes
    assert record["page"]["ministry"] == "행정안전부"
    assert record["page"]["posted_at"] == "2020-05-04T10:00:00+09:00"


@pytest.mark.parametrize("case", load("segment"), ids=ids(load("segment")))
def test_segment_blocks(case):
    from pipeline.runner import new_document, run
    doc = run(new_document(case["text"].encode("utf-8"), "<case>"))
    assert [str(b.kind) for b in doc.blocks] == case["expect"]["blocks"]
