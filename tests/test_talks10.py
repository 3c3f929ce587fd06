"""Sessions and talks, precision and recall (helper talks10): a bullet's lead that places a talk
in its session is no title, sessions told in prose hold the paragraphs that report on them, and
the talk forms read there. The lines are written here, none copied from a release."""
from __future__ import annotations

import pytest

from .semantic_helpers import parse


def all_talks(text: str) -> list[tuple]:
    doc = parse(text)
    found = [(None, t.speaker, t.topic) for t in doc.talks]
    return found + [(s.label, t.speaker, t.topic) for s in doc.sessions for t in s.talks]


SESSION_HEAD = (
    "□ 포럼은 ‘지원 정책 비교’, ‘촉진 전략’ 등의 2개의 세션으로 구성\n"
    "  ○ [세션 1]에서는 각국의 정책을 비교함\n"
    "  ○ [세션 2]에서는 촉진 전략을 논의함\n"
    "□ 부문별 촉진 전략 부문은 여러 발표로 구성\n"
)


@pytest.mark.parametrize("lead", [
    "농촌 원격교육 부문에서",               # an area: where the talk belongs
    "수출 지원 분야에서는",
    "제조부문의 정보화 전략 부문에서",       # the area word glued and written again
    "지역 클러스터에 의한 사례에서",         # a case: the same
    "여성 창업 지원 사례에서는",
])
def test_a_bullets_lead_places_the_talk_it_is_not_its_title(lead):
    text = SESSION_HEAD + f"  ○ {lead} 페루 교육부의 가르시아 박사는 지원 제도를 소개\n"
    assert all_talks(text) == [("세션 2", "가르시아", None)]


def test_a_quoted_theme_after_the_speaker_is_the_title_whatever_the_lead():
    text = SESSION_HEAD + "  ○ 수출 지원 부문에서 페루 교육부의 가르시아 박사는 ‘농촌 원격교육’을 주제로 발표\n"
    assert all_talks(text) == [("세션 2", "가르시아", "농촌 원격교육")]


# Sessions told one a paragraph, each followed by paragraphs that tell its talks.
PROSE_SESSIONS = (
    "□ 가상처는 22일 가상 포럼을 개최했다고 밝혔다.\n\n"
    "첫 번째 세션에서는 인공지능 시대의 인재상에 대해 논의했다.\n\n"
    "가상대학교 김하늘 교수가 ‘인공지능 시대의 인재상’을 통해 새로운 역량을 공유했다.\n\n"
    "이어 가상연구원 박도윤 연구위원이 ‘인재 확보와 유지 전략’을 주제로 발표했다.\n\n"
    "두 번째 세션에서는 기업의 인재 영입 전략을 공유했다.\n\n"
    "가상전자 이서연 상무가 ‘글로벌 기업의 인재 영입’을 주제로 발표했다.\n\n"
    "마지막으로 가상처 최민준 인재정책관은 여러 기관의 자료를 모은 ‘정부의 인재 확보전략’에 대해 소개했다.\n\n"
    "가상처 정우진 차장은 “의미 있는 시간이 되길 바란다”고 말했다.\n"
)


def test_a_session_told_in_prose_holds_the_paragraphs_of_its_talks():
    assert all_talks(PROSE_SESSIONS) == [
        ("첫 번째 세션", "박도윤", "인재 확보와 유지 전략"),
        ("두 번째 세션", "이서연", "글로벌 기업의 인재 영입"),
        ("두 번째 세션", "최민준", "정부의 인재 확보전략"),
    ]
    doc = parse(PROSE_SESSIONS)
    first, second = doc.sessions
    # the first runs to the line before the second; the last to its last paragraph telling a talk
    assert doc.text[first.report[1] - 8:first.report[1]].endswith("발표했다.")
    assert doc.text[second.report[0]:second.report[1]].endswith("소개했다.")
    assert "차장" not in doc.text[second.report[0]:second.report[1]]


def test_the_last_sessions_report_ends_at_a_paragraph_that_tells_no_talk():
    text = PROSE_SESSIONS.replace("가상전자 이서연 상무가", "한편 행사장에는 많은 시민이 찾았다.\n\n가상전자 이서연 상무가")
    assert ("두 번째 세션", "이서연", "글로벌 기업의 인재 영입") not in all_talks(text)
    assert (None, "이서연", "글로벌 기업의 인재 영입") in all_talks(text)


