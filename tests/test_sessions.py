"""Sessions: labels, titles from the enumeration, topics, similarity-matched report blocks, talks."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages import sessions

from .semantic_helpers import parse, prepare

FORUM = (
    "□ 주요내용\n"
    "  ○ 포럼은 크게 ‘교육 정책 비교’, ‘금융 지원 사례’ 등의 2개의 세션과 종합토론으로 구성\n"
    "    - [세션 1]에서는 각국의 교육 정책을 비교하는 순서로, 주요 주제는 직업교육, 원격교육 등으로 구성됨\n"
    "    - [세션 2]에서는 금융 지원 사례를 발표함\n"
    "    - [종합토론]에서는 권고안을 채택함\n"
    # the block on session 2 comes first: matching is by title, not by position
    "  ○ 금융 지원의 사례 부문은 두 발표로 구성\n"
    "    * 정책금융 사례에서 칠레 재무부의 로페스 국장은 보증 제도를 소개\n"
    "  ○ 교육 정책의 비교 부문에서 각국이 발표\n"
    "    * 원격교육 부문에서 페루 교육부의 가르시아 박사는 ‘농촌 원격교육’을 주제로 발표\n"
)


@pytest.mark.parametrize("line,expected", [
    ("[세션 1]에서는 정책을 비교", ("세션 1", 1)),
    ("제2세션은 사례를 다룸", ("제2세션", 2)),          # the label as written
    ("[1부] 개회식", ("1부", 1)),
    ("종합토론: 권고안 채택", ("종합토론", None)),
    ("특별세션에서는 장관이 연설", ("특별세션", None)),
    ("세션 구성은 다음과 같음", None),
    ("3 세션으로 나뉘어 발표", None),
])
def test_labels(line, expected):
    doc, lex = prepare(f"□ {line}\n")
    found = sessions.match_label(doc.text, doc.sections[0], lex)
    assert (found[:2] if found else None) == expected


def test_titles_numbers_summary_and_topics():
    doc = parse(FORUM)
    got = [(s.label, s.number, s.title) for s in doc.sessions]
    assert got == [("세션 1", 1, "교육 정책 비교"), ("세션 2", 2, "금융 지원 사례"), ("종합토론", None, None)]
    assert doc.sessions[0].topics == ["직업교육", "원격교육"]
    assert doc.sessions[1].summary == "금융 지원 사례를 발표함"


def test_talks_come_from_the_block_most_like_the_title():
    doc = parse(FORUM)
    talks = {s.label: [(t.speaker, t.country, t.topic) for t in s.talks] for s in doc.sessions}
    # '정책금융 사례에서 …' places 로페스's talk in its session; it is no title (none is written)
    assert talks == {"세션 1": [("가르시아", "PE", "농촌 원격교육")],
                     "세션 2": [("로페스", "CL", None)],
                     "종합토론": []}
    for session in doc.sessions[:2]:
        for talk in session.talks:
            start, end = talk.span
            assert talk.speaker in doc.text[start:end]


def test_count_mismatch_is_a_warning():
    doc = parse("□ 포럼은 ‘교육’, ‘금융’ 등의 3개의 세션으로 구성\n  ○ [세션 1]에서는 교육을 다룸\n")
    assert "session_count_mismatch" in [i.code for i in doc.issues]
    assert doc.sessions[0].title == "교육"


def test_similarity_ignores_spaces_and_punctuation():
    from pipeline.lexicon import load_lexicon
    lex = load_lexicon()
    assert sessions.similarity("중소기업 정보화 추진(성공) 사례", "중소기업의 정보화 추진 사례", lex) > 0.6
    assert sessions.similarity("중소기업 정보화 지원정책 비교", "중소기업의 정보화 추진 사례", lex) < 0.6


def test_a_keynote_outside_any_session_is_a_top_level_talk():
    import pipeline
    record = pipeline.parse_text(
        "가상 보도자료 제목\n\n"
        "□ 행사 첫날 한국표준협회 박영수 회장이 기조연설에서 ‘디지털 전환과 표준’을 주제로 발표하였다.\n"
        "□ [세션 1]에서는 인증 제도를 논의하였다.\n")
    assert [(t["speaker"], t["topic"]) for t in record["talks"]] == [("박영수", "디지털 전환과 표준")]
    assert all(t["speaker"] != "박영수" for s in record["sessions"] for t in s["talks"])


# --- the cheap paths give what the plain ones gave ------------------------------------------

def dice_by_pool(x: list[str], y: list[str]) -> float:
    """The Dice coefficient as first written: each bigram of x takes one equal bigram of y."""
    if not x or not y:
        return 0.0
    pool, common = list(y), 0
    for gram in x:
        if gram in pool:
            pool.remove(gram)
            common += 1
    return 2 * common / (len(x) + len(y))


BIGRAM_POOL = st.lists(st.sampled_from(["중소", "소기", "기업", "정보", "보화", "사례", "AB", "BA"]), max_size=12)


@settings(max_examples=400, deadline=None)
@given(BIGRAM_POOL, BIGRAM_POOL)
def test_dice_counts_repeated_bigrams_as_the_pool_did(x, y):
    assert sessions.dice(x, y) == dice_by_pool(x, y)


@settings(max_examples=400, deadline=None)
@given(BIGRAM_POOL, BIGRAM_POOL, st.sampled_from([0.3, 0.5, 0.6, 0.7, 1.0]))
def test_a_pair_the_length_bound_skips_never_reaches_the_floor(x, y, floor):
    if not sessions.may_reach(x, y, floor):
        assert sessions.dice(x, y) < floor


@pytest.mark.parametrize("text,expected", [
    ("제1부 개회식", [1]),
    ("2 부에서는", [0]),
    ("12부", [1]),
    ("정부와 국토교통부", []),          # the part word alone keys nothing
    ("부", []),
    ("１부", [0]),                      # any decimal digit, as the label's \d reads it
])
def test_part_keys_find_the_number_before_the_part_word(text, expected):
    from pipeline.lexicon import load_lexicon
    assert sessions.part_keys(text, 0, len(text), load_lexicon()) == expected


def test_only_keyed_lines_are_read_for_labels():
    doc, lex = prepare("□ 행사 개요\n  ○ 정부는 회의를 열었다\n  ○ 1부에서는 개회식을 열었다\n"
                       "  ○ 세션 구성은 다음과 같음\n  ○ 국토교통부가 참석\n")
    lines = sessions.content_lines(doc)
    scan = sessions.scan_lines(doc.text, sessions.LineIndex(lines), lex)
    assert [lines[i].text for i in scan.keyed] == ["○ 1부에서는 개회식을 열었다", "○ 세션 구성은 다음과 같음"]


def test_the_first_talk_noun_of_each_line_is_found():
    doc, lex = prepare("□ 행사 개요\n  ○ 김가상 교수가 주제발표를 맡고 이가상 박사가 발표\n  ○ 세션 구성\n")
    lines = sessions.content_lines(doc)
    scan = sessions.scan_lines(doc.text, sessions.LineIndex(lines), lex)
    assert {lines[i].text: doc.text[at:at + 4] for i, at in scan.nouns.items()} == {
        "○ 김가상 교수가 주제발표를 맡고 이가상 박사가 발표": "주제발표"}


def test_no_session_key_overlaps_a_talk_noun():
    # One scan finds both (SESSION_SCAN_RE): a key that ended inside a noun, or began inside
    # one, would hide it from the scan (and the other way round).
    from pipeline.lexicon import load_lexicon
    s = load_lexicon().semantic["sessions"]
    pt = s["prose_talks"]
    keys = s["numbered_words"] + s["announced"]["words"] + s["named"]
    nouns = pt["strong"] + pt["weak"] + pt["as_words"]
    for a, b in [(k, n) for k in keys for n in nouns] + [(n, k) for k in keys for n in nouns]:
        assert b not in a and not any(a.endswith(b[:i]) for i in range(1, len(b))), (a, b)
