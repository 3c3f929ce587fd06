"""The fixed per-document cost of segment and release (issue 14), without clocks.

Three shortcuts, each giving what the plain form gave:
- segment.assign_tail walks up from the body's end for a contact table only when a line of the
  body opens with a contact opener's first character (CONTACT_OPENING_START_RE over the lines'
  first characters): most korea.kr records have none, and the walk could then find none;
- segment.is_headline_like asks a line's kind once ('is_embargo or is_kind_line' asked it twice:
  is_embargo is 'not a kind line and reads as an embargo');
- segment.is_chrome asks CHROME_HINT_RE first: a line it does not hit is chrome only as an exact
  chrome line or by a file name, so the phrase and widget patterns are not asked of it;
- release.run asks looks_like_release once a document (twice when the kind was missing); blank
  lines are asked no kind word (release) and give no contact tokens (contacts); a document
  without table cells is searched for no template title.
"""
from __future__ import annotations

import copy

import pytest

from pipeline.document import BlockKind as K
from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import release, segment

from .complexity import operations
from .test_segment import document_of, sample_lines

# An invented release of five lines: what every document pays whatever its size.
TINY = "가상부 보도자료\n\n가상 제도 시행\n\n□ 가상부는 1일 새 제도를 시행한다.\n\n담당: 가상과 홍길동 (02-123-4567)\n"

# Invented bodies, each ending otherwise: a contact table, a contact line in prose, an appendix
# after a contact table, nothing but prose, a page number, an attachment list.
TAILS = [
    ["□ 가상청은 3일 새 사업을 시작한다고 밝혔다.", "", "담당 부서", "가상정책과", "책임자", "과장 김가상",
     "(044-000-1111)", "담당자", "사무관 이가상", "(044-000-2222)"],
    ["□ 가상청은 3일 새 사업을 시작한다고 밝혔다.", "", "문의: 가상정책과 김가상 (044-000-1111)"],
    ["□ 가상시는 조례를 고쳤다.", "담당자 가상과 박가상 044-000-3333", "", "참고 1", "세부 내용", "□ 세부 일정"],
    ["○ 가상군은 축제를 연다.", "", "○ 누구나 참여할 수 있다."],
    ["□ 가상도는 도로를 넓힌다.", "", "- 3 -"],
    ["□ 가상원은 보고서를 냈다.", "", "붙임 1. 보고서 요약 1부.", "2. 사진 2매.  끝."],
]


def doc_before(stage: str, text: str = TINY):
    lex = load_lexicon()
    doc = new_document(text.encode("utf-8"), "tiny.txt")
    names = [name for name, _ in STAGES]
    run(doc, lex, STAGES[:names.index(stage)])
    return doc


# --- the contact walk only where a line may open a contact table -------------------------------

