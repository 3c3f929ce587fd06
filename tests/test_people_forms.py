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
    # written once: no evidence, no person (an international body before the title is some:
    # people.match_foreign_before_body, tests/test_people10.py)
    ("□ 장관은 올가 페트로바 가상해사기구 사무총장과 면담했다.\n", []),
    ("□ 장관은 올가 페트로바 국제해사기구 사무총장과 면담했다.\n", [("올가 페트로바", "사무총장", "국제해사기구", None)]),
    # everyday words before a title, repeated but not before a title the second time
    ("□ 양자 및 다자 계기 장관 간 소통을 강화한다.\n  ○ 다자 계기를 활용하기로 했다.\n", []),
])
def test_names_written_again(text, expected):
    assert persons(text) == expected


# --- an organization's head with a foreign name --------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("환경부는 태국 천연자원부(장관 솜삭 분차이)와 회의를 연다.", [("솜삭 분차이", "장관", "태국 천연자원부", "TH")]),
    ("산림청(청장 홍길동)은 행사를 개최함", [("홍길동", "청장", "산림청", "KR")]),
    # an acting office is part of the title, no name's word
    ("서울특별시(시장 권한대행 김민수)는 행사를 연다.", [("김민수", "시장 권한대행", "서울특별시", "KR")]),
    ("가상연구원(원장 직무대리 이하늘)은 행사를 연다.", [("이하늘", "원장 직무대리", "가상연구원", "KR")]),
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


# --- contacts: the title and the department their row writes --------------------------------

def contact_people(body: str, names: list[str]) -> list[tuple]:
    """`body` run to the bullets, then contacts named `names` (spans found in the text), then people."""
    from pipeline.stages import people
    from .semantic_helpers import prepare
    doc, lex = prepare(body)
    doc.contacts = []
    for name in names:
        at = doc.text.index(name)
        doc.contacts.append({"name": name, "title": None, "department": None, "organization": "가상부",
                             "phone": "044-000-0000", "span": [at, at + len(name)]})
    people.run(doc, lex)
    return [(p.name, p.title, p.affiliation) for p in doc.people]


@pytest.mark.parametrize("body,names,expected", [
    # a flattened table: the title, letter-spaced or not, on the line before the name
    ("□ 행사를 개최함\n\n담당 부서\n\n책임자\n\n과 장\n\n홍길동\n\n담당자\n\n사무관\n\n김철수\n",
     ["홍길동", "김철수"], [("홍길동", "과장", "가상부"), ("김철수", "사무관", "가상부")]),
    # a label and a slash between the title and the name
    ("□ 행사를 개최함\n\n- 담당자: 주무관 / 이영희 (044-000-0000)\n", ["이영희"], [("이영희", "주무관", "가상부")]),
    # a title that closes an earlier 'NAME TITLE' pair is not this contact's
    ("□ 행사를 개최함\n\n문의: 박민수 과장 / 최은영 (044-000-0000)\n", ["최은영"], [("최은영", None, "가상부")]),
])
def test_contact_title_from_its_row(body, names, expected):
    assert [p for p in contact_people(body, names) if p[0] in names] == expected


@pytest.mark.parametrize("body,names,expected", [
    # the department on the contact's own line
    ("□ 행사를 개최함\n\n- 문의 : 미래전략팀 정다은(02-000-0000)\n", ["정다은"], [("정다은", None, "미래전략팀")]),
    # a line above that names only a department
    ("□ 행사를 개최함\n\n- 담당: 가상부 국제협력과\n- 연락: 한지민 과장 / 044-000-0000\n",
     ["한지민"], [("한지민", "과장", "가상부 국제협력과")]),
    # a sentence above is no department line ('추진결과' ends like one)
    ("□ 올해 추진결과를 점검하고 성과를 공유함\n\n연락: 한지민 과장 / 044-000-0000\n",
     ["한지민"], [("한지민", "과장", "가상부")]),
    # a title is no department ('사무관' ends like '…관')
    ("□ 행사를 개최함\n\n연락: 오세훈 사무관 / 044-000-0000\n", ["오세훈"], [("오세훈", "사무관", "가상부")]),
])
def test_contact_department_from_its_row(body, names, expected):
    assert [p for p in contact_people(body, names) if p[0] in names] == expected


