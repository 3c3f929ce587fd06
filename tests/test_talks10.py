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
