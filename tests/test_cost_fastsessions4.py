"""Cost of the sessions and event stages, fourth pass (issue 14), without clocks: each shortcut
gives exactly what the plain rule gave (a reference written the plain way, run on invented,
random and corpus input), and the work it saves is not done (calls counted).

- sessions.run: the body is scanned before its lines are listed; a release with no session
  key, no talk noun and no item mark never lists them.
- sessions.match_intro: the intro's tail is searched for (SESSION_INTRO_TAIL_RE opens with the
  tails' literals) instead of the lazy SESSION_INTRO_RE trying the tails after every character.
- sessions.assign_intros: an intro's score against a title without a repeated bigram counts the
  title's bigrams the compact intro holds (a find each, in C); the intro's bigrams are not made.
- event: the genitive host's search runs only when the genitive ends the text before the quote,
  and a lead's subject is searched for a date only when it holds the month's word."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Node, Span
from pipeline.lexicon import load_lexicon
from pipeline.stages import sessions
from pipeline.text import content_start

from .complexity import count_calls, operations
from .conftest import SAMPLES
from .semantic_helpers import prepare
from .test_cost_fastevent4 import plain_part_keys
from .test_cost_fastpeople import corpus_texts

LEX = load_lexicon()
SESSIONS = LEX.semantic["sessions"]


def plain_intro(text: str, node: Node) -> str | None:
    """match_intro as it was: the lazy pattern from the content's start."""
    m = LEX.SESSION_INTRO_RE.match(text, content_start(text, node), node.span.end)
    return m.group("intro") if m else None


def line_nodes(text: str) -> list[Node]:
    """A bullet per line of `text` (no marker), and one over the whole text."""
    nodes, start = [Node(None, 0, text, Span(0, len(text)))], 0
    for line in text.split("\n"):
        nodes.append(Node(None, 0, line, Span(start, start + len(line))))
        start += len(line) + 1
    return nodes


# Invented bullets: a tail too close to the start ('가에서는'), a shorter tail inside a longer
# one, blanks and a newline before the tail, an intro longer than the limit, no tail.
INTROS = [
    ("중소기업의 부문별 정보화 촉진전략 부문은 세 과제를 논의", "중소기업의 부문별 정보화 촉진전략"),
    ("가에서는 회의를 열었다", "가에서"),
    ("가상 세션에서는 발표가 있었다", "가상"),
    ("가상 포럼\n 부문에서 논의", "가상 포럼"),
    ("가상 포럼 \t 은 열렸다", "가상 포럼"),
    ("가" * 80 + " 은 열렸다", "가" * 80),
    ("가" * 81 + " 은 열렸다", None),
    ("가상\n포럼은 열렸다", None),
    ("가상 포럼은", None),
    ("은 ", None),
    ("", None),
]


def test_the_intro_found_by_its_tail_is_the_lazy_pattern_s():
    for text, expected in INTROS:
        node = Node(None, 0, text, Span(0, len(text)))
        assert sessions.match_intro(text, node, LEX) == plain_intro(text, node) == expected, text


PIECES = st.sampled_from(["부문", "에서", "는", "은", "분야", "세션", "가", "상 ", " ", "\n", "\t", "가상포럼", ".", "「"])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_the_intro_found_by_its_tail_is_the_lazy_pattern_s_on_any_mix(text: str):
    for node in line_nodes(text):
        assert sessions.match_intro(text, node, LEX) == plain_intro(text, node)


def test_the_intro_found_by_its_tail_is_the_lazy_pattern_s_on_samples_and_corpus():
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + corpus_texts(200)
    for text in texts:
        for node in line_nodes(text):
            assert sessions.match_intro(text, node, LEX) == plain_intro(text, node)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="가나다 정보,()AB1·", max_size=40))
def test_the_compact_form_is_the_substitution_s(value: str):
    assert sessions.compact_of(value, LEX) == LEX.NON_WORD_RE.sub("", value)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="가나다라 ,", min_size=1, max_size=16), st.text(alphabet="가나다라 ,.", max_size=30))
def test_an_intro_s_score_is_dice_over_bigrams(title: str, intro: str):
    # assign_intros' score without the intro's bigrams, against the plain Dice coefficient.
    grams = sessions.bigrams(title, LEX)
    compact = sessions.compact_of(intro, LEX)
    if not grams or len(compact) < 2 or len(set(grams)) != len(grams):
        return
    count = len(compact) - 1
    score = 2 * sum(map(compact.__contains__, set(grams))) / (len(grams) + count)
    assert score == sessions.dice(grams, sessions.bigrams(intro, LEX))


