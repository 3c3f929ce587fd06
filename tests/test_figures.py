"""Figures: the number grammar, units, ranges, approximations, equivalents and non-figures."""
from __future__ import annotations

from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Document, Source
from pipeline.lexicon import load_lexicon
from pipeline.stages import figures

from .semantic_helpers import parse

LEX = load_lexicon()

# text → [(value, value_max, unit, kind, approximate, equivalent_of), …]
CASES = [
    ("42억6천만엔 예산", [(4260000000, None, "JPY", "money", False, None)]),
    ("6천만불", [(60000000, None, "USD", "money", False, None)]),
    ("가입자 23만개", [(230000, None, "개", "count", False, None)]),
    ("3조 달러", [(3000000000000, None, "USD", "money", False, None)]),
    ("소기업 일백만개 예상", [(1000000, None, "개", "count", False, None)]),
    ("3조 4000억 원", [(3400000000000, None, "KRW", "money", False, None)]),
    ("약 1조 달러", [(1000000000000, None, "USD", "money", True, None)]),
    ("미화 6천만불 (한화 700억원)", [(60000000, None, "USD", "money", False, None),
                                 (70000000000, None, "KRW", "money", False, 0)]),
    ("50억불", [(5000000000, None, "USD", "money", False, None)]),
    ("2,500개 센터", [(2500, None, "개", "count", False, None)]),
    ("1,319 중규모 기업", [(1319, None, None, "count", False, None)]),
    ("평균 740% 달성", [(740, None, "%", "percent", False, None)]),
    ("1100% 내지 1700%", [(1100, 1700, "%", "percent", False, None)]),
    ("5~7%", [(5, 7, "%", "percent", False, None)]),
    ("3천~5천만원", [(30000000, 50000000, "KRW", "money", False, None)]),
    ("0.4%p 상승", [(0.4, None, "%p", "percent_point", False, None)]),
    ("3배 증가", [(3, None, "배", "factor", False, None)]),
    ("△5.2%", [(-5.2, None, "%", "percent", False, None)]),
    # ▲ is no sign (a rise for some agencies, a fall for others): the value as written
    ("▲3.1%p", [(3.1, None, "%p", "percent_point", False, None)]),
    ("▽1.5%", [(-1.5, None, "%", "percent", False, None)]),
    # a decrease written after the figure makes it negative; before it, or a rise, does not
    ("작년보다 8.2% 하락하였다", [(-8.2, None, "%", "percent", False, None)]),
    ("전월 대비 2.5%p 감소", [(-2.5, None, "%p", "percent_point", False, None)]),
    ("이용자가 300명 줄어들었다", [(-300, None, "명", "count", False, None)]),
    ("수요가 12%↓", [(-12, None, "%", "percent", False, None)]),
    ("매출 9.5%(41억원) 감소", [(-9.5, None, "%", "percent", False, None),
                             (-4100000000, None, "KRW", "money", False, None)]),
    ("각각 11.5%, 4.25% 떨어졌다", [(-11.5, None, "%", "percent", False, None),
                                (-4.25, None, "%", "percent", False, None)]),
    ("2~4% 낮아질 전망", [(-4, -2, "%", "percent", False, None)]),
    ("약 15% 이상 감소", [(-15, None, "%", "percent", True, None)]),
    ("△3.3% 감소", [(-3.3, None, "%", "percent", False, None)]),
    ("+4.4% 감소", [(4.4, None, "%", "percent", False, None)]),
    ("감소율 6.1%", [(6.1, None, "%", "percent", False, None)]),
    ("3.4% 감소율", [(3.4, None, "%", "percent", False, None)]),
    ("감소한 120건", [(120, None, "건", "count", False, None)]),
    ("5.5% 증가", [(5.5, None, "%", "percent", False, None)]),
    ("4.5배 감소", [(4.5, None, "배", "factor", False, None)]),
    ("수출 8%, 수입 3% 감소", [(8, None, "%", "percent", False, None),
                           (-3, None, "%", "percent", False, None)]),
    # durations in hours and months are figures; spaced and other spellings of a counter
    ("하루 14시간 운영", [(14, None, "시간", "quantity", False, None)]),
    ("6개월 이내", [(6, None, "개월", "quantity", False, None)]),
    ("지난 3년 4개월 동안", [(40, None, "개월", "quantity", False, None)]),
    ("1년→1년 6개월로", [(18, None, "개월", "quantity", False, None)]),
    ("2025년 3개월간", [(3, None, "개월", "quantity", False, None)]),
    ("15개 사가 참여", [(15, None, "개사", "count", False, None)]),
    ("7개 국가에서", [(7, None, "개", "count", False, None)]),
    ("12개 팀의 발표", [(12, None, "팀", "count", False, None)]),
    ("9개팀", [(9, None, "팀", "count", False, None)]),
    ("공급 물량 35만호 중", [(350000, None, "호", "count", False, None)]),
    ("전월(8,120호) 대비", [(8120, None, "호", "count", False, None)]),
    ("1호 기업", []),
    ("402호 회의실", []),
    ("유물 312점을", [(312, None, "점", "count", False, None)]),
    ("반경 500미터", [(500, None, "미터", "quantity", False, None)]),
    ("면적 12㎢", [(12, None, "㎢", "quantity", False, None)]),
    ("5 million", []),
    ("3개 사업", [(3, None, "개", "count", False, None)]),
    ("5천여 명", [(5000, None, "명", "count", True, None)]),
    ("30% 가량", [(30, None, "%", "percent", True, None)]),
    ("1,000명 이상", [(1000, None, "명", "count", True, None)]),
    ("10억원 미만", [(1000000000, None, "KRW", "money", True, None)]),
    ("12개국 대표", [(12, None, "개국", "count", False, None)]),
    ("15개사", [(15, None, "개사", "count", False, None)]),
    ("320건의 신청", [(320, None, "건", "count", False, None)]),
    ("1,200곳", [(1200, None, "곳", "count", False, None)]),
    ("US$ 500만", [(5000000, None, "USD", "money", False, None)]),
    ("5억 위안", [(500000000, None, "CNY", "money", False, None)]),
    ("300만 유로", [(3000000, None, "EUR", "money", False, None)]),
    ("₩1,000", [(1000, None, "KRW", "money", False, None)]),
    ("오천원", [(5000, None, "KRW", "money", False, None)]),
    ("이십만명", [(200000, None, "명", "count", False, None)]),
    ("1.5조원", [(1500000000000, None, "KRW", "money", False, None)]),
    ("40개 학교 1600명", [(40, None, "개", "count", False, None), (1600, None, "명", "count", False, None)]),
    ("3개의 세션", [(3, None, "개", "count", False, None)]),
    ("2013년까지 거래액 50억불을", [(5000000000, None, "USD", "money", False, None)]),
    ("13.2만명", [(132000, None, "명", "count", False, None)]),
    ("2~3억원", [(200000000, 300000000, "KRW", "money", False, None)]),
    ("1억2천만 명", [(120000000, None, "명", "count", False, None)]),
    # dates, durations, ordinals, words and damaged digits are not figures
    ("'03년부터", []),
    ("2003년11월", []),
    ("7월 15일과 16일", []),
    ("2004년", []),
    ("3년간", []),
    ("2개년 계획", []),
    ("2003~2004년", []),
    ("201458,427143,545", []),
    ("이상 구조 개선", []),
    ("제3조 규정", []),
    ("[세션 1]에서는", []),
    ("2004 APEC 포럼", []),
    ("수십억 원", []),
    ("SME21을 통해", []),
    ("3축으로 접근", []),
    ("1단계 조사", []),
    ("40개 사업개발센터", [(40, None, "개", "count", False, None)]),
    ("5건설 현장", []),
    # 이 is a particle here, not the digit two; a number ending in 억 stands without a unit
    ("2억이 투입", [(200000000, None, None, "count", False, None)]),
    ("백천원", []),                         # 천 after 백: out of order
    ("3천5백만원", [(35000000, None, "KRW", "money", False, None)]),
]


