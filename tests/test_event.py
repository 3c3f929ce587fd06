"""Event: the lead bullet's name, dates (and where their year comes from), venue and hosts."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.stages import event

from .semantic_helpers import prepare

LEX = load_lexicon()
LEAD = "□ 산림청과 국립산림과학원은 {dates} 대전 컨벤션센터에서 「산림 정책포럼」을 개최한다\n"


def run_event(body: str, embargo: str | None = None, posted: str | None = None) -> "event.Event | None":
    doc, lex = prepare(body)
    doc.release = {"embargo": {"date": embargo}} if embargo else {}
    doc.page = {"posted_at": posted} if posted else None
    event.run(doc, lex)
    return doc.event


def test_time_before_the_venue_is_not_part_of_it():
    ev = run_event(LEAD.format(dates="2024년 3월 5일 오후 3시 30분부터"))
    assert ev.venue == "대전 컨벤션센터"


def test_a_law_in_brackets_is_not_the_event_name():
    ev = run_event("□ 환경부는 「대기환경보전법」 개정에 따라 2024년 3월 5일 서울에서 설명회를 개최한다\n")
    assert ev.name is None and ev.start_date == "2024-03-05"


def test_people_are_not_hosts():
    ev = run_event("□ 홍길동 환경부 장관은 2024년 3월 5일 서울에서 「물 포럼」을 개최한다\n")
    assert ev.hosts == []


def test_name_venue_hosts_and_two_days():
    ev = run_event(LEAD.format(dates="2024년 3월 5일과 6일에"))
    assert ev.name == "산림 정책포럼"
    assert (ev.start_date, ev.end_date) == ("2024-03-05", "2024-03-06")
    assert ev.venue == "대전 컨벤션센터"
    assert ev.hosts == ["산림청", "국립산림과학원"]


def test_span_holds_the_name():
    doc, lex = prepare(LEAD.format(dates="2024년 3월 5일"))
    event.run(doc, lex)
    start, end = doc.event.span
    assert doc.event.name in doc.text[start:end]


def test_year_from_the_embargo_date():
    ev = run_event(LEAD.format(dates="3월 5일부터 7일까지"), embargo="2023-03-04")
    assert (ev.start_date, ev.end_date) == ("2023-03-05", "2023-03-07")


def test_year_from_the_posted_date_when_no_embargo():
    ev = run_event(LEAD.format(dates="9월 1~2일"), posted="2019-08-30T10:00+09:00")
    assert (ev.start_date, ev.end_date) == ("2019-09-01", "2019-09-02")


def test_a_number_of_days_gives_the_end_date():
    ev = run_event(LEAD.format(dates="2024년 2월 27일부터 5일간"))
    assert (ev.start_date, ev.end_date) == ("2024-02-27", "2024-03-02")


def test_january_event_announced_in_december_is_next_year():
    ev = run_event(LEAD.format(dates="1월 10일"), embargo="2020-12-28")
    assert ev.start_date == "2021-01-10"


def test_year_from_the_event_name_as_last_resort():
    ev = run_event("□ 협회는 5월 2일 서울 코엑스에서 「2018 창업 박람회」를 개최함\n")
    assert ev.start_date == "2018-05-02"
    assert ev.hosts == ["협회"]


def test_no_year_anywhere_leaves_dates_empty_and_warns():
    doc, lex = prepare(LEAD.format(dates="3월 5일"))
    event.run(doc, lex)
    assert doc.event.start_date is None
    assert [i.code for i in doc.issues if i.stage == "event"] == ["event_year_unknown"]


def test_organizations_stage_gives_hosts_when_the_subject_is_no_list_of_hosts():
    doc, lex = prepare("□ 2024년 3월 5일 산림청은 대전에서 「산림 정책포럼」을 개최한다\n")
    lead = doc.sections[0]
    at = doc.text.index("산림청", lead.span.start)
    doc.organizations = [{"name": "산림청", "head": None, "span": [at, at + 3]}]
    event.run(doc, lex)
    assert doc.event.hosts == ["산림청"]


def test_no_event_verb_no_event():
    assert run_event("□ 산림청은 3월 5일 봄철 산불 예방 수칙을 발표함\n") is None


def test_days_without_a_month_take_the_reference_month():
    from pipeline.lexicon import load_lexicon
    from pipeline.stages import event as event_stage
    lex = load_lexicon()
    m = lex.EVENT_DAYS_RE.search("사무처장은 13~17일 오스트리아 빈에서")
    assert [d.isoformat() for d in event_stage.parse_dates(m, (2026, 4))] == ["2026-04-13", "2026-04-17"]
    assert event_stage.parse_dates(m, (2026, 0)) == (None, None)     # a year from a name: no month
    assert lex.EVENT_DAYS_RE.search("결과는 1~3일 후 통보") is None


def test_a_news_leads_day_alone_takes_the_month_of_the_release():
    ev = run_event("□ 산림청은 27일 대전 컨벤션센터에서 「산림 정책포럼」을 개최했다\n", posted="2022-10-27T10:00+09:00")
    assert (ev.start_date, ev.venue, ev.hosts) == ("2022-10-27", "대전 컨벤션센터", ["산림청"])


def test_a_day_alone_with_a_verb_of_attending_is_no_event():
    # A news story: the day and '참석했다' report what a person did, not an event the release announces.
    body = "□ 119안전센터의 구급대원 홍길동 소방사는 11일 동료의 결혼식에 참석했다 귀가하는 길에 사고를 목격했다\n"
    assert run_event(body, posted="2021-04-19T10:00+09:00") is None


def test_an_outline_alone_gives_the_event_named_by_the_title_written_out_in_the_body():
    body = ("□ 중소벤처기업부는 10월 27일 기자브리핑을 통해 추진계획을 발표했다.\n"
            "□ ‘창업(STARTUP)2021’은 미래를 준비하는 만남의 장을 마련한다.\n"
            "□ 행사개요\n (일시·장소) ’21. 11. 17(수)~19(금), 서울 동대문디자인플라자(DDP)\n")
    doc, lex = prepare(body)
    doc.release = {"title": "세계적 스타트업 축제 ‘창업 2021’, 17일 막 올린다"}
    doc.page = None
    event.run(doc, lex)
    ev = doc.event
    assert (ev.name, ev.start_date, ev.end_date) == ("창업(STARTUP)2021", "2021-11-17", "2021-11-19")
    assert ev.venue == "서울 동대문디자인플라자(DDP)"
    start, end = ev.span
    assert "일시·장소" in doc.text[start:end]


def test_outline_lines_parse_alone():
    from pipeline.lexicon import load_lexicon
    lex = load_lexicon()
    cases = {
        "ㅇ 일시/장소 : '26.03.20(금) 08:00~09:30 / 컨퍼런스하우스 달개비": ("2026-03-20", "컨퍼런스하우스 달개비"),
        "· 일시·장소 : 12.17일(화) 9:00, 한국은행 2층 컨퍼런스홀": ("12-17", "한국은행 2층 컨퍼런스홀"),
        "◇ 일시·장소 : 2020.12.4.(금) 오후 3∼5시": ("2020-12-04", None),
        "ㅇ 일시·장소 : ‘21.8.19(목) 14:30~15:30, ㈜가나다(경기도 안양시 소재)": ("2021-08-19", "㈜가나다(경기도 안양시 소재)"),
    }
    for line, (date, venue) in cases.items():
        m = lex.OUTLINE_LINE_RE.search(line)
        dates, found = event.read_outline_line(m, lex)
        first, _ = event.parse_dates(dates, (2024, 12))
        assert first.isoformat().endswith(date) and found == venue, line
    # A label that is no outline's: '일시적', '장소를'.
    assert lex.OUTLINE_LINE_RE.search("□ 일시적으로 장소를 옮겨 개최한다") is None


def test_fixture_venues_and_hosts_are_written_in_their_text():
    """A venue or a host is copied from the text, not made up: each occurs in the case's text (a
    person's bracket '(학회장 …)' dropped)."""
    import tomllib
    from pathlib import Path

    import pipeline
    from pipeline.text import collapse
    cases = tomllib.loads((Path(__file__).resolve().parent / "fixtures" / "event.toml").read_text(encoding="utf-8"))
    for case in cases["case"]:
        ev = pipeline.parse_text("가상 보도자료 제목\n\n" + case["text"])["event"]
        text = collapse(case["text"])
        for value in [ev["venue"], *ev["hosts"]]:
            assert value is None or collapse(value) in text, (case["name"], value)


