"""Countries: names and aliases, particles, organizations, subjects, speakers, rosters,
implications, programmes, figures and sessions of findings."""
from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.lexicon import grouped_trie_alternation, load_lexicon, trie_alternation
from pipeline.stages import countries
from pipeline.text import NodeIndex, is_hangul, walk

from .semantic_helpers import parse

LEX = load_lexicon()


def codes(text: str) -> list[str]:
    return [m.code for m in countries.match_mentions(text, 0, len(text), LEX)]


@pytest.mark.parametrize("text,expected", [
    ("인도네시아와 인도는 협력한다", ["ID", "IN"]),          # longest first
    ("호주의 정책", ["AU"]),                                # particle stripped
    ("말련과 인니", ["MY", "ID"]),                            # aliases beyond CLDR
    ("싱가폴에서는", ["SG"]),
    ("타이완, 중화 타이베이", ["TW", "TW"]),
    ("우리나라는", ["KR"]),
    ("케냐는", ["KE"]),                                      # straight from CLDR
    ("인도와 인도네시아", ["IN", "ID"]),
    ("한국어 교육과 중국인 관광객", []),                       # glued: a language, a people
    ("한국무역협회 회장", []),                                # organization, not a country
    ("중국은행의 대출", []),
    ("각국의 정책과 자국 기업, 역내 교역", []),
    ("지원 수단을 마련", []),                                 # 수단 'means'
    ("가나, 케냐, 수단 대표", ["GH", "KE", "SD"]),             # ambiguous names inside a list
])
def test_mentions(text, expected):
    assert codes(text) == expected


def test_display_and_english_names():
    # A comparison word: Korea beside one partner alone is a bilateral relation, no finding.
    doc = parse("□ 대한민국과 오스트레일리아는 비슷한 지원을 확대\n")
    got = {c.iso_code: (c.name, c.name_en) for c in doc.countries}
    assert got == {"KR": ("한국", "Korea"), "AU": ("호주", "Australia")}


def test_subject_chain_gives_each_country_the_finding():
    doc = parse("□ 정책 비교\n  ○ 일본과 한국, 그리고 캐나다는 정부가 주도함\n")
    assert [c.iso_code for c in doc.countries] == ["JP", "KR", "CA"]
    assert all(len(c.findings) == 1 for c in doc.countries)


def test_a_genitive_is_not_a_subject():
    doc = parse("□ 미국의 사례를 참고하여 제도를 개선함\n")
    assert doc.countries == []


@pytest.mark.parametrize("text,expected", [
    ("12개 회원국 (칠레, 페루, 캐나다) 대표", {0, 1, 2}),
    ("칠레, 페루, 캐나다 등 3국에서", {0, 1, 2}),
    ("칠레, 페루는 협력하고 캐나다는", set()),
])
def test_roster_indices(text, expected):
    mentions = countries.match_mentions(text, 0, len(text), LEX)
    assert countries.roster_indices(mentions, text, LEX) == expected


def test_roster_is_not_a_finding():
    doc = parse("□ 12개 회원국 (칠레, 페루, 캐나다) 대표가 참가\n"
                "□ 칠레, 페루, 캐나다 등 3국에서 발표함\n")
    assert doc.countries == []


def test_speaker_country_makes_a_finding():
    doc = parse("□ 사례 발표\n  ○ 교육 사례에서 뉴질랜드 교육부의 스미스 국장은 원격교육 성과를 소개\n")
    assert [c.iso_code for c in doc.countries] == ["NZ"]
    assert doc.countries[0].findings[0].text.startswith("교육 사례에서")


def test_findings_carry_their_figures_with_local_equivalents():
    doc = parse("□ 예산 2,000억원 투입\n"
                "  ○ 캐나다는 미화 5천만불 (한화 600억원)을 지원\n")
    canada = doc.countries[0]
    assert [(f.value, f.unit, f.equivalent_of) for f in canada.figures] == [
        (50000000, "USD", None), (60000000000, "KRW", 0)]


def test_implications_from_a_trailing_country_list():
    doc = parse("□ 시사점\n  ○ 교육 훈련 체계 정책 (칠레, 페루)\n  ○ 수요 공급 균형 정책 (캐나다\n")
    got = {c.iso_code: c.implications for c in doc.countries}
    assert got == {"CL": ["교육 훈련 체계 정책"], "PE": ["교육 훈련 체계 정책"],
                   "CA": ["수요 공급 균형 정책"]}
    assert all(c.findings == [] for c in doc.countries)