def test_issuer_short_form_is_read_into_its_name():
    from pipeline.lexicon import load_lexicon
    from pipeline.stages.people import short_form
    lex = load_lexicon()
    assert short_form("중기부", lex) == "중소벤처기업부"
    assert short_form("중소기업청", lex) == "중소기업청"      # a former name stays as written


# --- chairs: 주재 -------------------------------------------------------------------------

def roles_of(line: str) -> dict[str, list[str]]:
    return {p.name: p.roles for p in parse(f"□ {line}\n").people}


@pytest.mark.parametrize("line,name,chair", [
    ("가상청은 15일 김민호 청장 주재로 점검회의를 개최했다.", "김민호", True),
    ("박서준 교수 주재하에 전문가 간담회가 열렸다.", "박서준", True),
    ("최하늘 부총리는 16일 정부청사에서 경제장관회의를 주재하였다.", "최하늘", True),
    # someone else chairs the meeting the person attends
    ("정다운 차관은 이상민 장관이 주재한 회의에 참석하였다.", "정다운", False),
    # holding a meeting is no chairing: a bilateral is held by both sides
    ("한지수 장관은 16일 회담을 개최하였다.", "한지수", False),
    # the verb of the next sentence is not this one's
    ("오세영 국장은 현장을 점검했다. 이어 회의를 주재했다.", "오세영", False),
])
def test_chair_is_a_moderator(line, name, chair):
    assert ("moderator" in roles_of(line).get(name, [])) is chair


# --- names in Latin letters -----------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    # the former-office word goes with the title; an acronym alone is the affiliation
    ("간담회에는 Laura Bennet 전 OECD 사무차장 등이 참여하였다.", [("Laura Bennet", "전 사무차장", "OECD", None)]),
    ("참석자 : (캐나다) Paul Moreau 외교부 차관, (일본) Kenji SATO 경제산업성 국장",
     [("Paul Moreau", "차관", "외교부", "CA"), ("Kenji SATO", "국장", "경제산업성", "JP")]),   # the bracketed country
    # a longer capitalised run is an organization's name
    ("Global Forum Steering Group 의장은 회의를 열었다.", []),
    # two capitalised words with no affiliation or former word: nothing vouches for a name
    ("Green Tech 대표가 참석했다.", []),
    # a role word with its particle is no Korean name
    ("좌장은 Akira IGATA 게이오대 교수가 맡았다.", [("Akira IGATA", "교수", "게이오대", None)]),
])
def test_latin_names(line, expected):
    assert persons(line) == expected


def test_roles_are_read_in_the_persons_sentence():
    """'… 참여하였다. 이들은 … 해법을 제시하였다': the next sentence says nothing of each one."""
    doc = parse("□ 회의에는 Laura Bennet 전 OECD 사무차장이 참여하였다. 이들은 해법을 제시하였다.\n")
    assert [(p.name, p.roles) for p in doc.people] == [("Laura Bennet", [])]


# --- more forms: a Korean name before an organization's words, a one-word foreign name in a list --

