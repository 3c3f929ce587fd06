"""Cost of the header stages (page, release, contacts) without clocks: the lexicon pattern calls
each makes on the seed, no second parse of an HTML page, scans that make no call per line; and
the equivalences the fast paths rest on (a scan of the text finds the lines a search on each
line found, a scan of a line finds the labels a match at each word found)."""
from __future__ import annotations

from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.document import BlockKind, Document
from pipeline.lexicon import load_lexicon
from pipeline.phones import email_lines, phone_lines
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import contacts, page, release
from pipeline.text import domestic_number

from .complexity import count_calls, operations
from .conftest import SAMPLES, sample_cases
from .script_loader import load_script

SEED = "apec-2004-sme-forum"
HEADER_STAGES = ("page", "release", "contacts")
K = BlockKind


def prepared(data: bytes, name: str, until: str) -> Document:
    """A document run through every stage before `until`."""
    names = [n for n, _ in STAGES]
    return run(new_document(data, name), stages=STAGES[:names.index(until)])


def text_doc(text: str, until: str = "page") -> Document:
    return prepared(text.encode("utf-8"), "cost.txt", until)


# --- pattern calls on the seed: N ≈ 1.3× what the stages make now -----------------------
# Before this work: text page 35, release 148, contacts 138; HTML contacts 289.
PATTERN_CALLS_MAX = {
    ("txt", "page"): 30, ("txt", "release"): 62, ("txt", "contacts"): 60,
    ("html", "page"): 70, ("html", "release"): 58, ("html", "contacts"): 200,
}


@pytest.mark.parametrize("suffix", ["txt", "html"])
def test_header_stages_make_few_pattern_calls_on_the_seed(suffix):
    bench = load_script("bench", "bench_for_fastheader")
    calls = bench.pattern_calls((SAMPLES / f"{SEED}.{suffix}").read_bytes(), f"{SEED}.{suffix}")
    for stage in HEADER_STAGES:
        made = sum(calls[stage].values())
        assert made <= PATTERN_CALLS_MAX[suffix, stage], (stage, calls[stage])


def test_page_reads_the_tree_render_parsed(monkeypatch):
    """An HTML page is parsed once, by render; page reads its <title> and logos from that tree."""
    parses = count_calls(monkeypatch, page, "parse_html")
    record = pipeline.parse_bytes((SAMPLES / f"{SEED}.html").read_bytes(), f"{SEED}.html")
    assert parses["n"] == 0
    assert record["page"]["logos"]      # the seed's logo, read from render's tree


def test_page_parses_the_markup_itself_without_render():
    """A document that did not pass through render (no doc.markup) still gets its logos."""
    html = '<html><head><title>알림마당 > 보도자료</title></head><body><h1 class="logo">' \
           '<img src="/img/top_logo.png" alt="가나군청"></h1><p>본문</p></body></html>'
    doc = prepared(html.encode("utf-8"), "cost.html", "page")
    doc.markup = None
    page.run(doc, load_lexicon())
    assert doc.page["logos"] == [{"alt": "가나군청", "src": "/img/top_logo.png"}]


# --- the phone and e-mail lines: one scan finds what a search on each line found ----------

def per_line(doc: Document, pattern) -> set[int]:
    return {line.index for line in doc.lines if line.text and pattern.search(line.text)}


PHONE_TEXTS = [
    "문의: 운영지원과 홍길동 (044-202-7864)\n보도자료 본문입니다.\n",
    "담당자 김가람\n  전화 02)3787-\n0433\n팩스 02. 3787. 0434\n",        # a phone broken over a line end
    "   (044)201-3333 내선 12\n3771-5035\n12-3456\n전화 044.201.3333\n",
    "이메일 gil.dong@korea.kr 로\n@ 표시만 있는 줄\nname@host\n메일: a_b@x-y.go.kr\n",
    "예산 1,234.5678억원과 2024.10.31 그리고 -1234 가 있다.\n\n\n",
]


@pytest.mark.parametrize("text", PHONE_TEXTS)
def test_phone_and_email_lines_equal_a_search_on_each_line(text):
    doc = text_doc(text)
    lex = load_lexicon()
    assert phone_lines(doc, lex) == per_line(doc, lex.PHONE_RE)
    assert email_lines(doc, lex) == per_line(doc, lex.EMAIL_RE)


@pytest.mark.parametrize("name", [n for n in sample_cases() if n.endswith((".txt", ".md", ".html"))])
def test_phone_lines_equal_a_search_on_each_line_in_every_sample(name):
    doc = prepared((SAMPLES / name).read_bytes(), name, "page")
    lex = load_lexicon()
    assert phone_lines(doc, lex) == per_line(doc, lex.PHONE_RE)
    assert email_lines(doc, lex) == per_line(doc, lex.EMAIL_RE)


def test_the_phone_scan_makes_no_call_per_line():
    lex = load_lexicon()

    def make(lines: int) -> Document:
        body = "".join(f"□ 정부는 {k}번째 과제를 점검했다고 밝혔다.\n" for k in range(lines))
        return text_doc("보도자료\n문의: 홍보팀 (02-2100-1234)\n" + body)
    small, large = make(20), make(2000)
    assert phone_lines(large, lex) == phone_lines(small, lex) == {1}
    # 100× the lines: the same calls (the line starts are listed by one comprehension).
    assert operations(lambda: phone_lines(large, lex)) <= operations(lambda: phone_lines(small, lex)) + 5


# --- contact labels: one scan of a line finds them where a match at each word did --------

