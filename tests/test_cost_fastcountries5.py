"""Cost of the countries stage after its fifth pass (issue 14), without clocks, and the
shortcuts of that pass, each held exact against the work it spares:
- programmes: without a '사업인 ' in the bullet, only the acronyms a programme noun follows are
  scanned for (PROGRAM_ACRONYM_NOUN_RE), so 'APEC', 'IT' … cost no Python step; the '사업인 '
  a programme noun before an acronym needs is looked for by a scan that opens with '인';
- a body's names read from each match's spans (Match.regs) and sliced from the text, with the
  bullet of the name before reused until the next bullet's start (no bisect, no group() call);
- a roster's patterns run only where its count can stand (a roster noun's last syllable before
  the list, '등' or a digit after it): seed pattern calls 173 -> 136;
- the nodes listed by a loop per level (flattened), not walk's generator; a trailing list's
  items collapsed only when one is not a name as written; a country's entry looked up once.
"""
from __future__ import annotations

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages import countries

from .complexity import operations
from pipeline.text import walk

from .test_cost_fastcountries3 import LEX, SEED, TEXT_SAMPLES, prepared


class Lexicon:
    """The lexicon with some patterns replaced: the stage as it was before a guard."""

    def __init__(self, **patterns: re.Pattern[str]) -> None:
        self.patterns = patterns

    def __getattr__(self, name: str):
        return self.patterns[name] if name in self.patterns else getattr(LEX, name)


ANYWHERE = re.compile("")


# --- cost --------------------------------------------------------------------------------------

def test_the_seed_stays_within_its_function_calls():
    doc = prepared(SEED)
    countries.run(copy.copy(doc), LEX)       # warm: patterns compile on first use
    assert operations(lambda: countries.run(copy.copy(doc), LEX)) <= 2500


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_flattened_lists_what_walk_yields(name):
    doc = prepared(name)
    assert countries.flattened(doc.sections, []) == list(walk(doc.sections))


IMPLICATIONS = [
    ("자금 지원 정책 (호주, 미국, 싱가포르)", ["AU", "US", "SG"]),
    ("자금 지원 정책 (아랍  에미리트 ,  미국)", ["AE", "US"]),
    ("자금 지원 정책 (아랍\n에미리트 및 미국)", ["AE", "US"]),
    ("자금 지원 정책 (호주, , 미국)", ["AU", "US"]),
    ("자금 지원 정책 (호주, 기타)", None),
    ("자금 지원 정책 ( , )", None),
]


@pytest.mark.parametrize("content, codes", IMPLICATIONS)
def test_implication_items(content, codes):
    text = f"○ {content}\n"
    table = LEX.semantic["country_table"]
    names = [countries.read_mention(m, table["names"], table["ambiguous"])
             for m in countries.body_matches(text, (0, len(text)), LEX)]
    node = type("N", (), {"span": type("S", (), {"start": 0, "end": len(text) - 1})(), "marker": "○",
                          "text": content, "level": 1})()
    got = countries.match_implication(text, countries.Bullet(text, node, names, [], None, LEX), LEX)
    assert (got[1] if got else None) == codes


# --- programmes --------------------------------------------------------------------------------

PROGRAM_PIECES = st.sampled_from([
    "SME21", "APEC", "TIMPs", "eSME21", "IT", "A1", "‘", "’", "'", "「", "」", "사업", "사업인", "프로그램", "정책",
    "인", " ", "  ", "\t", "(", ")", "은", "를", "의", "중소기업", "플랜", "x", "_", "2004년", "라는", "지원",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PROGRAM_PIECES, max_size=16).map("".join))
def test_the_noun_scan_finds_the_acronyms_a_noun_follows(text):
    every = [(m.span(), m.group("name", "noun_after")) for m in LEX.PROGRAM_ACRONYM_RE.finditer(text)
             if m.group("noun_after") is not None]
    assert [(m.span(), m.group("name", "noun_after")) for m in LEX.PROGRAM_ACRONYM_NOUN_RE.finditer(text)] == every