def test_intros_are_assigned_by_the_plain_scores():
    # Titles with and without repeated bigrams ('정보 정보화'), intros like and unlike them.
    doc, lex = prepare("□ 주요 내용\n  ○ 가상 포럼은 ‘정보 정보화 전략’, ‘가상 수출 촉진’ 등의 2개의 세션으로 구성됨\n"
                       "  ○ [세션 1]\n  ○ [세션 2]\n"
                       "  ○ 정보 정보화 전략 부문은 세 나라가 발표\n    - 가상 교수가 발표\n"
                       "  ○ 가상 수출의 촉진 부문에서는 두 나라가 발표\n    - 나상 교수가 발표\n", until="people")
    sessions.run(doc, lex)
    assert [(s.label, s.title, s.report is not None) for s in doc.sessions] == [
        ("세션 1", "정보 정보화 전략", True), ("세션 2", "가상 수출 촉진", True)]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["부", "1", "１", " ", "  ", "\n", "정", "부문", "제", "가"]), max_size=20).map("".join),
       st.integers(0, 5))
def test_part_keys_are_the_plain_look_back_s(text: str, start: int):
    # PART_WORD_SCAN_RE finds the part word only after a digit, a digit and a blank, or two
    # blanks: every word the plain look back keys, and not '부문' after one blank.
    assert sessions.part_keys(text, start, len(text), LEX) == plain_part_keys(text, start, len(text))


def test_speakers_by_bullet_are_node_index_s():
    from pipeline.text import NodeIndex
    speaking = 0
    for path in sorted(SAMPLES.glob("*.txt")):
        doc, _ = prepare(path.read_text(encoding="utf-8"), until="people")
        nodes = sessions.all_nodes(doc)
        index = NodeIndex(nodes)
        plain: dict[int, list] = {}
        for person in doc.people:
            if set(person.roles) & set(sessions.TALK_ROLES) and (owner := index.owner(person.span[0])) is not None:
                plain.setdefault(owner, []).append(person)
        assert sessions.speakers_by_bullet(doc.people, nodes) == plain
        assert sessions.speakers_by_bullet(doc.people, nodes[::-1]) == plain
        speaking += len(plain)
    assert speaking           # the samples name speakers


# --- event ---------------------------------------------------------------------------------

def plain_label_lines(text: str, start: int) -> list[int]:
    """event.label_lines as a find of every date label: the starts of the lines holding one."""
    lines = set()
    for word in LEX.semantic["event"]["outline_date_labels"]:
        at = text.find(word)
        while at >= 0:
            lines.add(text.rfind("\n", 0, at) + 1)
            at = text.find(word, at + 1)
    return sorted(line for line in lines if line >= start)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["일시", "기간", "일정", "시", "\n", " ", "(장소)", "가상"]), max_size=25).map("".join),
       st.integers(0, 10))
def test_outline_label_lines_are_those_holding_a_label(text: str, start: int):
    from pipeline.stages import event
    assert event.label_lines(text, start, LEX) == plain_label_lines(text, start)


def test_outline_label_scans_are_looked_up_once_per_lexicon():
    from pipeline.stages import event
    event.outline_label_scans(LEX)
    # Asked again: the memo's lookup (5 calls with the lambda's), no scan names worked out and
    # no getattr per scan (what scans_of does on every call).
    again = operations(lambda: event.outline_label_scans(LEX))
    assert again <= 6 < operations(lambda: event.scans_of("OUTLINE_DATE_LABEL", LEX.semantic["event"]["outline_date_labels"], LEX))


# --- sessions: the scan of the body ----------------------------------------------------------

def scan_by_line(pattern, text: str) -> tuple[set[int], dict[int, int]]:
    """What sessions.bucket makes of a scan with `pattern`, by line of `text`: the lines holding
    a key, and each line's first noun (its offset)."""
    import bisect
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    keyed, nouns = set(), {}
    for m in pattern.finditer(text):
        line = bisect.bisect_right(starts, m.start()) - 1
        if m.group() in SESSIONS["item_marks"]:
            continue
        if m.group() in SESSIONS["talk_nouns"]:
            nouns.setdefault(line, m.start())
        else:
            keyed.add(line)
    return keyed, nouns


def trie_of_every_word():
    """SESSION_SCAN_RE as it was: every key and noun whole, in one trie."""
    import re

    from pipeline.lexicon import trie_alternation
    pt = SESSIONS["prose_talks"]
    return re.compile(trie_alternation(SESSIONS["numbered_words"] + SESSIONS["announced"]["words"] + SESSIONS["named"]
                                       + pt["strong"] + pt["weak"] + pt["as_words"]))


SCAN_PIECES = st.sampled_from(["종합토론", "전문가 토론", "전문가토론", "토론", "라운드테이블", "테이블", "특별 세션", "기조세션",
                               "세션", "기조연설", "기조발표", "발표자로", "주제발표", "강연", "분과", "Session", " ", "\n", "가",
                               "종합", "정책", "원탁", "▲", "△"])


