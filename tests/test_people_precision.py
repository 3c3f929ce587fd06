"""People: words the readers must not take for people (the stage's precision). One fixture table
per rule of people.NOT_A_PERSON_RULES and of the readers' own checks; the lines are written here,
each form checked against the korea.kr and govpress corpora before its rule was written."""
from __future__ import annotations

import pytest

from pipeline.document import Cell
from pipeline.stages import people

from .semantic_helpers import parse, prepare


def names(text: str) -> list[str]:
    doc = parse(text if text.startswith("□") else f"□ {text}\n")
    return [p.name for p in doc.people]


# --- verb_form: a verb's adnominal form after the word it governs ---------------------------

@pytest.mark.parametrize("line,expected", [
    # an object, then the verb's '-한' form, an organization and a title
    ("이번 성과는 제도를 추진한 가상정책과 사무관의 노력 덕분이다.", []),
    # a locative argument ('…에'), the verb and the title after an organization
    ("보조금을 목적 외 용도에 전용한 가상조합 이사장 등 3명이 적발되었다.", []),
    # '-된' after a subject, the title right after
    ("새 위원회가 구성된 위원 명단은 다음과 같다.", []),
    # a name ending like '-한' after a word that governs nothing stays a name
    ("한편 정세한 가상청장은 “협력을 강화하겠다”라고 말했다.", ["정세한"]),
    ("위원회는 김도한 위원장 주재로 회의를 열었다.", ["김도한"]),
    # a name after an object is a name when it has no adnominal ending
    ("이번 회의를 김하늘 본부장이 주재하였다.", ["김하늘"]),
])
def test_verb_forms_are_no_names(line, expected):
    assert names(line) == expected


# --- office_taken: the office someone is made or serves as ----------------------------------

@pytest.mark.parametrize("line,expected", [
    ("인사처는 민간 전문가를 가상부 표준원 기술협력과장으로 임용했다.", []),
    ("그는 마라톤 대학교 의대 교수로 재직했다.", []),
    ("그는 고려장 연구소 소장으로 승진하였다.", []),
    # the same title closed by a person's particle is a person
    ("가상부 표준원 김하늘 기술협력과장은 “규제를 줄이겠다”라고 말했다.", ["김하늘"]),
])
def test_an_office_taken_is_no_person(line, expected):
    assert names(line) == expected


# --- a word that is never a name, with its particle ----------------------------------------

@pytest.mark.parametrize("line,expected", [
    ("지난달 한 주민이 가상시 하천공사의 문제를 제기했다.", []),
    ("그 뒤 국민이 가상구 나루공사의 소음을 신고했다.", []),
    ("그 뒤 정부가 가상시 나루공사의 지연을 해명했다.", []),
])
def test_a_never_name_with_its_particle_is_no_name(line, expected):
    assert names(line) == expected


def test_a_name_ending_like_a_particle_is_still_a_name():
    assert names("이송이 가상연구원 연구위원은 사례를 발표하였다.") == ["이송이"]


# --- an everyday title after words written twice ---------------------------------------------

def test_an_everyday_title_after_repeated_words_needs_a_body():
    text = "□ 농가 피해 경감 지원\n  ○ 관광 등 농가 피해 경감 지원을 확대한다.\n"
    assert names(text) == []


# --- a table's rows are no person's words -----------------------------------------------------

def test_repeated_cells_flattened_onto_a_line_are_no_affiliation():
    assert names("감시 기관: 기관명 지역 가상청 가상청 가상시 보건 환경연구원 운영") == []


def table_people(rows: list[list[str]]) -> list[str]:
    """The people of a bullet over a table, each cell's lines below it, the cells given as
    (row, col) with one line each except where a cell's text holds a line break."""
    lines = [line for row in rows for cell in row for line in cell.split("\n")]
    doc, lex = prepare("□ 감시 기관 현황\n" + "\n".join(lines) + "\n", until="event")
    first = next(i for i, line in enumerate(doc.lines) if doc.text[line.start:line.end] == lines[0])
    at = first
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            height = cell.count("\n") + 1
            doc.cells.append(Cell(0, r, c, at, at + height, depth=1))
            at += height
    people.run(doc, lex)
    return [p.name for p in doc.people]


def test_a_header_row_and_a_row_below_are_no_person():
    assert table_people([["기관명", "세부 지역"], ["가상청", "보건\n환경연구원"]]) == []


def test_a_name_and_title_in_one_row_are_a_person():
    assert table_people([["기관", "성명"], ["가상청", "김하늘\n연구관"]]) == ["김하늘"]


# --- programme entries: a speaker has a title, an organization or a person's full name ------

