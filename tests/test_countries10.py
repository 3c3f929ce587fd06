"""Countries (issue countries10): which names are countries — a title's credit, a person's name
glossed in Latin, a list closed by '등' and a noun of countries, the subject of a host's relative
clause — and where a finding's text ends: a figure-list row is its own country's finding, and a
bullet that runs on into another paragraph gives each country the paragraphs that name it.
Every line here is written for these tests."""
from __future__ import annotations

import pytest

from pipeline.lexicon import load_lexicon
from pipeline.stages import countries

from .semantic_helpers import parse

LEX = load_lexicon()


def found(text: str) -> list[str]:
    return [c.iso_code for c in parse(text).countries if c.findings]


def findings(text: str) -> dict[str, list[str]]:
    return {c.iso_code: [f.text for f in c.findings] for c in parse(text).countries}


# --- which names are countries -------------------------------------------------------------

@pytest.mark.parametrize("line,expected", [
    # a title's credit: the author's affiliation names where they work, no finding
    ("○ 수록 논문은 ▲ 근대 항구의 성장(마리아 로페스, 칠레 산티아고대), ▲ 해운 정책사(김철수, 부산대)이다.", []),
    ("○ 기획논문은 ▲ 북해 무역사(안나 한센, 덴마크 국립박물관), ▲ 조선 수군사(박민수, 해군사관학교)이다.", []),
    # … but the same person reporting in the sentence's own words is a finding
    ("○ 영국 환경청의 존 스미스 국장은 도시 물관리 사례를 소개하였다.", ["GB"]),
])
def test_a_titles_credit_is_no_finding(line, expected):
    assert found(line + "\n") == expected


@pytest.mark.parametrize("line,expected", [
    # a person whose given name is a country's: the gloss romanises the whole name
    ("○ 차관은 요르단 모리슨(Jordan Morrison) 교통부 차관과 면담을 갖고 협력을 논의하였다.", []),
    ("○ 차관보는 조지아 베넷(Georgia Bennett) 산업부 차관과 면담을 가졌다.", []),
    # the country before a person glossed on their own name stays the counterpart's country
    ("○ 차관은 요르단 교통부 알리 마하마트(Ali Mahamat) 차관과 면담을 갖고 협력을 논의하였다.", ["JO"]),
    ("○ 장관은 캐나다 국방부 존 스미스(John Smith) 차관과 회담하고 협력을 논의하였다.", ["CA"]),
])
def test_a_name_opening_a_glossed_persons_name_is_no_country(line, expected):
    assert found(line + "\n") == expected


@pytest.mark.parametrize("line,expected", [
    ("○ 독일, 프랑스 등 주요국도 직업교육을 국가 과제로 삼고 있다.", ["DE", "FR"]),
    ("○ 일본·호주 등 다른 국가에서도 비슷한 규제를 도입해 왔다.", ["JP", "AU"]),
    ("○ 스웨덴 등 선진국은 일찍이 탄소세를 도입하였다.", ["SE"]),
    # a count makes it a roster of participants, no finding
    ("○ 회의에는 독일, 프랑스 등 5개국이 참석하였다.", []),
    # a list closed by '등' that is not the subject
    ("○ 독일, 프랑스 등 주요국과 협력을 넓혀 나갈 계획이다.", []),
])
def test_a_list_closed_by_a_noun_of_countries_as_subject(line, expected):
    assert found(line + "\n") == expected


@pytest.mark.parametrize("line,expected", [
    ("○ 장관은 칠레가 의장국을 맡은 회의에서 기조연설을 하였다.", []),
    ("○ 대표단은 노르웨이가 주최한 포럼에 참석하여 사례를 소개하였다.", []),
    ("○ 대표단은 덴마크가 공동 주최하는 회의에 참석할 예정이다.", []),
    ("○ 양측은 칠레가 내년 개최를 추진중인 장관회의 준비 상황도 논의하였다.", []),
    # the host's own statement in a main clause stays a finding
    ("○ 칠레는 의장국으로서 해양 보호 의제를 제안하였다.", ["CL"]),
    ("○ 올해는 노르웨이가 의장국이며, 내년 회의는 서울에서 열린다.", ["NO"]),
])
def test_the_subject_of_a_hosts_relative_clause_is_no_subject(line, expected):
    assert found(line + "\n") == expected


# --- where a finding's text ends -----------------------------------------------------------

