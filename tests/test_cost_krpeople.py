"""The people stage's fixed work on a korea.kr-sized release (issue 14), without clocks: the issuer's
head ending looked up once an issuer (people.ISSUER_ENDINGS) and a chair word looked for only when
each of its characters is written (people.chair_word_starts), discussants stopping when there is
none. Each shortcut gives what the plain form gave, on cases written here and on the corpus; one
invented korea.kr-like release costs fewer calls than before."""
from __future__ import annotations

import copy

import pytest

from pipeline.lexicon import load_lexicon
from pipeline.runner import new_document, run
from pipeline.stages import people

from .complexity import operations
from .test_cost_fastpeople import BEFORE_PEOPLE, corpus_texts
from .test_cost_fastpeople4 import corpus_words


# --- the issuer's head ending, remembered by issuer ------------------------------------------------

ISSUERS = ["가상청", "가상처", "가상부", "가상위원회", "가상원", "가상연구소", "가상시", "가상군", "가상",
           "회", "청", "", "가상공사", "가상 위원회", "가상도청", "Virtual Agency"]


def remembered_ending(name: str, lex) -> str | None:
    """The ending as issuer_heads reads it: from the memo, made the first time."""
    memo = people.ISSUER_ENDINGS
    return memo.answers[name] if memo.semantic is lex.semantic and name in memo.answers else memo.answer(name, lex)


def test_the_remembered_ending_is_the_longest_ending():
    lex = load_lexicon()
    heads = lex.semantic["people"]["issuer_head"]
    people.ISSUER_ENDINGS.semantic = None       # a fresh memo: the first answers are made
    for name in ISSUERS * 2:                    # the second round reads the memo
        assert remembered_ending(name, lex) == people.longest_ending(name, heads), name
    assert people.ISSUER_ENDINGS.answers                # the memo was used
    assert people.longest_ending("가상위원회", heads) == "위원회"    # the longest, not '회'
    assert people.longest_ending("가상", heads) is None


def test_the_remembered_ending_is_the_longest_ending_on_corpus_words():
    lex = load_lexicon()
    heads = lex.semantic["people"]["issuer_head"]
    people.ISSUER_ENDINGS.semantic = None
    words = corpus_words(60)
    for word in words * 2:
        assert remembered_ending(word, lex) == people.longest_ending(word, heads), word
    assert any(people.longest_ending(w, heads) for w in words)


def release_with_head(issuer: str) -> tuple:
    """A document whose one person is quoted with a head's title, its release naming `issuer`."""
    lex = load_lexicon()
    text = "가상 보도자료\n\n□ 홍길동 청장은 “새 제도를 시행한다”고 말했다.\n"
    doc = run(new_document(text.encode("utf-8"), "head.txt"), lex, BEFORE_PEOPLE)
    doc.release = {"issuer": {"name": issuer}}
    start = text.index("홍길동")
    person = people.Person("홍길동", None, "청장", None, None, [], (start, start + len("홍길동 청장")))
    return doc, lex, [person]


@pytest.mark.parametrize("issuer, head", [("가상청", True), ("가상부", False), ("가상", False), ("가상도청", True)])
def test_issuer_heads_with_the_memo_finds_the_head(issuer, head):
    people.ISSUER_ENDINGS.semantic = None
    for _ in range(2):                          # made, then read from the memo: the same answer
        doc, lex, found = release_with_head(issuer)
        people.issuer_heads(doc, lex, found)
        assert ("head" in found[0].roles) is head
        assert found[0].affiliation == (issuer if head else None)


# --- chair words only where their characters are written ---------------------------------------

def plain_chair_starts(text: str, lex) -> list[int]:
    """chair_word_starts as it was: every chair word found, whatever the text holds."""
    return sorted([i for w in lex.semantic["people"]["discussion"]["chair_words"]
                   for i in people.occurrences(text, w)])


CHAIR_CASES = [
    "",
    "가상대 교수를 좌장으로 토론이 이어졌다.",
    "사회로 나아가는 좌장과 사회자",
    "좌석과 장소, 회의와 사무",           # every character of both words, neither word
    "사회사회좌장좌장",
    "회의만 열렸다",
    "좌",
    "장좌 회사",
]


@pytest.mark.parametrize("text", CHAIR_CASES)
def test_chair_starts_are_the_plain_ones_on_cases(text):
    lex = load_lexicon()
    assert people.chair_word_starts(text, lex) == plain_chair_starts(text, lex)


def test_chair_starts_are_the_plain_ones_on_the_corpus():
    lex = load_lexicon()
    texts = corpus_texts(2000)
    found = 0
    for text in texts:
        expected = plain_chair_starts(text, lex)
        assert people.chair_word_starts(text, lex) == expected
        found += bool(expected)
    assert found                                # the samples hold '좌장으로'


DISCUSSION = ("가상부 보도자료\n\n가상 토론회 개최\n\n□ 가상부는 1일 가상 토론회를 열었다.\n"
              " ㅇ 토론회는 홍길동 가상대 교수를 좌장으로 김가상 가상연구원 연구위원, 이가상 가상대 교수 등 "
              "전문가들이 참여하여 가상 제도의 개선 방향을 논의했다.\n")


@pytest.mark.parametrize("text, roles", [
    (DISCUSSION, {"홍길동": ["moderator"], "김가상": ["panelist"], "이가상": ["panelist"]}),
    # No chair word: discussants stops before any phrase is sought, and nobody moderates.
    (DISCUSSION.replace("를 좌장으로", "와"), {"moderator": None}),
])
def test_discussants_with_and_without_a_chair_word(text, roles):
    lex = load_lexicon()
    doc = run(new_document(text.encode("utf-8"), "discussion.txt"), lex, BEFORE_PEOPLE)
    people.run(doc, lex)
    found = {p.name: p.roles for p in doc.people}
    if "moderator" in roles:
        assert doc.people and not any("moderator" in r or "panelist" in r for r in found.values())
    else:
        assert found == roles


# --- one korea.kr-like release costs fewer calls -------------------------------------------------

# Invented, shaped like a korea.kr record: an issuer, a headline, a few bullets naming a head by
# title and quoting him, no programme, no chair word, a contact row.
KR_LIKE = """가상청 보도자료
보도시점 2026. 12. 1.(화) 12:00

가상청, 가상 물품 통관 절차 간소화
- 내년 1월부터 전자 신고만으로 통관 -

□ 가상청(청장 홍길동)은 1일 가상 물품의 통관 절차를 간소화한다고 밝혔다.
 ㅇ 새 절차는 내년 1월부터 시행되며, 수입업체는 전자 신고만으로 통관할 수 있다.
□ 홍길동 청장은 “업체의 부담이 크게 줄어들 것”이라고 말했다.
 ㅇ 가상청은 지역 업체 설명 자리를 3차례 열어 의견을 들었다.

담당 부서 가상통관과 책임자 과장 김가상 (042-000-1111)
"""

# Calls people.run makes on KR_LIKE (measured after the pass: 235; before it: 245). A return to
# the unremembered ending or to the scan without a chair word fails.
KR_LIKE_BOUND = 240


def test_the_korea_kr_like_release_costs_fewer_calls():
    lex = load_lexicon()
    doc = run(new_document(KR_LIKE.encode("utf-8"), "kr-like.md"), lex, BEFORE_PEOPLE)
    people.run(copy.deepcopy(doc), lex)         # warm: patterns compiled, the issuer remembered
    fresh = copy.deepcopy(doc)
    assert operations(lambda: people.run(fresh, lex)) <= KR_LIKE_BOUND
    assert any(p.name == "홍길동" for p in fresh.people)
