"""Cost of the header stages, third pass (issue 14), without clocks: the shortcuts give what
the plain rules gave (KR phone numbers validated and written from phonenumbers' metadata
compiled once, the page header's per-line flags settled by one search of the joined lines,
release's lines of several kinds by one comprehension), and the stages' calls on the seed and
on a portal record stay near what they were measured at after the pass."""
from __future__ import annotations

from pathlib import Path

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import BlockKind, Document
from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import page, release
from pipeline.text import domestic_formats, format_phone, is_valid_domestic

from .complexity import operations

K = BlockKind
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = SAMPLES / "apec-2004-sme-forum.txt"
NAMES = [n for n, _ in STAGES]


def doc_before(data: bytes, name: str, stage: str) -> Document:
    """A document run through every stage before `stage`."""
    return run(new_document(data, name), stages=STAGES[:NAMES.index(stage)])


# --- phones: validity and formats from the metadata equal phonenumbers' ----------------------

def korean(national: str) -> phonenumbers.PhoneNumber:
    return phonenumbers.PhoneNumber(country_code=82, national_number=int(national))


# National numbers (no national prefix) of every length phonenumbers' KR descriptions allow
# and a little beyond, most opening with a real area, mobile or service prefix.
PREFIXES = ["2", "31", "32", "33", "41", "42", "43", "44", "51", "52", "53", "54", "55", "61", "62", "63", "64",
            "10", "11", "16", "17", "18", "19", "15", "16", "18", "30", "50", "60", "70", "80", "1", "3", "5", "9"]
NATIONALS = st.builds(lambda p, rest: str(int(p + rest)), st.sampled_from(PREFIXES),
                      st.text(alphabet="0123456789", min_size=2, max_size=10))


@settings(max_examples=1500, deadline=None)
@given(NATIONALS)
def test_domestic_validity_is_phonenumbers(national):
    assert is_valid_domestic(national) == phonenumbers.is_valid_number(korean(national))


@settings(max_examples=1500, deadline=None)
@given(NATIONALS)
def test_domestic_formats_are_format_numbers(national):
    number = korean(national)
    if phonenumbers.is_valid_number(number):
        assert domestic_formats(national) == (
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))


@pytest.mark.parametrize("raw, formatted", [
    ("02)3787-0433", ("02-3787-0433", "+82237870433")), ("(044)201-3333", ("044-201-3333", "+82442013333")),
    ("1588-1234", ("1588-1234", "+8215881234")), ("010-1234-5678", ("010-1234-5678", "+821012345678")),
    ("070-1234-5678", ("070-1234-5678", "+827012345678")), ("02-2100-XXXX", None), ("12-3456", None)])
def test_format_phone_of_common_shapes(raw, formatted):
    format_phone.cache_clear()
    assert format_phone(raw) == formatted


def test_a_domestic_number_is_formatted_without_phonenumbers(monkeypatch):
    """phonenumbers' validity and formatting are not asked of a number the domestic path reads
    (they cost ~20 µs a number, most of page's on the seed); another shape still goes to parse."""
    asked = {"n": 0}
    for name in ("is_valid_number", "format_number", "parse"):
        original = getattr(phonenumbers, name)

        def counted(*args, _original=original, **kwargs):
            asked["n"] += 1
            return _original(*args, **kwargs)
        monkeypatch.setattr(phonenumbers, name, counted)
    format_phone.cache_clear()
    assert format_phone("(044) 201-3333") == ("044-201-3333", "+82442013333")
    assert asked["n"] == 0
    assert format_phone("+82 44 201 3333") == ("044-201-3333", "+82442013333")
    assert asked["n"] > 0
    format_phone.cache_clear()


# --- page: the header's per-line flags from one search of the joined lines -----------------
HEADER_PIECES = ["제목", "제 목", "제", "목", "작성자", "작성일", "조회수", "조회", "보도자료", "[보도자료]", "[", "]",
                 "가나다 정책 발표", "04/07/23", "12:07", ":", " ", "홍보팀", "등록일자", "날짜"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.lists(st.sampled_from(HEADER_PIECES), min_size=1, max_size=5), min_size=1, max_size=6))
def test_header_line_flags_equal_each_lines_own(rows):
    lex = load_lexicon()
    text = "\n".join("".join(row).strip() or "가" for row in rows) + "\n\n본문입니다.\n"
    doc = doc_before(text.encode("utf-8"), "flags.txt", "page")
    header = [line for line in doc.lines if line.text]
    joined = "\n" + "\n".join(line.text for line in header)
    fielded, labels = page.line_flags(header, joined, lex)
    assert fielded == [page.has_field_word(line, lex) for line in header]
    assert labels == [page.is_title_label(line, lex) for line in header]


# --- release: lines of several kinds in one comprehension -----------------------------------
KIND_SETS = [(K.RELEASE_HEADER, K.TITLE), (K.TITLE, K.RELEASE_HEADER), (K.BODY, K.CONTACT), (K.BODY, K.APPENDIX),
             (K.PAGE_HEADER,), (K.EMBARGO,), (K.RELEASE_HEADER, K.TITLE, K.BODY)]


@pytest.mark.parametrize("name", sorted(p.name for p in SAMPLES.iterdir()
                                        if p.suffix in (".txt", ".html", ".md", ".hwpx", ".hwp")))
def test_lines_in_is_lines_of_concatenated(name):
    doc = doc_before((SAMPLES / name).read_bytes(), name, "release")
    for kinds in KIND_SETS:
        assert release.lines_in(doc, *kinds) == [line for kind in kinds for line in doc.lines_of(kind)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["교육부", "가나시", "(시장 가나다)", "(장관 라마바)", "는", "은", " ", "□ ",
                                 "정책", "장", "(", ")", "다."]), max_size=14))
