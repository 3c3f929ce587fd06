"""People recall forms (people10): heads in brackets the organization-suffix test missed, a person
named inside a head's bracket, and countries a description gives. Written for these tests."""
from __future__ import annotations

import pytest

from .semantic_helpers import parse


def persons(line: str) -> list[tuple]:
    doc = parse(f"□ {line}\n")
    return [(p.name, p.title, p.affiliation, p.country, p.roles) for p in doc.people]


# --- a head's bracket ------------------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    # a company or a body whose name has no body's ending: a full Korean name heads it
    ("가상상사는 ㈜나래랜드(사장 오하늘)와 협약을 맺었다.", [("오하늘", "사장", "나래랜드", "KR", ["head"])]),
    ("가상청 누리숲관리소(소장 임바다)는 행사를 연다.", [("임바다", "소장", "누리숲관리소", "KR", ["head"])]),
    ("가상청은 KORA(사장 장구름)와 손을 잡았다.", [("장구름", "사장", "KORA", "KR", ["head"])]),
    # the legal form is the company's word with the word before it
    ("누리 주식회사(대표 조하람) 관계자가 참석했다.", [("조하람", "대표", "누리 주식회사", "KR", ["head"])]),
    # an office held written before the name, or a second office that continues the title
    ("가상대책본부(본부장: 국무총리 문바다)는 회의를 열었다.",
     [("문바다", "본부장", "가상대책본부", "KR", ["head"])]),
    ("가상부(부총리 겸 가상부장관 고누리)는 계획을 발표했다.",
     [("고누리", "부총리 겸 가상부장관", "가상부", "KR", ["head"])]),
    # a foreign head whose family name ends like a one-syllable body ('…시')
    ("일본 가상교통성(대신정무관 마루야 히로시)과 회의를 연다.",
     [("마루야 히로시", "대신정무관", "일본 가상교통성", "JP", ["head"])]),
    # no person: a two-syllable word, an office glued to the bracket, a rank
    ("가상상사(대표 소근)와 협약을 맺었다.", []),
    ("기술기획본부장(수석연구원 홍하늘)은 말했다.", []),
    ("기업명(대표자명) 목록은 아래와 같다.", []),
    # two full names in the bracket: no one is read from it
    ("가상위원회(위원장 오하늘 한바다)는 회의를 열었다.", []),
])
def test_heads_in_brackets(line, expected):
    assert persons(line) == expected


def test_a_person_inside_a_heads_bracket_keeps_their_own_body():
    # '(민간조직위원장 직방 안성우 대표)': the body after the office is the person's own, the one
    # before the bracket the body they head.
    found = persons("가상 조직위원회(민간조직위원장 누리상사 오하늘 대표)는 행사를 연다.")
    assert found == [("오하늘", "대표", "누리상사", "KR", ["head"])]


def test_a_bracket_without_an_office_leaves_the_body_outside():
    found = persons("가상대학교병원(연구책임자 한바다 교수)에서 연구를 맡았다.")
    assert found == [("한바다", "교수", "가상대학교병원", "KR", [])]


# --- a person's country ----------------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    # a country the person went to is not theirs: a Korean name stays KR
    ("회의 참석을 위해 독일을 방문 중인 오하늘 장관은 협력을 논의했다.", [("오하늘", "장관", None, "KR", [])]),
    ("지난달 미국에서 열린 회의에서 한바다 국장은 계획을 설명했다.", [("한바다", "국장", None, "KR", ["presenter"])]),
    # the genitive and a bare country still give it
    ("캐나다의 존 스미스 박사는 회의에 참석했다.", [("존 스미스", "박사", None, "CA", [])]),
    # a body abroad that names its country without it
    ("이 국장은 로라 킴(Laura Kim) 국무부 경제국 부차관보를 만났다.",
     [("로라 킴", "부차관보", "국무부 경제국", "US", [])]),
])
def test_a_persons_country(line, expected):
    assert persons(line) == expected


# --- a person named after their occupation (people.name_after_title) -------------------------

