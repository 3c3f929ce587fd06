"""People: the forms of issue 12 — foreign names vouched for by a gloss or by being written
again, heads with foreign names, contacts' titles and departments from their rows, roles
(chair, head), Latin-script names. One fixture table per rule; the lines are written here."""
from __future__ import annotations

import pytest

from .semantic_helpers import parse


def persons(text: str) -> list[tuple]:
    doc = parse(text if text.startswith("□") else f"□ {text}\n")
    return [(p.name, p.title, p.affiliation, p.country) for p in doc.people]


# --- a Latin gloss vouches for every word of the name -------------------------------------

@pytest.mark.parametrize("line,expected", [
    # the gloss after a blank, the affiliation opening with a country
    ("차관은 오후 아나 벨로소 (Ana Veloso) 포르투갈 외무부 차관과 회담을 가졌다.",
     [("아나 벨로소", "차관", "포르투갈 외무부", "PT")]),
    # the name in 「」 quotes, a hyphenated given name counts two words, a last word ending like
    # a copula ('…인') or a province ('…도') is still a name's
    ("장관은 「장피에르 마르탱 르팔랭(Jean-Pierre Martin Lepalin)」 프랑스 외교장관과 만났다.",
     [("장피에르 마르탱 르팔랭", "외교장관", "프랑스", "FR")]),
    ("장관은 「다니엘 베르도(Daniel Verdo)」 벨기에 총리가 참석하도록 요청하였다.",
     [("다니엘 베르도", "총리", "벨기에", "BE")]),
    # a name and a title before the glossed one are not part of it
    ("김민국 국방부장관과 그린(James Green) 영국 국방장관은 회의를 가졌다.",
     [("그린", "국방장관", "영국", "GB")]),
])
def test_glossed_names(line, expected):
    got = persons(line)
    assert [g for g in got if g[0] != "김민국"] == expected


# --- a transliterated name written again before a title ------------------------------------

@pytest.mark.parametrize("text,expected", [
    # affiliation before the name; the name's last word ends like a particle ('…레이')
    ("□ 장관은 국제습지연맹 마르코 발레이 사무총장과 회담을 가졌다.\n"
     "  ○ 마르코 발레이 사무총장은 협력을 강조했다.\n",
     [("마르코 발레이", "사무총장", "국제습지연맹", None)]),
    # affiliation between the name and the title
    ("□ 장관은 올가 페트로바 국제해사기구 사무총장과 면담했다.\n"
     "  ○ 올가 페트로바 사무총장은 지지를 요청했다.\n",
     [("올가 페트로바", "사무총장", "국제해사기구", None)]),
    # written once: no evidence, no person
    ("□ 장관은 올가 페트로바 국제해사기구 사무총장과 면담했다.\n", []),
    # everyday words before a title, repeated but not before a title the second time
    ("□ 양자 및 다자 계기 장관 간 소통을 강화한다.\n  ○ 다자 계기를 활용하기로 했다.\n", []),
])
def test_names_written_again(text, expected):
    assert persons(text) == expected


# --- an organization's head with a foreign name --------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("환경부는 태국 천연자원부(장관 솜삭 분차이)와 회의를 연다.", [("솜삭 분차이", "장관", "태국 천연자원부", "TH")]),
    ("산림청(청장 홍길동)은 행사를 개최함", [("홍길동", "청장", "산림청", "KR")]),
    # an acting office is no name's word
    ("서울특별시(시장 권한대행 김민수)는 행사를 연다.", []),
    # a rank and a list word are none either
    ("현장대응팀(과장 급 등) 인력을 보강한다.", []),
])
def test_foreign_heads(line, expected):
    assert persons(line) == expected


# --- words that are never names ------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "장관은 회장과 만났다.",                                  # a title and its particle
    "6개국 장관들이 조정자(의장)로서 논의를 이끌 전망",          # a part someone plays
    "전·현직 유엔 총회의장과 협력 방안을 논의",                 # an organization shaped like a name
])
def test_never_names(line):
    assert persons(line) == []


def test_a_clause_ending_closes_a_foreign_name():
    assert persons("장관은 베이징을 방문하여 첸 리위 중국 상무부 부장과 만났다.") == [
        ("첸 리위", "부장", "중국 상무부", "CN")]


def test_three_syllable_name_that_starts_like_a_title():
    """'반장식': 반장 + 식 is a name, not a title with a particle."""
    assert persons("한국조폐공사 반장식 사장은 성과를 발표")[0][:2] == ("반장식", "사장")
