"""Cost of the countries stage after its fifth pass (issue 14), without clocks, and the
shortcuts of that pass, each held exact against the work it spares:
- programmes: quoted names and acronyms in one scan of a bullet (PROGRAM_SCAN_RE), which also
  stands for the guard that looked for a capital or a quote; without a '사업인 ' in the bullet,
  only the acronyms a programme noun follows are scanned for (PROGRAM_SCAN_NOUN_RE), so 'APEC',
  'IT' … cost no Python step; the '사업인 ' is looked for by a scan that opens with '인';
- a body's names read from each match's spans (Match.regs) and sliced from the text, with the
  bullet of the name before reused until the next bullet's start (no bisect, no group() call);
- a roster's patterns run only where its count can stand (a roster noun's last syllable before
  the list, '등' or a digit after it): on the seed 38 roster pattern calls became 2;
- the nodes listed by a loop per level (flattened), not walk's generator; a trailing list's
  items collapsed only when one is not a name as written; a country's entry looked up once.
The stage on the seed made 2,692 function calls before the pass and 1,893 after it (korea.kr
mean 95 -> 78 a record); its lexicon pattern calls went 163 -> 122.
"""
from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages import countries
from pipeline.text import collapse, walk

from .complexity import operations
from .conftest import SAMPLES
from .test_cost_fastcountries2 import calls_by_pattern
from .test_cost_fastcountries3 import BENCH, LEX, SEED, TEXT_SAMPLES, prepared
from .test_cost_fastcountries4 import bullet_of


# --- cost --------------------------------------------------------------------------------------

def test_the_seed_stays_within_its_function_calls():
    # 2,692 before the pass, 1,893 after it.
    doc = prepared(SEED)
    countries.run(copy.copy(doc), LEX)       # warm: patterns compile on first use
    assert operations(lambda: countries.run(copy.copy(doc), LEX)) <= 2350


def test_the_seed_stays_within_its_pattern_calls():
    # 163 before the pass, 122 after it (rosters 38 -> 2; programmes 62 -> 59, but 22 class scans
    # of a bullet and 20 searches for a capital or a quote became 16 scans).
    calls = BENCH.pattern_calls((SAMPLES / SEED).read_bytes(), SEED)["countries"]
    assert sum(calls.values()) <= 150


def test_a_bullet_is_scanned_once_for_its_programmes():
    calls = calls_by_pattern((SAMPLES / SEED).read_bytes(), SEED)
    scans = calls.get("PROGRAM_SCAN_RE", 0) + calls.get("PROGRAM_SCAN_NOUN_RE", 0)
    # One scan for each bullet that holds a programme noun (16 of the 20 bullets with a finding);
    # the two scans of before are left for a quote that names no programme.
    assert scans <= 20
    assert calls.get("PROGRAM_QUOTED_RE", 0) == 0 and calls.get("PROGRAM_ACRONYM_RE", 0) <= 2
    assert "PROGRAM_MARK_RE" not in calls


def test_rosters_are_read_only_where_a_count_can_stand():
    calls = calls_by_pattern((SAMPLES / SEED).read_bytes(), SEED)
    assert calls.get("ROSTER_BEFORE_RE", 0) + calls.get("ROSTER_AFTER_RE", 0) <= 6       # 38 before


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
    text, bullet = bullet_of(content)
    got = countries.match_implication(text, bullet, LEX)
    assert (got[1] if got else None) == codes


# --- programmes --------------------------------------------------------------------------------

PROGRAM_PIECES = st.sampled_from([
    "SME21", "APEC", "TIMPs", "eSME21", "IT", "A1", "‘", "’", "'", "「", "」", "사업", "사업인", "프로그램", "정책",
    "인", " ", "  ", "\t", "(", ")", "은", "를", "의", "중소기업", "플랜", "x", "_", "2004년", "라는", "지원",
])


