"""Release's cost on korea.kr records (issue 14), without clocks: four guards, each tested to
give exactly what the plain rule gave (invented fixtures, korea.kr lines, random joins).

- The organization branch of the lead subject ('국가기술표준원(원장 …)은', '가상진흥원장은')
  tried, after every blank, up to 30 lengths each followed by the suffix trie. It can match only
  where the word's letters up to its first '장' (all of them without one) are followed by '(' or
  '장', so a lookahead asks that first (ORG_GUARD).
- supervisor_in_text looks before the body's occurrences only when '소속' or '산하' is written.
- INLINE_ATTACHMENT_RE asks for an inline word's first letter before the next parenthesis.
- headed_subject searches a lead line for a subject only when HEAD_RE finds a head in it.
"""
from __future__ import annotations

import re
from types import SimpleNamespace
from pathlib import Path

import pytest

from pipeline.document import Line, Span
from pipeline.lexicon import load_lexicon
from pipeline.stages import release

ORG_GUARD = r"(?=[\uac00-\uc7a4\uc7a6-\ud7a3A-Za-z·]*+[(장])"
KOREA_KR = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "korea-kr"

# Invented lead lines: subjects with a head, an official, a joint particle, none at all, an
# organization that is only the object, words holding '장' that are no subject.
LEADS = [
    "□ 가상진흥원(원장 홍길동, 이하 ‘진흥원’)은 3일 새 제도를 시행한다고 밝혔다.",
    "○ 가상기술연구소장은 4일 현장을 찾았다.",
    "가상재단(이사장 김가상)과 가상청은 협약을 맺었다.",
    "□ 가상시는 시장 주재로 회의를 열고 장기 계획을 논의했다.",
    "ㅇ 김가상 가상관리공단 이사장은 5일 공장을 둘러보았다.",
    "이번 행사는 가상센터(센터장 박가상)에서 열린다.",
    "□ 장마철 대비 점검을 마쳤다 (붙임 참조)",
    "  가상협회장(회장 이가상)는 축사를 했다.",
    "가상위원회 위원장은 장관과 면담했다 가상위원회(위원장 최가상)는",
    "",
    "(",
    "장",
]


def unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert pattern.pattern.count(ORG_GUARD) == 1   # the test fails if the guard moves or goes
    return re.compile(pattern.pattern.replace(ORG_GUARD, ""), pattern.flags)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def corpus_lines(limit: int = 400) -> list[str]:
    if not KOREA_KR.is_dir():
        pytest.skip("no ../shared/corpus/korea-kr")
    lines: list[str] = []
    for path in sorted(KOREA_KR.glob("*.md"))[:limit]:
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()[:40]
    return lines


@pytest.mark.parametrize("name", ["LEAD_ISSUER_AFTER_BLANK_RE", "LEAD_ISSUER_RE"])
def test_the_guarded_subject_search_is_the_plain_one_on_invented_leads(name):
    lex = load_lexicon()
    guarded = getattr(lex, name)
    plain = unguarded(guarded)
    found = 0
    for text in LEADS:
        assert spans(guarded, text) == spans(plain, text), text
        found += len(spans(guarded, text))
    assert found >= 3       # the fixtures do hold subjects


@pytest.mark.parametrize("name", ["LEAD_ISSUER_AFTER_BLANK_RE", "LEAD_ISSUER_RE"])
def test_the_guarded_subject_search_is_the_plain_one_on_korea_kr_lines(name):
    lex = load_lexicon()
    guarded = getattr(lex, name)
    plain = unguarded(guarded)
    lines = corpus_lines()
    for text in lines:
        assert spans(guarded, text) == spans(plain, text), text
    orgs = sum(1 for text in lines for m in guarded.finditer(text) if m.group("org"))
    assert orgs > 0         # the organization branch is exercised


def test_the_guarded_subject_search_is_the_plain_one_on_random_joins():
    """Lines joined at random from the pieces the branch reads: letters, an organization suffix,
    '장', '(', a head, particles, blanks and markers."""
    import random
    lex = load_lexicon()
    pieces = (["가상", "나", "A", "·", "장", "(", ")", "(원장 홍길동)", " ", "□ ", "은", "는", "이", "가", "관"]
              + list(lex.titles["organization_suffixes"])[:12] + list(lex.issuers)[:6])
    rng = random.Random(14)
    pairs = [(getattr(lex, name), unguarded(getattr(lex, name)))
             for name in ("LEAD_ISSUER_AFTER_BLANK_RE", "LEAD_ISSUER_RE")]
    orgs = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        for guarded, plain in pairs:
            assert spans(guarded, text) == spans(plain, text), text
            orgs += sum(1 for m in guarded.finditer(text) if m.group("org"))
    assert orgs > 0


# --- the supervising ministry in the text only where '소속' or '산하' is written ----------------

SUPERVISED = [
    "보건복지부 소속 가상환경원은 3일 보고서를 냈다. 가상환경원은 …",
    "가상환경원은 3일 보고서를 냈다. 보건복지부 산하 가상환경원의 …",
    "가상환경원은 3일 보고서를 냈다. 가상환경원의 소속 직원은 …",
    "가상환경원은 3일 보고서를 냈다.",
    "환경부와 가상환경원은 3일 협약을 맺었다.",
]