def labels_word_by_word(text: str, lex) -> list[tuple[str, int, int]]:
    """The former reading: CONTACT_LABEL_RE tried at every word start past the last label."""
    found, value_from = [], 0
    starts = [i for i, ch in enumerate(text) if not ch.isspace() and (i == 0 or text[i - 1].isspace())]
    for at in starts:
        if at < value_from:
            continue
        m = lex.CONTACT_LABEL_RE.match(text[at:])
        if m:
            found.append((m.lastgroup, at, at + m.end()))
            value_from = at + m.end()
    return found


CONTACT_LINES = [
    "담당과 정책연구부 혁신연구팀",
    "담당 부서 주택정책과 책임자 과장 최바다 (044-201-3300)",
    "담당자 전대성 팀   장  전화번호 02-123-4567  E-mail a@b.kr",
    "<총괄> 담당자:김가람 연락처 : 010-1234-5678",
    "문 의 : 운영지원과 윤권상 (044-202-7864)",
    "담당자김가람 전화02-111-2222",          # labels glued to a word are no labels
    "팩스 02-3787-0434 담 당 자 홍길동",
    "",
    "   ",
]


@pytest.mark.parametrize("text", CONTACT_LINES)
def test_contact_labels_by_one_scan_equal_a_match_at_each_word(text):
    lex = load_lexicon()
    scanned = [(m.lastgroup, m.start(), m.end()) for m in lex.CONTACT_LABEL_AT_WORD_RE.finditer(text)]
    assert scanned == labels_word_by_word(text, lex)


def test_contact_labels_equal_in_every_sample_contact_block():
    lex = load_lexicon()
    compared = 0
    for name in sample_cases():
        doc = prepared((SAMPLES / name).read_bytes(), name, "page")
        for line in doc.lines_of(K.CONTACT):
            scanned = [(m.lastgroup, m.start(), m.end()) for m in lex.CONTACT_LABEL_AT_WORD_RE.finditer(line.text)]
            assert scanned == labels_word_by_word(line.text, lex), (name, line.text)
            compared += 1
    assert compared > 20


# --- attachments: inline mentions by one scan of each body block -------------------------

def test_inline_attachments_equal_a_search_on_each_body_line():
    text = ("보도자료\n제목 없음\n\n□ 세부 내용은 다음과 같음(요약문 별첨 자료)\n"
            "○ 관련 자료(붙임 참고)와 (첨부 1)(별첨 2) 참고\n  - 괄호 (닫히지 않은 별첨\n"
            "붙임 1. 세부 추진계획 1부.\n2. 참고자료 1부. 끝.\n")
    doc = text_doc(text, until="release")
    lex = load_lexicon()
    expected = {}
    for line in doc.lines_of(K.BODY):
        found = [(m.group("label"), m.group("text"), m.start("text"), m.end("text"))
                 for m in lex.INLINE_ATTACHMENT_RE.finditer(line.text)]
        if found:
            expected[line.index] = found
    assert release.inline_attachments(doc, lex) == expected
    assert len(expected) >= 2


def test_contacts_stage_runs_its_line_rules_only_on_phone_lines(monkeypatch):
    """The line rules read only the lines holding a phone or an e-mail: a long body without
    any adds no tokenizing."""
    calls = count_calls(monkeypatch, contacts, "tokens_of_line")

    def tokenized(lines: int) -> int:
        calls["n"] = 0
        body = "".join(f"□ 정부는 {k}번째 과제를 점검했다고 밝혔다.\n" for k in range(lines))
        pipeline.parse_bytes(("보도자료\n문의: 홍보팀 김가람 (02-2100-1234)\n" + body).encode("utf-8"), "cost.txt")
        return calls["n"]
    assert tokenized(500) == tokenized(5) > 0


# --- phones: the domestic fast path reads what phonenumbers.parse reads --------------------

PHONE_SHAPES = ["02)3787-0433", "(044)201-3333", "044.201.3333", "3771-5035", "1588-1234", "010-1234-5678",
                "02-2100-1234", "070-1234-5678", "080-123-4567", "031 123 4567", "(02) 3150-2626",
                "0505-123-4567", "12-3456", "001-234-5678", "081-234-5678", "02)3787-0433)", "(((02))3787-0433"]


def parsed(raw: str):
    try:
        return phonenumbers.parse(raw, "KR")
    except phonenumbers.NumberParseException:
        return None


@pytest.mark.parametrize("raw", PHONE_SHAPES)
def test_domestic_number_is_what_phonenumbers_parses(raw):
    fast = domestic_number(raw)
    assert fast is None or fast == parsed(raw)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789()-. )", min_size=1, max_size=20))
def test_domestic_number_agrees_with_phonenumbers_on_any_shape(raw):
    fast = domestic_number(raw)
    assert fast is None or fast == parsed(raw)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["0", ""]), st.integers(1, 99), st.integers(100, 9999), st.integers(0, 9999),
       st.sampled_from(["-", ")", ".", " ", ") ", " - "]), st.sampled_from(["-", ".", " "]))
def test_domestic_number_agrees_on_korean_number_shapes(zero, area, middle, last, sep1, sep2):
    raw = f"{zero}{area}{sep1}{middle}{sep2}{last:04d}"
    fast = domestic_number(raw)
    assert fast is None or fast == parsed(raw)


def test_a_line_of_many_at_signs_is_searched_once():
    """email_lines searches each line holding an '@' once, however many it holds (a search per
    '@' went quadratic on a line of 25,000)."""
    lex = load_lexicon()
    small, large = text_doc("보도자료\n" + "a@" * 10 + "\n"), text_doc("보도자료\n" + "a@" * 5000 + "\n")
    assert email_lines(small, lex) == email_lines(large, lex) == set()
    assert operations(lambda: email_lines(large, lex)) == operations(lambda: email_lines(small, lex))
