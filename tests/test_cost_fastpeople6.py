"""The people stage's sixth speed pass (issue 14), without clocks: the bullets flattened once
(people.flattened, people.bullets_of) and the nodes holding a start found by a bisect per start
(people.bullets_holding), match_repeated_name reading its runs from one list of answers, and
from_program finding a line's marks by the line's start. Each gives what the form before it gave;
the stage's calls stay below what they were before the pass."""
from __future__ import annotations

import random

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.document import Node, Span
from pipeline.lexicon import PROGRAM_LIST_MARKS, load_lexicon
from pipeline.runner import new_document, run
from pipeline.stages import people

from .test_cost_fastpeople import BEFORE_PEOPLE, SHARED, corpus_texts, seed_before_people


def docs_before_people(limit: int = 120) -> list:
    lex = load_lexicon()
    docs = [seed_before_people()]
    for k, text in enumerate(corpus_texts(limit)):
        docs.append(run(new_document(text.encode("utf-8"), f"corpus-{k}.md"), lex, BEFORE_PEOPLE))
    return docs


# --- the bullets, flattened once ----------------------------------------------------------------

def test_flattened_lists_what_walk_lists():
    for doc in docs_before_people(60):
        bullets = people.bullets_of(doc)
        body = list(people.walk(doc.sections))
        every = body + [n for appendix in doc.appendices for n in people.walk(appendix["sections"])]
        assert bullets.nodes == every
        assert bullets.body == len(body)
        assert bullets.starts == [n.span.start for n in every]
        assert bullets.ends == [n.span.end for n in every]


def test_bullets_holding_is_nodes_holding_on_the_corpus():
    rnd = random.Random(6)
    for doc in docs_before_people(80):
        bullets = people.bullets_of(doc)
        assert bullets.in_order         # segment lists nodes in text order: the bisect is used
        body = bullets.nodes[:bullets.body]
        for _ in range(4):
            offsets = sorted(rnd.sample(range(len(doc.text) + 2), min(12, len(doc.text))))
            assert people.bullets_holding(bullets, offsets) == people.nodes_holding(bullets.nodes, offsets)
            assert people.bullets_holding(bullets, offsets, body_only=True) == people.nodes_holding(body, offsets)
        starts = people.find_starts(doc.text, load_lexicon())
        for found in (starts.mention, starts.head, starts.item, []):
            assert people.bullets_holding(bullets, found) == people.nodes_holding(bullets.nodes, found)


def spans_to_nodes(spans: list[tuple[int, int]]) -> list[Node]:
    return [Node(None, 0, "", Span(a, b)) for a, b in spans]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=12),
       st.lists(st.integers(0, 90), max_size=15), st.integers(0, 12), st.booleans())
@example(gaps=[(5, 0), (0, 6)], offsets=[7], body=2, shuffle=True)    # shuffled: (5, 11) then (5, 5)
def test_bullets_holding_on_random_spans(gaps, offsets, body, shuffle):
    """Nodes end to end (a gap and a length each, empty ones too), the offsets anywhere; shuffled,
    the bisect is not used and the plain loop answers."""
    spans, at = [], 0
    for gap, length in gaps:
        spans.append((at + gap, at + gap + length))
        at += gap + length
    if shuffle:
        random.Random(len(spans)).shuffle(spans)
    nodes = spans_to_nodes(spans)
    starts = [n.span.start for n in nodes]
    ends = [n.span.end for n in nodes]
    bullets = people.Bullets(nodes, min(body, len(nodes)), starts, ends, people.in_text_order(starts, ends))
    offsets = sorted(offsets)
    assert people.bullets_holding(bullets, offsets) == people.nodes_holding(nodes, offsets)
    assert people.bullets_holding(bullets, offsets, body_only=True) == people.nodes_holding(nodes[:bullets.body], offsets)


# --- match_repeated_name -------------------------------------------------------------------------