@pytest.mark.parametrize("line,expected", [
    ("올해는 역사강사이자 방송인 오하늘, 시인 한바다 등이 참여했다.",
     [("오하늘", "방송인", None, "KR", []), ("한바다", "시인", None, "KR", [])]),
    ("※ 가수 임누리, 조하람 등은 재능을 기부했다.", [("임누리", "가수", None, "KR", []), ("조하람", "가수", None, "KR", [])]),
    # the body written right before the occupation is theirs
    ("가상청 홍보대사 문바다(배우)가 행사에 참석했다.", [("문바다", "홍보대사", "가상청", "KR", [])]),
    # a transliterated name glossed in Latin letters after any office
    ("장관은 美 가상관 국가안보보좌관 존 스미스(John Smith)와 통화했다.",
     [("존 스미스", "국가안보보좌관", "가상관", None, [])]),
    # a title after the name: read back from it, the occupation is no body
    ("‘가상의 글쓰기’ 저자 한바다 교수가 강연했다.", [("한바다", "교수", None, "KR", ["presenter"])]),
    # no name: a word that is no full name, an acronym's gloss, a name closed by nothing
    ("작가 공모에 응모한 작품을 심사했다.", []),
    ("가수 등이 참여하는 공연을 연다.", []),
    ("국장 한국무역협회(KITA)가 참석했다.", []),
])
def test_occupation_before_the_name(line, expected):
    assert persons(line) == expected


def test_a_title_before_the_name_is_not_the_affiliation():
    # '해양경찰청 홍보대사 양정원 경사': the title written before the name is dropped, the body kept;
    # after a name it is that person's ('연락: 구진경 과장 김태우 서기관'), and no body is written.
    assert persons("가상경찰청 홍보대사 오하늘 경사가 어린이를 만났다.") == [("오하늘", "경사", "가상경찰청", "KR", [])]
    assert persons("연락: 한바다 과장 오하늘 서기관") == [("한바다", "과장", None, "KR", []), ("오하늘", "서기관", None, "KR", [])]


def test_a_short_name_aside_inside_the_affiliation():
    # '안덕근 산업통상자원부(이하 산업부) 장관은': the aside is no word of the body, and no bar to the name.
    assert persons("오하늘 가상통상부(이하 통상부) 장관은 회의를 열었다.") == [("오하늘", "장관", "가상통상부", "KR", [])]
    assert persons("오하늘 가상통상부(이하 ‘통상부’) 장관은 회의를 열었다.") == [("오하늘", "장관", "가상통상부", "KR", [])]
    # a bracket of another kind still closes the affiliation
    assert persons("오하늘 가상통상부(세종) 장관은 회의를 열었다.") == []


@pytest.mark.parametrize("line,expected", [
    # a title and a name closing a bracket, after its other items: the head of what it describes
    ("* 가상물위원회 : 물 분야 국제기구(’96년 설립, 회장 앙리 뒤퐁)", [("앙리 뒤퐁", "회장", None, None, ["head"])]),
    ("가상안전공단(KOSA, 이사장 오하늘)과 협약을 맺었다.", [("오하늘", "이사장", None, "KR", ["head"])]),
    # not the last item, or no name: none
    ("국제기구(’96년 설립, 회장 선출 예정)", []),
])
def test_a_head_closing_a_bracket(line, expected):
    assert persons(line) == expected


# --- a transliterated name before an international body (people.match_foreign_before_body) ----

@pytest.mark.parametrize("line,expected", [
    ("첫날 2일에 알렉산드라 보르코프스카 유럽연합 집행위원회 환경위원과 회담을 가졌다.",
     [("알렉산드라 보르코프스카", "환경위원", "유럽연합 집행위원회", None, [])]),
    ("10.12(화) 카르스텐 가상은행(GB) 총재와 면담을 진행했다.", [("카르스텐", "총재", "가상은행(GB)", None, [])]),
    # Sino-Korean words, or loanwords inside a clause, are no name
    ("이번 회의에서 국제통화기금(IMF) 총재가 연설했다.", []),
    ("산단의 스마트 그린 국제협력센터 센터장이 참석했다.", []),
])
def test_foreign_name_before_an_international_body(line, expected):
    assert persons(line) == expected


def test_a_title_glued_to_its_body_in_a_programme_line_is_split():
    doc = parse("□ 행사 개요\n\nㅇ (축사) 한바다(가상경제학회장)\n")
    assert [(p.name, p.title, p.affiliation) for p in doc.people] == [("한바다", "회장", "가상경제학회")]


# --- names listed with commas that share one title -----------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("창작자 오하늘, 한바다, 임누리 작가를 초청했다.",
     [("오하늘", "작가", None, "KR", []), ("한바다", "작가", None, "KR", []), ("임누리", "작가", None, "KR", [])]),
    ("※ 가수 오하늘, 한바다 등은 재능을 기부했다.",
     [("오하늘", "가수", None, "KR", []), ("한바다", "가수", None, "KR", [])]),
    # a clause's end before the comma is no name
    ("한도윤 교수가 사회로 나서며, 오하늘 가상연구원장이 발표했다.",
     [("한도윤", "교수", None, "KR", ["moderator"]), ("오하늘", "원장", "가상연구원", "KR", ["presenter"])]),
])
def test_names_listed_share_the_title(line, expected):
    assert persons(line) == expected
