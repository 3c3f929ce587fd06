"""Issuer names by date (issuers.toml [[era]]) and supervising ministries (supervisors.tsv):
fixture tables for the resolver, releases written here dated before and after a rename, and the
schema's `supervisor` field."""
from __future__ import annotations

import copy
from datetime import date
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import pipeline
from pipeline.issuer_names import eras, name_as_of, parse_day, supervisors
from pipeline.lexicon import DATA, load_lexicon
from pipeline.schema import schema

from .script_loader import load_script

LEX = load_lexicon()

NAME_CASES = [
    # (written, release date, full name as of that date)
    ("기획재정부", date(2020, 5, 4), "기획재정부"),            # in force then: stays
    ("기재부", date(2020, 5, 4), "기획재정부"),                # a short form of its era
    ("재정경제부", date(2026, 4, 13), "재정경제부"),            # the 2026 body: never 기획재정부
    ("재경부", date(2026, 4, 13), "재정경제부"),
    ("재정경제부", date(2005, 3, 2), "재정경제부"),             # the 1994–2008 body of that name
    ("재정경제부", date(2012, 3, 2), "기획재정부"),             # named after its era: its successor then
    ("기획재정부", date(2026, 4, 13), None),                  # split in 2026: no single successor
    ("기획재정부", None, None),
    ("환경부", date(2024, 6, 5), "환경부"),
    ("환경부", date(2025, 11, 3), "기후에너지환경부"),          # a white template leftover after the rename
    ("산업부", date(2020, 1, 2), "산업통상자원부"),             # the short form meant the old body then
    ("산업부", date(2026, 3, 20), "산업통상부"),
    ("행정자치부", date(2016, 1, 5), "행정자치부"),             # its second era (2014–2017)
    ("행정자치부", date(2010, 1, 5), "행정안전부"),             # between its two eras
    ("안전행정부", date(2020, 1, 5), "행정안전부"),             # two renames forward
    ("노동부", None, "고용노동부"),
    ("해양수산부", date(2020, 1, 5), "해양수산부"),             # no era recorded: the lexicon's name
    ("해수부", None, "해양수산부"),
]


@pytest.mark.parametrize("written, day, expected", NAME_CASES, ids=[f"{c[0]}@{c[1]}" for c in NAME_CASES])
def test_a_name_resolves_to_the_body_of_the_release_date(written, day, expected):
    assert name_as_of(written, LEX.issuers.get(written), day) == expected


def test_eras_of_one_name_never_overlap_and_successors_are_known():
    by_name: dict[str, list] = {}
    for era in eras():
        by_name.setdefault(era.name, []).append(era)
        assert era.start is None or era.end is None or era.start < era.end
        assert (era.end is None) == (not era.successors)
        for successor in era.successors:
            assert successor in LEX.issuers, successor
    for name, spans in by_name.items():
        spans.sort(key=lambda e: e.start or date.min)
        for a, b in zip(spans, spans[1:]):
            assert a.end is not None and b.start is not None and a.end <= b.start, name


def test_every_era_name_is_known_to_the_issuer_lexicon():
    assert {e.name for e in eras()} <= set(LEX.issuers)


@pytest.mark.parametrize("value, expected", [
    ("2026-04-13", date(2026, 4, 13)), ("2026-04-13T10:00", date(2026, 4, 13)),
    ("04/13/2026 10:23:16", date(2026, 4, 13)), ("2026. 4. 13.", None), ("", None), (None, None),
])
def test_release_dates_in_their_written_forms(value, expected):
    assert parse_day(value) == expected


def release(issuer_line: str, embargo: str) -> bytes:
    return (f"{issuer_line}\n보도자료\n보도시점 {embargo}\n\n예산 집행 점검 결과 발표\n\n"
            "□ 올해 상반기 예산 집행 실적을 점검하고 그 결과를 오늘 공개한다고 밝혔다.\n").encode()


DATED_CASES = [
    # (header issuer, embargo, canonical)
    ("기획재정부", "2020. 5. 4.(월) 12:00", "기획재정부"),            # the name in force then
    ("재정경제부", "2026. 4. 13.(월) 12:00", "재정경제부"),          # the 2026 body: not 기획재정부
    ("재정경제부", "2006. 4. 13.(목) 12:00", "재정경제부"),
    ("환경부", "2025. 11. 3.(월) 12:00", "기후에너지환경부"),
    ("환경부", "2024. 6. 5.(수) 12:00", "환경부"),
]