@pytest.mark.parametrize("line,expected", [
    # the organization's last word looks like a foreign name ('광장'), its first ends like a copula
    ("* 홍민준 법무법인 세종 고문(前 대사) 등이 참석", [("홍민준", "고문", "법무법인 세종", "KR")]),
    ("윤서진 가상정보위 부위원장은 협력을 강조했다.", [("윤서진", "부위원장", "가상정보위", "KR")]),
    # a one-word foreign name where a list item opens, the former-office word before the country
    ("** (참석자) 린드 전 노르웨이 외교부 장관(기조연설), 관계부처 국장", [("린드", "전 장관", "노르웨이 외교부", "NO")]),
    # a glued committee chair
    ("(전문가) 정하린 가상혁신위원회 데이터 분과위원장 등", [("정하린", "분과위원장", "가상혁신위원회 데이터", "KR")]),
    # a Latin name with a title prefix and no affiliation
    ("(BIS) Carlos Mendez 선임 고문 등", [("Carlos Mendez", "선임 고문", "(BIS)", None)]),   # the bracketed lead
    # numbers and titles are no names
    ("* 2020년 제1차 지원계획 공고문의 별표를 참고", []),
    ("문의. 기획재정부 정책기획관 (044-000-0000)", []),
])
def test_more_name_forms(line, expected):
    assert persons(line) == expected


