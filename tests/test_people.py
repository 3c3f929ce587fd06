"""People: names read back from titles, affiliations and countries, roles, mentions, hanja,
contacts and organization heads."""
from __future__ import annotations

import pytest

from pipeline.stages import people

from .semantic_helpers import parse, prepare


def persons(line: str) -> list[tuple]:
    doc = parse(f"□ {line}\n")
    return [(p.name, p.title, p.affiliation, p.country, p.roles) for p in doc.people]


@pytest.mark.parametrize("line,expected", [
    # a transliterated two-word name, the country's genitive stops it
    ("캐나다의 존 스미스 박사는 성과를 발표", [("존 스미스", "박사", None, "CA", ["presenter"])]),
    # an affiliation with a genitive, a copula title before the name
    ("페루 교육부의 가르시아 국장은 제도를 소개", [("가르시아", "국장", "페루 교육부", "PE", ["presenter"])]),
    ("칠레 산티아고대학 교수인 로페스 박사가 사례를 설명",
     [("로페스", "박사", "칠레 산티아고대학", "CL", ["presenter"])]),
    # a participial clause: the organization is where they work
    ("멕시코 경제부 산하기관인 INADEM에서 근무하는 루이스 과장은 지원책을 소개",
     [("루이스", "과장", "INADEM", "MX", ["presenter"])]),
    # a Korean name needs no country written (it is from KR, the home country); the keynote
    # role comes from the clause after it
    ("대한상공회의소 국제위원회 김민수 위원장이 기조연설에서 전략을 제시",
     [("김민수", "위원장", "대한상공회의소 국제위원회", "KR", ["keynote"])]),
    # titles glued into words, and everyday nouns before a title, are not people
    # a board tag and the tail of an earlier parenthesis are not part of the affiliation
    ("[장관동정] 환경부 물관리정책과 박지훈 과장은 계획을 발표",
     [("박지훈", "과장", "환경부 물관리정책과", "KR", ["presenter"])]),
    ("부지(약 2만㎡, 도로 포함) 국토교통부 도로정책과 이상헌 과장은 설명",
     [("이상헌", "과장", "국토교통부 도로정책과", "KR", ["presenter"])]),
    ("중소기업 장관회의와 대학교수 등이 참석", []),
    ("수출 시장을 개척하고 담당자 사무관을 배치", []),
])
def test_mentions(line, expected):
    assert persons(line) == expected


def test_short_mention_links_to_the_full_name():
    doc = parse("□ 무역협회 이민호 위원장이 기조연설을 함\n  ○ 장관을 역임한 이 위원장은 해법을 제시\n")
    assert len(doc.people) == 1
    person = doc.people[0]
    assert person.name == "이민호"
    (start, end), = person.mentions
    assert doc.text[start:end] == "이 위원장"


def test_hanja_name_after_a_hangul_name():
    doc = parse("□ 외교부 홍길동(洪吉童) 차관은 회의를 주재\n")
    assert (doc.people[0].name, doc.people[0].name_hanja) == ("홍길동", "洪吉童")


def test_hanja_only_name_is_read_into_hangul():
    doc = parse("□ 무역협회 白洛基 회장은 성과를 발표\n")
    assert (doc.people[0].name, doc.people[0].name_hanja) == ("백낙기", "白洛基")


def test_span_holds_the_name():
    doc = parse("□ 캐나다의 존 스미스 박사는 성과를 발표\n")
    start, end = doc.people[0].span
    assert doc.text[start:end].startswith("존 스미스")


def test_contacts_and_heads_are_people():
    doc, lex = prepare("□ 산림청(청장 홍길동)은 행사를 개최함\n")
    lead = doc.sections[0]
    doc.contacts = [{"name": "김철수", "title": "사무관", "department": "산림정책과", "span": [0, 3]}]
    doc.organizations = [{"name": "산림청", "head": {"title": "청장", "name": "홍길동", "name_hanja": None},
                          "span": [lead.span.start + 2, lead.span.start + 14]}]
    people.run(doc, lex)
    got = [(p.name, p.title, p.affiliation, p.roles) for p in doc.people]
    assert got == [("김철수", "사무관", "산림정책과", ["contact"]), ("홍길동", "청장", "산림청", ["head"])]


@pytest.mark.parametrize("contact,kept", [
    ({"name": "김철수", "title": "사무관", "department": "산림정책과"}, True),
    ({"name": "이영희", "phone": "044-000-0000"}, True),
    # a Korean-shaped name under its department, its title on another contact's line
    ({"name": "최민호", "department": "감사담당관"}, True),
    # words of a '<… 관련>' heading in a contact table: no title, phone or Korean-shaped name
    ({"name": "운임특례", "department": "통관지원"}, False),
    ({"name": "관련", "department": "물류지원"}, False),
    # a Korean-shaped word of a heading under a word that is no department
    ({"name": "공급망", "department": "지원"}, False),
    ({"name": "최민호"}, False),
])
def test_contact_needs_evidence_of_a_person(contact, kept):
    _, lex = prepare("□ 행사를 개최함\n")
    assert people.is_contact_person(contact, lex) is kept


@pytest.mark.parametrize("description,expected", [
    ("044-204-7703 기술보증기금 기술보증부", "기술보증기금 기술보증부"),   # a phone number before it
    ("02-123-4567", None),
    ("119산불특수대응단", "119산불특수대응단"),                       # digits inside a name stay
])
def test_organization_tail_leaves_out_numbers(description, expected):
    _, lex = prepare("□ 행사를 개최함\n")
    assert people.organization_tail(description, lex) == expected