@pytest.mark.parametrize("issuer, embargo, canonical", DATED_CASES, ids=[f"{c[0]}@{c[1][:4]}" for c in DATED_CASES])
def test_a_dated_release_keeps_the_name_of_its_date(issuer, embargo, canonical):
    found = pipeline.parse_bytes(release(issuer, embargo), "dated.txt")["release"]["issuer"]
    assert (found["name"], found.get("canonical")) == (issuer, canonical)


SUPERVISED = ("한국고용노동교육원(원장 홍길동)은 내년도 노동 교육 과정의 운영 기관을 선정했다고 밝혔다.\n"
              "보도시점 2026. 4. 13.(월) 12:00\n")


def test_a_public_body_stays_the_issuer_and_names_its_supervising_ministry():
    text = "보도자료\n\n노동 교육 과정 재개\n\n□ " + SUPERVISED
    issuer = pipeline.parse_bytes(text.encode(), "body.txt")["release"]["issuer"]
    assert issuer["name"] == "한국고용노동교육원"
    assert issuer["supervisor"]["name"] == "고용노동부"
    assert issuer["supervisor"]["reference"] in supervisors()["한국고용노동교육원"].source


def test_a_ministry_has_no_supervisor():
    issuer = pipeline.parse_bytes(release("재정경제부", "2026. 4. 13.(월) 12:00"), "m.txt")["release"]["issuer"]
    assert "supervisor" not in issuer


def test_a_supervisor_listed_under_a_renamed_ministry_is_carried_to_the_release_date():
    row = supervisors()["한국수자원공사"]
    assert row.ministry == "환경부"
    text = "보도자료\n\n물 관리 점검\n\n□ 한국수자원공사(사장 홍길동)는 올해 댐 안전 점검을 마쳤다고 밝혔다.\n" \
           "보도시점 2026. 4. 13.(월) 12:00\n"
    issuer = pipeline.parse_bytes(text.encode(), "kw.txt")["release"]["issuer"]
    assert issuer["supervisor"]["name"] == "기후에너지환경부"
    assert issuer["supervisor"]["listed"] == "환경부"


def test_supervisor_rows_name_known_ministries():
    for body, row in supervisors().items():
        assert row.ministry in LEX.issuers, (body, row.ministry)
        assert body not in LEX.issuers or body == "한국수자원공사", body


def test_the_schema_takes_a_supervisor_and_rejects_a_bare_one():
    validator = Draft202012Validator(schema())
    text = "보도자료\n\n노동 교육 과정 재개\n\n□ " + SUPERVISED
    record = pipeline.parse_bytes(text.encode(), "body.txt")
    assert not list(validator.iter_errors(record))
    broken = copy.deepcopy(record)
    broken["release"]["issuer"]["supervisor"] = {"name": "고용노동부"}
    assert list(validator.iter_errors(broken))


def unnamed(embargo: str) -> bytes:
    """A release that names no issuer; its contact line holds a department and a phone prefix
    the evidence table ties to the 기획재정부 line of bodies."""
    return (f"보도자료\n보도시점 {embargo}\n\n해외 투자자 설명회 결과\n\n"
            "□ 해외 투자자들과 면담을 갖고 외환시장 개선 계획을 설명하였다.\n\n"
            "문의: 국제금융국 외화자금과 홍길동 사무관(044-215-4711)\n").encode()


@pytest.mark.parametrize("embargo, name", [
    ("2020. 5. 4.(월) 12:00", "기획재정부"),
    ("2026. 4. 13.(월) 12:00", "재정경제부"),     # the line of bodies on that date, not the records' name
])
def test_a_name_from_contact_evidence_is_the_body_of_the_release_date(embargo, name):
    issuer = pipeline.parse_bytes(unnamed(embargo), "unnamed.txt")["release"]["issuer"]
    assert issuer["source"] in ("department", "phone_prefix")
    assert issuer["name"] == name


def remarks(title: str, dated: str = "") -> bytes:
    return (f"{dated}{title}\n\n□ 지금부터 회의를 시작하겠습니다.\n\n"
            "□ 최근 대외 여건의 불확실성이 커지고 있어 정부는 관계부처와 함께 대응 방안을 논의하겠습니다.\n\n"
            "□ 감사합니다.\n").encode()