WITHOUT_NOUN_HINT = Lexicon(PROGRAM_NOUN_BEFORE_HINT_RE=ANYWHERE)


@settings(max_examples=400, deadline=None)
@given(st.lists(PROGRAM_PIECES, max_size=16).map("".join))
def test_the_noun_before_hint_is_exact(text):
    assert countries.programs_in(text, 0, len(text), LEX) == countries.programs_in(text, 0, len(text), WITHOUT_NOUN_HINT)


@pytest.mark.parametrize("text, programs", [
    ("싱가포르는 10년 사업인 SME21을 통해", ["SME21"]),
    ("싱가포르는 10년 사업인  SME21을 통해 APEC 회원국", ["SME21"]),
    ("PROSOFT 프로그램을 운영하는 APEC", ["PROSOFT"]),
    ("TIMPs (정보화혁신전문기업)지원사업 및 IT", ["TIMPs"]),
    ("APEC 회원국의 IT 기업", []),
    ("APEC 회원국의 IT 정책", ["IT"]),
    ("사업인 eSME21", []),
])
def test_programmes(text, programs):
    assert countries.programs_in(text, 0, len(text), LEX) == programs


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_the_samples_bullets_keep_their_programmes(name):
    doc = prepared(name)
    for node in countries.flattened(doc.sections, []):
        start, end = node.span.start, node.span.end
        assert countries.programs_in(doc.text, start, end, LEX) == \
            countries.programs_in(doc.text, start, end, WITHOUT_NOUN_HINT)


# --- rosters -----------------------------------------------------------------------------------

def patterned_roster_indices(mentions, text, lex):
    """roster_indices as it was: both patterns tried on every list."""
    roster = set()
    for first, last in countries.list_runs(mentions, text, lex):
        at = mentions[first].start
        if lex.ROSTER_BEFORE_RE.search(text, max(0, at - countries.ROSTER_REACH), at) \
                or lex.ROSTER_AFTER_RE.match(text, mentions[last].end):
            roster.update(range(first, last + 1))
    return roster


def names_in(text):
    table = LEX.semantic["country_table"]
    return [countries.read_mention(m, table["names"], table["ambiguous"])
            for m in countries.body_matches(text, (0, len(text)), LEX)]


ROSTER_PIECES = st.sampled_from([
    "미국", "일본", "중국", ", ", "·", " ", "  ", "\n", "(", ")", "11", "３", "개", "개 ", "회원국", "국가", "국", "나라",
    "경제체", "등", "에서", "은", "정부가", "참가", "20", "명", "개국", "가", "라",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(ROSTER_PIECES, max_size=14).map("".join))
def test_the_roster_guards_are_exact(text):
    mentions = names_in(text)
    assert countries.roster_indices(mentions, text, LEX) == patterned_roster_indices(mentions, text, LEX)


@pytest.mark.parametrize("text, roster", [
    ("11개 회원국 (미국, 일본, 중국)이 참가", {0, 1, 2}),
    ("11개 회원국(  미국, 일본", {0, 1}),
    ("인도네시아 등 11국에서 참가", {0}),
    ("미국, 일본 등   3개국", {0, 1}),
    ("미국, 일본 20개 기업", set()),
    ("3개 국가 미국과 일본은", {0}),
    ("정부가 미국, 일본과 협력", set()),
])
def test_rosters(text, roster):
    assert countries.roster_indices(names_in(text), text, LEX) == roster


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_the_samples_rosters_are_the_patterns_rosters(name):
    doc = prepared(name)
    for node in countries.flattened(doc.sections, []):
        text = doc.text
        table = LEX.semantic["country_table"]
        mentions = [countries.read_mention(m, table["names"], table["ambiguous"])
                    for m in countries.body_matches(text, (node.span.start, node.span.end), LEX)]
        assert countries.roster_indices(mentions, text, LEX) == patterned_roster_indices(mentions, text, LEX)