def test_a_line_of_items_each_tagged_with_a_country_is_no_implication():
    # Each item carries its person's nationality: the last bracket is one more item's.
    doc = parse("□ 대표단(3명) : △존 스미스 전 총회의장(캐나다) △마리아 로페스 전 총회의장(칠레) "
                "△카를 뮐러 전 총회의장(독일)\n")
    assert doc.countries == []
    # One item tagged before a list that closes the line is still a policy's list.
    doc = parse("□ 시사점\n  ○ 직업훈련(캐나다 사례) 연계 정책 (칠레, 페루)\n")
    assert {c.iso_code: c.implications for c in doc.countries} == {
        "CL": ["직업훈련(캐나다 사례) 연계 정책"], "PE": ["직업훈련(캐나다 사례) 연계 정책"]}


def test_a_list_left_open_by_a_cut_line_counts_anywhere():
    # No rule for the body's last line: a cut line mid-body names its countries too.
    doc = parse("□ 시사점\n  ○ 수요 공급 균형 정책 (캐나다\n  ○ 칠레는 교육을 강화\n")
    assert [(c.iso_code, c.implications) for c in doc.countries] == [
        ("CA", ["수요 공급 균형 정책"]), ("CL", [])]


def test_an_open_bracket_of_other_words_is_no_implication():
    doc = parse("□ 시사점\n  ○ 수요 공급 균형 정책 (캐나다 사례 참고\n")
    assert doc.countries == []


def test_a_parenthesis_that_is_not_a_country_list_is_no_implication():
    doc = parse("□ 칠레는 예산을 늘림 (2024년 기준)\n")
    assert doc.countries[0].implications == []
    assert len(doc.countries[0].findings) == 1


@pytest.mark.parametrize("text,expected", [
    ("PROSOFT 프로그램 (Program for Software)에 의해", ["PROSOFT"]),
    ("TIMPs (정보화혁신전문기업)지원사업", ["TIMPs"]),
    ("10년 사업인 EDU2020을 통해", ["EDU2020"]),
    ("‘녹색 성장 플랜'이라는 정책", ["녹색 성장 플랜"]),
    ("‘농촌 ICT 시범 사업’을 전개", ["농촌 ICT 시범 사업"]),
    ("OECD와 협력하고 ASP 방식으로 ERP 모듈 교육", []),
    ("이 중 TIMPs 사업은 성과를 냄", ["TIMPs"]),
    ("xTIMPs 사업", []),
    ("‘03년부터 사업을 추진", []),
])
def test_programs(text, expected):
    assert countries.programs_in(text, 0, len(text), LEX) == expected


def test_finding_session_is_the_session_reported_under():
    doc = parse("□ 주요내용\n"
                "  ○ 포럼은 ‘교육 정책 비교’, ‘금융 지원 사례’ 등의 2개의 세션으로 구성\n"
                "    - [세션 1]에서는 각국의 교육 정책을 비교함\n"
                "    - [세션 2]에서는 금융 지원 사례를 발표함\n"
                "  ○ 교육 정책의 비교 부문에서 칠레와 페루가 대비됨\n"
                "    * 칠레는 직업교육을 강화\n")
    sessions = {c.iso_code: [f.session for f in c.findings] for c in doc.countries}
    assert sessions == {"CL": ["세션 1", "세션 1"], "PE": ["세션 1"]}


def test_aliases_name_known_codes_and_cldr_names_are_loaded():
    table = LEX.semantic["country_table"]
    assert len(table["info"]) > 240                       # every CLDR territory with a code
    assert {table["names"][a] for a in ("호주", "인니", "말련", "싱가폴", "타이완")} == {"AU", "ID", "MY", "SG", "TW"}
    assert all(code in table["info"] for code in table["names"].values())


def test_a_block_header_makes_the_bullets_under_it_findings():
    doc = parse("□ 【 베트남 】\n  ○ 수출이 12% 늘었음\n  ○ 투자 설명회를 열었음\n□ 【 태국 】\n  ○ 관세를 낮춤\n")
    got = {c.iso_code: [f.text for f in c.findings] for c in doc.countries}
    assert got == {"VN": ["수출이 12% 늘었음", "투자 설명회를 열었음"], "TH": ["관세를 낮춤"]}