@pytest.mark.parametrize("line,expected", [
    ("주요 의제는 ▲일터 혁신(안전 경영) ▲노사 협력(상생 모델)이다.", []),
    ("적발 현황은 △민간 120명(구속 5명) △공직자 40명(구속 2명)이다.", []),
    ("평가 기관은 △대학 2개(가상대, 나상대) △연구소 1개(가상연구소)이다.", []),
    ("운영 기준은 △차량 제한(시스템 점검, 과태료 미부과) △도로 청소(살수차 운영)이다.", []),
    ("발표는 ▲가상 항로 연구(김바다, 가상대) ▲가상 교역사(이하늘, 가상연구소) 순이다.", ["김바다", "이하늘"]),
    ("발표는 ▲가상 유적 조사(정가람, 가상대학교WISE캠퍼스) 순이다.", ["정가람"]),
])
def test_programme_entries_that_name_no_speaker(line, expected):
    assert names(line) == expected


# --- times, kinds of office and clause words are no names, times no affiliation ------------

@pytest.mark.parametrize("line,expected", [
    ("가상본부는 오늘 본부장 주재로 회의를 열었다.", []),
    ("위원은 위원장 1명, 당연직 위원 5명으로 구성된다.", []),
    ("가상기업의 이후 대표이사 선임 절차를 논의하였다.", []),
    ("가상 지역은 하반기 이사 수요가 늘어날 전망이다.", []),
    ("정책을 종합하기 위하여 국무총리 소속으로 위원회를 둔다.", []),
    ("가상국과 한중일 외교장관은 회의를 열었다.", []),
])
def test_times_and_offices_are_no_names(line, expected):
    assert names(line) == expected


def people_of(line: str) -> list[tuple]:
    doc = parse(f"□ {line}\n")
    return [(p.name, p.affiliation) for p in doc.people]


@pytest.mark.parametrize("line,expected", [
    # an hour and a month with its particle are times, not organizations
    ("가상부는 3.2(월) 15시 김하늘 장관 주재로 회의를 개최함", [("김하늘", None)]),
    ("지난 2019년 5월에 김하늘 대통령이 방문하였다.", [("김하늘", None)]),
    ("오후 김하늘 국장 주재로 회의를 개최했다.", [("김하늘", None)]),
    # a condition's clause word is no word of the organization after it
    ("자세한 내용은 취재를 원하시면 가상부 가상과 김하늘 사무관에게 문의 바랍니다.", [("김하늘", "가상부 가상과")]),
])
def test_times_and_clauses_are_no_affiliation(line, expected):
    assert people_of(line) == expected


# --- an everyday noun as a title needs its body, or a head the release names --------------

@pytest.mark.parametrize("text,expected", [
    ("□ 최근 일부 지역을 중심으로 부동산 시장이 과열되고 있다.\n", []),
    ("□ 이번 협약으로 농기계 업체의 동남아 시장 진출이 빨라진다.\n", []),
    ("□ 일부 소규모 시장은 환급 행사에 참여한다.\n", []),
    # the city written before the name: the mayor
    ("□ 협약식에는 가상시 김하늘 시장이 참석하였다.\n", ["김하늘"]),
    # the head the release names in brackets, then the name before the bare title
    ("□ 가상시(시장 김하늘)는 예산을 확정했다.\n  ○ 김하늘 시장은 “감사하다”고 말했다.\n", ["김하늘"]),
])
def test_an_everyday_title_needs_a_body_or_a_named_head(text, expected):
    assert names(text) == expected


def test_the_named_head_keeps_the_mention_in_the_body():
    doc = parse("□ 가상시(시장 김하늘)는 예산을 확정했다.\n  ○ 김하늘 시장은 “감사하다”고 말했다.\n")
    person = doc.people[0]
    assert doc.text[person.span[0]:person.span[1]] == "김하늘 시장" and person.roles == ["head"]


# --- a company's legal form before a name, a title and its copula ------------------------------

@pytest.mark.parametrize("line,expected", [
    ("붙임 주식회사 한가람 대표 사진", []),
    ("행사에는 가상목재(주) 김하늘 대표가 참석했다.", ["김하늘"]),
    # '위원인' is a title and its copula: the name after it is the person's
    ("가상위원회 위원인 가상대 교수와 만났다.", []),
])
def test_company_forms_and_copulas_are_no_names(line, expected):
    assert names(line) == expected


# --- brackets: a bracket naming its own person, lists of two-syllable words ------------------