@pytest.mark.parametrize("lines", TAILS + [sample_lines()[:4000]])
def test_the_tail_with_openers_is_the_tail_without(lines):
    lex, doc = load_lexicon(), document_of(lines)
    stop = len(doc.lines)
    r = segment.Regions(kinds=[K.BODY] * stop)
    for begin in range(0, stop, max(1, stop // 7)):
        headings = segment.starting_lines(doc, r, lex.APPENDIX_HEAD_START_RE, begin, stop)
        openers = segment.starting_lines(doc, r, lex.CONTACT_OPENING_START_RE, begin, stop)
        with_openers, without = [K.BODY] * stop, [K.BODY] * stop
        assert segment.assign_tail(doc.lines, begin, stop, with_openers, lex, headings, openers) \
            == segment.assign_tail(doc.lines, begin, stop, without, lex)
        assert with_openers == without, (begin, lines[:3])


def test_a_body_without_an_opener_is_not_walked_up(monkeypatch):
    walks = []
    real = segment.find_contact_start
    monkeypatch.setattr(segment, "find_contact_start", lambda *a: walks.append(a) or real(*a))
    segment.run(doc_before("segment", "\n".join(TAILS[3]) + "\n"), load_lexicon())
    assert walks == []
    segment.run(doc_before("segment", "\n".join(TAILS[0]) + "\n"), load_lexicon())
    assert len(walks) == 1      # the test can fail: a body with a contact table is walked


# --- is_chrome behind its hint -------------------------------------------------------------------

def plain_is_chrome(line, lex) -> bool:
    """is_chrome as it was before the hint: every pattern asked."""
    return not line.blank and (bool(lex.CHROME_RE.search(line.text)) or line.text in lex.boilerplate["exact"]
                               or segment.is_file_widget(line.text, lex))


def test_chrome_behind_the_hint_is_the_plain_chrome():
    lex = load_lexicon()
    chrome = lex.boilerplate
    invented = ["사진.PNG(191 kb)", "보고서.hwpx", "붙임.pdf [미리보기]", "첨부파일 2", "첨부 :", "파일",
                "가상청 누리집. 끝.", "목록", "Copyright 2026 가상청", "ALL RIGHTS RESERVED", "본문 바로가기",
                "가상.zip 파일", "가상 제도를 시행한다.", "[바로보기]", "사진 1.jpg"]
    lines = chrome["phrases"] + chrome["exact"] + chrome["file_widget_labels"] + chrome["file_widget_words"]
    doc = document_of(invented + lines + sample_lines()[:4000])
    answers = set()
    for line in doc.lines:
        assert segment.is_chrome(line, lex) == plain_is_chrome(line, lex), line.text
        answers.add(segment.is_chrome(line, lex))
    assert answers == {True, False}


# --- a line's kind asked once by is_headline_like -----------------------------------------------

def test_kind_or_embargo_is_embargo_or_kind():
    """is_headline_like's 'is_kind_line or reads_as_embargo' is the 'is_embargo or is_kind_line'
    it replaced, line by line."""
    lex, doc = load_lexicon(), document_of(sample_lines()[:3000] + ["보 도 참 고 자 료", "보도시점 : 즉시",
                                                                   "즉시 보도", "보도자료   고용노동부"])
    answers = set()
    for line in doc.lines:
        old = segment.is_embargo(line, lex) or segment.is_kind_line(line, lex)
        new = segment.is_kind_line(line, lex) or segment.reads_as_embargo(line, lex)
        assert old == new, line.text
        answers.add(new)
    assert answers == {True, False}


# --- the lead's subject read line by line ------------------------------------------------------------

def sorted_lead_subject(lines, lex):
    """The lead's subject as it was picked before: every subject of every lead line, sorted so that
    a known issuer comes first, the first taken."""
    found = [(line, m) for line in lines
             for m in release.lead_subjects(line.text, release.first_sentence_end(line.text, lex), lex)]
    found.sort(key=lambda lm: not lm[1].group("issuer"))
    return found[:1]


def test_the_lead_subject_read_in_order_is_the_sorted_one():
    lex = load_lexicon()
    invented = ["가상시(시장 김가상)는 3일 축제를 연다고 밝혔다.", "□ 기획재정부는 4일 지침을 냈다.",
                "가상재단(이사장 박가상)은 5일 상을 준다.", "□ 환경부와 가상공사는 협약을 맺었다."]
    doc = document_of(invented + sample_lines()[:6000])
    lines = [line for line in doc.lines if line.text]
    kinds = set()
    for a, b in zip(lines, lines[1:]):
        expected = sorted_lead_subject([a, b], lex)
        got = release.lead_subject([a, b], lex)
        assert [(l.index, m.span(), m.group(0)) for l, m in got] \
            == [(l.index, m.span(), m.group(0)) for l, m in expected], (a.text, b.text)
        kinds.add(bool(got) and bool(got[0][1].group("issuer")))
    assert kinds == {True, False}


# --- release's evidence asked once ---------------------------------------------------------------

@pytest.mark.parametrize("text", [TINY, "가상 제도 시행\n\n□ 가상부는 1일 새 제도를 시행한다고 밝혔다.\n"])
def test_release_asks_for_evidence_once(monkeypatch, text):
    asked = []
    real = release.looks_like_release
    monkeypatch.setattr(release, "looks_like_release", lambda *a: asked.append(1) or real(*a))
    release.run(doc_before("release", text), load_lexicon())
    assert len(asked) == 1


# --- calls on the tiny release ---------------------------------------------------------------------

# Function calls (tests/complexity.operations) on TINY: before this pass segment made 278, release
# 241 and contacts 248; after it 241, 210 and 242. The bounds sit below the old counts, so a
# return to the old cost fails.
BOUNDS = {"segment": 260, "release": 225, "contacts": 246}


@pytest.mark.parametrize("stage", sorted(BOUNDS))
def test_the_tiny_release_costs_fewer_calls(stage):
    lex = load_lexicon()
    fn = dict(STAGES)[stage]
    doc = doc_before(stage)
    fn(copy.deepcopy(doc), lex)      # warm: patterns compiled once a process
    copies = [copy.deepcopy(doc) for _ in range(2)]
    assert operations(lambda: fn(copies[0], lex)) <= BOUNDS[stage]
