"""Cost of the event and sessions stages, third pass (issue 14), without clocks: each shortcut
gives exactly what the plain rule gave (a reference written the plain way, run on invented and
random input), and the work it saves is not done (calls counted).

- event.find_lead: one search for a verb runs ahead through the bullets; a bullet ending before
  the next verb is not read (on the korea.kr records, 4,856 match_lead calls became 464).
- event.about_event: the same for the anaphor of a sentence about the event ('이번 회의는').
- event.match_name: the lead's verb is searched once, and the quoted names of its sentence are
  read once for both quoted rules.
- sessions: the lines holding an item mark ('▲', '△') are found by a find per mark, once per
  document, not by a test of every line; an intro's bigrams are made only when a title is in
  reach of its length."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Node, Span
from pipeline.lexicon import load_lexicon
from pipeline.stages import event, sessions
from pipeline.text import content_start

from .complexity import count_calls
from .conftest import SAMPLES
from .semantic_helpers import prepare

LEX = load_lexicon()
EVENT = LEX.semantic["event"]


def bullets(text: str, cuts: list[int] = ()) -> list[Node]:
    """A bullet per line of `text` (no marker), each line also cut at the offsets `cuts` (a
    bullet that does not end at its line's end)."""
    nodes, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        bounds = [start, *sorted(c for c in set(cuts) if start < c < end), end]
        for a, b in zip(bounds, bounds[1:]):
            if a < b:
                nodes.append(Node(None, 0, text[a:b], Span(a, b)))
        start = end + 1
    return nodes


def plain_lead(text: str, nodes: list[Node]):
    """The lead as it was found before: match_lead on every bullet in turn."""
    return next(((i, lead) for i, n in enumerate(nodes) if (lead := event.match_lead(text, n, LEX))), (None, None))


def plain_about(text: str, nodes: list[Node], name: str | None) -> list:
    """about_event as it was: an anaphor search in every bullet, else a find of the name."""
    found = []
    for node in nodes:
        start = content_start(text, node)
        anaphor = event.anaphor_at(text, start, node.span.end, LEX)
        if anaphor is not None:
            found.append(event.About(node, anaphor, True))
        elif name and len(name) >= 4 and (at := text.find(name, start, node.span.end)) >= 0:
            found.append(event.About(node, at, False))
    return found


def plain_name(text: str, start: int, end: int) -> str | None:
    """match_name as it was: each rule reads the sentence's quoted names on its own."""
    verb = LEX.EVENT_VERB_RE.search(text, start, end)
    if verb is None:
        return None
    stop = event.sentence_end(text, verb.end(), end)
    return (event.match_quoted_name(text, start, stop, verb.start(), LEX, True)
            or event.match_noun_name(text, start, stop, LEX)
            or event.match_quoted_name(text, start, stop, verb.start(), LEX))


# Invented releases: a lead late, a verb noun that is no verb ('개최지'), a purpose after the
# verb, a day alone, quoted names before and after the verb, an anaphor later on.
RELEASES = [
    "가상부는 올해 예산을 확정했다\n관계 부처와 협의를 마쳤다\n가상청은 7월 3일 서울에서 「제2회 미래 포럼」을 개최한다\n이번 포럼은 사흘간 열린다",
    "가상시는 개최지 선정 결과를 알렸다\n가상원은 12일 부산에서 신기술 설명회를 개최했다",
    "가상부 장관은 회담 참석을 위해 출국했다\n가상부는 오는 5일 정책협의회를 연다\n동 협의회에는 전문가가 참석한다",
    "‘가상 주간’을 앞두고 가상청은 「2025 가상 박람회」를 열었다\n금번 박람회는 성황리에 마쳤다",
    "가상부는 새 제도를 시행한다\n시행 시기는 내년이다",
    "",
]


@pytest.mark.parametrize("text", RELEASES)
def test_the_lead_run_ahead_finds_what_every_bullet_gave(text):
    nodes = bullets(text)
    assert event.find_lead(text, nodes, LEX) == plain_lead(text, nodes)


@pytest.mark.parametrize("text", RELEASES)
def test_the_anaphor_run_ahead_finds_what_every_bullet_gave(text):
    nodes = bullets(text)
    for name in (None, "미래 포럼", "정책협의회"):
        assert event.about_event(text, nodes, name, LEX) == plain_about(text, nodes, name)


@pytest.mark.parametrize("text", RELEASES)
def test_the_name_read_with_shared_quotes_is_the_plain_rules_name(text):
    for node in bullets(text):
        assert event.match_name(text, node.span.start, node.span.end, LEX) == \
            plain_name(text, node.span.start, node.span.end)


# Words that make up leads: verbs, what may follow one (a purpose, a noun's ending), anaphors,
# event nouns, quotes, dates, and blanks and line ends between them; drawn at random, bullets
# end right after a verb, inside one, or in the middle of a line.
WORDS = st.sampled_from(EVENT["verbs"][:10] + EVENT["purpose_after"] + EVENT["verb_noun_endings"]
                        + EVENT["anaphors"] + EVENT["nouns"][:6] + EVENT["anaphor_particles"][:3] + [
                            "「미래 포럼」", "‘가상 주간’", "7월 3일", "12일", "가상부는", "서울에서", "를", " ", " ",
                            "\n", "\n", ".", "(", ")"])


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=24).map("".join), st.lists(st.integers(0, 200), max_size=3))
def test_the_run_ahead_searches_never_lose_a_lead_or_an_about(text, cuts):
    nodes = bullets(text, cuts)
    assert event.find_lead(text, nodes, LEX) == plain_lead(text, nodes)
    assert event.about_event(text, nodes, "미래 포럼", LEX) == plain_about(text, nodes, "미래 포럼")