def read(text: str) -> tuple[list[dict], Document]:
    doc = Document(Source("t", "0" * 64, 0), b"")
    return figures.figures_of(text, 0, len(text), doc, LEX), doc


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0] for c in CASES])
def test_figure_table(text, expected):
    found, _ = read(text)
    got = [(f["value"], f["value_max"], f["unit"], f["kind"], f["approximate"], f["equivalent_of"])
           for f in found]
    assert got == expected


@pytest.mark.parametrize("text,expected", [c for c in CASES if c[1]], ids=[c[0] for c in CASES if c[1]])
def test_span_slices_hold_the_text(text, expected):
    for fig in read(text)[0]:
        start, end = fig["span"]
        assert text[start:end] == fig["text"]


def test_glued_digit_run_is_flagged():
    _, doc = read("가구 201458,427143,545 인구")
    assert [i.code for i in doc.issues] == ["irregular_number"]


def test_value_is_exact_integer_for_large_amounts():
    found, _ = read("42억6천만엔")
    assert isinstance(found[0]["value"], int)


def test_stage_reads_bullets_in_text_order():
    doc = parse("□ 예산은 3조 원\n  ○ 참가자 1,200명과 5개국\n")
    assert [f.value for f in doc.figures] == [3000000000000, 1200, 5]
    for fig in doc.figures:
        assert fig.text in doc.text[fig.span[0]:fig.span[1]]