def test_relative_days_count_from_the_release_date():
    from pipeline.lexicon import load_lexicon
    import datetime as dt
    lex, today = load_lexicon(), dt.date(2024, 5, 29)      # a Wednesday
    assert event.resolve_day(3, "오는", None, today, lex) == dt.date(2024, 6, 3)
    assert event.resolve_day(30, "지난", None, today, lex) == dt.date(2024, 4, 30)
    assert event.resolve_day(27, "지난", None, today, lex) == dt.date(2024, 5, 27)
    assert event.resolve_day(1, "내달", None, today, lex) == dt.date(2024, 6, 1)
    assert event.resolve_day(26, "지난달", None, today, lex) == dt.date(2024, 4, 26)
    # A weekday that the release's month does not fit picks the neighbouring month it fits.
    assert event.resolve_day(3, None, "월", today, lex) == dt.date(2024, 6, 3)
    assert event.resolve_day(30, None, "화", today, lex) == dt.date(2024, 4, 30)
    # '지난 3일(월)': a past day never moves into the future for its weekday.
    assert event.resolve_day(3, "지난", "월", today, lex) == dt.date(2024, 5, 3)
    # December → January: the year rolls over too.
    assert event.resolve_day(2, "오는", None, dt.date(2024, 12, 28), lex) == dt.date(2025, 1, 2)