def test_a_bracket_naming_its_own_person_is_no_title_of_the_word_before():
    """'한가람(김하늘 안전실장)': 한가람 is the body, the bracket's name and title its person."""
    assert "한가람" not in names("참석: 한가람(김하늘 안전실장), 가상부(이바다 과장)")


@pytest.mark.parametrize("line,expected", [
    # a body and a title in the bracket: the name before it is the person
    ("좌장: 박가람(가상대 교수)", ["박가람"]),
    ("지원 내역은 소득 공제(가상부), 연구인력 지원(나상부) 등이다.", []),
    ("전문가 정철(KERI), 장상식(KITA), 김하늘(가상대) 등이 참석했다.", ["정철", "장상식", "김하늘"]),
])
def test_bracketed_lists_of_two_syllable_words_name_no_one(line, expected):
    assert names(line) == expected


# --- a contact's label is no contact's name ----------------------------------------------------

@pytest.mark.parametrize("contact,kept", [
    ({"name": "전화", "phone": "1577-0000", "department": "가상콜센터"}, False),
    ({"name": "전송", "phone": "044-000-0001"}, False),
    ({"name": "이샘", "phone": "044-000-0002", "department": "가상과"}, True),
    # a phrase opened or closed by a label: '통합 신고전화 ☎ …', '…에 문의가능(☎ …)'
    ({"name": "신고전화", "phone": "1588-0000"}, False),
    ({"name": "문의가능", "phone": "02-000-0003", "department": "가상공단"}, False),
    # a four-syllable name with no label in it stays
    ({"name": "김푸르나", "phone": "02-000-0004", "department": "가상과"}, True),
])
def test_a_contact_label_is_no_contact(contact, kept):
    _, lex = prepare("□ 행사를 개최함\n")
    assert people.is_contact_person(contact, lex) is kept


# --- a body written short after a full name ---------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    # '국조실' ends like an office and follows a full name: it is his body, he is the person
    ("참석자는 박가람 국조실 산업정책관 등이다.", [("박가람", "국조실")]),
])
def test_a_short_body_after_a_full_name_is_the_body(line, expected):
    assert people_of(line) == expected


def test_a_name_ending_like_an_office_after_an_adnominal_form_stays():
    assert names("형사를 연기한 박지원 배우가 참석했다.") == ["박지원"]


# --- peopleacc: words shaped like a name that are none ----------------------------------------
# Each form was counted in the korea.kr and govpress people before its rule was written; the lines
# below are written for these tests.

@pytest.mark.parametrize("line,expected", [
    # a place before a body and a glued title is a word of the affiliation (people.toml place_names)
    ("장관은 하노이 가상아카데미 원장과 면담하였다.", []),
    ("가상부는 박하늘 부산 가상교육센터장과 협약을 맺었다.", ["박하늘"]),
    # adverbs and qualifying nouns before a title (never_names)
    ("가상청은 오직 청장의 결재로 결정한다.", []),
    ("가상시는 민원마다 전담 주무관을 지정하였다.", []),
    # a never-name and a noun-making ending (noun_suffixes)
    ("국내산 대표 품목인 가상쌀을 소개한다.", []),
    ("회의에는 지역별 센터장이 참석한다.", []),
])
def test_places_qualifiers_and_derived_nouns_are_no_names(line, expected):
    assert names(line) == expected


def test_a_place_is_the_affiliation_not_the_name():
    doc = parse("□ 가상부는 박하늘 부산 가상교육센터장과 협약을 맺었다.\n")
    assert [(p.name, p.affiliation) for p in doc.people] == [("박하늘", "부산")]


@pytest.mark.parametrize("text,expected", [
    # a two-syllable word the release writes with a case particle
    ("□ 가상군 한우 대표가 참석했다.\n ○ 한우의 품질을 높인다.\n", []),
    # a noun and its topic particle: the noun is written with particles NOUN_USES times
    ("□ 가상 현장 소통은 가상청장이 직접 맡는다.\n ○ 소통을 넓히고 소통의 폭을 키운다.\n", []),
    # a name whose first syllables make a noun once ('조성을') stays a name
    ("□ 조성은 가상처장은 “환경 조성을 돕겠다”고 말했다.\n", ["조성은"]),
    # the name written again with an age holds its stem and its ending: no noun
    ("□ 대본을 쓴 박지은 작가가 참석했다.\n ○ 수상자: 방송작가 박지은(76)\n", ["박지은"]),
])
def test_a_word_written_with_case_particles_is_a_noun(text, expected):
    assert names(text) == expected


def test_a_glued_institute_is_no_title():
    """'…연구원' glued to the words before it is the institute; the title follows it."""
    doc = parse("□ 김하늘 가상정책연구원 선임연구위원이 발표하였다.\n")
    assert [(p.name, p.title, p.affiliation) for p in doc.people] == [("김하늘", "선임연구위원", "가상정책연구원")]


