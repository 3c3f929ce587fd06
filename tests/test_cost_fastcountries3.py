"""Cost of the countries stage after its third pass (issue 14), without clocks, and the guards
that pass spared work with: each guard must be exact (the work it skips could have found nothing).

What the pass changed, each held below:
- a rule is called only when the bullet field it reads is set (RULES names the field): on the
  seed 192 rule calls (8 for each of 24 bullets) became 41, since most bullets with a finding are
  found by their subject or their speaker, after which no name is open;
- programmes are scanned for only in a bullet holding a capital or a quote and a programme noun:
  on the seed 20 bullets were scanned twice each (40 scans), now 11 are (22 scans);
- a header is looked for only behind a tag's bracket.
The whole stage on the seed made 3,115 function calls before the pass and 2,887 after it; the
bound sits between the two, so that a return to the old cost fails."""
from __future__ import annotations

import copy
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import countries
from pipeline.text import walk

from .complexity import count_calls, operations
from .conftest import SAMPLES
from .script_loader import load_script

SEED = "apec-2004-sme-forum.txt"
BENCH = load_script("bench")
STAGE = [name for name, _ in STAGES].index("countries")
LEX = load_lexicon()
TEXT_SAMPLES = sorted(p.name for p in SAMPLES.glob("*") if p.suffix in (".txt", ".md"))


def prepared(name: str):
    """The sample `name` as the stages before countries leave it."""
    return run(new_document((SAMPLES / name).read_bytes(), name), LEX, STAGES[:STAGE])


def release(*bullets: str) -> bytes:
    return ("가상 보도자료 제목\n\n□ 주요 내용\n" + "".join(f"  ○ {b}\n" for b in bullets)).encode("utf-8")


def calls_to(monkeypatch, names: list[str], doc) -> dict[str, int]:
    """Calls to the countries functions `names` in one run of the stage on `doc`."""
    counters = {name: count_calls(monkeypatch, countries, name) for name in names}
    countries.run(copy.copy(doc), LEX)
    return {name: c["n"] for name, c in counters.items()}


def rule_calls(monkeypatch, doc) -> dict[str, int]:
    """Calls to each rule of RULES in one run of the stage on `doc`."""
    counts = {name: 0 for name, _, _ in countries.RULES}

    def counted(name, rule):
        def call(*args):
            counts[name] += 1
            return rule(*args)
        return call
    monkeypatch.setattr(countries, "RULES",
                        tuple((name, reads, counted(name, rule)) for name, reads, rule in countries.RULES))
    countries.run(copy.copy(doc), LEX)
    return counts


# --- cost --------------------------------------------------------------------------------------

def test_the_seed_stays_within_its_function_calls():
    doc = prepared(SEED)
    work = STAGES[STAGE][1]
    work(copy.copy(doc), LEX)       # warm: patterns compile on first use
    assert operations(lambda: work(copy.copy(doc), LEX)) <= 3040


def test_the_seed_calls_few_rules(monkeypatch):
    # 24 bullets reach the rules: 41 calls (192 when every rule was called for each).
    calls = rule_calls(monkeypatch, prepared(SEED))
    assert sum(calls.values()) <= 50
    assert calls["tag"] == 0            # no bullet of the seed opens with a bracket


def test_a_bullet_found_by_its_subject_calls_no_name_rule(monkeypatch):
    doc = run(new_document(release("일본은 정보화 정책을 추진한다", "미국과 중국은 협력을 논의"), "t.txt"),
              LEX, STAGES[:STAGE])
    calls = rule_calls(monkeypatch, doc)
    assert calls["subject"] == 2
    assert sum(calls.values()) == 2


def test_a_bullet_naming_a_country_in_passing_reads_the_name_rules(monkeypatch):
    doc = run(new_document(release("정부는 미국 시장 진출을 지원한다"), "t.txt"), LEX, STAGES[:STAGE])
    calls = rule_calls(monkeypatch, doc)
    assert calls["subject"] == calls["speaker"] == calls["tag"] == 0
    assert calls["organ"] == calls["bilateral"] == calls["counterpart"] == 1