def test_a_title_name_drops_its_verb_and_of_two_joined_events_takes_the_leads():
    from .semantic_helpers import prepare as _prepare
    doc, lex = _prepare("□ 국토지리원은 2024년 6월 5일 부산 벡스코에서 기업 설명회와 행사를 개최한다\n")
    doc.release = {"title": "측량 학술대회 및 기업 설명회 개최"}
    assert event.title_name(doc, lex, (0, len(doc.text))) == "기업 설명회"
    doc.release = {"title": "기업 설명회 및 측량 학술대회 개최"}
    assert event.title_name(doc, lex, (0, len(doc.text))) == "기업 설명회"
    # Phrases not joined by '및' ('뮌헨 안보회의 계기 …회담'): the last one, whatever the lead names.
    doc.release = {"title": "기업 설명회 계기 측량 학술대회 개최"}
    assert event.title_name(doc, lex, (0, len(doc.text))) == "측량 학술대회"
    assert event.without_verb("전문가 토론회 개최", lex) == "전문가 토론회"
    assert event.without_verb("개최", lex) == "개최"


def test_nouns_a_verb_stem_opens_make_no_lead():
    # '참가자를 모집', '개최지는': nouns, not the verbs 참가 / 개최.
    assert run_event("□ 문화재단은 2024년 5월 3일부터 「청년 공연 경연대회」 참가자를 모집한다. 개최지는 추후 공지한다.\n") is None
    assert run_event("□ 문화재단은 2024년 5월 3일부터 「청년 공연 경연대회」에 참가한다.\n") is not None


# --- the noun name's search starts late, and finds what a search from the start found --------

NAME_WORDS = ["제266차", "대외경제장관회의를", "협의회를", "포럼을", "회의", "포럼", "정책", "대구", "엑스코",
              "컨퍼런스홀에서", "서울에서", "개최한다", "개최", "주재하였다", "열린다", "정부는", "오는", "5일",
              "「정책」", "(EXCO)", "관계", "부처와", "함께"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(NAME_WORDS), max_size=24), st.sampled_from([" ", "  ", "\n"]))
def test_the_noun_name_search_from_its_reach_finds_the_first_match(words, blank):
    lex, text = load_lexicon(), blank.join(words)
    whole = lex.EVENT_NOUN_NAME_RE.search(text)
    reach = event.noun_name_reach(text, 0, len(text), lex)
    late = lex.EVENT_NOUN_NAME_RE.search(text, reach) if reach is not None else None
    assert (late.span() if late else None) == (whole.span() if whole else None)


def test_the_reach_keeps_a_match_with_the_most_blanks():
    # Five blanks between the name's six words, five from its particle to the verb.
    text = "정부는 오는 5일 올해 첫 가상 제3차 민관 정책협의회를 대구 엑스코 본관 컨퍼런스홀에서 개최한다"
    lex = load_lexicon()
    whole = lex.EVENT_NOUN_NAME_RE.search(text)
    assert whole is not None and whole.group()[:whole.group().index("를")].count(" ") == 5
    assert lex.EVENT_NOUN_NAME_RE.search(text, event.noun_name_reach(text, 0, len(text), lex)).span() == whole.span()


def test_a_long_clause_before_the_verb_still_gives_its_noun_name():
    text = ("정부는 올해 상반기 중 관계 부처와 지방자치단체 그리고 민간 전문가가 모두 참여하는 "
            "제3차 가상 정책 협의회를 대구 엑스코 컨퍼런스홀에서 개최한다")
    lex = load_lexicon()
    assert event.noun_name_reach(text, 0, len(text), lex) > 0
    assert event.match_noun_name(text, 0, len(text), lex) == "제3차 가상 정책 협의회"


# --- a day word or a demonstrative opens no name ------------------------------------------

DEICTIC_NAMES = [
    # (lead, the noun name)
    ("가상부 차관은 오늘 민관 합동 점검회의를 주재하였다", "민관 합동 점검회의"),
    ("가상청은 이날 지역 상생 간담회를 개최했다", "지역 상생 간담회"),
    ("가상원 원장은 어제 서울에서 청년 정책 토론회를 개최하였다", "청년 정책 토론회"),
    ("양국 장관은 이번 가상 통상장관회담을 개최하였다", "가상 통상장관회담"),
    # a word that only ends like one is no day word: '사내일' is kept
    ("가상공사는 사내일 자리 박람회를 개최했다", "사내일 자리 박람회"),
    # the bare kind left after the demonstrative is no name
    ("가상부는 이번 간담회를 개최하였다", None),
]


