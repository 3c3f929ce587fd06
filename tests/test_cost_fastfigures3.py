"""Cost of figures and organizations without clocks (issue 14, third pass): one pass over the
numbers of all nodes, a match's groups read in one call, a Python call per figure only where it
changes something; organization heads straight from one scan per block. And the equivalences
these rest on, as property tests against the slower way each replaced."""
from __future__ import annotations

import copy
import re
from operator import attrgetter

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.document import Block, BlockKind, Document, Source, Span
from pipeline.lexicon import first_chars
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import figures, organizations
from pipeline.stages.normalize import split_lines
from pipeline.text import collapse, is_hanja, walk

from .complexity import operations
from .test_cost_fastfigures import LEX, SEED, STAGE, WORDS, body, counting, parsed

STAGE_NAMES = [name for name, _ in STAGES]


def before(stage: str, data: bytes, name: str = "t.txt") -> Document:
    """The document as `stage` receives it."""
    doc = new_document(data, name)
    return run(doc, LEX, STAGES[:STAGE_NAMES.index(stage)])


def fresh(doc: Document) -> Document:
    """A copy whose issues list is its own (copy.copy shares it)."""
    other = copy.copy(doc)
    other.issues = list(doc.issues)
    return other


# --- calls per parse ---------------------------------------------------------------------

def test_figures_on_the_seed_cost_few_calls():
    doc = before("figures", SEED.read_bytes(), "seed.txt")
    STAGE["figures"](fresh(doc), LEX)           # warm: patterns compiled on first use
    # 1,957 before this pass (a scan, join and filter per node, m.group by names), 1,225 after
    assert operations(lambda: STAGE["figures"](fresh(doc), LEX)) <= 1_600


def test_figures_cost_grows_with_the_numbers_not_the_nodes():
    """The per-node work is gone: 300 bullets of one figure each cost what one bullet of 300
    figures does, within a few calls a node (the node spans and the one check after a node's
    last number)."""
    def calls(text_lines: list[str]) -> int:
        doc = before("figures", body(text_lines))
        STAGE["figures"](fresh(doc), LEX)
        return operations(lambda: STAGE["figures"](fresh(doc), LEX))
    many_nodes = calls([f"□ 예산 {n}억원을 쓴다." for n in range(1, 301)])
    one_node = calls(["□ 예산 " + ", ".join(f"{n}억원" for n in range(1, 301)) + "을 쓴다."])
    assert many_nodes <= one_node + 4 * 300


def test_organizations_scan_each_block_once_and_no_line():
    doc = before("organizations", SEED.read_bytes(), "seed.txt")
    lex, counters = counting("ORG_HEAD_TAIL_RE", "ORG_HEAD_WORD_BEFORE_RE")
    STAGE["organizations"](fresh(doc), lex)
    blocks = [b for kind in organizations.SEARCHED for b in doc.blocks_of(kind) if b.first < b.last]
    # one finditer per block (was one per block and one more per line with a parenthesis)
    assert counters["ORG_HEAD_TAIL_RE"].calls == {"finditer": len(blocks)}
    tails = [t for b in blocks for t in LEX.ORG_HEAD_TAIL_RE.finditer(doc.text, doc.lines[b.first].start,
                                                                       doc.lines[b.last - 1].end)]
    # one word search per tail after an organization suffix (fastheader5: none after the others)
    suffixes = tuple(LEX.titles["organization_suffixes"])
    after_suffix = sum(1 for t in tails if doc.text.endswith(suffixes, 0, t.start()))
    assert 0 < after_suffix < len(tails)
    assert counters["ORG_HEAD_WORD_BEFORE_RE"].calls == {"search": after_suffix}


def test_organizations_on_the_seed_cost_few_calls():
    doc = before("organizations", SEED.read_bytes(), "seed.txt")
    STAGE["organizations"](fresh(doc), LEX)
    # 379 before this pass, 252 after
    assert operations(lambda: STAGE["organizations"](fresh(doc), LEX)) <= 320


