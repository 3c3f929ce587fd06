"""Cost of the header stages, second pass (issue 14), without clocks: the fast paths give what
the plain rule gave (the lead subject by a scan to the blanks, the attachment walk skipped when
no line opens a listing, the page's contact box skipped when no label or phone tail is there),
and the work no longer grows with the lines it skips."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import BlockKind, Document
from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import page, release

from .complexity import operations

K = BlockKind


def text_doc(text: str, until: str, name: str = "cost2.txt") -> Document:
    """A document run through every stage before `until`."""
    names = [n for n, _ in STAGES]
    return run(new_document(text.encode("utf-8"), name), stages=STAGES[:names.index(until)])


# --- the lead subject: lead_subjects gives LEAD_ISSUER_RE.finditer's matches -----------------
SUBJECT_GROUPS = ("issuer", "org", "head")


def by_finditer(text: str, end: int) -> list[tuple]:
    lex = load_lexicon()
    return [tuple(m.span(g) for g in SUBJECT_GROUPS) + (m.end(),)
            for m in lex.LEAD_ISSUER_RE.finditer(text, 0, end)]


def by_lead_subjects(text: str, end: int) -> list[tuple]:
    lex = load_lexicon()
    found = release.lead_subjects(text, end, lex)
    # The first match may be LEAD_ISSUER_RE's own (at the line's start), the others the blank's.
    return [tuple(m.span(g) for g in SUBJECT_GROUPS) + (m.end("subject") if "subject" in m.re.groupindex else m.end(),)
            for m in found]


LEAD_LINES = [
    "해양수산부(장관 가나다)는 오늘 새 정책을 발표했다.",
    "□ 가나다 산업통상부 장관은 1일 라마시(시장 바사아)와 협약을 맺었다.",
    "○ 가나청과 다라부는 합동으로 점검했다. 마바군(군수 사아자)은 …",
    "가나다라재단(이사장 마바사, 이하 ‘재단’)은 1일 발표했다",
    "교육부는  보건복지부와 함께 행정안전부는 ㅇ 국토교통부는",
    "   공정거래위원회  위원장은 □ 기획재정부(장관 가나다) 경제정책국은 …",
    "",
    "(부) 청 원장은",
]
PIECES = ["교육부", "보건복지부", "기획재정부", "가나시", "다라청", "마바위원회", "(장관 가나다)",
          "(시장 라마바, 이하 ‘시’)", " 장관", " 가나다 차관", "은", "는", "이", "과", "와", " ", "  ",
          "□ ", "○", "ㅇ", "사업", "추진", ".", "다. ", "장은", "(", ")", "본부"]


def test_lead_subjects_equal_finditer_on_lead_lines():
    found_any = False
    for text in LEAD_LINES:
        for end in (len(text), 12, 0):
            assert by_lead_subjects(text, end) == by_finditer(text, end), (text, end)
            found_any = found_any or bool(by_finditer(text, end))
    assert found_any


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24), st.integers(0, 200))
def test_lead_subjects_equal_finditer_on_any_piece_string(pieces, end):
    text = "".join(pieces)
    assert by_lead_subjects(text, end) == by_finditer(text, end)


# --- attachments: listing_may_open is the per-line test it replaces --------------------------
LISTING_WORDS = [w.strip() for w in load_lexicon().labels["attachment"]["listing"]]
OPENERS = tuple(pair[0] for pair in load_lexicon().labels["attachment"]["listing_brackets"])


def opens_by_line(doc: Document, firsts: str) -> bool:
    """A body line opening with a listing label's first letter, or with the bracket a label may
    stand in and then that label ('<붙임> …', '< 별 첨 >'; not '(별도 …')."""
    def opens(text: str) -> bool:
        if text[0] in firsts:
            return True
        rest = "".join(text[1:].split())
        return text[0] in OPENERS and any(rest.startswith("".join(w.split())) for w in LISTING_WORDS)
    return any(opens(line.text) for line in doc.lines_of(K.BODY) if line.text)


FIRSTS = "".join(w[:1] for w in LISTING_WORDS)
BODY_PIECES = ["□ 정부는 점검했다.", "  붙임 1. 계획 1부.", "특별 점검", "별첨", " 첨부 자료", "\t별도",
               "1. 참고자료 1부.", "\u3000붙임", "(별첨 2)", "개별 사업", "", "   ", "<붙임> 1. 계획",
               "< 별 첨 > 안내서", "(별도 안내)", "[참고] 용어", "<표 1> 현황", "【붙임】개요"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(BODY_PIECES), min_size=1, max_size=12))
def test_listing_may_open_equals_a_test_of_each_body_line(lines):
    doc = text_doc("\n".join(lines) + "\n\n□ 정부는 새 정책을 발표했다고 밝혔다.\n" + "\n".join(lines) + "\n", "release")
    assert release.listing_may_open(doc, FIRSTS, load_lexicon()) == opens_by_line(doc, FIRSTS)


def test_attachments_without_a_listing_make_no_call_per_body_line():
    lex = load_lexicon()

    def make(lines: int) -> Document:
        body = "".join(f"□ 정부는 {k}번째 특별 과제를 점검했다고 밝혔다(별첨 자료).\n" if k == 3 else
                       f"□ 정부는 {k}번째 특별 과제를 점검했다고 밝혔다.\n" for k in range(lines))
        return text_doc("보도자료\n제목입니다\n\n" + body, "release")
    small, large = make(20), make(400)
    assert release.match_attachments(small, lex) == release.match_attachments(large, lex) != []
    # 20× the lines, a '별' in each ('특별'): the same calls (the walk over every body line
    # made ~1 more a line, 63 → 443).
    assert operations(lambda: release.match_attachments(large, lex)) <= \
        operations(lambda: release.match_attachments(small, lex)) + 5


# --- the page's contact box: skipped only where it could find nothing ------------------------
HEADER_PIECES = ["담당부서", "담당자", "전화번호", "전화", "연락처", "부서명", "조회수", "가나다", " ", ": ",
                 "044", "-", ".", "1234", "300", "(", ")", "☎", "\n", "01/21/2020 18:37:12", "작성일"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(HEADER_PIECES), max_size=16))
def test_a_header_that_may_hold_no_contact_yields_none(pieces):
    lex = load_lexicon()
    text = "".join(pieces)
    if page.may_hold_contact(text, lex):
        return
    fields = page.page_contact_fields(text, lex) or page.unlabelled_contact(text, lex)
    assert "department" not in fields and "phone" not in fields


def test_a_front_matter_header_makes_no_contact_label_scan():
    text = ('---\ntitle: "가나 정책 발표"\nministry: "교육부"\napprove_date: "01/21/2020 18:37:12"\n'
            'news_item_id: "1"\n---\n\n# 가나 정책 발표\n\n교육부는 1일 새 정책을 발표했다.\n')
    doc = text_doc(text, "page", "cost2.md")
    assert doc.lines_of(K.PAGE_HEADER)       # the record's fields, read as the page's header
    lex = load_lexicon()
    scans = {"n": 0}
    label_re = lex.PAGE_CONTACT_LABEL_RE

    class Counted:
        def finditer(self, *args):
            scans["n"] += 1
            return label_re.finditer(*args)
    lex.PAGE_CONTACT_LABEL_RE = Counted()
    try:
        assert page.parse_page_contact(doc, lex) is None
    finally:
        lex.PAGE_CONTACT_LABEL_RE = label_re
    assert scans["n"] == 0