@pytest.mark.parametrize("text,expected", [
    # a quoted organization right before the name, or before its genitive and a copula phrase
    ("□ 해외에서 주목받는 ‘가상테크’ 윤하람 대표가 참여한다.\n", [("윤하람", "대표", "가상테크", "KR")]),
    ("□ 플랫폼을 개발한 ‘누리랩’의 공동창업자인 서다인 대표도 함께한다.\n", [("서다인", "대표", "누리랩", "KR")]),
    # a venue said right before the name is no affiliation; the later mention knows the body
    ("□ 가상청은 15일 정부세종청사에서 문하윤 청장 주재로 회의를 열었다.\n"
     "  ○ 문하윤 가상청장은 대응을 당부했다.\n", [("문하윤", "청장", "가상청", "KR")]),
    # where someone works, said with a participle, still is
    ("□ 가상부 산하기관인 KIDA에서 근무하는 오지후 과장은 설명했다.\n", [("오지후", "과장", "KIDA", "KR")]),
    # a person in brackets after the organization, the title after the name
    ("□ 가상위원회(남궁민 부위원장)는 안정적임을 설명했다.\n", [("남궁민", "부위원장", "가상위원회", "KR")]),
    # the head after the organization's short name
    ("□ 가상도시건설청(이하 가상청, 청장 배서윤)은 연수를 운영한다.\n", [("배서윤", "청장", "가상도시건설청", "KR")]),
    # a NAME(기관) list glued to its label
    ("□ 참석자 : 전문가한도윤(가상대), 류시아(KDI) 등\n", [("한도윤", None, "가상대", "KR"), ("류시아", None, "KDI", "KR")]),
])
def test_affiliation_forms(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize("line", [
    "농가의 유류비 부담 경감을 위해 예산을 집행한다.",        # a rank that is an everyday noun
    "그리스 노사정 대표 등이 참석한다.",                        # a collective shaped like a name
])
def test_everyday_nouns_after_words_are_no_titles(line):
    assert persons(line) == []


def test_a_company_before_a_title_still_vouches():
    assert persons("가상항공 우민호 사장은 협력을 강조했다.") == [("우민호", "사장", "가상항공", "KR")]


@pytest.mark.parametrize("contact,kept", [
    ({"name": "분양", "phone": "043-000-0000"}, False),          # a word of a note with a phone
    ({"name": "소방위", "department": "대응총괄과"}, False),       # a rank on its own line
    ({"name": "김푸르나", "phone": "02-000-0000"}, True),         # a long given name
])
def test_contact_names_look_like_names(contact, kept):
    from pipeline.lexicon import load_lexicon
    from pipeline.stages import people
    assert people.is_contact_person(contact, load_lexicon()) is kept


@pytest.mark.parametrize("text,name,roles", [
    # met in the body first, then as the organization's head: head
    ("□ 한지호 가상청장 직무대행은 성과를 밝혔다.\n  ○ 가상청(청장 직무대행 한지호)은 행사를 열었다.\n", "한지호", ["head"]),
    # a glued head title and a title after the name in the brackets
    ("□ 이번 학회는 가상개발학회(학회장 문서윤)가 주관한다.\n", "문서윤", ["head"]),
    ("□ 가상대책본부(본부장 : 오지안 청장)는 현황을 알렸다.\n", "오지안", ["head"]),
    # a delegation's head
    ("□ 우리나라는 권도하 가상부 정책실장을 대표로 대표단을 구성했다.\n", "권도하", ["head"]),
])
def test_heads(text, name, roles):
    assert {p.name: p.roles for p in parse(text).people}.get(name) == roles


@pytest.mark.parametrize("line,expected", [
    # an everyday title glued to its office, after a name and a body
    ("가상부 기획실 김도윤 가상부 카리브정부대표는 사절단을 이끌었다.", [("김도윤", "카리브정부대표", "가상부", "KR")]),
    # glued to words that are no body: none ('주식시장', '지난주 … 주지사')
    ("국내 주식시장 동향을 점검했다.", []),
    ("지난주 미국 오클라호마 주지사를 만났다.", []),
])
def test_glued_everyday_titles(line, expected):
    assert persons(line) == expected


@pytest.mark.parametrize("line,name,role", [
    ("정민재 부총리 겸 가상부장관은 16일 경제장관회의를 주재하였다.", "정민재", "moderator"),
    ("양채원 대표는 파이어사이드 챗 방식으로 이야기를 들려준다.", "양채원", "presenter"),
])
def test_more_roles(line, name, role):
    assert role in {p.name: p.roles for p in parse(f"□ {line}\n").people}.get(name, [])


def test_organization_in_brackets_after_the_title():
    assert persons("포럼은 윤다은 교수(가상대학교)의 기조강연으로 시작했다.") == [("윤다은", "교수", "가상대학교", "KR")]
    # a bracket that is no organization ('(온라인)') is none
    assert persons("윤다은 교수(온라인)가 발표했다.")[0][2] is None


def test_a_description_does_not_cross_a_line():
    text = "□ 주요 내용\n  - 유전체 감시 협력 방안 논의\n\n  ○ 문하윤 가상청장은 회의를 열었다.\n"
    assert persons(text) == [("문하윤", "청장", "가상청", "KR")]


def test_a_table_cell_above_the_name_is_its_organization():
    text = "□ 문의처\n\n 가상공단 금융지원실\n\n 양서아 실장 (02-000-0000)\n"
    assert persons(text)[0][:3] == ("양서아", "실장", "가상공단 금융지원실")


# --- the sentence's adverbs, roles and participles are no affiliation -------------------------

@pytest.mark.parametrize("line,name,affiliation", [
    ("마지막으로 가상연구원 한채윤 연구위원은 전망을 소개했다.", "한채윤", "가상연구원"),
    ("이어서 나라전자 서도현 상무가 사례를 소개했다.", "서도현", "나라전자"),
    ("토론은 나라학회 고은호 회장을 좌장으로 진행되었다.", "고은호", "나라학회"),
    ("국가를 대표해서 가상부 문하율 정책관이 인사했다.", "문하율", "가상부"),
    # a participle before the name says what they did, it names no organization
    ("전시관을 설계한 구태린 소장이 설명했다.", "구태린", None),
    ("심사위원으로 위촉된 나라대학교 변시온 교수가 참석했다.", "변시온", "나라대학교"),
    ("참석자들이 모인 가운데 남궁서하 청장이 인사했다.", "남궁서하", None),
    # an organization written whole after the occasion's locative is the person's
    ("이번 대회에서 가상교육원 염다온 주무관은 과정을 소개했다.", "염다온", "가상교육원"),
])
def test_sentence_words_are_no_affiliation(line, name, affiliation):
    found = {p[0]: p[2] for p in persons(line)}
    assert found[name] == affiliation


# --- non-persons and offices where a name stands ------------------------------------------------

@pytest.mark.parametrize("text,names", [
    # a name-shaped word before an everyday title, written elsewhere before other words, is a noun
    ("□ 정부는 반도체 시장 선점을 위해 반도체 산업 지원과 반도체 인력 양성을 추진한다.\n", []),
    ("□ 국내 전기차 시장이 커지면서 전기차 보급과 전기차 충전 수요가 늘었다.\n", []),
    # a real name written once, or always before its title, is kept
    ("□ 가상시 반도윤 시장은 회의를 열었다. 반도윤 시장은 협력을 당부했다.\n", ["반도윤"]),
    # a one-word acronym in brackets glosses the company, not the name after it
    ("□ 이어 나라소프트(NSW) 고하진 대표가 발표했다.\n", ["고하진"]),
    # an office in a head's bracket is no person; a name glued to its title is the name
    ("□ 가상정책협의회(위원장 국토부장관)는 계획을 심의했다.\n", []),
    ("□ 가상위원회(위원장 부총리)가 열렸다.\n", []),
    ("□ 가상사고수습본부(본부장:장관한지훈)는 분석하였다.\n", ["한지훈"]),
    ("□ 가상사고수습본부(본부장:한지훈장관)는 분석하였다.\n", ["한지훈"]),
])
def test_non_persons_and_offices(text, names):
    assert [p[0] for p in persons(text)] == names


# --- people in lists: ages, names joined by '·', occupations ------------------------------------

def test_a_list_of_people_with_their_ages():
    text = ("□ 올해의 인물을 선정했다.\n\n ※ 올해의 인물: 가상협의회 전(前) 사무처장 고하늘(61), 방송작가 "
            "남궁별(48), 나라초등학교 교사 김도윤(57)\n")
    assert persons(text) == [("고하늘", "사무처장", "가상협의회", "KR"), ("남궁별", "방송작가", None, "KR"),
                             ("김도윤", "교사", "나라초등학교", "KR")]


@pytest.mark.parametrize("line,names", [
    # a count in brackets after a word is no age of a person: no title before it
    ("※ 표창: 지자체(2), 공무원(12), 민간기업(12)", []),
    ("※ 과목: 경영학(9), 회계학(12)", []),
])
def test_counts_in_brackets_are_no_ages(line, names):
    assert [p[0] for p in persons(f"□ 결과\n\n {line}\n")] == names


@pytest.mark.parametrize("line,names", [
    ("※ 이가온·노도윤·하다람 작가 등은 재능 기부를 하였다.", ["이가온", "노도윤", "하다람"]),
    # joined nouns before a word that is no title, or parts that are no full names
    ("※ 정규직·일용직 근로자의 생계를 지원한다.", []),
    ("※ 교육·연구 기관 대표가 참석했다.", []),
])
def test_names_joined_by_a_middle_dot_share_a_title(line, names):
    assert [p[0] for p in persons(f"□ {line}\n")] == names


@pytest.mark.parametrize("line,names", [
    ("드라마에 출연한 구서진 배우가 영상을 남겼다.", ["구서진"]),
    ("이날 행사에는 남도현 감독이 참석했다.", ["남도현"]),
    # occupations are everyday nouns: a word before them needs a full name's shape
    ("북한 인기 작가의 풍경화를 전시한다.", []),
    ("금융 감독 체계를 개편한다.", []),
    # nor a future adnominal shaped like a name ('제재할 감독')
    ("위반을 제재할 감독 능력이 부족하다.", []),
])
def test_occupations_are_titles(line, names):
    assert [p[0] for p in persons(line)] == names


# --- a discussion's chair and discussants -------------------------------------------------------

def test_the_chair_moderates_and_those_named_after_discuss():
    text = ("□ 발표 이후에는 가상대학교 남궁하린 교수를 좌장으로 나라대학교 구태윤 명예교수, 가상연구원 "
            "변서아 연구위원 등 전문가들과 발표자들이 참여하여 과제를 논의한다.\n")
    roles = {p.name: p.roles for p in parse(text).people}
    assert roles == {"남궁하린": ["moderator"], "구태윤": ["panelist"], "변서아": ["panelist"]}


def test_a_bracket_between_the_chair_and_the_phrase():
    text = "□ 패널토론은 구태윤 가상포럼 분과장(나라대 교수)을 좌장으로, 전문가들이 토론했다.\n"
    assert {p.name: p.roles for p in parse(text).people}["구태윤"] == ["moderator"]


def test_presentations_named_first_keep_the_presenters():
    """'… 좌장으로 하여, B 교수, C 실장의 주제발표와 …': B and C present; one named earlier in the
    sentence ('A 차관의 인사말 이후') is not the chair."""
    text = ("□ 토론회는 한지훈 가상부 차관의 인사말 이후, 가상협회 이도윤 회장을 좌장으로 하여, 나라대학교 "
            "조하람 교수의 주제발표로 진행된다.\n")
    roles = {p.name: p.roles for p in parse(text).people}
    assert roles["이도윤"] == ["moderator"] and roles["조하람"] == ["presenter"]
    assert "moderator" not in roles["한지훈"]


# --- names in prose between a description and the title ---------------------------------------

@pytest.mark.parametrize("line,expected", [
    # a foreign given name before a last word shaped like a Korean name, after a genitive
    ("스페인 국립행정원(INAP)의 카롤리나 구아라 국장이 발표했다.",
     [("카롤리나 구아라", "국장", "스페인 국립행정원(INAP)", "ES")]),
    # a Korean name after a word that is no foreign given name stays alone
    ("이날 특히 김민수 국장이 참석했다.", [("김민수", "국장", None, "KR")]),
    # a person joined before ('A 교수와') is not part of the next one's description
    ("가상대학교 한도윤 교수와 캐나다 해양연구소의 제임스 그린 박사가 참석했다.",
     [("한도윤", "교수", "가상대학교", "KR"), ("제임스 그린", "박사", "캐나다 해양연구소", "CA")]),
    # a compound title with its copula is dropped whole ('부학장인')
    ("영국 가상대학교 부학장인 메리 스톤 교수가 강연했다.", [("메리 스톤", "교수", "영국 가상대학교", "GB")]),
    # a civil-service grade as an office
    ("한서준 국제경제관리관은 회의에서 협력을 강조했다.", [("한서준", "국제경제관리관", None, "KR")]),
])
def test_names_in_prose(line, expected):
    assert persons(line) == expected


@pytest.mark.parametrize("team,affiliation", [
    ("국제협력정보화팀", "국제협력정보화팀"),
    ("F팀", "기획조정관"),           # a cut name ('110T/F팀') is no team
    (None, "기획조정관"),
])
def test_a_contacts_own_team_is_its_affiliation(team, affiliation):
    """The 국/실 written above the contact rows names a larger unit; the row's own team is theirs."""
    from pipeline.stages import people
    from .semantic_helpers import prepare
    doc, lex = prepare("□ 가상청은 연수를 개최했다.\n\n담당: 사무관 구하람 (044-200-1112)\n", until="event")
    at = doc.text.index("구하람")
    doc.contacts = [{"organization": "가상청", "department": "기획조정관", "team": team, "name": "구하람",
                     "title": "사무관", "role": "staff", "phone": "044-200-1112", "span": [at, at + 3]}]
    people.run(doc, lex)
    assert {p.name: p.affiliation for p in doc.people}["구하람"] == affiliation


# --- bracketed list items: committees, occupations, transliterated names after a mark ----------

@pytest.mark.parametrize("line,expected", [
    # a committee after the organization in a footnote's list
    ("* 위원: 김도윤(가상대학교, 정책위원회), 박서하(나라연구원, 평가위원회)",
     [("김도윤", None, "가상대학교", "KR"), ("박서하", None, "나라연구원", "KR")]),
    # an item closing its line is a name's only with three syllables ('목록(가상부)' is none)
    ("* 붙임: 목록(가상부)", []),
    # a transliterated name after a list mark, whole
    ("출연: △한서윤(아나운서) △타일러 라시(방송인)",
     [("한서윤", "아나운서", None, "KR"), ("타일러 라시", "방송인", None, None)]),
    # a bare title in brackets needs the name to open the item
    ("과제: △국내 홍보 강화(기자)", []),
])
def test_bracketed_list_items(line, expected):
    assert persons(f"□ 안내\n\n {line}\n") == expected


# --- the quoted head of the issuing body ---------------------------------------------------------

@pytest.mark.parametrize("line,issuer,roles", [
    ("한서준 청장은 “협력을 이어가겠다”라고 말했다.", "가상청", ["head"]),
    # not quoted: a head named in passing is left as written
    ("한서준 청장이 회의에 참석했다.", "가상청", []),
    # a head's title of another kind of body
    ("한서준 장관은 “협력을 이어가겠다”라고 말했다.", "가상청", []),
    # another organization written for the person
    ("나라청 한서준 청장은 “협력을 이어가겠다”라고 말했다.", "가상청", []),
])
def test_a_quoted_head_of_the_issuer(line, issuer, roles):
    from pipeline.stages import people
    from .semantic_helpers import prepare
    doc, lex = prepare(f"□ {line}\n", until="event")
    doc.release = {**doc.release, "issuer": {"name": issuer, "canonical": issuer}}
    people.run(doc, lex)
    assert {p.name: p.roles for p in doc.people}["한서준"] == roles


# --- a title that goes on past its word -----------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("김하늘 가상청장 직무대행은 “안전을 지키겠다”라고 말했다.", [("김하늘", "청장 직무대행", "가상청", "KR")]),
    ("이바다 대통령 권한대행 국무총리는 현장을 점검했다.", [("이바다", "대통령 권한대행 국무총리", None, "KR")]),
    ("박가람 부총리 겸 재정경제부장관은 회의를 주재하였다.", [("박가람", "부총리 겸 재정경제부장관", "재정경제부", "KR")]),
    ("박가람 부총리 겸 기획재정부 장관은 회의를 주재하였다.", [("박가람", "부총리 겸 기획재정부 장관", "기획재정부", "KR")]),
    ("조나무 가상기구 조사국장 겸 경제자문이 발표했다.", [("조나무", "조사국장 겸 경제자문", "가상기구", "KR")]),
    # an award named after an office continues no title: '장관상' is no 장관
    ("한가람 가상부 과장은 부총리 겸 가상부장관상을 받았다.", [("한가람", "과장", "가상부", "KR")]),
    # an acting office no title stands before is no one's
    ("심사는 시설물을 대행 개발하는 방식이다.", []),
])
def test_a_title_goes_on_past_its_word(line, expected):
    assert persons(line) == expected