@pytest.mark.parametrize("text,expected", DEICTIC_NAMES)
def test_a_day_word_or_a_demonstrative_is_a_boundary_before_the_name(text, expected):
    assert event.match_noun_name(text, 0, len(text), load_lexicon()) == expected


AFTER_DEICTICS = [
    ("이번 가상 통상장관회담", "가상 통상장관회담"),
    ("금번 제2차 가상 포럼", "제2차 가상 포럼"),
    ("이번 화상회의", None),          # a kind of event is left: no name
    ("이번", None),
    ("국제컨퍼런스", None),           # generic before and after
    ("이번달 가상 포럼", "이번달 가상 포럼"),   # only a whole word is a demonstrative
]


@pytest.mark.parametrize("name,expected", AFTER_DEICTICS)
def test_a_held_name_loses_its_day_word_or_demonstrative(name, expected):
    assert event.after_deictics(name, load_lexicon()) == expected


# --- what opens an unquoted name: a joint meeting's first name, never a linking word -------

OPENING_WORDS = [
    # (lead, the noun name)
    # a joint meeting is named by both: the first name's '회의' is no genitive '의'
    ("가상부는 세종청사에서 제4차 가상장관회의 겸 제2차 미래협의회를 개최한다",
     "제4차 가상장관회의 겸 제2차 미래협의회"),
    ("가상부 장관은 제7차 가상정책회의 겸 가상위원회를 주재하였다", "제7차 가상정책회의 겸 가상위원회"),
    # a genitive before a name still ends before it
    ("가상위원회의 청년 정책 토론회를 개최한다", "청년 정책 토론회"),
    # a particle, adverb or linking verb before the name is none of its words
    ("가상청은 관계기관과 함께 가상 점검회의를 개최하였다", "가상 점검회의"),
    ("가상청은 업계와도 가상 시장 간담회를 개최할 계획이다", "가상 시장 간담회"),
    ("가상청은 선언 직후 신속히 가상 평가회의를 개최하였다", "가상 평가회의"),
    ("가상청은 대표들과 차례로 만나 가상 현안 간담회를 진행한다", "가상 현안 간담회"),
    ("가상청은 오는 6월부터 9월까지 가상 권역 설명회를 개최한다", "가상 권역 설명회"),
    ("가상청은 2015년부터 매년 가상 경진대회를 개최했다", "가상 경진대회"),
    ("가상사는 11월 중 가상 이전완료 기념행사를 개최할 계획이다", "가상 이전완료 기념행사"),
    ("가상부는 3월 말 가상 정책 설명회를 개최한다", "가상 정책 설명회"),
    # a verb of holding that opens the words says where it was held; inside the name it stays
    ("가상 위원장은 가상센터에서 열린 가상본부 출범 기념식에 참석했다", "가상본부 출범 기념식"),
    ("가상부는 제3회 열린 가상 포럼을 개최한다", "제3회 열린 가상 포럼"),
]


@pytest.mark.parametrize("text,expected", OPENING_WORDS)
def test_a_noun_name_opens_after_linking_words_and_keeps_a_joint_meetings_first_name(text, expected):
    assert event.match_noun_name(text, 0, len(text), load_lexicon()) == expected


TITLE_NAMES = [
    # (title, the title's name)
    ("제4차 가상장관회의 겸 제2차 미래협의회 개최", "제4차 가상장관회의 겸 제2차 미래협의회"),
    ("가상부, 제4차 가상장관회의 겸 제2차 미래협의회 모두발언", "제4차 가상장관회의 겸 제2차 미래협의회"),
    # '부총리 겸 장관': the joiner after no event noun joins two titles, and cuts as before
    ("가상 부총리 겸 가상부 장관 가상 포럼 참석", "가상부 장관 가상 포럼"),
    # a title's date is no word of the name
    ("8월 14일 가상 사건 50주년 기념식 개최", "가상 사건 50주년 기념식"),
    ("8월14일 가상 사건 50주년 기념식 개최", "가상 사건 50주년 기념식"),
    ("14일 가상 정책 토론회 개최", "가상 정책 토론회"),
    ("4.14. 가상 정책 토론회 개최", "가상 정책 토론회"),
    ("4.14 가상 정책 토론회 개최", "가상 정책 토론회"),
    ("가상위원회 다음주 가상 정책 토론회 개최", "가상 정책 토론회"),
    # a quoted name with its event noun, its opening quote cut off at a '·' or not
    ("가상원, 「가상 유적 복원·정비 10년의 성과」 학술대회 개최", "가상 유적 복원·정비 10년의 성과 학술대회"),
    ("제3회 ‘가상의 날’ 기념식 개최", "제3회 가상의 날 기념식"),
    # a quoted bill before a meeting is no word of the meeting's name
    ("「가상법 시행령 개정안」 국무회의 의결", "국무회의"),
    # a sentence or a part of the title before the name ends before it
    ("가상 산업 돕는다… 권역별 가상 설명회 개최", "권역별 가상 설명회"),
    ("가상 조사 결과 조치 - 제7차 가상위원회(3.11.) 의결", "제7차 가상위원회"),
    # a year's mark opening a word is no closing quote
    ("’23년도 제1차 가상심의위원회 개최", "23년도 제1차 가상심의위원회"),
    # a number that is no date stays: '17개 시·도'
    ("17개 시도 가상 부단체장 회의 개최", "17개 시도 가상 부단체장 회의"),
]