# --- figures: the one pass over all nodes is the pass per node ------------------------------

def figures_node_by_node(doc: Document) -> list[figures.Figure]:
    """figures.run as it was: the numbers of each node scanned, joined into ranges, filtered
    and marked on their own, in the order of the spans, the list stopping at MAX_FIGURES."""
    nodes = list(walk(doc.sections))
    for appendix in doc.appendices:
        nodes.extend(walk(appendix["sections"]))
    found: list[figures.Figure] = []
    for span in sorted((node.span for node in nodes), key=attrgetter("start")):
        offset = len(found)
        matches = figures.figure_matches(doc.text, span.start, span.end, LEX)
        for fig in figures.figures_in(doc.text, matches, doc, LEX, figures.MAX_FIGURES - offset):
            if fig.equivalent_of is not None:
                fig.equivalent_of += offset
            found.append(fig)
        if len(found) >= figures.MAX_FIGURES:
            end = found[-1].span[1]
            doc.warn("figures", "truncated_output", f"{figures.MAX_FIGURES} figures at most: the list stops here",
                     Span(end, end))
            break
    return found


def assert_same_as_node_by_node(doc: Document) -> None:
    ours, reference = fresh(doc), fresh(doc)
    STAGE["figures"](ours, LEX)
    expected = figures_node_by_node(reference)
    assert [f.to_json() for f in ours.figures] == [f.to_json() for f in expected]
    assert ours.issues == reference.issues


MARKERS = ["□ ", "○ ", "  - ", "    * ", "1. ", ""]
NUMBER_PIECES = ["7", "1,319", "2004", "3.5", "5천만", " ", "~", "-", "내지", "%", "억원", "명", "년", "불",
                 "약 ", "미화 ", "(한화 ", ")", "이상", "기업", "제", ",5", "201458,427143", "일백만개"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(MARKERS), st.lists(st.sampled_from(NUMBER_PIECES), max_size=8)),
                min_size=1, max_size=8))
@example([("□ ", ["5", "%"]), ("  - ", ["7", "%"])])                             # a range across nodes
@example([("□ ", ["미화 ", "6", "천만", "불"]), ("○ ", ["(한화 ", "700", "억원", ")"])])  # an equivalent across
@example([("□ ", ["7", "명"]), ("□ ", ["201458,427143"])])                        # a glued run's warning
def test_one_pass_gives_what_a_pass_per_node_gives(lines):
    doc = before("figures", body([marker + "".join(pieces) for marker, pieces in lines]))
    assert_same_as_node_by_node(doc)


def figure_texts(text: str, opens: dict[int, int]) -> list[tuple[str, object, int | None]]:
    """figures_in over all of `text`'s numbers, as nodes `opens` tells."""
    doc = Document(source=Source(path="t", sha256="0" * 64, bytes=len(text)), raw=b"", text=text)
    matches = figures.figure_matches(text, 0, len(text), LEX)
    return [(f.text, f.value_max, f.equivalent_of) for f in figures.figures_in(text, matches, doc, LEX, opens=opens)]


def test_ranges_and_equivalents_stay_inside_a_node():
    assert figure_texts("5%~7%", {0: 0}) == [("5%~7%", 7, None)]
    assert figure_texts("5%~7%", {0: 0, 1: 1}) == [("5%", None, None), ("7%", None, None)]
    equivalent = "미화 6천만불 (한화 700억원)"
    assert figure_texts(equivalent, {0: 0}) == [("미화 6천만불", None, None), ("한화 700억원", None, 0)]
    assert figure_texts(equivalent, {0: 0, 1: 1}) == [("미화 6천만불", None, None), ("한화 700억원", None, None)]
    # a bare low end whose next number lies in another node is a loose number, not a range's end
    assert figure_texts("5~7%", {0: 0}) == [("5~7%", 7, None)]
    assert figure_texts("5~7%", {0: 0, 1: 1}) == [("7%", None, None)]
    # in a document: the bullet marker between two nodes is no range connector
    doc = parsed(body(["□ 예산은 5%", "  - 7%로 늘린다."]))
    assert [(f.text, f.value_max) for f in doc.figures] == [("5%", None), ("7%", None)]