def test_a_later_short_mention_finds_an_acting_head():
    doc = parse("□ 김하늘 가상청장 직무대행은 현장을 점검했다.\n  ○ 김 청장은 대책을 지시했다.\n")
    assert [(p.name, p.title, len(p.mentions)) for p in doc.people] == [("김하늘", "청장 직무대행", 1)]


@pytest.mark.parametrize("line,expected", [
    # a ministry the issuers table names, glued to 장관: not a 부장관 (deputy) of '외교'
    ("정하늘 외교부장관은 회담을 가졌다.", [("정하늘", "장관", "외교부", "KR")]),
    # a deputy prime minister stays one: no body '경제부'
    ("정하늘 경제부총리는 회의를 주재했다.", [("정하늘", "경제부총리", None, "KR")]),
    # a body glued to its head's title may end like a particle ('…평가원', '도로국')
    ("정하늘 가상심사평가원장은 말했다.", [("정하늘", "원장", "가상심사평가원", "KR")]),
    ("가상부 정하늘 도로국장은 말했다.", [("정하늘", "도로국장", "가상부", "KR")]),
])
def test_an_office_glued_to_its_body(line, expected):
    assert persons(line) == expected


# --- speakers named with a word of their description that other forms lack -----------------

@pytest.mark.parametrize("line,expected", [
    # a former office: 전 between the name and its body
    ("3월 김하늘 전 가상협회장, 4월 이바다 전 가상민단 단장이 선정되었다.",
     [("김하늘", "전 회장", "가상협회", "KR"), ("이바다", "전 단장", "가상민단", "KR")]),
    # … marked in hanja, or both
    ("김하늘 前 가상연합 사무총장, 이바다 전(前) 가상지주 대표이사가 참석했다.",
     [("김하늘", "전 사무총장", "가상연합", "KR"), ("이바다", "전 대표이사", "가상지주", "KR")]),
    # a former office gives way to the present one a later mention names
    ("가상처는 조나무 전 가상전자 상무를 가상원 과장으로 발탁했다. 조나무 과장은 “기쁘다”고 말했다.",
     [("조나무", "과장", None, "KR")]),
    # an ordinal glued to an everyday-noun title
    ("최가람 국무1차장은 회의를 주재했다.", [("최가람", "국무1차장", None, "KR")]),
    # a Korean name before a body's word of no body's shape, no country for a foreign reading
    ("정하늘 카이나스트 교수, 허바다 가상대 교수가 참여했다.",
     [("정하늘", "교수", "카이나스트", "KR"), ("허바다", "교수", "가상대", "KR")]),
    # a body glossed in Latin letters
    ("최하늘 가비에스(GBS) 아나운서가 진행했다.", [("최하늘", "아나운서", "가비에스(GBS)", "KR")]),
    # a noun the release writes with a particle, and a name after the title, are no names
    ("이공학에 대한 관심이 줄어 이공학 전공자나 연구원 모두 떠난다.", []),
    ("홍보대사인 한국학 스타 강사 최가람 커뮤니케이터가 강연했다.", []),
])
def test_speakers_named_with_a_word_others_lack(line, expected):
    assert persons(line) == expected


