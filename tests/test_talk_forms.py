"""Talks: the forms of issue 12 the sessions stage reads besides programmes — a role written
before the speaker's name, the speakers a session's paragraph names after its first sentence,
and a ▲ list of presentations. The lines are written here."""
from __future__ import annotations

import pytest

from .semantic_helpers import parse


def all_talks(text: str) -> list[tuple]:
    doc = parse(text)
    found = [(None, t.speaker, t.topic) for t in doc.talks]
    return found + [(s.label, t.speaker, t.topic) for s in doc.sessions for t in s.talks]


@pytest.mark.parametrize("line,name,role", [
    ("두 번째 기조연설에서 마리아 로시(Maria Rossi) 이탈리아 밀라노대 교수는 ‘AI와 노동’을 주제로 말했다.",
     "마리아 로시", "keynote"),
    ("특히, 발표를 맡은 가상도청 재난대응과 김하늘 주무관은 현장 경험을 소개했다.", "김하늘", "presenter"),
    ("첫 발제자로 나선 한국개발연구원 이도윤 연구위원은 전망을 제시했다.", "이도윤", "presenter"),
    ("좌장을 맡은 가상대학교 박하준 교수는 토론을 이끌었다.", "박하준", "moderator"),
    # a role of an earlier clause, closed by a comma, is not this one's
    ("발표가 끝난 뒤, 가상대학교 최민서 교수는 질문에 답했다.", "최민서", None),
])
def test_role_written_before_the_name(line, name, role):
    roles = {p.name: p.roles for p in parse(f"□ {line}\n").people}
    assert (roles[name][0] if roles.get(name) else None) == role


def test_stated_presenter_gives_a_talk():
    text = ("□ 대표단은 국제회의에 참석했다.\n"
            "  ○ 발표를 맡은 가상도청 재난대응과 김하늘 주무관은 현장 대응 체계를 소개했다.\n")
    assert all_talks(text) == [(None, "김하늘", None)]


def test_speakers_of_a_session_paragraph():
    text = ("□ 두 번째 세션은 금융과 데이터를 주제로 진행되었다. 마리아 로시(Maria Rossi) 밀라노대 경제학 "
            "교수는 ‘데이터 거버넌스 사례’를 발표하였다.\n")
    assert all_talks(text) == [("두 번째 세션", "마리아 로시", "데이터 거버넌스 사례")]


@pytest.mark.parametrize("line,expected", [
    ("행사에서는 ▲도시 물순환 현황, ▲하천 등 수변공간 활용 방안, ▲물관리 제도 개선 등에 대한 전문가 발표가 진행되었다.",
     ["도시 물순환 현황", "하천 등 수변공간 활용 방안", "물관리 제도 개선"]),
    ("이어 ▲탄소시장 동향 ▲배출권 거래 사례 등을 주제로 한 발제와 토론이 이어졌다.",
     ["탄소시장 동향", "배출권 거래 사례"]),
    # announcing measures is no presentation
    ("정부는 ▲보증 확대 ▲금리 인하 등을 담은 대책을 발표했다.", []),
    # one item is no list
    ("▲지역 사례 등에 대한 발표가 진행되었다.", []),
])
def test_listed_talks(line, expected):
    assert [t[2] for t in all_talks(f"□ {line}\n") if t[1] is None] == expected


@pytest.mark.parametrize("line,label,title", [
    ("첫 번째 세션에서는 지방정부의 데이터 활용 사례를 중심으로 논의하였다.", "첫 번째 세션", "지방정부의 데이터 활용 사례"),
    ("이어진 패널토론에서는 “지역 의료 인력 확보 방안”에 대한 논의가 이루어졌다.", "패널토론", "지역 의료 인력 확보 방안"),
    # '중심의' modifies a noun, it names no session's subject
    ("[세션 2]에서는 지역 클러스터 중심의 추진사례가 소개됨", "세션 2", None),
    # the 'about' form needs a quoted title
    ("종합토론에서는 여러 과제에 대한 논의가 이어졌다.", "종합토론", None),
])
def test_session_title_from_its_sentence(line, label, title):
    found = {s.label: s.title for s in parse(f"□ {line}\n").sessions}
    assert found.get(label, "absent") == title


ANNOUNCED = ("□ 학술대회는 다음과 같이 열린다.\n\n< 학술대회 트랙(4개) 구성 >\n\n 5.20 (1일차)\n\n"
             " Data (데이터)\n\n Privacy\n Security\n\n Ethics\n\n & Law\n Platform\n\n"
             "아울러 전시회도 함께 열린다.\n")


def test_announced_sessions_one_a_line():
    doc = parse(ANNOUNCED)
    assert [(s.label, s.number) for s in doc.sessions] == [
        ("Privacy", None), ("Security", None), ("Ethics & Law", None), ("Platform", None)]


def test_a_list_of_another_length_names_no_sessions():
    assert parse(ANNOUNCED.replace("(4개)", "(5개)")).sessions == []


def test_a_talk_takes_what_its_speaker_is():
    """A programme line names '이하은(가상연구원 연구위원)'; the person is from here (KR)."""
    doc = parse("□ 프로그램\n\n1세션 : 공급망과 경제안보\n\n발표 : 이하은(가상연구원 연구위원) - 공급망\n")
    assert [(t.speaker, t.country) for s in doc.sessions for t in s.talks] == [("이하은", "KR")]


def test_the_subject_of_a_session_sentence_presents_in_it():
    text = ("□ 가상회의가 열렸다.\n\n"
            "  ○ 한서준 가상위원장은 ‘노동시장 전환’을 주제로 하는 세션2. 첫 발제자로 나서 대응을 발표했다.\n")
    assert [(s.label, t.speaker) for s in parse(text).sessions for t in s.talks] == [("세션2", "한서준")]


def test_a_session_sentence_without_a_presenters_word_gives_no_talk():
    text = "□ 한서준 가상위원장은 ‘노동시장 전환’을 주제로 하는 세션2에 참석했다.\n"
    assert [t for s in parse(text).sessions for t in s.talks] == []