def repeated_name_as_before(text, words, title_start, title, lex):
    """match_repeated_name as it was: the affiliation words asked cut by cut, the runs by a closure."""
    foreign: dict[int, bool] = {}

    def all_foreign(lo: int, hi: int) -> bool:
        for k in range(lo, hi):
            if k not in foreign:
                foreign[k] = people.is_foreign_word(words[k][2], lex)
            if not foreign[k]:
                return False
        return True

    for cut in range(len(words), max(0, len(words) - people.MAX_AFFILIATION_WORDS) - 1, -1):
        between = words[cut:]
        if between and not people.is_affiliation_word(between[0][2], lex):
            return None
        for size in (3, 2):
            if cut < size or not all_foreign(cut - size, cut):
                continue
            run_ = words[cut - size:cut]
            if any(text[a[1]:b[0]] != " " for a, b in zip(run_, run_[1:])):
                continue
            name = " ".join(w for _, _, w in run_)
            if people.is_written_again(name, run_[0][0], text, lex):
                return people.Mention(name, None, title, run_[0][0], title_start + len(title), False,
                                      people.collapse(" ".join(w for _, _, w in between)) or None)
    return None


REPEATED = ("세계자연보전연맹 브루노 오버레이 사무총장과 만나 … 이날 브루노 오버레이 사무총장은 말했다. "
            "패트리샤 에스피노자 유엔기후변화협약 사무총장, 패트리샤 에스피노자 사무총장은 … "
            "가상 협회 회장 및 가상 협회 회장은")


def test_repeated_names_as_before_on_every_title_of_the_corpus():
    lex = load_lexicon()
    asked = found = 0
    for text in [REPEATED] + corpus_texts(150):
        for m in lex.PERSON_MENTION_RE.finditer(text):
            at = m.start("title")
            words = people.words_between(text, max(0, at - people.NAME_WINDOW), at)
            title = m.group("title")
            got = people.match_repeated_name(text, words, at, title, lex)
            assert got == repeated_name_as_before(text, words, at, title, lex), text[max(0, at - 40):at + 5]
            asked, found = asked + 1, found + (got is not None)
    assert found >= 2, (asked, found)      # the invented text's two repeated names at least
    assert asked > 400 or not (SHARED / "korea-kr").is_dir()


WORDS = ["브루노", "오버레이", "에스피노자", "가상", "협회", "연맹", "유엔", "사무국", "의", "하는", "홍길동",
         "정부", "2024", "교수", "만나"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=11), st.lists(st.sampled_from(WORDS), max_size=6))
def test_repeated_names_as_before_on_mixes(before, elsewhere):
    lex = load_lexicon()
    line = " ".join(before) + " "
    text = line + "사무총장은 말했다. " + " ".join(elsewhere) + " 사무총장이 … " + " ".join(before[-3:]) + " 대표는"
    at = len(line)
    words = people.words_between(text, max(0, at - people.NAME_WINDOW), at)
    assert people.match_repeated_name(text, words, at, "사무총장", lex) \
        == repeated_name_as_before(text, words, at, "사무총장", lex)


# --- programme marks by line ---------------------------------------------------------------------

def test_marked_lines_are_those_holding_a_mark():
    """A line holds a mark in its content exactly when its start is where the mark's line starts."""
    texts = corpus_texts(300) + ["▲ 발표 : 홍길동(가상대)\n  △ 토론\n\n▷가상 ► 끝", "가상 ▲", "\n▲\n"]
    for text in texts:
        doc = run(new_document(text.encode("utf-8"), "marks.md"), load_lexicon(), BEFORE_PEOPLE)
        marks = sorted(at for mark in PROGRAM_LIST_MARKS for at in people.occurrences(doc.text, mark))
        marked = {doc.text.rfind("\n", 0, at) + 1 for at in marks}
        for line in doc.lines:
            assert (line.start in marked) == people.has_offset(marks, line.content.start, line.content.end)


# --- the stage's calls ---------------------------------------------------------------------------

# The stage's call bounds after this pass are tests/test_cost_krpeople2.py's, which are tighter
# (seed 1,973 -> 1,789 calls there; 2,135 before this pass).