def test_a_researcher_after_a_rank_keeps_the_title():
    doc = parse("□ 이바다 주임연구원은 실험 결과를 설명하였다.\n")
    assert [(p.name, p.title) for p in doc.people] == [("이바다", "주임연구원")]


def test_an_office_glued_to_a_noun_in_brackets_is_no_head():
    assert names("이번 제도는 가상국(시장점유국)에 권한을 준다.") == []


def test_a_head_glued_to_the_title_on_a_line_without_blanks():
    doc = parse("□가상부(장관김하늘)는가상제도를발표했다.\n")
    assert [(p.name, p.title, p.roles) for p in doc.people] == [("김하늘", "장관", ["head"])]


@pytest.mark.parametrize("line,expected", [
    # the span word after a time range is no word of the name
    ("가상부 제2차관은 1.6.(목) 10:00-11:00 간 존 스미스 미국 국무부 부장관 주재 회의에 참여하였다.", ["존 스미스"]),
    # a conjunction joins two offices: neither the words before it nor it are a name
    ("가상연구소 부소장 및 국제센터장이 참석했다.", []),
    ("가상공단 사모임 여행 경비 및 위원장 수당을 점검했다.", []),
])
def test_time_spans_and_conjunctions_are_no_words_of_a_name(line, expected):
    assert names(line) == expected


@pytest.mark.parametrize("line,expected", [
    # a field of study before a degree, in a description that names a country
    ("신임 위원장은 美 가상주립대학 행정학 박사 출신이다.", []),
    # a group that sends a representative
    ("앞으로는 소유자 대표 유형별 분담금만 적는다.", []),
])
def test_fields_of_study_and_group_nouns_are_no_names(line, expected):
    assert names(line) == expected


def test_a_fire_rank_in_a_contact_table_is_the_title_not_a_name():
    text = ("□ 가상청은 안전 수칙을 알렸다.\n\n가상안전과\n\n담당자\n\n소방령\n\n김하늘\n\n(044-000-1234)\n")
    doc = parse(text)
    assert [(p.name, p.title) for p in doc.people if "contact" in p.roles] == [("김하늘", "소방령")]


# --- body_word: a body's short name shaped like a Korean name ------------------------------

@pytest.mark.parametrize("line,expected", [
    # written elsewhere glued to the end of a longer name: the body, its office after it
    ("경력: 가상특허 연수원 교육기획과장, 가상특허연수원 국제교육과장 역임", []),
    # written elsewhere closed by a case particle
    ("미국 백운관 안보보좌관을 만났다. 백운관은 협력을 약속했다.", []),
    # a person's name right after the office: the word before it names the body (the person
    # glossed after the office is read by people.name_after_title)
    ("장관은 미국 백운관 안보보좌관 존 스미스(John Smith)와 통화했다.", ["존 스미스"]),
    ("예산을 보고한 부서는 예산실 예산총괄과장\n김하늘 (044-000-0000)이다.", []),
    # a person whose name ends like a body stays a person
    ("가상부 이수원 교육기획과장은 “연수를 늘리겠다”라고 말했다.", ["이수원"]),
    ("가상청 김지관 청장과 가상부 박정실 정책관이 참석했다.", ["김지관", "박정실"]),
])
def test_a_body_shaped_like_a_name_is_no_person(line, expected):
    assert names(line) == expected


def test_a_listed_short_name_of_a_body_is_no_person():
    # people.toml [name] organization_words: a body's short name no release writes as a name
    assert names("간담회에는 가상부 제2차관, 국조실 청년정책기획관이 참석했다.") == []


# --- across_lines: a name and its title in two cells or two paragraphs ---------------------

def test_a_name_whose_line_goes_on_is_no_title_s_person():
    text = "□ 행사 일정\n\n 17:20~17:30\n 마감 발언\n 가상부 차관\n"
    assert names(text) == []


def test_a_blank_line_parts_a_name_from_a_title():
    text = "□ 경력: 가상심판원 심판관\n\n가상처 기획조정관 약력\n"
    assert names(text) == []


@pytest.mark.parametrize("text,expected", [
    # a name alone on its line above the title (a cell's lines), and one after a body's words
    ("□ 참석자\n김하늘\n실장\n", ["김하늘"]),
    ("□ 참석자: 김하늘 가상연구원\n선임연구위원\n", ["김하늘"]),
])
def test_a_name_on_the_line_above_its_title_is_a_person(text, expected):
    assert names(text) == expected