@pytest.mark.parametrize("title,expected", TITLE_NAMES)
def test_a_title_name_joins_a_joint_meeting_and_drops_the_titles_date(title, expected):
    from .semantic_helpers import prepare as _prepare
    doc, lex = _prepare("□ 가상부는 자료를 배포한다\n")
    doc.release = {"title": title}
    assert event.title_name(doc, lex) == expected


SPEECH = [
    "□ 가상원 원장은 “새 교육과정으로 가상 교육의 시대를 열어가겠다”라고 강조했다.\n",
    "□ 가상소 소장은 ‘가상청장이 처음으로 가상소를 찾아 직원들과 시간을 가졌다.’고 하였다.\n",
    "□ 가상부 장관은 가상식에서 “홍길동 배우는 가상 분야에 관심을 가지고 있는 분”이라며 참석자들을 맞았다.\n",
]


@pytest.mark.parametrize("body", SPEECH)
def test_a_quote_followed_by_a_quotative_ending_is_speech_not_a_name(body):
    ev = run_event(body)
    assert ev is None or ev.name is None


def test_a_quoted_name_followed_by_a_particle_is_still_a_name():
    ev = run_event("□ 가상원은 2024년 5월 3일 “가상 교육 포럼”을 열어 새 과정을 알렸다.\n")
    assert ev.name == "가상 교육 포럼"


FOOTNOTED = [
    ("제3차 가상협약*(Virtual Convention) 검토회의", "제3차 가상협약(Virtual Convention) 검토회의"),
    ("제3차 가상협약 * (VC) 검토회의", "제3차 가상협약 (VC) 검토회의"),
    ("가상기구(VO)* 총회", "가상기구(VO) 총회"),
    ("가상기구(VO**) 총회", "가상기구(VO) 총회"),
    ("가상 포럼*", "가상 포럼"),
    # a star inside a word is no footnote's mark
    ("가상*별 포럼", "가상*별 포럼"),
    ("가상 포럼", "가상 포럼"),
]


@pytest.mark.parametrize("name,expected", FOOTNOTED)
def test_a_footnotes_mark_is_no_part_of_a_name(name, expected):
    assert event.without_footnotes(name, load_lexicon()) == expected


@pytest.mark.parametrize("name,expected", [
    ("제8차 회의", True), ("3차 대면 회의", True), ("오찬 간담회", True), ("제4회 전체회의", True),
    ("첫 회의", True), ("긴급대책회의", True), ("자체 추도식", True), ("종료보고회", True), ("업무 협약식", True),
    ("제8차 가상정책위원회", False), ("기업 간담회", False), ("제3차 가상 포럼", False),
])
def test_a_numbered_or_qualified_kind_of_event_is_generic(name, expected):
    assert event.is_generic(name, load_lexicon()) is expected


def test_a_numbered_kind_in_the_lead_takes_the_titles_name():
    from .semantic_helpers import prepare as _prepare
    doc, lex = _prepare("□ 가상부는 2024년 5월 3일 정부청사에서 제8차 회의를 개최하였다.\n")
    doc.release = {"title": "제8차 가상정책위원회 개최 결과"}
    event.run(doc, lex)
    assert doc.event.name == "제8차 가상정책위원회"


@pytest.mark.parametrize("name,expected", [
    ("가상 포럼(4.13.)", "가상 포럼"), ("가상 포럼(4.13일)", "가상 포럼"), ("가상 포럼(’24.4.13.)", "가상 포럼"),
    ("가상 포럼(4.13.~4.14.)", "가상 포럼"),
    # a year or a bare day in brackets is no dotted date
    ("가상 포럼(2024)", "가상 포럼(2024)"), ("가상 포럼(1일)", "가상 포럼(1일)"),
])
def test_a_dotted_date_in_brackets_after_a_name_is_its_date(name, expected):
    assert event.split_name_dates(name, load_lexicon())[0] == expected