def test_programmes_are_scanned_only_where_one_can_be(monkeypatch):
    scans = BENCH.pattern_calls((SAMPLES / SEED).read_bytes(), SEED)["countries"]
    calls = calls_to(monkeypatch, ["programs_in"], prepared(SEED))
    assert calls["programs_in"] == 20
    # Two scans (quoted names, acronyms) per bullet that passes the guard: 11 of the 20.
    assert scans.get("finditer", 0) <= 1 + 2 * 12


def test_a_header_is_looked_for_only_behind_a_bracket(monkeypatch):
    assert calls_to(monkeypatch, ["match_header"], prepared(SEED))["match_header"] == 0
    doc = run(new_document(release("【 베트남 】", "수출이 늘었다"), "t.txt"), LEX, STAGES[:STAGE])
    assert calls_to(monkeypatch, ["match_header"], doc)["match_header"] >= 1


# --- the guards are exact ----------------------------------------------------------------------

class Unguarded:
    """The lexicon with the programme guard's patterns matching everywhere: programs_in then
    scans every bullet, as it did before the guard."""

    ANYWHERE = re.compile("")

    def __getattr__(self, name: str):
        if name in ("PROGRAM_MARK_RE", "PROGRAM_NOUN_RE"):
            return self.ANYWHERE
        return getattr(LEX, name)


UNGUARDED = Unguarded()


@pytest.mark.parametrize("text", [
    "싱가포르는 10년 사업인 SME21을 통해",           # a copula before the acronym
    "PROSOFT 프로그램을 운영",                      # a noun after it
    "ASEAN 회원국과 협력 (OECD 권고)",              # acronyms, no programme noun
    "‘녹색 성장’이라는 구호",                       # a quote, no programme noun
    "정부의 지원 정책과 사업 계획",                  # nouns, no acronym or quote
    "'스마트 공장 보급' 사업을 확대",                # a straight quote and a noun after it
    "",
])
def test_the_programme_guard_skips_only_bullets_without_programmes(text):
    assert countries.programs_in(text, 0, len(text), LEX) == countries.programs_in(text, 0, len(text), UNGUARDED)


PIECES = st.sampled_from(["SME21", "APEC", "TIMPs", "‘", "’", "'", "「", "」", "사업", "사업인", "프로그램", "정책",
                          "인", " ", "  ", "(", ")", "은", "를", "의", "중소기업", "플랜", "x", "2004년", "라는"])


@settings(max_examples=300)
@given(st.lists(PIECES, max_size=14).map("".join))
def test_the_programme_guard_is_exact(text):
    assert countries.programs_in(text, 0, len(text), LEX) == countries.programs_in(text, 0, len(text), UNGUARDED)


def bullets_of(name: str):
    """Every Bullet the stage would read in the sample `name`: each node with a name or a speaker."""
    doc = prepared(name)
    text = doc.text
    body = countries.body_of(doc.sections)
    nodes = list(walk(doc.sections))
    index = countries.BodyIndex(nodes)
    mentions = countries.mentions_by_node(text, body, countries.body_matches(text, body, LEX), index, LEX)
    speakers = countries.speakers_by_node(doc, index, LEX)
    for position, node in enumerate(nodes):
        names, said = mentions.get(node.span.start, []), speakers.get(node.span.start, [])
        if node.text and (names or said):
            yield text, countries.Bullet(text, node, names, said, nodes[position - 1] if position else None, LEX)


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_a_rule_whose_field_is_empty_finds_nothing(name):
    # The guard in finding_countries skips a rule whose field is empty: each rule called anyway,
    # with every name open, must find nothing there.
    checked = 0
    for text, bullet in bullets_of(name):
        for _, reads, rule in countries.RULES:
            if not getattr(bullet, reads):
                checked += 1
                assert rule(text, bullet, LEX) == [], (name, reads, text[bullet.start:bullet.end])
    if name == SEED:
        assert checked >= 100       # 30 bullets, most with no speaker, no tag, no prefix


def test_the_name_rules_read_only_open_names():
    # Every rule from the fourth on reads b.open or b.bare (bare names are open ones): once every
    # name's country is found, none of them can add a code.
    fields = [reads for _, reads, _ in countries.RULES]
    assert fields[:3] == ["has_subject", "speakers", "tagged"]
    assert set(fields[3:]) <= {"open", "bare", "prefixed"}       # prefixed: one of the bare names