@settings(max_examples=500, deadline=None)
@given(st.lists(SCAN_PIECES, max_size=30).map("".join))
def test_the_scan_finds_the_keyed_lines_and_first_nouns_the_trie_of_every_word_found(text: str):
    assert scan_by_line(LEX.SESSION_SCAN_RE, text) == scan_by_line(trie_of_every_word(), text)


def test_the_scan_on_samples_and_corpus_finds_what_the_trie_of_every_word_found():
    old = trie_of_every_word()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + corpus_texts(1000)
    keyed = 0
    for text in texts:
        found = scan_by_line(LEX.SESSION_SCAN_RE, text)
        assert found == scan_by_line(old, text)
        keyed += len(found[0])
    assert keyed


def test_every_alternative_of_the_scan_opens_with_a_literal():
    # The engine skips ahead only then (re's charset prefix): a group or a look around first
    # makes it try every position.
    import re._compiler
    import re._parser
    assert re._compiler._get_charset_prefix(re._parser.parse(LEX.SESSION_SCAN_RE.pattern), 0)


MARK_PIECES = st.sampled_from(["▲", "△", "가상", "발표", " ", "세션", "(김하늘, 가상대)", "○ ", "「제목」"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(MARK_PIECES, min_size=1, max_size=6).map("".join), min_size=1, max_size=8))
def test_the_marks_the_scan_finds_are_those_a_find_per_mark_finds(rows):
    doc, lex = prepare("□ 주요 내용\n" + "".join(f"  ○ {row}\n" for row in rows))
    start, end = sessions.content_region(doc)
    _, _, marks = sessions.scan_body(doc.text, start, end, lex)
    plain = sessions.LineIndex(sessions.content_lines(doc))
    seeded = sessions.LineIndex(sessions.content_lines(doc))
    seeded.marks.update(marks)
    for chars in ("▲△", "▲", "△"):
        assert seeded.holding_any(doc.text, chars) == plain.holding_any(doc.text, chars)
    # Seeded, no find is made again (the call, the method and the lookups are what is left).
    assert operations(lambda: seeded.holding_any(doc.text, "▲△")) <= operations(lambda: plain.holding_any(doc.text, "▲△"))


def test_a_release_without_key_noun_or_mark_lists_no_line(monkeypatch):
    listed = count_calls(monkeypatch, sessions, "content_lines")
    doc, lex = prepare("□ 주요 내용\n" + "".join(f"  ○ 가상청은 {i}번째 지원 사업을 추진한다\n" for i in range(40)), until="people")
    sessions.run(doc, lex)
    assert listed["n"] == 0
    doc, lex = prepare("□ 주요 내용\n  ○ ▲ 가상청은 지원 사업을 추진한다\n", until="people")
    sessions.run(doc, lex)
    assert listed["n"] == 1


# --- sessions: a keyed line is scanned for labels up to its last key --------------------------

LABEL_PIECES = st.sampled_from(["세션", "Session", "분과", "부", "제", "1", "12", "첫", " 번째 ", "마지막", "종합토론", "특별 세션",
                                "전문가 토론", "[", "]", "(", ")", "에서는", "은", ":", " ", "가", "정부", "‘가상 제목’ ", "「보고서」"])


def key_matches_as_finditer(doc, lex) -> int:
    """Compare key_matches with finditer on every keyed line of `doc`; the matches seen."""
    lines = sessions.content_lines(doc)
    scan = sessions.scan_lines(doc.text, sessions.LineIndex(lines), lex)
    seen = 0
    for i in scan.keyed:
        line = lines[i]
        for pattern in (lex.SESSION_LABEL_RE, lex.QUOTED_SESSION_RE):
            mine = [m.span() for m in sessions.key_matches(pattern, doc.text, line, scan.reach[i])]
            assert mine == [m.span() for m in pattern.finditer(doc.text, line.content.start, line.content.end)]
            seen += len(mine)
    return seen


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(LABEL_PIECES, max_size=12).map("".join), min_size=1, max_size=4))
def test_labels_up_to_the_last_key_are_finditer_s(rows):
    doc, lex = prepare("□ 주요 내용\n" + "".join(f"  ○ {row}\n" for row in rows))
    key_matches_as_finditer(doc, lex)


def test_labels_up_to_the_last_key_on_samples_and_corpus_are_finditer_s():
    seen = 0
    for text in corpus_texts(300):
        doc, lex = prepare(text)
        seen += key_matches_as_finditer(doc, lex)
    assert seen


COUNT_PIECES = st.sampled_from(["세션", "트랙", "(", ")", "12", "3", " ", "개", "의", "가", "분과", "\n"])


