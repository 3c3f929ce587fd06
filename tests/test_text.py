"""Shared helpers: hanja names, the initial-sound rule, phones, person splitting."""
from __future__ import annotations

import pytest

from pipeline.lexicon import load_lexicon
from pipeline.text import (collapse, format_phone, initial_sound_rule, read_hanja_name, split_person,
                           trimmed)

LEX = load_lexicon()


@pytest.mark.parametrize("syllable, expected", [
    ("리", "이"), ("류", "유"), ("림", "임"), ("량", "양"), ("려", "여"),   # ㄹ + y-vowel → ㅇ
    ("락", "낙"), ("로", "노"), ("라", "나"), ("래", "내"),               # ㄹ + other → ㄴ
    ("녀", "여"), ("뇨", "요"), ("니", "이"),                             # ㄴ + y-vowel → ㅇ
    ("김", "김"), ("나", "나"), ("A", "A"),
])
def test_initial_sound_rule(syllable, expected):
    assert initial_sound_rule(syllable) == expected


@pytest.mark.parametrize("hanja_name, hangul", [
    ("李洛淵", "이낙연"),     # 洛 opens the given name: 낙, not 락
    ("白樂晴", "백낙청"),
    ("柳寬順", "유관순"),
    ("盧武鉉", "노무현"),
    ("金九", "김구"),         # 金 as a surname is 김
    ("南宮檍", "남궁억"),     # two-character surname
    ("羅", "나"),
    ("홍길동", "홍길동"),     # Hangul passes through
])
def test_read_hanja_name(hanja_name, hangul):
    assert read_hanja_name(hanja_name, LEX.surnames) == hangul


@pytest.mark.parametrize("raw, expected", [
    ("02)2100-1234", ("02-2100-1234", "+82221001234")),
    ("(044)201-3333", ("044-201-3333", "+82442013333")),
    ("044.201.3333", ("044-201-3333", "+82442013333")),
    ("010-9876-5432", ("010-9876-5432", "+821098765432")),
    ("02-2100-XXXX", None),          # a mask, not a number
    ("3771-5035", None),             # no area code: not valid on its own
])
def test_format_phone(raw, expected):
    assert format_phone(raw) == expected


@pytest.mark.parametrize("value, expected", [
    ("박가람 팀  장", ("박가람", "팀장")),
    ("사무관 정하늘", ("정하늘", "사무관")),
    ("최○○ 과장", ("최○○", "과장")),
    ("이나래", ("이나래", None)),
    ("기획조정부", (None, None)),
    ("부위원장 한결", ("한결", "부위원장")),
])
def test_split_person(value, expected):
    assert split_person(value, LEX.PERSON_TITLE_RE) == expected


def test_collapse_and_trimmed():
    assert collapse("  a \n\t b  ") == "a b"
    assert trimmed("  ab  ", 0, 6).to_json() == [2, 4]


# --- collapse and walk against their plain definitions -----------------------------------

import re  # noqa: E402

from hypothesis import given, strategies as st  # noqa: E402

from pipeline.document import Node, Span  # noqa: E402
from pipeline.text import walk, without_spaces  # noqa: E402

WS_RE = re.compile(r"\s+")
SPACED = st.text(alphabet=st.sampled_from("가a \t\n\r\u3000\u00a0\u2028\x1c\x0b."), max_size=30)


@given(SPACED)
def test_collapse_is_whitespace_runs_to_one_space(value):
    assert collapse(value) == WS_RE.sub(" ", value).strip()
    assert without_spaces(value) == WS_RE.sub("", value)


def tree(depth: int, width: int, label: str = "") -> tuple[Node, ...]:
    return tuple(Node(None, depth, label + str(i), Span(0, 0), tree(depth - 1, width, label + str(i)) if depth else ())
                 for i in range(width))


def test_walk_is_preorder():
    def recursive(nodes):
        for node in nodes:
            yield node
            yield from recursive(node.children)
    nodes = tree(3, 3)
    assert [n.text for n in walk(nodes)] == [n.text for n in recursive(nodes)]
    assert [n.text for n in walk(iter(nodes))] == [n.text for n in recursive(nodes)]


def test_template_cells_match_names_with_a_counter_and_skip_nameless_cells():
    from pipeline.document import Cell
    from pipeline.text import template_cells
    cells = [Cell(0, 0, 0, 0, 1, name="제목명"), Cell(0, 1, 0, 1, 2, name="제목명2"), Cell(0, 2, 0, 2, 3),
             Cell(0, 3, 0, 3, 4, name="부제목명"), Cell(0, 4, 0, 4, 5, name="")]
    assert template_cells(cells, ["제목명"]) == cells[:2]
    assert template_cells(cells, ["부제목명", "제목명"]) == [cells[0], cells[1], cells[3]]
    # An empty name in the list stands for the cells without a name, as it always did.
    assert template_cells(cells, [""]) == [cells[2], cells[4]]