def test_a_lead_without_a_parenthesis_has_no_headed_subject(pieces):
    """headed_subject skips the scan of a lead without '(' : none of its subjects has a head."""
    lex = load_lexicon()
    text = "".join(pieces)
    if "(" not in text:
        assert not any(m.group("head") for m in release.lead_subjects(text, release.HEADED_REACH, lex))


# --- calls per stage after the pass (bounds ~1.3x what was measured) -------------------------
PORTAL_RECORD = ('---\ntitle: "(설명자료) 가나다 정책은 사실과 다름"\nministry: "교육부"\n'
                 'approve_date: "01/21/2020 18:37:12"\nnews_item_id: "1"\ngrouping_code: "brief"\n---\n\n'
                 '# (설명자료) 가나다 정책은 사실과 다름\n\n'
                 '1. 기사 내용\n\n□ 가나 신문은 1일 정책이 늦어진다고 보도했다.\n\n'
                 '2. 설명 내용\n\n□ 교육부는 정책을 예정대로 추진하고 있다고 밝혔다.\n\n'
                 '문의: 교육부 가나과 라마바 사무관(044-203-6000)\n')


def stage_calls(data: bytes, name: str, stage: str) -> int:
    """Calls one stage makes on `data`, once the process has compiled what it uses."""
    lex = load_lexicon()
    run(new_document(data, name))
    doc = doc_before(data, name, stage)
    fn = dict(STAGES)[stage]
    format_phone.cache_clear()          # each document formats its phones anew
    return operations(lambda: fn(doc, lex))


# Measured (calls, seed / portal record) before this pass: page 364 / 106, release 347 / 241,
# contacts 663 / 562; after it: page 224 / 99, release 331 / 220, contacts 459 / 403.
@pytest.mark.parametrize("stage, seed_bound, record_bound", [
    ("page", 295, 140), ("release", 430, 235), ("contacts", 600, 520)])
def test_header_stages_stay_within_their_measured_calls(stage, seed_bound, record_bound):
    assert stage_calls(SEED.read_bytes(), SEED.name, stage) <= seed_bound
    assert stage_calls(PORTAL_RECORD.encode("utf-8"), "portal.md", stage) <= record_bound


# --- values derived once per lexicon ---------------------------------------------------------

def test_once_per_lexicon_derives_once_for_each_lexicon():
    from pipeline.lexicon import once_per_lexicon
    made = []

    @once_per_lexicon
    def longest(lex):
        made.append(lex)
        return max(map(len, lex.issuers))
    lex = load_lexicon()
    assert longest(lex) == longest(lex) == max(map(len, lex.issuers))
    assert made == [lex]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["교육부", "보건복지부", "가나시", "(장관 가나다)", "는", "은", " ", "정책", "부",
                                 "청", "다.", "육부는", "기획", "재정부는"]), max_size=8))
def test_a_line_opening_with_no_issuers_first_letter_has_no_issuer_subject(pieces):
    """The lead rule's later lines skip LEAD_ISSUER_RE when `rest` opens with no known
    issuer's first letter: no such line ever gives an issuer subject."""
    lex = load_lexicon()
    rest = "".join(pieces)
    if rest[:1] not in release.issuer_firsts(lex):
        m = lex.LEAD_ISSUER_RE.match(rest)
        assert not (m and m.group("issuer"))


@pytest.mark.parametrize("rule, template", [("0\\1-\\2-\\3", "0{0}-{1}-{2}"), ("\\1 \\2", "{0} {1}"), ("{\\1}", "{{{0}}}"),
                                            ("\\10", None), ("\\g<1>", None)])
def test_a_replacement_becomes_a_format_template_only_when_it_reads_the_same(rule, template):
    from pipeline.text import format_template
    assert format_template(rule) == template


def test_domestic_formats_read_no_replacement_through_re(monkeypatch):
    """The formats fill a str.format template; re's sub would read its replacement through
    Python calls (re._subx and the template's parse and expansion) on every number."""
    import re
    calls = {"n": 0}
    original = re._subx

    def counted(*args):
        calls["n"] += 1
        return original(*args)
    monkeypatch.setattr(re, "_subx", counted)
    for national in ("612408365", "237870433", "15881234", "1012345678", "7012345678"):
        domestic_formats(national)
    assert calls["n"] == 0
    assert re.compile(r"(\d)").sub(r"\1", "7") == "7" and calls["n"] == 1    # the counter sees sub's reads


def test_a_contact_tables_cells_are_given_a_role_once(monkeypatch):
    """from_cell_tables works out each cell's role once per table (twice when the table has no
    role label and is read as titled), not again for each row's units and runs."""
    from pipeline.stages import contacts
    from pipeline.phones import email_lines, phone_lines

    from .complexity import count_calls
    lex = load_lexicon()
    name = "apec-2004-sme-forum.html"
    doc = doc_before((SAMPLES / name).read_bytes(), name, "contacts")
    with_phone = phone_lines(doc, lex)
    phones = with_phone | email_lines(doc, lex)
    tables = contacts.contact_tables(doc, phones)
    assert tables
    calls = count_calls(monkeypatch, contacts, "role_of_cell")
    contacts.from_cell_tables(doc, lex, None, phones, with_phone)
    assert 0 < calls["n"] <= 2 * sum(len(cells) for cells in tables.values())