def test_the_seed_gives_what_a_pass_per_node_gives():
    assert_same_as_node_by_node(before("figures", SEED.read_bytes(), "seed.txt"))


def test_past_the_limit_the_list_stops_as_node_by_node():
    """More numbers than MAX_FIGURES over several nodes: the node-by-node path, its cut and
    its warning."""
    per_line = figures.MAX_FIGURES // 8
    doc = before("figures", body([f"□ {'1억원, ' * per_line}" for _ in range(9)]))
    assert_same_as_node_by_node(doc)
    ours = fresh(doc)
    STAGE["figures"](ours, LEX)
    assert len(ours.figures) == figures.MAX_FIGURES
    assert [i.code for i in ours.issues if i.stage == "figures"] == ["truncated_output"]


def test_node_spans_are_the_walks_sorted():
    for doc in (before("figures", SEED.read_bytes(), "seed.txt"),
                before("figures", body(["□ 가", "  ○ 나", "    - 다", "  ○ 라", "□ 마", "※ 바"]))):
        nodes = list(walk(doc.sections))
        for appendix in doc.appendices:
            nodes.extend(walk(appendix["sections"]))
        assert figures.node_spans(doc) == sorted((n.span for n in nodes), key=attrgetter("start"))


# --- figures: the shortcuts give what the calls they skip give -----------------------------

def test_figure_groups_are_in_the_patterns_order():
    index = LEX.FIGURE_SCAN_RE.groupindex
    assert tuple(sorted(index, key=index.get)) == figures.FIGURE_GROUPS
    assert (figures.FIGURE, figures.NUMBER, figures.UNIT, figures.APPROX_AFTER) == (
        index["figure"], index["number"], index["unit"], index["approx_after"])
    # the scan's groups after `figure` are FIGURE_RE's, in its order
    assert figures.FIGURE_GROUPS[1:] == tuple(sorted(LEX.FIGURE_RE.groupindex, key=LEX.FIGURE_RE.groupindex.get))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \n\t\u3000가1,.%~", max_size=12))
@example(" 7")
@example("7 ")
@example("5  %")
def test_collapsed_is_collapse(value):
    assert figures.collapsed(value) == collapse(value)


@given(st.one_of(st.integers(-10**19, 10**19), st.sampled_from([10**18 - 1, 10**18, -10**18, -10**18 + 1])))
def test_whole_values_in_range_are_their_plain_value(value):
    fig = figures.to_figure(figures.Candidate(0, 1, value, None, "count", None, False, False), "7")
    assert fig.value == figures.plain(value)


def test_rules_judge_only_their_kinds():
    """A candidate of a kind no rule names is a figure whatever the rules say (is_figure is
    skipped for it): each rule rejects no other kind."""
    text = "2004 1,319 3.5"
    for kind in ("money", "percent", "count", "factor"):
        cand = figures.Candidate(0, 4, 2004, None, kind, None, False, False)
        assert all(not rule(cand, text, LEX) for _, rule, _ in figures.RULES)


# The opening look-ahead before this pass: any character that opens some group, or two numerals.
u = LEX.semantic["units"]
NUMERALS = "".join(u["numerals"]["digits"]) + "".join(u["numerals"]["small"])
OPENERS = first_chars(u["approximate"]["before"] + list(u["currency"]["prefix"]) + u["sign"]["negative"]
                      + u["sign"]["positive"])