@settings(max_examples=500, deadline=None)
@given(st.lists(COUNT_PIECES, max_size=20).map("".join))
def test_every_count_of_sessions_holds_the_count_hint(text: str):
    # announced_sessions searches SESSION_COUNT_HEAD_RE only where COUNT_HINT_RE finds a number
    # and the counter: every count holds one.
    for m in LEX.SESSION_COUNT_HEAD_RE.finditer(text):
        assert LEX.COUNT_HINT_RE.search(m.group())


def test_every_count_of_sessions_in_the_corpus_holds_the_count_hint():
    for text in corpus_texts(1000):
        for m in LEX.SESSION_COUNT_HEAD_RE.finditer(text):
            assert LEX.COUNT_HINT_RE.search(m.group())


# --- sessions: talk verbs tried at the nouns the scan hit --------------------------------------

VERB_PIECES = st.sampled_from(["발표", "하였", "주제발표", "기조연설", "기조연사로", "연사로", "을 통해", "을 진행", " ", "강연자로",
                               "나서", "참여", "발제", "후", "가", "\n", "특강", "했", "자로", "세션", "에 이어", "및", "할 예정"])


def verbs_both_ways(text: str) -> tuple[list, list]:
    """The talk verbs of each line of `text`: at the scan's noun hits, and by finditer from the
    line's first noun."""
    nouns_only = LEX.semantic["sessions"]["talk_nouns"]
    mine, plain, start = [], [], 0
    for line in text.split("\n"):
        end = start + len(line)
        hits = [m.start() for m in LEX.SESSION_SCAN_RE.finditer(text, start, end) if m.group() in nouns_only]
        if hits:
            mine += [m.span() for m in sessions.verb_matches(text, hits, end, LEX)]
            plain += [m.span() for m in LEX.PROSE_TALK_VERB_RE.finditer(text, hits[0], end)]
        start = end + 1
    return mine, plain


@settings(max_examples=600, deadline=None)
@given(st.lists(VERB_PIECES, max_size=30).map("".join))
def test_talk_verbs_at_the_noun_hits_are_the_finditer_s(text: str):
    mine, plain = verbs_both_ways(text)
    assert mine == plain


def test_talk_verbs_at_the_noun_hits_on_samples_and_corpus_are_the_finditer_s():
    found = 0
    for text in corpus_texts(1000):
        mine, plain = verbs_both_ways(text)
        assert mine == plain
        found += len(mine)
    assert found


# --- calls ---------------------------------------------------------------------------------

class CountedPattern:
    """A pattern whose search and match calls are counted."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls = pattern, 0

    def search(self, *args):
        self.calls += 1
        return self.pattern.search(*args)

    def match(self, *args):
        self.calls += 1
        return self.pattern.match(*args)


def test_a_label_line_is_not_searched_past_its_last_key():
    # '[세션 1]에서는 …' then a long sentence: the label is the one match, and the line after it
    # is not searched again (finditer read it all, at ~25 ns a character).
    doc, lex = prepare("□ 주요 내용\n  - [세션 1]에서는 " + "가상청의 지원 사업을 논의하고 " * 40 + "\n")
    lines = sessions.content_lines(doc)
    scan = sessions.scan_lines(doc.text, sessions.LineIndex(lines), lex)
    [i] = scan.keyed
    counted = CountedPattern(lex.SESSION_LABEL_RE)
    assert [m.group("label") for m in sessions.key_matches(counted, doc.text, lines[i], scan.reach[i])] == ["세션 1"]
    # Matched at the mark, the blank and the bracket (three calls, its key five characters in),
    # then nothing: no search through the rest of the line.
    assert counted.calls == 3


def test_talk_verbs_are_tried_at_the_nouns_only():
    text = "가상 교수가 " + "지원 사업을 논의하고 " * 30 + "주제발표를 진행했다"
    hits = [m.start() for m in LEX.SESSION_SCAN_RE.finditer(text)]
    from types import SimpleNamespace
    counted = CountedPattern(LEX.PROSE_TALK_VERB_RE)
    found = [m.group("noun") for m in sessions.verb_matches(text, hits, len(text), SimpleNamespace(PROSE_TALK_VERB_RE=counted))]
    assert found == ["주제발표"] and counted.calls == len(hits) == 1


def test_sessions_on_the_seed_stay_within_their_function_calls():
    # Measured after this pass: sessions 1,299 function calls (1,440 before it); on the
    # korea.kr records 71.4 a record (74.4). A bound under the old count.
    from .test_cost_fastsessions import SEED, stage_calls
    data = (SAMPLES / SEED).read_bytes()
    assert stage_calls(data, SEED, "sessions") <= 1400
