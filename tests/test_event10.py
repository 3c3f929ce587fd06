"""Event recall (event10): an object verb whose object is an event ('…평가회를 실시했다'), the
newer event nouns, a stub body whose title names the event, a person's office that is no host,
the venue's written forms (a count of days or a time before it, a chair's clause in it, a
place right before the name), a lone date closed by 까지, an attachment naming the event.
Every case is written for these tests: the bodies, places and names are invented."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.stages import event

from .semantic_helpers import prepare

LEX = load_lexicon()


def run_event(body: str, title: str | None = None, attachments: list[dict] | None = None,
              embargo: str = "2025-05-02") -> "event.Event | None":
    doc, lex = prepare(body)
    doc.release = {"embargo": {"date": embargo}, "title": title, "attachments": attachments or []}
    doc.page = None
    event.run(doc, lex)
    return doc.event


# --- an object verb (실시) holds an event only when its object is one --------------------------

@pytest.mark.parametrize("body, name, host", [
    ("□ 가상농업원(원장 홍길동)은 5월 3일 가상시험장에서 가상 품종 현장 평가회를 실시했다.\n",
     "가상 품종 현장 평가회", "가상농업원"),
    ("□ 가상안전청은 5월 7일 가상청사에서 「유관기관 가상방호훈련」을 실시한다고 밝혔다.\n",
     "유관기관 가상방호훈련", "가상안전청"),
    ("□ 가상해양청은 5월 9일 가상항 부두에서 ‘선박 화재대응 합동훈련’을 실시하였다.\n",
     "선박 화재대응 합동훈련", "가상해양청"),
    ("□ 가상개발원은 5월 12일 가상회관에서 ‘제2차 가상기술 간담회’를 실시한다.\n",
     "제2차 가상기술 간담회", "가상개발원"),
])
def test_an_object_verb_with_an_event_as_its_object_announces_it(body, name, host):
    ev = run_event(body)
    assert ev is not None and ev.name == name and ev.hosts == [host]


@pytest.mark.parametrize("body", [
    "□ 가상안전청은 5월 4일부터 15일까지 가상 여객선 143척을 대상으로 특별점검을 실시한다.\n",
    "□ 가상검역원은 5월 3일 수입 가상식품에 대한 정밀검사를 실시했다.\n",
    "□ 가상청은 5월 6일부터 가상 캠페인을 실시하고 홍보를 강화한다.\n",
    "□ 가상부는 6월 1일부터 대국민 설문조사를 실시하였다.\n",
])
def test_an_object_verb_whose_object_is_no_event_announces_none(body):
    assert run_event(body) is None


def test_an_object_verb_is_not_read_back_for_other_verbs(monkeypatch):
    # Only a 실시 asks for its object: a lead with 개최 alone never calls the check.
    calls = []
    real = event.holds_event_object
    monkeypatch.setattr(event, "holds_event_object", lambda *a: calls.append(a) or real(*a))
    run_event("□ 가상부는 5월 3일 가상회관에서 「가상 정책포럼」을 개최한다.\n")
    assert calls == []
    run_event("□ 가상부는 5월 3일 가상회관에서 가상 평가회를 실시한다.\n")
    assert len(calls) == 1


@pytest.mark.parametrize("body, name", [
    ("□ 가상센터는 5월 3일 가상홀에서 ‘가상 작은 음악회’를 개최한다.\n", "가상 작은 음악회"),
    ("□ 가상부는 5월 3일 ‘제3회 가상 유공자 포상식’을 연다.\n", "제3회 가상 유공자 포상식"),
    ("□ 가상재단은 5월 3일 가상 후원금 전달식을 개최하였다.\n", "가상 후원금 전달식"),
    ("□ 가상공단은 5월 3일 가상 근로자 가요제를 개최한다고 밝혔다.\n", "가상 근로자 가요제"),
    ("□ 가상부는 5월 3일 가상 전통예술 공연을 개최한다.\n", "가상 전통예술 공연"),
    # a quoted name whose last word says it is an event
    ("□ ‘가상 영웅 귀환 행사’는 오늘(5월 2일) 가상군 마을회관에서 열립니다.\n", "가상 영웅 귀환 행사"),
])
def test_the_newer_event_nouns_end_a_name(body, name):
    ev = run_event(body)
    assert ev is not None and ev.name == name


@pytest.mark.parametrize("name, generic", [
    ("개별 면담", True), ("만찬", True), ("오찬 간담회", True),
    ("한-가상국 외교차관 면담", False), ("제3차 가상 만찬", False),
])
def test_a_meeting_of_several_or_a_bare_dinner_is_a_kind_not_a_name(name, generic):
    assert (event.is_generic(name, LEX) or name in LEX.semantic["event"]["nouns"]) is generic


# --- a stub body: the title names the event ------------------------------------------------

STUB = "{title} 관련 보도자료 내용입니다. 자세한 내용은 첨부파일을 참고하시기 바랍니다.\n"


@pytest.mark.parametrize("title, name", [
    ("가상부, 제7차 한-가상국 과학기술공동위원회 개최", "제7차 한-가상국 과학기술공동위원회"),
    ("제2회 「가상경제 영웅상 시상식」 개최", "제2회 가상경제 영웅상 시상식"),
    ("가상 장관, 가상특구 비전선포식 참석", "가상특구 비전선포식"),
    ("가상처, '가상전략지원단' 업무설명회 개최", "가상전략지원단 업무설명회"),
])
def test_a_stub_body_takes_the_event_its_title_names(title, name):
    ev = run_event(STUB.format(title=title), title=title)
    assert ev is not None and ev.name == name
    assert (ev.start_date, ev.venue, ev.hosts) == (None, None, [])


@pytest.mark.parametrize("title, body", [
    # a description: a counterpart and a kind
    ("[장관동정] 가상 장관, 가상 피해자 단체와 간담회 개최", None),
    ("가상부, 가상위기 극복을 위한 가상기업 온라인 간담회 개최", None),
    # no verb of holding at the title's end
    ("가상부, 2025년 가상 수상자 발표", None),
    # a list of events
    ("가상 부총리, 가상 장관회의, 제3차 가상위원회 회의 등 참석", None),
])
def test_a_title_names_no_event_for_a_description_a_list_or_a_title_without_a_verb(title, body):
    assert run_event(body or STUB.format(title=title), title=title) is None


def test_a_body_without_a_lead_takes_the_event_its_title_names():
    title = "가상부, 제3차 가상협력위원회 개최"
    body = ("□ 가상부는 가상 협력을 넓혀 왔다.\n□ 양측은 협력 분야를 확대하기로 하였다.\n"
            "□ 가상부는 앞으로도 협력을 이어갈 계획이다.\n")
    ev = run_event(body, title=title)
    assert ev is not None and (ev.name, ev.start_date) == ("제3차 가상협력위원회", None)
    assert run_event(body, title="가상부, 가상협력 확대") is None


@pytest.mark.parametrize("body", [
    "□ 가상 권한대행은 5.12.(월) 가상국 총리와 통화를 가졌습니다.\n",
    "□ 가상 정책관은 5월 12일(목) 가상시설을 방문하여 종사자의 의견을 듣는 시간을 가졌다.\n",
    "□ 가상 장관은 5월 12일 가상기업을 찾아 현장의 목소리를 듣는 기회를 가졌다.\n",
])
def test_갖다_of_a_call_a_moment_or_a_chance_is_no_event(body):
    assert run_event(body) is None


@pytest.mark.parametrize("body, name, venue", [
    ("□ 가상위원회는 5월 17일(화) 10:00, 가상컨벤션에서 가상 예방을 위한 긴급 임시회의를 열었습니다.\n",
     "긴급 임시회의", "가상컨벤션"),
    ("□ 가상 차관은 5월 4일 수요일 14시 30분 가상청사에서 가상 방한단과 면담을 가졌습니다.\n",
     None, "가상청사"),
])
def test_formal_endings_and_a_written_weekday(body, name, venue):
    ev = run_event(body)
    assert ev is not None and (ev.name, ev.venue) == (name, venue)


# --- hosts are bodies, never people --------------------------------------------------------

def test_a_names_initial_ends_no_sentence_and_a_persons_office_hosts_nothing():
    ev = run_event("□ 홍길동 가상부장관 직무대행은 2025년 5월 2일, 존 Q. 스미스(John Q. Smith) "
                   "가상연합군사령관과 화상회의를 개최하고 현안을 논의하였습니다.\n")
    assert ev is not None and ev.hosts == []


@pytest.mark.parametrize("part, host", [
    ("존 스미스 가상연합군사령관", False), ("가상연합군사령관", False), ("가상부 다자외교조정관", False),
    ("가상연합군사령부", True), ("국립가상박물관", True), ("가상국 대사관", True),
])
def test_a_word_ending_in_a_persons_office_is_no_host(part, host):
    assert event.is_host(part, LEX) is host


@pytest.mark.parametrize("text, initial", [
    ("존 Q. 스미스", True), ("가상 A. 연구", True), ("3. 5.", False), ("끝났다. 다음", False),
    ("ABC. 다음", False), ("가상Q. 다음", False),
])
def test_an_initial_is_one_capital_after_a_blank(text, initial):
    assert event.is_initial(text, 0, text.index(".")) is initial


def test_the_subject_joined_by_개최_and_a_comma_hosts():
    ev = run_event("□ 가상부(장관 홍길동)는 김철수 가상본부장 주재로 5.2.(금) 오후 '가상담당관회의'를 개최, "
                   "현안을 점검하였다.\n")
    assert ev is not None and ev.name == "가상담당관회의" and ev.hosts == ["가상부"]


def test_a_headlines_bare_개최_and_comma_makes_no_host():
    ev = run_event("▷ 가상국에서 5월 20일부터 24일까지 개최, 가상부 정책 소개\n\n"
                   "가상부는 5월 20일부터 24일까지 가상국 가상시에서 열리는 제3차 가상포럼에 참가한다.\n")
    assert ev is not None and ev.hosts == []


# --- dates and venues ----------------------------------------------------------------------

@pytest.mark.parametrize("body, venue", [
    # a count of days after the dates
    ("□ 가상부는 5월 14일(수)부터 15일(목)까지 2일간 가상시 가상호텔에서 ‘제3차 가상협의회’를 개최한다.\n",
     "가상시 가상호텔"),
    # a time and its comma
    ("□ 제8회「가상의 날」기념식이 ’25.5.14.(수) 10:30, 가상동 가상컨벤션에서 개최되었다.\n",
     "가상동 가상컨벤션"),
    # a chair's clause before the place
    ("□ 가상조정실은 5월 7일(수) 15:00, 홍길동 가상차장 주재로 가상회관(가상시 소재)에서 "
     "「제4차 가상협의회」를 개최한다.\n", "가상회관(가상시 소재)"),
    # the place right before the event's name, away from the dates
    ("□ 가상부는 5월 11일(금) 「제27회 가상인의 날」을 맞아, ‘함께하는 가상’을 표어로 가상회관 대강당에서 "
     "기념식을 개최한다.\n", "가상회관 대강당"),
])
def test_venue_forms(body, venue):
    ev = run_event(body)
    assert ev is not None and ev.venue == venue


@pytest.mark.parametrize("body", [
    # 에서 of another verb before the name ('…에서 나타난 문제점을 …')
    "□ 가상청은 가상 재난 대응과정에서 나타난 문제점을 개선하고자 ‘가상 대응 토론회’를 개최했다.\n",
    # a place named by an event ('개최되는「…」에서') is none
    "□ 가상부는 5월 13일 개최되는「제12회 가상한마당」에서 시상식을 개최한다.\n",
    # a held event before the verb's object: '… 주재로 열린 … 회의에서'
    "□ 가상부는 5월 2일(금) 홍길동 총리 주재로 열린 제12회 가상점검 회의에서 가상 대책을 논의하였다.\n",
])
def test_a_clause_or_an_event_before_에서_is_no_venue(body):
    ev = run_event(body)
    assert ev is None or ev.venue is None


def test_a_lone_date_closed_by_까지_is_the_last_day():
    ev = run_event("□ 가상개발청은 6월 10일까지 ‘가상 공공미술 공모전’을 개최한다.\n")
    assert (ev.name, ev.start_date, ev.end_date) == ("가상 공공미술 공모전", None, "2025-06-10")


def test_a_range_closed_by_까지_keeps_its_first_day():
    ev = run_event("□ 가상개발청은 5월 3일부터 6월 10일까지 ‘가상 공공미술 공모전’을 개최한다.\n")
    assert (ev.start_date, ev.end_date) == ("2025-05-03", "2025-06-10")


# --- an attachment names a lead's kind of event ----------------------------------------------

@pytest.mark.parametrize("attachments, name", [
    ([{"label": "붙임 1", "text": "제27회 가상인의 날 기념식 개요"}], "제27회 가상인의 날 기념식"),
    ([{"label": "붙임", "text": "가상 역량강화 기념식 계획(안)"}], "가상 역량강화 기념식"),
    # a bare kind names none; an attachment of another kind of event neither
    ([{"label": "붙임", "text": "기념식 계획(안)"}], None),
    ([{"label": "붙임", "text": "제2차 가상포럼 개요"}], None),
    # a list of documents
    ([{"label": "붙임", "text": "가상 기념사 및 기념식 사진"}], None),
    # no word for a document: a list of winners, no outline of the event
    ([{"label": "붙임 2", "text": "가상 기념식"}], None),
])
def test_an_attachment_outlining_the_event_names_a_lead_that_writes_its_kind(attachments, name):
    ev = run_event("□ 가상부는 5월 11일(금) 가상회관에서 기념식을 개최한다.\n", attachments=attachments)
    assert ev is not None and ev.name == name


# --- invariants ----------------------------------------------------------------------------

WORD = st.text(alphabet="가나다라마바사아자차카타파하", min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(place=st.lists(WORD, min_size=1, max_size=3), kind=st.sampled_from(["평가회", "공연", "음악회", "훈련"]))
def test_a_venue_before_an_object_is_written_in_the_lead(place, kind):
    venue = " ".join(place) + "관"
    body = f"□ 가상부는 5월 3일 {venue}에서 가상 {kind}를 실시했다.\n"
    doc, lex = prepare(body)
    doc.release, doc.page = {"embargo": {"date": "2025-05-02"}}, None
    event.run(doc, lex)
    ev = doc.event
    assert ev is not None and ev.name == f"가상 {kind}"
    start, end = ev.span
    assert ev.venue is None or ev.venue in doc.text[start:end]