@pytest.mark.parametrize("body", [
    "□ 가상기술로 「가상 점포」 시대 연다 관련 보도자료 내용입니다.\n",
    "□ 가상 질환의 치료 길 열어\n",
    "□ 가상원은 가상 단지에서 첫 번째 문을 연다.\n",
])
def test_opening_of_an_idiom_is_no_event(body):
    ev = run_event(body)
    assert ev is None or ev.name is None


def test_a_forum_that_opens_and_a_later_verb_after_an_idiom_are_still_events():
    assert run_event("□ 가상부는 2024년 5월 3일 서울에서 「가상 포럼」을 연다.\n").name == "가상 포럼"
    ev = run_event("□ 새 시대를 열어갈 가상원은 2024년 5월 3일 「가상 포럼」을 개최한다.\n")
    assert ev.name == "가상 포럼"


def test_a_quote_the_verb_turns_something_into_is_no_event():
    assert run_event("□ 가상부는 비상대응체계를 ｢가상 복구지원본부｣로 전환하여 운영한다고 밝혔다.\n") is None
    assert run_event("□ 가상부는 ｢가상 복구지원 설명회｣를 운영한다고 밝혔다.\n").name == "가상 복구지원 설명회"


@pytest.mark.parametrize("name,expected", [
    ("제3회 가상한마당(온라인 개최)", "제3회 가상한마당"), ("가상 포럼(비대면 진행)", "가상 포럼"),
    # a gloss or a form in brackets stays
    ("가상 공개토론회(포럼)", "가상 공개토론회(포럼)"), ("제2차 가상총회(영상회의)", "제2차 가상총회(영상회의)"),
    ("가상 토론회 개최", "가상 토론회"),
])
def test_a_note_of_how_the_event_is_held_is_no_part_of_its_name(name, expected):
    assert event.without_verb(name, load_lexicon()) == expected


@pytest.mark.parametrize("title,lead,expected", [
    # the title quotes the name the lead shortens
    ("가상원·가상연구원 ‘통일·외교 국책연구기관 공동학술회의’개최", "공동학술회의를 개최한다.",
     "통일·외교 국책연구기관 공동학술회의"),
    # the title's phrase, after the words that link it to its sentence
    ("가상청장, 추경 예산 집행을 위한 가상집행점검회의 개최", "가상집행 점검회의를 개최하였다.", None),
    ("가상부, 가상 대중교통 상생 워크숍 개최", "상생 워크숍을 개최하였다.", "가상 대중교통 상생 워크숍"),
    # a phrase a joiner cut off from the words before it is a fragment, not the name
    ("가상부, 소상공인 회복 및 안전망 강화 두 번째 간담회 개최", "두 번째 간담회를 가졌다.", None),
    # a title's heading mark is no word of the name
    ("# 제26차 가상경제장관회의 개최", "제26차 가상경제장관회의를 주재하였다.", None),
])
def test_a_short_form_in_the_lead_takes_the_titles_full_name(title, lead, expected):
    from .semantic_helpers import prepare as _prepare
    doc, lex = _prepare(f"□ 가상부는 2025년 5월 3일 가상청사에서 {lead}\n")
    doc.release = {"title": title}
    found = event.match_name(doc.text, 0, len(doc.text), lex)
    assert event.title_full_name(doc, found, (0, len(doc.text)), lex) == expected


@pytest.mark.parametrize("body, expected", [
    # the object's particle before the day: '…토론회’를 11일 …에서 개최한다'
    ("□ 가상청은 가상 의원실과 공동으로 ‘가상위성 활용 토론회’를 11일 가상회관에서 개최한다.\n", "2023-01-11"),
    # a headline's comma after its subject: '- 가상청, 11일 국회서 … 토론회 열어 -'
    ("- 가상청, 11일 가상회관서 가상위성 활용 토론회 열어\n- 위성 정보 활용 방안 논의\n"
     "가상청은 위성 정보를 활용하는 방안을 찾고 있다.\n", "2023-01-11"),
])
def test_a_day_alone_after_an_object_or_a_headlines_comma_takes_the_releases_month(body, expected):
    ev = run_event(body, posted="2023-01-11T09:00+09:00")
    assert ev is not None and ev.start_date == expected


@pytest.mark.parametrize("text", [
    "행사는 1일, 2일 양일간 가상회관에서 개최한다",        # a day before the comma: a list of days
    "가상청은 예산을 3일 이내 집행하기 위해 점검회의를 개최한다",   # a duration
])
def test_a_list_of_days_or_a_duration_is_no_lead_day(text):
    assert LEX.LEAD_DAY_RE.search(text) is None


@pytest.mark.parametrize("text, misquoted", [
    ("’가상 촉진회의‘를 개최", True),
    ("”가상 간담회“를 개최", True),
    ("‘가상 설명회‘를 개최", True),
    ("“가상 팀”으로 … ”가상 간담회“를 개최", True),
    ("‘가상 포럼’과 “가상 회의”를 개최", False),
    ("‘가상 포럼”을 개최", False),        # an odd pair EVENT_NAME_RE already takes
    ("「가상 포럼」을 개최", False),
])
def test_curly_marks_that_do_not_pair_up_are_found(text, misquoted):
    assert event.may_be_misquoted(text, 0, len(text), LEX) is misquoted