def test_each_row_of_a_figure_list_is_its_own_countrys_finding():
    got = findings("○ 유입 국가: 칠레 4명(2명), 페루 1명, 유럽: 스페인 2명(1명), 포르투갈 3명\n")
    assert got == {"CL": ["칠레 4명(2명)"], "PE": ["페루 1명"], "ES": ["스페인 2명(1명)"], "PT": ["포르투갈 3명"]}


def test_a_rows_figures_are_its_own():
    doc = parse("○ 유입 국가: 칠레 4명(2명), 페루 1명\n")
    figures = {c.iso_code: [f.value for f in c.figures] for c in doc.countries}
    assert figures == {"CL": [4, 2], "PE": [1]}


@pytest.mark.parametrize("line,expected", [
    # a bracket right after the name closes the row
    ("○ 국가별로는 덴마크(12.5억 달러), 노르웨이(3.1억 달러) 순이다.",
     {"DK": ["덴마크(12.5억 달러)"], "NO": ["노르웨이(3.1억 달러)"]}),
    # the name in its own bracket opens the row
    ("○ 수입국 순위 : (1위:칠레)412(+3.0), (2위:페루)390(△1.2)",
     {"CL": ["(1위:칠레)412(+3.0)"], "PE": ["(2위:페루)390(△1.2)"]}),
    # the label of the next group, a list's closer, a thousands separator
    ("○ 아시아: 몽골 2명 유럽: 덴마크 1,204명 등 모두 1,206명",
     {"MN": ["몽골 2명"], "DK": ["덴마크 1,204명"]}),
    # a bracket opened before the rows closes the last of them
    ("○ 유럽 3명(스페인 2명, 포르투갈 1명), 아메리카 1명(칠레 1명)이다.",
     {"ES": ["스페인 2명"], "PT": ["포르투갈 1명"], "CL": ["칠레 1명"]}),
])
def test_where_a_row_ends(line, expected):
    assert findings(line + "\n") == expected


def test_a_country_found_by_its_subject_keeps_the_whole_bullet():
    got = findings("○ 칠레는 수출이 3.2% 늘었고, 페루 1.1%, 스페인 2.0%였다.\n")
    assert got["CL"] == ["칠레는 수출이 3.2% 늘었고, 페루 1.1%, 스페인 2.0%였다."]
    assert got["PE"] == ["페루 1.1%"]


def test_a_bullet_running_on_into_a_paragraph_gives_each_country_its_own_paragraphs():
    text = ("□ (칠레) 2020년 대비 수출 12% 증가\n\n"
            "칠레 외교부와 페루 외교부는 양국의 통상 현황을 함께 공개한다.\n")
    got = findings(text)
    assert got["CL"] == ["(칠레) 2020년 대비 수출 12% 증가", "칠레 외교부와 페루 외교부는 양국의 통상 현황을 함께 공개한다."]
    assert got["PE"] == ["칠레 외교부와 페루 외교부는 양국의 통상 현황을 함께 공개한다."]


def test_a_finding_span_slices_to_its_text_and_lies_in_its_bullet():
    text = "□ (칠레) 수출 12% 증가\n\n칠레 외교부는 통상 현황을 공개한다.\n○ 유입: 페루 1명(1명), 스페인 2명\n"
    doc = parse(text)
    from pipeline.text import collapse
    for country in doc.countries:
        for f in country.findings:
            start, end = f.span
            assert f.text in collapse(doc.text[start:end]) and start < end
            assert doc.text[start:end] == doc.text[start:end].strip() or doc.text[start] in "□○"


def test_one_paragraph_bullets_are_not_split():
    """A bullet of one paragraph (most) keeps its span and text: only a blank line splits."""
    text = "○ 칠레는 수출이 늘었고\n  페루는 줄었다.\n"
    doc = parse(text)
    spans = {c.iso_code: [f.span for f in c.findings] for c in doc.countries}
    assert spans["CL"] == spans["PE"] and len(spans["CL"]) == 1


def test_the_row_ends_are_data():
    assert {",", ":", "\n"} <= countries_row_ends()


def countries_row_ends() -> frozenset[str]:
    return LEX.semantic["country_table"]["row_ends"]


def test_a_glossed_name_is_read_only_for_a_name_a_rule_took():
    """opens_glossed_name reads the gloss after one name: a bare name with a particle is never one."""
    text = "요르단은 요르단 모리슨(Jordan Morrison)"
    ms = countries.match_mentions(text, 0, len(text), LEX)
    assert [countries.opens_glossed_name(text, m, LEX) for m in ms] == [False, True]