@pytest.mark.parametrize("line,expected", [
    ("○ (중국) 2015년 대비 도시 농도 34.8% 감소", ["CN"]),                  # a tag opening the bullet
    ("○ 입국자는 러시아 1명, 카자흐스탄 2명(2명), 미국 11명", ["RU", "KZ", "US"]),
    ("○ 증감률은 일본 +12.4, 독일 △3.1 이었음", ["JP", "DE"]),
    ("○ (1위:대만)799(+8.1), (2위:한국)709(+12.9)", ["TW", "KR"]),
    ("○ 대중국 수출은 6.1% 증가함", ["CN"]),                               # 대 prefix, subject noun
    ("○ 아누 브래드포드 콜롬비아 로스쿨 교수의 강연이 있었음", []),        # a proper noun holding a name
    ("○ 대만 기업 3곳과 협약함", []),                                        # 대만 is no 대 + 만
])
def test_finding_forms(line, expected):
    doc = parse(line + "\n")
    assert [c.iso_code for c in doc.countries if c.findings] == expected


def test_one_scan_of_the_body_finds_what_a_scan_per_bullet_finds():
    """The stage reads country names in one pass over the body; a pass per bullet finds the same."""
    from pathlib import Path

    from pipeline.runner import new_document, run
    from pipeline.text import content_start
    seed = Path(__file__).resolve().parent.parent / "samples" / "apec-2004-sme-forum.txt"
    doc = new_document(seed.read_bytes(), seed.name)
    run(doc, LEX)
    nodes = [n for n in walk(doc.sections) if n.text]
    body = countries.body_span(nodes)
    matches = countries.body_matches(doc.text, body, LEX)
    by_node = countries.mentions_by_node(doc.text, body, matches, NodeIndex(nodes), LEX)
    for node in nodes:
        alone = countries.match_mentions(doc.text, content_start(doc.text, node), node.span.end, LEX)
        assert [(m.code, m.start) for m in by_node.get(node.span.start, [])] == [(m.code, m.start) for m in alone]
    assert sum(len(v) for v in by_node.values()) > 20       # the seed names eleven countries, many times


def test_a_roster_is_marked_once_on_its_names():
    text = "□ 11개 회원국 (미국, 일본, 싱가포르)이 참여하고, 독일은 12% 늘었다"
    found = countries.match_mentions(text, 0, len(text), LEX)
    assert [(m.code, m.roster) for m in found] == [("US", True), ("JP", True), ("SG", True), ("DE", False)]


def test_a_rosters_countries_in_a_closing_bracket_are_no_implication():
    roster = parse("□ 올해 과정에는 개도국 공무원 연수생 24명이 참가하였다 (페루, 몽골, 라오스)\n")
    assert roster.countries == []
    policy = parse("□ 공무원 직무교육을 온라인으로 제공하는 정책 (페루, 몽골, 라오스)\n")
    assert [c.iso_code for c in policy.countries] == ["PE", "MN", "LA"]


def test_quoted_titles_hide_their_countries_from_both_scans():
    text = "□ 양국은 「헬싱키-서울 녹색 선언」을 채택하였고 핀란드는 이를 환영했다."
    assert codes(text) == ["FI"]


def test_a_quoted_title_hides_a_subject_from_the_stage():
    """The body scan finds the title bracket before the name it holds (the bracket opens the body)."""
    assert parse("□ 「캐나다는 친구다」 사진전이 열렸다\n").countries == []
    assert [c.iso_code for c in parse("□ 사진전에서 캐나다는 작품을 소개했다\n").countries] == ["CA"]


# --- the stage's fast scan finds what the plain pattern finds (issue 14) ----------------------

def plain_names(text: str, start: int, end: int) -> list[tuple[int, int, str | None, str | None]]:
    """COUNTRY_RE's names (not its words like '각국')."""
    return [(m.start(), m.end(), m.group("country"), m.group("particle"))
            for m in LEX.COUNTRY_RE.finditer(text, start, end) if m.group("country")]