CHAIR_CASES = [
    # (title, dated header, issuer, source)
    ("제300차 대외경제장관회의 모두발언(5.4일)", "", "재정경제부", "chair"),            # undated: the row in force today
    ("제200차 대외경제장관회의 모두발언", "보도시점 2020. 5. 4.(월) 08:00\n\n", "기획재정부", "chair"),
    ("제50차 경제관계장관회의 겸 제20차 EDCF 기금운용위원회 모두말씀", "", "재정경제부", "chair"),
    ("제300차 대외경제장관회의 개최 결과", "", None, None),                             # no remarks: not the chair's words
    ("제30회 국무회의 모두발언", "", None, None),                                     # a chair the table does not fix
    ("제5차 비상경제장관회의 부총리 겸 재정경제부장관 모두발언", "", "재정경제부", "speaker"),   # the speaker's office named
    ("제300차 대외경제장관회의 외교부 장관 모두발언", "", "외교부", "speaker"),           # the speaker outranks the chair table
]


@pytest.mark.parametrize("title, dated, name, source", CHAIR_CASES, ids=[c[0][:16] for c in CHAIR_CASES])
def test_opening_remarks_at_a_meeting_with_a_fixed_chair_name_the_chairs_ministry(title, dated, name, source):
    issuer = pipeline.parse_bytes(remarks(title, dated), "remarks.txt")["release"]["issuer"] or {}
    assert (issuer.get("name"), issuer.get("source")) == (name, source)
    text = pipeline.parse_bytes(remarks(title, dated), "remarks.txt")["text"]
    if source == "chair":
        assert issuer["chair"]["office"] == "경제부총리"
        assert text[slice(*issuer["span"])] == issuer["chair"]["meeting"]
    if source == "speaker":
        assert text[slice(*issuer["span"])] == name
        assert issuer["speaker"]["office"].startswith(name)


def test_meeting_chair_rows_name_known_ministries_and_do_not_overlap():
    from pipeline.issuer_names import meeting_chairs
    rows = meeting_chairs()
    assert rows
    for row in rows:
        assert row.ministry in LEX.issuers
        same = [r for r in rows if r.meeting == row.meeting and r is not row]
        for other in same:
            assert (row.end is not None and other.start is not None and row.end <= other.start) \
                or (other.end is not None and row.start is not None and other.end <= row.start)


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


@pytest.mark.skipif(not (CORPUS / "korea-kr").is_dir(), reason="needs ../shared/corpus/korea-kr")
def test_shipped_portal_supervisors_are_what_the_script_generates():
    """From the corpus it was learnt from, gen_supervisors writes the shipped table again; a
    corpus that has grown since is another input, and the test says so."""
    gen = load_script("gen_supervisors")
    text = (DATA / "supervisors_portal.tsv").read_text(encoding="utf-8")
    if f"# inputs: {load_script('gen_issuer_evidence').fingerprint(CORPUS)}" not in text.splitlines():
        pytest.skip("../shared/corpus/korea-kr is not the corpus the table was learnt from; regenerate it")
    shipped = [row.split("\t") for row in text.splitlines() if row and not row.startswith("#")]
    assert [list(map(str, row)) for row in gen.supervisors(CORPUS)] == shipped


def test_portal_supervisor_rows_have_their_support_and_name_known_ministries():
    gen = load_script("gen_supervisors")
    rows = [row.split("\t") for row in (DATA / "supervisors_portal.tsv").read_text(encoding="utf-8").splitlines()
            if row and not row.startswith("#")]
    assert rows
    for body, ministry, as_of, agreeing, total in rows:
        assert int(total) >= gen.MIN_RECORDS and int(agreeing) >= gen.AGREEMENT * int(total), body
        assert ministry in LEX.issuers and body not in LEX.issuers, body
        assert parse_day(as_of) is not None


def test_a_hand_sourced_row_wins_over_a_learnt_one():
    assert supervisors()["근로복지공단"].source == "alio-2024"
    assert supervisors()["국립산림과학원"].source.startswith("korea-kr ")


@pytest.mark.parametrize("lead, supervisor", [
    ("환경부 소속 국립시험과학원(원장 홍길동)은", "환경부"),
    ("환경부 산하 국립시험과학원(원장 홍길동)은", "환경부"),
    ("국무총리 소속 국립시험과학원(원장 홍길동)은", None),      # no ministry the lexicon knows
    ("국립시험과학원(원장 홍길동)은", None),
])
def test_the_release_may_say_whose_body_the_issuer_is(lead, supervisor):
    text = f"보도자료\n보도시점 2024. 6. 5.(수) 12:00\n\n대기 측정 결과 발표\n\n□ {lead} 올해 대기 측정 결과를 발표했다고 밝혔다.\n"
    record = pipeline.parse_bytes(text.encode(), "text.txt")
    issuer = record["release"]["issuer"]
    assert issuer["name"] == "국립시험과학원"
    found = issuer.get("supervisor")
    assert (found or {}).get("name") == supervisor
    if found:
        assert found["reference"] == "text" and record["text"][slice(*found["span"])] == supervisor