OLD_FIRST = rf"(?=[{OPENERS}0-9]|[{NUMERALS}][{NUMERALS}{''.join(u['numerals']['large'])}])"
FIGURE_LINES = LEX.FIGURE_RE.pattern.strip("\n").split("\n")
OLD_FIGURE_RE = re.compile("\n".join(FIGURE_LINES[:2] + [OLD_FIRST] + FIGURE_LINES[3:]), LEX.FIGURE_RE.flags)
OPENER_PIECES = ["7", "1,319", "3.5", "억", "만", "일백", "이사", "원", "%", "약", "약 ", "대략", "대한", "위해",
                 "미화 ", "위안화", "US$", "$", "₩", "△", "▲", "-", "- ", "+", "여", "가량", " ", "\n", "은"]


def test_the_old_opening_look_ahead_is_the_one_replaced():
    assert FIGURE_LINES[2].strip().startswith("(?=[0-9]|")
    assert LEX.FIGURE_RE.pattern != OLD_FIGURE_RE.pattern


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(OPENER_PIECES), max_size=24))
@example(["위해", " ", "7"])
@example(["- ", "7", "%"])
@example(["이사", "만", "명"])
def test_the_whole_opener_look_ahead_changes_no_match(pieces):
    text = "".join(pieces)
    def found(pattern: re.Pattern[str]) -> list:
        return [m.span() + m.groups() for m in pattern.finditer(text)]
    assert found(LEX.FIGURE_RE) == found(OLD_FIGURE_RE)


# --- organizations: one scan per block is the scan per line --------------------------------

def block_document(text: str) -> tuple[Document, Block]:
    doc = Document(source=Source(path="t", sha256="0" * 64, bytes=len(text)), raw=b"", text=text)
    doc.lines = split_lines(text)
    return doc, Block(BlockKind.BODY, 0, len(doc.lines), Span(0, len(text)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["\n", "\n  ", " \n", "\n\n"]), max_size=30))
@example(["산림청", "(", "청장", "\n", "홍길동", ")"])              # a parenthesis across lines: no head
@example(["산림청", "\n", "(", "청장", " ", "홍길동", ")"])         # a word on the line before: none
@example(["  ", "산림청", "(", "청장", " ", "홍길동", ")", "\n", "중소기업청", "(", "廳長", ":", "柳昌茂", ")"])
def test_heads_of_a_block_are_those_of_its_lines(pieces):
    doc, block = block_document("".join(pieces))
    by_line = [head for line in doc.lines for head in organizations.match_heads(line, LEX)]
    assert organizations.heads_in_block(doc, block, LEX) == by_line


OLD_ORG_HEAD_TAIL_RE = re.compile(LEX.ORG_HEAD_TAIL_RE.pattern.replace(r"[^\S\n]", r"\s"))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS + ["\t", "\u3000"]), max_size=24))
def test_on_one_line_the_tail_is_what_it_was(pieces):
    """Within a line (no line break) `[^\\S\\n]` is `\\s`: the tail finds what it found."""
    text = "".join(pieces)
    assert OLD_ORG_HEAD_TAIL_RE.pattern.count(r"\s*") == 4
    assert ([m.span() + m.groups() for m in LEX.ORG_HEAD_TAIL_RE.finditer(text)]
            == [m.span() + m.groups() for m in OLD_ORG_HEAD_TAIL_RE.finditer(text)])


HANJA_EDGES = [chr(c + d) for c in (0x3400, 0x4DBF, 0x4E00, 0x9FFF, 0xF900, 0xFAFF) for d in (-1, 0, 1)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=HANJA_EDGES + ["廳", "長", "柳", "청", "장", "A", " ", "·"], min_size=1, max_size=6))
def test_the_hanja_pattern_is_is_hanja(value):
    """parse_head's one search (a title with any hanja) and one fullmatch (a name all hanja)."""
    assert bool(LEX.ORG_HEAD_HANJA_RE.search(value)) == any(is_hanja(c) for c in value)
    assert bool(LEX.ORG_HEAD_HANJA_RE.fullmatch(value)) == all(is_hanja(c) for c in value)