def scanned_names(text: str, start: int, end: int) -> list[tuple[int, int, str | None, str | None]]:
    """country_matches' names, each from where COUNTRY_RE's would start (COUNTRY_SCAN_RE's
    take the character before the name along)."""
    return [(m.start("prefix"), m.end(), m.group("country"), m.group("particle"))
            for m in countries.country_matches(text, start, end, LEX) if m.group("country")]


@pytest.mark.parametrize("text", [
    "미국과 일본은 협력한다",                    # a name at the very start of the text
    "(미국, 일본) 대표",                        # after punctuation, and after a comma and blank
    "2004년미국 방문, A일본, 한국무역협회",        # after a digit; glued to a Latin letter or a word
    "대중국 수출, 대만과 중국, 각국과 자국",         # a prefix; a name starting like it; ignored words
    "일본\n중국\t호주·뉴질랜드/캐나다",              # every kind of edge between two names
    "괌의 날씨와 괌",                            # a one-character name, at the end of the text
    "「한-호주 선언」의 한국, 미국령 버진아일랜드",   # spaced names and longer names over shorter
])
def test_the_fast_scan_finds_what_the_name_pattern_finds(text):
    for start in (0, 1, 3):
        assert scanned_names(text, start, len(text)) == plain_names(text, start, len(text))


@given(st.text(alphabet="미국일본중호주대만한각자 ,(1A\n가나인도네시아", max_size=40), st.integers(0, 5))
def test_the_fast_scan_finds_what_the_name_pattern_finds_anywhere(text, start):
    start = min(start, len(text))
    assert scanned_names(text, start, len(text)) == plain_names(text, start, len(text))


def test_no_name_starts_where_an_ignored_word_does():
    """COUNTRY_SCAN_RE leaves out COUNTRY_RE's words like '각국': right only because none of them
    starts where a name (or a prefixed name) may start, so that matching one hides no name."""
    c = LEX.semantic["countries"]
    names = list(LEX.semantic["country_table"]["names"])
    spellings = names + [p + n for p in c["grammar"]["prefixes"] for n in names]
    for word in c["ignore"]["words"]:
        assert not any(s.startswith(word) or word.startswith(s) for s in spellings), word
        # '각 국': a name may start after a blank inside a word, but none starts with what follows it.
        for i, ch in enumerate(word):
            if not is_hangul(ch):
                assert not any(s.startswith(word[i + 1:]) for s in spellings), word


def test_every_name_and_particle_ends_in_a_syllable():
    """country_matches resumes its scan after a match without the character before: right only
    because no match ends in a character that may stand before a name."""
    c = LEX.semantic["countries"]
    words = [*LEX.semantic["country_table"]["names"], *c["ignore"]["words"],
             *c["particles"]["subject"], *c["particles"]["joiner"], *c["particles"]["other"]]
    assert all(is_hangul(w[-1]) for w in words)


def test_bilateral_joiners_are_single_characters():
    """match_bilateral looks for a joiner one or two characters before the name."""
    assert all(len(j) == 1 for j in LEX.semantic["countries"]["bilateral"]["joiners"])


@given(st.lists(st.text(alphabet="가나다라마바abc", min_size=1, max_size=5), min_size=1, max_size=30),
       st.integers(1, 6), st.text(alphabet="가나다라마바abc ", max_size=12))
def test_a_grouped_trie_matches_what_the_trie_matches(words, groups, text):
    whole = re.compile(trie_alternation(words))
    grouped = re.compile(grouped_trie_alternation(words, groups))
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in whole.finditer(text)]


def test_a_prefixed_name_starts_at_the_name():
    """'대중국': the prefix is part of the match, not of the name whose offsets the rules read."""
    text = "대중국 수출은 늘었다"
    [mention] = countries.match_mentions(text, 0, len(text), LEX)
    assert (mention.code, mention.start, mention.prefixed) == ("CN", 1, True)
    doc = parse("□ 올해 대중국 수출은 늘었다\n")
    by_node = countries.mentions_by_node(doc.text, (0, len(doc.text)), countries.body_matches(
        doc.text, (0, len(doc.text)), LEX), NodeIndex(list(walk(doc.sections))), LEX)
    [(node_start, [found])] = by_node.items()
    assert doc.text[found.start:found.name_end] == "중국"