def test_a_years_mark_before_a_quote_makes_no_misquoted_name():
    # '’19.5월 ‘…위원회’': the year's mark opens nothing (no event noun before the next mark).
    text = "정부는 ’19.5월 ‘가상 정책 재검토위원회’를 출범하였다"
    assert [name for _, name in event.quoted_names(text, 0, len(text), LEX)] == ["가상 정책 재검토위원회"]


def test_a_misquoted_name_stands_in_text_order_beside_the_well_quoted_ones():
    text = "‘가상 포럼’을 주제로 ’가상 기업 촉진회의‘를 개최"
    assert [name for _, name in event.quoted_names(text, 0, len(text), LEX)] == ["가상 기업 촉진회의"]
    text = "’가상 촉진회의‘와 ‘가상 협력회의’를 개최"
    assert [name for _, name in event.quoted_names(text, 0, len(text), LEX)] == ["가상 촉진회의", "가상 협력회의"]
    assert event.match_quoted_name(text, 0, len(text), text.index("개최"), LEX, True) == "가상 촉진회의와 가상 협력회의"


def run_with_headlines(body: str, title: str, subtitle: str | None) -> "event.Event | None":
    doc, lex = prepare(body)
    doc.release = {"embargo": {"date": "2025-03-18"}, "title": title, "subtitle": subtitle}
    doc.page = None
    event.run(doc, lex)
    return doc.event


@pytest.mark.parametrize("subtitle, expected", [
    ("가상복지부, 제3차 가상연령 전문가 간담회 개최", "제3차 가상연령 전문가 간담회"),
    ("가상 제도개선 간담회 개최", "가상 제도개선 간담회"),
    ("가상실장 주재 제1차 가상청장 회의 개최", "제1차 가상청장 회의"),      # the chair before 주재
    ("가상 제도의 장단점 논의", None),                                  # a subtitle with no event
])
def test_a_headline_subtitle_names_the_event_the_lead_and_title_leave_unnamed(subtitle, expected):
    body = "□ 가상복지부는 3월 18일(화) 가상역 회의실에서 가상 논의를 위한 전문가 간담회를 개최했다.\n"
    ev = run_with_headlines(body, "가상 연령 기준 논의", subtitle)
    assert ev is not None and (ev.name, ev.start_date) == (expected, "2025-03-18")


def test_the_titles_name_comes_before_the_subtitles():
    body = "□ 가상복지부는 3월 18일(화) 가상역 회의실에서 가상 논의를 위한 전문가 간담회를 개최했다.\n"
    ev = run_with_headlines(body, "가상복지부, 가상 정책 토론회 개최", "가상 제도개선 간담회 개최")
    assert ev is not None and ev.name == "가상 정책 토론회"


@pytest.mark.parametrize("body, expected", [
    # a lead that is a headline line: its name before the comma, as a title's
    ("▷ 제18차 가상 환경과학원장회의, 3월 18일 화상회의로 개최\n▷ 가상 환경질 개선 논의\n", "제18차 가상 환경과학원장회의"),
    # a sentence is no headline: its words are not read as a title's (the lead's kind stays)
    ("□ 가상청은 3월 18일 가상 회의실에서 관계기관과 화상회의를 개최하고 대응 방안을 논의했다.\n", "화상회의"),
])
def test_a_headline_lead_names_its_event_as_a_title(body, expected):
    ev = run_with_headlines(body, "가상 환경질 개선 협력", None)
    assert ev is not None and ev.name == expected


@pytest.mark.parametrize("subtitle, expected", [
    ("가상위원장, 이틀간 3사 대표와 현안 간담회 개최", None),          # a counterpart, then a kind
    ("관계 기관·전문가 등 각계 의견수렴 위한 토론회 열어", None),       # a purpose, then a kind
    ("홍길동 본부장 가상 집단행동 대책본부 회의 개최", "가상 집단행동 대책본부 회의"),
    ("가상위원회 6개 전문위원회 간 협력체계 구축", None),              # no event is held
])
def test_a_subtitles_name_is_read_as_a_leads(subtitle, expected):
    body = "□ 가상복지부는 3월 18일(화) 가상역 회의실에서 가상 논의를 위한 전문가 간담회를 개최했다.\n"
    ev = run_with_headlines(body, "가상 연령 기준 논의", subtitle)
    assert ev is not None and ev.name == expected