def test_equivalent_index_is_global_in_the_stage():
    doc = parse("□ 참가 30개국\n  ○ 예산 미화 500만불 (한화 60억원)\n")
    assert [f.equivalent_of for f in doc.figures] == [None, None, 1]


def test_every_unit_word_has_one_kind():
    from collections import Counter

    from pipeline.lexicon import read_toml
    u = read_toml("units.toml")
    words = (u["time"]["units"] + list(u["currency"]["suffix"]) + u["percent"]["percent_point"]
             + u["percent"]["percent"] + sum((u["counters"][k] for k in ("count", "factor", "quantity")), []))
    assert [w for w, n in Counter(words).items() if n > 1] == []
    assert set(u["currency"]["suffix"].values()) | set(u["currency"]["prefix"].values()) <= {
        "KRW", "USD", "JPY", "CNY", "EUR", "GBP", "IDR", "MYR", "MXN", "THB", "RUB", "INR", "CHF",
        "AUD", "CAD", "SGD", "HKD", "TWD", "NZD"}


@pytest.mark.parametrize("number,expected", [
    ("42억6천만", (4260000000, 10**4)), ("3조 4000억", (3400000000000, 10**8)),
    ("일백만", (1000000, 10**4)), ("1,319", (1319, 1)), ("십", (10, 1)),
    ("만", None), ("억만", None), ("백천", None), ("이삼", None),
])
def test_number_grammar(number, expected):
    assert figures.parse_number(number, LEX) == expected


# parse_number reads a number of Arabic digits alone without the grammar walk; it must give what
# the walk gives, to the Decimal's digits and exponent (the output writes the value).
@pytest.mark.parametrize("number", [
    "0", "7", "2020", "1,319", "12,345,678", "3.5", "3.50", "1,000.25", "0.001",
    "1234567890123456789012345678901234",        # past Decimal's 28 digits: rounded alike
])
def test_plain_arabic_shortcut_matches_the_grammar(number):
    fast, walked = figures.parse_number(number, LEX), figures.read_numerals(number, LEX)
    assert fast == walked and str(fast[0]) == str(walked[0])


@pytest.mark.parametrize("number", ["1,2345", "3,775 억", "5천", "2억이", "1.2.3"])
def test_numbers_beyond_plain_digits_take_the_grammar(number):
    assert figures.PLAIN_ARABIC_RE.fullmatch(number) is None


# --- loose bare numbers are skipped without being read ------------------------------------

def document(text: str) -> Document:
    return Document(source=Source(path="t", sha256="0" * 64, bytes=len(text)), raw=b"", text=text)


def figures_read_one_by_one(text: str, limit: int = figures.MAX_FIGURES) -> list:
    """figures_of as it is without the skip: every number read into a candidate."""
    with mock.patch.object(figures, "is_loose_bare_number", lambda text, m, number, end, following, lex: False):
        return figures.figures_of(text, 0, len(text), document(text), LEX, limit)


@pytest.mark.parametrize("text", [
    "구분 2019 2020 2021\n매출 6331 7,120 8,004\n이익 12 - 15",       # a flattened table
    "1,319 중규모 기업과 2,488 3054 등",                               # a grouped count before a noun
    "5~7%, 1100 내지 1700%, 3천~5천만원, 2004-2005년",                # bare low ends of ranges
    "+1,512 억), 약 300, 300 가량, 미화 6000, 20 명",                  # signs, approximations, units
    "12 34 56 78 90 1,000 2,000,000 3.5 0.25",
])
def test_skipping_bare_numbers_changes_no_figure(text):
    assert figures.figures_of(text, 0, len(text), document(text), LEX) == figures_read_one_by_one(text)


def test_skipped_numbers_still_count_against_the_cap():
    text = " ".join(["7"] * 8 + ["30%"] * 8)
    for limit in (3, 7, 8, 9, 12):
        kept = figures.figures_of(text, 0, len(text), document(text), LEX, limit)
        assert kept == figures_read_one_by_one(text, limit)
    # the cap reads limit + 1 numbers: with 7, only the eight bare ones, none of them a figure
    assert figures.figures_of(text, 0, len(text), document(text), LEX, 7) == []
    assert len(figures.figures_of(text, 0, len(text), document(text), LEX, 8)) == 1


NUMBERISH = ["7", "1,319", "2004", " ", "  ", "~", "-", "내지", "%", "억", "원", "명", "기업", "약 ", "△", "+", "(", ")",
             ",", "3.5", "년", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NUMBERISH), max_size=30))
def test_skipping_bare_numbers_changes_no_figure_in_any_mix(pieces):
    text = "".join(pieces)
    assert figures.figures_of(text, 0, len(text), document(text), LEX) == figures_read_one_by_one(text)