def test_a_keynote_after_a_session_stays_the_events():
    text = ("□ 가상처는 가상 포럼을 개최했다.\n\n"
            "첫 번째 세션에서는 데이터 활용을 논의했다.\n\n"
            "이어 가상대학교 김하늘 교수가 ‘데이터 거버넌스’를 주제로 기조연설을 했다.\n")
    assert all_talks(text) == [(None, "김하늘", "데이터 거버넌스")]


def test_a_session_listed_as_an_object_reports_on_nothing_after_it():
    text = ("□ 학술대회는 세 건의 주제발표, 그리고 종합토론으로 구성된다.\n\n"
            "이어 가상연구원 박도윤 연구위원이 ‘유물 보존 처리’를 주제로 발표한다.\n")
    assert all_talks(text) == [(None, "박도윤", "유물 보존 처리")]


@pytest.mark.parametrize("line,expected", [
    # a quoted title told by a verb of presenting it, in a session's report: a talk
    ("마지막으로 가상처 최민준 인재정책관은 ‘정부의 인재 확보전략’에 대해 소개했다.",
     [("첫 번째 세션", "최민준", "정부의 인재 확보전략")]),
    ("가상대학교 김하늘 교수는 ‘지역 돌봄 사례’에 관해 설명하였다.", [("첫 번째 세션", "김하늘", "지역 돌봄 사례")]),
    # the person named last before the quote is no subject: none
    ("가상처는 가상대학교 김하늘 교수의 ‘지역 돌봄 사례’에 대해 소개했다.", []),
    # no quote: the plain form is no talk
    ("가상대학교 김하늘 교수는 지역 돌봄 사례에 대해 소개했다.", []),
])
def test_a_quoted_title_told_by_a_verb_of_presenting_in_a_sessions_report(line, expected):
    text = "□ 가상처는 가상 포럼을 개최했다.\n\n첫 번째 세션에서는 돌봄 정책을 논의했다.\n\n" + line + "\n"
    assert [t for t in all_talks(text) if t[1]] == expected


def test_the_same_form_outside_any_session_is_no_talk():
    # a minister explaining a plan at a meeting
    text = ("□ 가상부는 23일 관계부처 회의를 개최했다.\n\n"
            "가상부 김하늘 장관은 ‘지역 돌봄 확충 방안’에 대해 설명했다.\n")
    assert all_talks(text) == []


@pytest.mark.parametrize("enumeration", [
    "행사는 ‘돌봄 정책’과 ‘지역 사례’ 등 두 개의 분과(세션)로 나눠 진행됐다.",
    "행사는 ‘돌봄 정책’, ‘지역 사례’ 등의 2개의 세션으로 구성된다.",
    "행사는 ‘돌봄 정책’ 및 ‘지역 사례’ 두 개의 세션으로 구성된다.",
])
@pytest.mark.parametrize("first,second", [
    ("첫 번째 세션에서는 돌봄 정책을 논의했다.", "두 번째 세션에서는 지역 사례를 공유했다."),     # label lines
    ("이후 첫 번째 세션에서는 돌봄 정책을 논의했다.", "이어서 두 번째 세션에서는 지역 사례를 공유했다."),  # in sentences
])
def test_numbered_sessions_take_their_titles_from_the_enumeration(enumeration, first, second):
    doc = parse(f"□ {enumeration}\n\n{first}\n\n{second}\n")
    assert [(s.number, s.title) for s in doc.sessions] == [(1, "돌봄 정책"), (2, "지역 사례")]


def test_an_enumeration_shorter_than_its_count_warns():
    doc = parse("□ 행사는 ‘돌봄 정책’과 ‘지역 사례’ 등 세 개의 세션으로 구성된다.\n\n첫 번째 세션에서는 정책을 논의했다.\n")
    assert "session_count_mismatch" in [i.code for i in doc.issues]


@pytest.mark.parametrize("line,expected", [
    # a numbered part, then the kind of part it is, then the particle: the kind titles it
    ("이어 2부 종합토론 시간에는 가상대학교 김하늘 교수를 좌장으로 논의가 이어진다.", [("2부", 2, "종합토론")]),
    ("▲1부 주제강연에서는 가상대학교 김하늘 교수가 돌봄 정책을 발표한다.", [("1부", 1, "주제강연")]),
    ("제2부 패널 토론은 오후에 열린다.", [("제2부", 2, "패널 토론")]),
    # the kind without its particle, or another noun after the part, names none
    ("자료 1부 발표를 참고하시기 바랍니다.", []),
    ("2부 행사에서는 공연이 열린다.", []),
])
def test_a_numbered_part_written_with_its_kind(line, expected):
    doc = parse(f"□ {line}\n")
    assert [(s.label, s.number, s.title) for s in doc.sessions] == expected