def separate_programs_in(text, start, end, lex):
    """programs_in as it was before the fifth pass: quoted names and acronyms in two scans, every
    acronym looked at."""
    found, quoted = [], []
    for m in lex.PROGRAM_QUOTED_RE.finditer(text, start, end):
        name = collapse(m.group("name"))
        if m.group("after") or lex.PROGRAM_NOUN_END_RE.search(name):
            found.append((m.start("name"), name))
            quoted.append((m.start("name"), m.end("name")))
    if not lex.PROGRAM_NOUN_RE.search(text, start, end):
        return []
    for m in lex.PROGRAM_ACRONYM_RE.finditer(text, start, end):
        at = m.start()
        if any(a <= at < b for a, b in quoted):
            continue
        if m.group("noun_after") is not None or (text[at - 1:at].isspace()
                and lex.PROGRAM_NOUN_BEFORE_RE.search(text, max(start, at - countries.NOUN_WINDOW), at)):
            found.append((at, m.group("name")))
    return list(dict.fromkeys(name for _, name in sorted(found)))


@settings(max_examples=600, deadline=None)
@given(st.lists(PROGRAM_PIECES, max_size=16).map("".join))
def test_one_scan_finds_the_programmes_of_two(text):
    assert countries.programs_in(text, 0, len(text), LEX) == separate_programs_in(text, 0, len(text), LEX)


@settings(max_examples=300, deadline=None)
@given(st.lists(PROGRAM_PIECES, max_size=16).map("".join))
def test_the_scans_quotes_are_the_quoted_patterns(text):
    for scan in (LEX.PROGRAM_SCAN_RE, LEX.PROGRAM_SCAN_NOUN_RE):
        assert [m.span() for m in scan.finditer(text) if m.group("name") is not None] == \
            [m.span() for m in LEX.PROGRAM_QUOTED_RE.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.lists(PROGRAM_PIECES, max_size=16).map("".join))
def test_the_scans_acronyms_are_the_acronym_patterns_outside_quotes(text):
    quotes = [m.span() for m in LEX.PROGRAM_QUOTED_RE.finditer(text)]
    acronyms = [(m.span(), m.group("noun_after")) for m in LEX.PROGRAM_ACRONYM_RE.finditer(text)
                if not any(a <= m.start() < b for a, b in quotes)]
    assert [(m.span(), m.group("noun_after")) for m in LEX.PROGRAM_SCAN_RE.finditer(text)
            if m.group("name") is None] == acronyms
    assert [(m.span(), m.group("noun_after")) for m in LEX.PROGRAM_SCAN_NOUN_RE.finditer(text)
            if m.group("name") is None] == [(span, noun) for span, noun in acronyms if noun is not None]


@pytest.mark.parametrize("text, programs", [
    ("싱가포르는 10년 사업인 SME21을 통해", ["SME21"]),
    ("싱가포르는 10년 사업인  SME21을 통해 APEC 회원국", ["SME21"]),
    ("PROSOFT 프로그램을 운영하는 APEC", ["PROSOFT"]),
    ("TIMPs (정보화혁신전문기업)지원사업 및 IT", ["TIMPs"]),
    ("APEC 회원국의 IT 기업", []),
    ("APEC 회원국의 IT 정책", ["IT"]),
    ("사업인 eSME21", []),
    ("‘APEC 회원국’ TIMPs 사업", ["TIMPs"]),
    ("‘APEC 회원국’과 PROSOFT (멕시코) 프로그램", ["PROSOFT"]),
    ("‘IT (실무’용) 사업", ["IT"]),            # the noun after the quote, past a bracket
    ("‘실업학교 ASP 훈련프로그램’을 운영", ["실업학교 ASP 훈련프로그램"]),
    ("10년 사업인 ‘SME21 회원’ 지원", []),      # a quote, no blank, before the acronym
    ("사업인 ‘사업인 SME21 회원’ 지원", ["SME21"]),
])
def test_programmes(text, programs):
    assert countries.programs_in(text, 0, len(text), LEX) == programs


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_the_samples_bullets_keep_their_programmes(name):
    doc = prepared(name)
    for node in countries.flattened(doc.sections, []):
        start, end = node.span.start, node.span.end
        assert countries.programs_in(doc.text, start, end, LEX) == separate_programs_in(doc.text, start, end, LEX)


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