def test_a_bullet_cut_inside_its_line_is_read_on_its_own():
    # '…을 개최|지 선정': the bullet's own search ends after '개최' and finds the verb; a search
    # running on reads '개최지' (a noun) and finds none, so such a bullet is read on its own.
    text = "가상청은 7월 3일 「제2회 미래 포럼」을 개최지 선정 회의로 정했다"
    nodes = bullets(text, [text.index("지 선정")])
    assert event.find_lead(text, nodes, LEX) == plain_lead(text, nodes)
    assert event.find_lead(text, nodes, LEX)[1].name == "제2회 미래 포럼"


def test_bullets_without_a_verb_are_not_read_for_a_lead(monkeypatch):
    text = "\n".join(["가상부는 올해 예산안을 확정하였다"] * 11 + ["가상청은 7월 3일 「제2회 미래 포럼」을 개최한다"])
    nodes = bullets(text)
    calls = count_calls(monkeypatch, event, "match_lead")
    assert event.find_lead(text, nodes, LEX)[0] == 11
    assert calls["n"] == 1      # twelve before: every bullet was read


def test_bullets_without_an_anaphor_are_searched_once(monkeypatch):
    text = "\n".join(["가상부는 올해 예산안을 확정하였다"] * 12)
    calls = count_calls(monkeypatch, event, "anaphor_at")
    assert event.about_event(text, bullets(text), None, LEX) == []
    assert calls["n"] == 1      # twelve before: a search in every bullet


# --- sessions -------------------------------------------------------------------------------

MARKED = st.sampled_from(["▲", "△", "가상", "발표", " ", "(김하늘, 가상대)", "○ ", "ㅇ", "「제목」"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(MARKED, min_size=1, max_size=6).map("".join), min_size=1, max_size=8))
def test_the_lines_holding_a_mark_are_those_a_test_of_every_line_found(rows):
    doc, lex = prepare("□ 주요 내용\n" + "".join(f"  ○ {row}\n" for row in rows))
    index = sessions.LineIndex(sessions.content_lines(doc))
    for marks in ("▲△", "▲", "△"):
        assert index.holding_any(doc.text, marks) == \
            [i for i, line in enumerate(index.lines) if any(m in line.text for m in marks)]


def marked_release(lines: int) -> str:
    body = "".join(f"  ○ 가상청은 {i}번째 지원 사업을 추진한다\n" for i in range(lines))
    return "□ 주요 내용\n  ○ ▲「가상 제목」(김하늘, 가상대) 발표가 진행되었다\n" + body


def item_calls(lines: int) -> int:
    """Function calls titled and listed talks make on a release with one marked line."""
    from .complexity import operations
    doc, lex = prepare(marked_release(lines), until="people")
    lines_ = sessions.content_lines(doc)

    def work():
        index = sessions.LineIndex(lines_)
        sessions.titled_items(doc.text, index, None, doc.people, lex)
        sessions.listed_talks(doc.text, index, doc.people, [], lex)
    work()
    return operations(work)


def test_titled_and_listed_talks_do_not_read_every_line():
    # The lines holding a mark are found by a find per mark: the calls stay put however many
    # lines without one the release has (a test of every line made ~3 calls a line).
    assert item_calls(200) == item_calls(5)


def test_a_mark_is_looked_for_once_per_document():
    from .complexity import operations
    doc, _ = prepare("□ 주요 내용\n" + "".join(f"  ○ 가상 {i}\n" for i in range(50)))
    index = sessions.LineIndex(sessions.content_lines(doc))
    first = operations(lambda: index.holding_any(doc.text, "▲△"))
    # '▲' asked again (listed talks after titled items): no find is made again (the call, the
    # method and a dict's lookup are what is left).
    again = operations(lambda: index.holding_any(doc.text, "▲"))
    assert again <= 3 < first


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="가나다 정보화,()AB1", max_size=30))
def test_bigrams_are_each_character_joined_to_the_next(value):
    compact = LEX.NON_WORD_RE.sub("", value)
    assert sessions.bigrams(value, LEX) == [compact[i:i + 2] for i in range(len(compact) - 1)]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 80), st.integers(0, 80), st.sampled_from([0.3, 0.5, 0.6, 0.75]))
def test_reach_by_length_is_reach_by_bigrams(a, b, floor):
    assert sessions.reaches(a, b, floor) == sessions.may_reach(["x"] * a, ["y"] * b, floor)


def test_event_and_sessions_on_the_seed_stay_within_their_function_calls():
    # Measured after this pass: event 648 function calls (641 before: the lead is the seed's
    # first bullet, so the run-ahead search saves nothing there), sessions 1,646 (1,724
    # before). On the korea.kr records (mean per record): event 207 (224), sessions 104 (123).
    # Bounds ~1.3x, so that a return to a scan of every bullet or line fails.
    from .test_cost_fastsessions import SEED, stage_calls
    data = (SAMPLES / SEED).read_bytes()
    assert stage_calls(data, SEED, "event") <= 840
    assert stage_calls(data, SEED, "sessions") <= 2130
