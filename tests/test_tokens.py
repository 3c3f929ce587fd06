"""tokens: one pass finds what the lexicon's patterns find, position by position, in priority order."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from pipeline.document import Block, BlockKind, Span
from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run
from pipeline.tokens import LINE_HEAD_KINDS, TEXT_KINDS, Tokenizer, Tokens, join_rules, renamed

from .conftest import SAMPLES

LEX = load_lexicon()
TOKENIZER = Tokenizer(LEX)
KOREA_KR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "korea-kr"
UNTIL_NORMALIZE = tuple(s for s in STAGES[:STAGES.index(next(s for s in STAGES if s[0] == "normalize")) + 1])


def normalized(raw: str):
    return run(new_document(raw.encode("utf-8"), "<test>"), stages=UNTIL_NORMALIZE)


def reference_text_tokens(text: str) -> list[tuple]:
    """The definition, slowly: at each position try each kind's own pattern in TEXT_KINDS
    order; the first that matches is a token and the scan goes on after it."""
    found, pos = [], 0
    while pos < len(text):
        for kind, rule in TEXT_KINDS:
            m = LEX.patterns[rule].match(text, pos)
            if m:
                found.append((kind, rule, m.start(), m.end(), m.groupdict()))
                pos = m.end()
                break
        else:
            pos += 1
    return found


def reference_line_heads(lines) -> list[tuple]:
    found = []
    for line in lines:
        if not line.text:
            continue
        for kind, rules in LINE_HEAD_KINDS:
            for rule in rules:
                m = LEX.patterns[rule].match(line.text)
                if m:
                    offset = line.content.start
                    found.append((kind, rule, offset + m.start(), offset + m.end(), m.groupdict()))
                    break
    return found


def as_tuples(tokens) -> list[tuple]:
    return [(t.kind, t.rule, t.start, t.end, t.groupdict()) for t in tokens]


# Sentences written for these tests: every text kind, and neighbours that must not merge.
SENTENCES = [
    "문의: 홍길동 과장 (044-201-3333, hong@example.go.kr), www.example.go.kr",
    "중소기업청은 2004년 7월 15일(목) 약 42억6천만엔 규모의 사업을 발표했다.",
    "일본은 30% 가량 늘었고, 한국무역협회와 호주의 수출은 5~7% 줄었다.",
    "김철수 위원장이 말했다. 이 사업은 1,319 중규모 기업과 3천부터 5천까지.",
    "",
    "가" * 50 + " 1" * 30,
]


@pytest.mark.parametrize("text", SENTENCES)
def test_text_tokens_match_the_definition(text):
    assert as_tuples(TOKENIZER.text_tokens(text)) == reference_text_tokens(text)


@pytest.mark.parametrize("name", ["apec-2004-sme-forum.txt", "apec-2004-sme-forum.html"])
def test_seed_tokens_match_the_definition(name):
    doc = normalized((SAMPLES / name).read_bytes().decode("utf-8"))
    tokens = TOKENIZER.scan(doc.text, doc.lines)
    expected = sorted(reference_text_tokens(doc.text) + reference_line_heads(doc.lines),
                      key=lambda t: (t[2], -t[3]))
    assert as_tuples(tokens) == expected
    assert {t.kind for t in tokens} >= {"figure", "country", "organization", "phone", "email", "date", "title",
                                         "marker", "label"}


@pytest.mark.skipif(not KOREA_KR.is_dir(), reason="../shared/corpus/korea-kr is not present")
def test_korea_kr_tokens_match_the_definition():
    for path in sorted(KOREA_KR.glob("*.md"))[:25]:
        doc = normalized(path.read_text(encoding="utf-8"))
        assert as_tuples(TOKENIZER.text_tokens(doc.text)) == reference_text_tokens(doc.text), path.name


def test_every_token_is_non_empty_and_slices_to_its_text():
    doc = normalized((SAMPLES / "apec-2004-sme-forum.txt").read_text(encoding="utf-8"))
    for token in TOKENIZER.scan(doc.text, doc.lines):
        assert token.end > token.start
        assert token.span.slice(doc.text) == token.text


def test_groups_keep_their_own_names_and_spans():
    text = "예산은 약 미화 6천만불이다."
    (figure,) = [t for t in TOKENIZER.text_tokens(text) if t.kind == "figure"]
    assert figure.group("number") == "6천만"
    assert figure.group("unit") == "불"
    assert figure.group("sign") is None and figure.group_span("sign") is None
    assert figure.group_span("number").slice(text) == "6천만"
    line_text = "□ 중소기업청은"
    doc = normalized("  " + line_text)
    (marker,) = [t for t in TOKENIZER.scan(doc.text, doc.lines) if t.kind == "marker"]
    assert marker.group("square") == "□" and marker.group_span("square").slice(doc.text) == "□"


def test_a_phone_is_not_also_a_figure():
    kinds = [t.kind for t in TOKENIZER.text_tokens("전화 02-3787-0433")]
    assert kinds == ["phone"]


# --- lookup by span ---------------------------------------------------------------------

SEED = normalized((SAMPLES / "apec-2004-sme-forum.txt").read_text(encoding="utf-8"))
SEED_TOKENS = TOKENIZER.scan(SEED.text, SEED.lines)


@given(st.integers(0, len(SEED.text)), st.integers(0, 2000), st.sampled_from([None, "figure", "country", "label"]))
def test_between_is_the_tokens_inside_the_span(start, width, kind):
    end = min(len(SEED.text), start + width)
    expected = [t for t in SEED_TOKENS if start <= t.start and t.end <= end and kind in (None, t.kind)]
    assert SEED_TOKENS.between(start, end, kind) == expected


def test_per_block_and_on_line():
    blocks = [Block(BlockKind.BODY, 0, 10, Span(0, 500)), Block(BlockKind.BODY, 10, 20, Span(500, 1500))]
    assert SEED_TOKENS.per_block(blocks) == [SEED_TOKENS.between(0, 500), SEED_TOKENS.between(500, 1500)]
    line = next(line for line in SEED.lines if "☎" in line.text or "02)" in line.text)
    assert [t.kind for t in SEED_TOKENS.on_line(line) if t.kind == "phone"]


def test_empty():
    assert len(Tokens([])) == 0 and Tokens([]).between(0, 10) == []


# --- joining patterns -------------------------------------------------------------------

def test_renamed_prefixes_definitions_references_and_tests():
    pattern = re.compile(r"(?P<q>['\"])(?P<body>.*?)(?P=q)(?(body)!)", re.DOTALL)
    source = renamed("R", pattern)
    assert source.startswith("(?s:")
    assert "(?P<R__q>" in source and "(?P=R__q)" in source and "(?(R__body)" in source
    assert renamed("E", re.compile(r"\(?P<x>1")) == r"\(?P<x>1"     # an escaped parenthesis opens no group


def test_join_rules_keeps_each_rules_flags_and_groups():
    joined = join_rules([("A", re.compile(r"(?P<n>\d+) x", re.VERBOSE)), ("B", re.compile(r"(?P<n>ab)", re.IGNORECASE))])
    m = joined.search("-- AB")
    assert m.lastgroup == "B" and m.group("B__n") == "AB"
    m = joined.search("12x")
    assert m.lastgroup == "A" and m.group("A__n") == "12"


def test_joined_forms_find_what_the_lexicon_pattern_finds():
    from pipeline.tokens import JOINED_FORMS
    texts = [SEED.text, *SENTENCES, "한국은행과 중소기업청, 중소기업청장, 산업통상자원부는"]
    if KOREA_KR.is_dir():
        texts += [normalized(p.read_text(encoding="utf-8")).text for p in sorted(KOREA_KR.glob("*.md"))[:200]]
    for rule, form in JOINED_FORMS.items():
        joined, original = form(LEX), LEX.patterns[rule]
        assert set(joined.groupindex) == set(original.groupindex)
        for text in texts:
            assert [(m.span(), m.groupdict()) for m in joined.finditer(text)] == \
                   [(m.span(), m.groupdict()) for m in original.finditer(text)]