@pytest.mark.parametrize("text, expected", [
    ("가상부는 제5차 한-가상 대화를 개최했다", "제5차 한-가상 대화"),
    ("가상청은 제2차 가상공무원 370명을 채용을 개최한다", None),      # a count is no name's word
    ("가상부는 제3차 가상 기본계획을 개최", None),                     # a plan
    ("가상부는 제2회 가상 추경을 편성했다", None),                     # no verb of holding
    ("가상부는 제4차 회의에서 결과를 논의했다", None),
])
def test_a_numbered_series_without_an_event_noun(text, expected):
    assert event.match_series_name(text, 0, len(text), LEX) == expected


@pytest.mark.parametrize("title, expected", [
    ("가상부, 제20차 가상(Virtual) 만찬 개최", "제20차 가상(Virtual) 만찬"),
    ("한-가상 협정(CEPA) 제3차 공식협상(4.12.(일) ~ 17.(금)) 개최", "제3차 공식협상"),
    ("홍길동 차관, 제22차 가상지역 7개국 외교차관 유선협의 참여", "제22차 가상지역 7개국 외교차관 유선협의"),
    ("가상부, 제3차 가상 기본계획 발표", None),        # no verb of holding
])
def test_a_titles_numbered_series_names_an_unnamed_lead(title, expected):
    body = "□ 가상부는 3월 18일(화) 가상청사에서 논의를 진행한다.\n"
    ev = run_with_headlines(body, title, None)
    assert ev is not None and ev.name == expected


def test_a_titles_numbered_bare_kind_is_no_series_name():
    doc, lex = prepare("□ 가상부는 3월 18일(화) 가상청사에서 논의를 진행한다.\n")
    doc.release = {"title": "가상부, 제3차 회의 개최"}
    assert event.title_series_name(doc, lex) is None


@pytest.mark.parametrize("phrase, expected", [
    ("이틀간 3사 대표와 현안 간담회", None),                        # a counterpart, then a kind
    ("가상 수출업체와 간담회", None),
    ("가상 의견수렴 위한 토론회", None),                            # a purpose, then a kind
    ("가상 안전과 품질 연구성과 심포지엄", "가상 안전과 품질 연구성과 심포지엄"),   # no counterpart
    ("2024년 가상시설 운영성과 보고대회", "2024년 가상시설 운영성과 보고대회"),
    ("가상 활용을 위한 국회 토론회", "가상 활용을 위한 국회 토론회"),    # a purpose before more than a kind
    ("홍길동 본부장 가상 대책본부 회의", "가상 대책본부 회의"),        # the chair
    ("실국장 이상 참여하는 확대간부회의", None),                       # a clause, then a kind
])
def test_a_headlines_phrase_is_a_name_or_a_description(phrase, expected):
    assert event.headline_phrase(phrase, LEX) == expected


@pytest.mark.parametrize("title, expected", [
    ("가상청장, 가상 수출업체와 간담회 개최", None),                 # a description
    ("가상부장관, 홍길동 가상연합군사령관과 화상회의 개최", None),
    ("가상원, 가상 안전과 품질 연구성과 심포지엄 개최", "가상 안전과 품질 연구성과 심포지엄"),
])
def test_a_titles_counterpart_and_kind_is_a_description(title, expected):
    doc, lex = prepare("□ 가상부는 3월 18일(화) 가상청사에서 논의를 진행한다.\n")
    doc.release = {"title": title}
    assert event.title_name(doc, lex) == expected


def test_a_dotted_collective_noun_is_no_host():
    body = ("□ 가상진흥원, 가상평가원 등 유관부처·기관과 가상청이 2025년 5월 3일 가상홀에서 "
            "「가상 협력 간담회」를 개최하였다.\n")
    ev = run_event(body)
    assert ev is not None and ev.hosts == ["가상진흥원", "가상청"]
    assert not event.is_host("유관부처·기관", LEX) and event.is_host("가상부·가상청", LEX)


def test_a_headline_leads_opening_date_is_no_part_of_its_name():
    body = "- 3.18(화) 가상 통상협정 설명회 개최\n- 업계와 가상 협정의 주요 내용 공유\n"
    ev = run_with_headlines(body, "가상 통상협정을 소개합니다", None)
    assert ev is not None and (ev.name, ev.start_date) == ("가상 통상협정 설명회", "2025-03-18")


@pytest.mark.parametrize("headline, expected", [
    ("가상청·가상대 기념 「가상 지·산·학 IP포럼」 개최", "가상 지·산·학 IP포럼"),
    ("가상원, 제3회 「가상사랑 주간」 운영", "제3회 가상사랑 주간"),
    ("「가상법 시행령」 개정 설명", None),                 # a law
    ("‘가상 혁신’을 주제로 설명회 개최", None),            # a theme
])
def test_a_headlines_quoted_event_name(headline, expected):
    assert event.headline_quoted(headline, LEX) == expected
