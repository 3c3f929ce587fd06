"""The seed release end to end: event, sessions and talks, people, countries and figures."""
from __future__ import annotations

from pathlib import Path

import pytest

import pipeline

SEED = Path(__file__).resolve().parent.parent / "samples" / "apec-2004-sme-forum.txt"


@pytest.fixture(scope="module")
def record() -> dict:
    return pipeline.parse_file(SEED)


def test_event(record):
    ev = record["event"]
    assert ev["name"] == "2004 APEC 중소기업 정보화 정책포럼"
    assert (ev["start_date"], ev["end_date"]) == ("2004-07-15", "2004-07-16")
    assert ev["venue"] == "서울 강남 노보텔 앰버서더"
    assert ev["hosts"] == ["중소기업청", "중소기업정보화경영원"]


def test_sessions(record):
    got = [(s["label"], s["number"], s["title"]) for s in record["sessions"]]
    assert got == [("세션 1", 1, "중소기업 정보화 지원정책 비교"),
                   ("세션 2", 2, "부문별 정보화촉진전략"),
                   ("세션 3", 3, "중소기업 정보화 추진(성공) 사례"),
                   ("종합토론", None, None)]


def test_talks(record):
    talks = {s["label"]: s["talks"] for s in record["sessions"]}
    assert [t["speaker"] for t in talks["세션 2"]] == ["크리스 홀", "백기훈", "모드모타르", "리우"]
    assert [t["speaker"] for t in talks["세션 3"]] == ["쿼트", "소에트리시노", "김교정", "탕", "저드"]
    assert [t["country"] for t in talks["세션 2"] + talks["세션 3"]] == [
        "AU", "KR", "MY", "TW", "HK", "ID", "KR", "CN", "AU"]
    for talk in talks["세션 2"] + talks["세션 3"]:
        assert talk["title"] and talk["affiliation"]


def test_keynote(record):
    keynote = [p for p in record["people"] if "keynote" in p["roles"]]
    assert [(p["name"], p["title"], p["affiliation"]) for p in keynote] == [
        ("서정욱", "위원장", "한국 무역협회 전자무역추진 위원회")]
    (start, end), = keynote[0]["mentions"]
    assert record["text"][start:end] == "서 위원장"


def test_every_span_holds_its_value(record):
    text = record["text"]
    for person in record["people"]:
        assert person["name_hanja"] or person["name"] in text[slice(*person["span"])]
    for fig in record["figures"]:
        assert text[slice(*fig["span"])] == fig["text"]


def test_exactly_the_eleven_economies_each_with_a_finding(record):
    codes = {c["iso_code"] for c in record["countries"]}
    assert codes == {"US", "JP", "SG", "AU", "CN", "TW", "HK", "KR", "ID", "MY", "MX"}
    assert all(c["findings"] for c in record["countries"])


def figures_of(record, code):
    country = next(c for c in record["countries"] if c["iso_code"] == code)
    return {(f["value"], f["unit"]) for f in country["figures"]}


def test_country_figures(record):
    assert (4260000000, "JPY") in figures_of(record, "JP")
    assert {(5000000000, "USD"), (2500, "개")} <= figures_of(record, "MX")
    assert {(230000, "개"), (740, "%")} <= figures_of(record, "KR")
    assert {(60000000, "USD"), (70000000000, "KRW")} <= figures_of(record, "AU")


def test_stated_equivalent_is_not_counted_twice(record):
    australia = next(c for c in record["countries"] if c["iso_code"] == "AU")
    krw = next(f for f in australia["figures"] if f["unit"] == "KRW")
    assert australia["figures"][krw["equivalent_of"]]["unit"] == "USD"


def test_implications(record):
    got = {c["iso_code"]: len(c["implications"]) for c in record["countries"] if c["implications"]}
    assert got == {"AU": 1, "US": 1, "SG": 1, "TW": 1, "JP": 1, "KR": 1, "HK": 1, "MY": 1, "MX": 1}
    lines = {line for c in record["countries"] for line in c["implications"]}
    assert len(lines) == 6


def test_programs(record):
    programs = {c["iso_code"]: c["programs"] for c in record["countries"]}
    assert "PROSOFT" in programs["MX"] and "SME21" in programs["SG"] and "TIMPs" in programs["KR"]
    assert "플랜 ABCDE" in programs["TW"]


def test_findings_know_their_session(record):
    japan = next(c for c in record["countries"] if c["iso_code"] == "JP")
    assert "세션 1" in {f["session"] for f in japan["findings"]}
    indonesia = next(c for c in record["countries"] if c["iso_code"] == "ID")
    assert [f["session"] for f in indonesia["findings"]] == ["세션 3"]