def supervisor_scanned(doc, body, lex, day):
    """supervisor_in_text without its guard: every occurrence of the body is looked before."""
    words, reach = lex.labels["issuer"]["supervised_by"], release.supervision_reach(lex)
    at = doc.text.find(body)
    while at > 0:
        before = doc.text[max(0, at - reach):at].split()
        if len(before) >= 2 and before[-1] in words and before[-2] in lex.issuers:
            ministry = before[-2]
            start = doc.text.rfind(ministry, 0, at)
            name = release.name_as_of(ministry, lex.issuers.get(ministry), day)
            if name:
                return {"name": name, "listed": ministry, "reference": "text", "span": [start, start + len(ministry)]}
        at = doc.text.find(body, at + len(body))
    return None


@pytest.mark.parametrize("text", SUPERVISED)
def test_the_guarded_supervisor_is_the_scanned_one(text):
    lex = load_lexicon()
    doc = SimpleNamespace(text="보도자료\n\n" + text + "\n")     # the function reads only the text
    assert release.supervisor_in_text(doc, "가상환경원", lex, None) == supervisor_scanned(doc, "가상환경원", lex, None)


def test_the_supervisor_fixtures_hold_one():
    lex = load_lexicon()
    doc = SimpleNamespace(text="보도자료\n\n" + SUPERVISED[0] + "\n")
    assert release.supervisor_in_text(doc, "가상환경원", lex, None)["listed"] == "보건복지부"


# --- the inline attachment scan past parentheses without an inline word ----------------------

INLINE_GUARD_START = r"\((?=[^()\n"
INLINE = ["세부 내용은 다음과 같음(요약문 별첨 자료)", "(붙임 참조) 일정 (화) (장관 홍가상)", "(첨부)(별)(첨 부)",
          "(가상 (붙임) 자료)", "(붙임 1 참조\n계속)", "(참고: 첨부파일)", "((별첨))", "(", ")", "(별첨"]


def inline_unguarded(lex) -> re.Pattern[str]:
    source = lex.INLINE_ATTACHMENT_RE.pattern
    assert source.startswith(INLINE_GUARD_START)
    guard_end = source.index(")", source.index("]*+[")) + 1
    return re.compile(r"\(" + source[guard_end:])


def test_the_guarded_inline_scan_is_the_plain_one():
    lex = load_lexicon()
    plain = inline_unguarded(lex)
    assert plain.pattern.startswith(r"\((?=[^()\n]*\))")     # only the guard was taken off
    lines = INLINE + (corpus_lines() if KOREA_KR.is_dir() else [])
    hits = 0
    for text in lines + ["\n".join(INLINE)]:
        assert spans(lex.INLINE_ATTACHMENT_RE, text) == spans(plain, text), text
        hits += len(spans(plain, text))
    assert hits >= 5


def test_the_guarded_inline_scan_is_the_plain_one_on_whole_records():
    if not KOREA_KR.is_dir():
        pytest.skip("no ../shared/corpus/korea-kr")
    lex = load_lexicon()
    plain = inline_unguarded(lex)
    hits = 0
    for path in sorted(KOREA_KR.glob("*.md"))[:300]:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert spans(lex.INLINE_ATTACHMENT_RE, text) == spans(plain, text), path.name
        hits += len(spans(plain, text))
    assert hits > 0


# --- the headed subject only in a line where HEAD_RE finds a head ------------------------------

def headed_unguarded(lines, lex):
    """headed_subject without its HEAD_RE guard: every line with '(' is searched."""
    for line in lines[:1]:
        for m in release.lead_subjects(line.text, release.HEADED_REACH, lex) if "(" in line.text else ():
            group = "issuer" if m.group("issuer") else "org"
            if m.group("head") and lex.HEAD_RE.fullmatch(m.group("head")):
                start = line.content.start + m.start(group)
                return m.group(group), Span(start, start + len(m.group(group)))
    return None


HEADED = ["가상 계획을 마련했다. 가상시(시장 홍길동)는 3일 …", "가상 계획을 마련했다. 가상시(2025년)는 …",
          "가상청(청장 김가상, 이하 ‘가상청’)은 …", "(장관 이가상) 가상부는 …", "가상원(원장)은 …", "가상 행사(3일)를 열었다."]


def test_the_guarded_headed_subject_is_the_unguarded_one():
    lex = load_lexicon()
    texts = HEADED + [t for t in (corpus_lines() if KOREA_KR.is_dir() else []) if "(" in t]
    found = 0
    for text in texts:
        lines = document_lines(text)
        assert release.headed_subject(lines, lex) == headed_unguarded(lines, lex), text
        found += headed_unguarded(lines, lex) is not None
    assert found >= 2


def document_lines(text: str) -> list[Line]:
    """The text as a document's one line."""
    return [Line(0, 0, len(text), Span(0, len(text)), 0, text)]