@pytest.mark.parametrize("line,expected", [
    # a foreign given name shaped like a Korean one opens a foreign name
    ("수상자인 마이클 크레인 가상대 교수가 기조연설을 했다.", [("마이클 크레인", "교수", "가상대", None)]),
    ("이어 마이클 크레인 교수가 발표했다.", [("마이클 크레인", "교수", None, None)]),
    # a syllable no Korean given name holds: no Korean reading of a Japanese name
    ("행사에는 사카키 미노루 가상협회장이 참석했다.", []),
    # a name joined by a middle dot before a country's body
    ("회의에는 앙겔라·메르텐 독일 총리가 참석했다.", [("앙겔라·메르텐", "총리", "독일", "DE")]),
])
def test_foreign_names_read_whole(line, expected):
    assert persons(line) == expected


@pytest.mark.parametrize("line,expected", [
    ("(참석자) 가상부(김하늘 산업기술융합정책관), 가상도(이바다 경제부지사) 등",
     [("김하늘", "산업기술융합정책관", "가상부", "KR"), ("이바다", "경제부지사", "가상도", "KR")]),
    ("(참석자) 가상시(박가람 시장, 최나무 시의회 의장) 등",
     [("박가람", "시장", "가상시", "KR"), ("최나무", "의장", "시의회", "KR")]),
])
def test_a_body_and_its_person_in_brackets(line, expected):
    assert persons(line) == expected


@pytest.mark.parametrize("line,expected", [
    # an everyday-noun title glued to the division whose head it names
    ("가상청 김하늘 함정사업부장은 “도입을 서두르겠다”라고 말했다.", [("김하늘", "함정사업부장", "가상청", "KR")]),
    # … not a market, nor a university's short form
    ("국내 주식시장은 안정세를 보였다.", []),
    # a glued everyday-noun title after a body's acronym
    ("토론자로는 김하늘 GBC 북한전문기자가 참여한다.", [("김하늘", "북한전문기자", "GBC", "KR")]),
    # a name opening a bracket, its body and title inside
    ("ㅇ (이바다 가상협회 상근부회장) 협정을 지지함", [("이바다", "상근부회장", "가상협회", "KR")]),
])
def test_offices_of_divisions_acronyms_and_brackets(line, expected):
    assert persons(line) == expected
