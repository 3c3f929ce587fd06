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


@pytest.mark.parametrize("line,expected", [
    # a named session taken as the object of the programme's verb
    ("학술대회는 3건의 주제발표, 그리고 종합토론으로 구성된다.", ["종합토론"]),
    ("가상청은 23일 가상대학교에서 감염병 협력을 위한 공동세션을 개최하였다.", ["공동세션"]),
    ("토론회는 가상대 한도윤 교수의 주제발표와 전문가들의 패널토론으로 진행된다.", ["패널토론"]),
    # a numbered label, or another verb, names no session
    ("신청서는 자료 1부를 첨부하여 제출한다.", []),
    ("참석자들은 종합토론을 통해 의견을 나눴다.", []),
])
def test_a_named_session_as_an_object(line, expected):
    assert [s.label for s in parse(f"□ {line}\n").sessions] == expected


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


# --- talks told in prose (sessions.toml [prose_talks]) ------------------------------------------

@pytest.mark.parametrize("line,expected", [
    # one talk per speaker joined before the verb, on the quoted topic after them
    ("가상대학교 한도윤 교수와 나라연구원 서지안 국장이 ‘도시 숲의 탄소 흡수’를 주제로 발표를 진행한다.",
     [("한도윤", "도시 숲의 탄소 흡수"), ("서지안", "도시 숲의 탄소 흡수")]),
    # the '…에 대하여' phrase is the topic; each verb of the sentence names its own speaker
    ("이날 목재연구소 구하람 소장이 해외 목조주택 보급 현황에 대하여 발표하였으며, 가상과학원 남윤서 박사가 "
     "내화 성능 시험 결과에 대해 발표하였다.",
     [("구하람", "해외 목조주택 보급 현황"), ("남윤서", "내화 성능 시험 결과")]),
    # a keynote speaker without a topic
    ("가상대학교 문채원 교수가 기조연사로 나서 참석자들과 대화를 나눈다.", [("문채원", None)]),
    # the genitive right before the noun: '… 교수의 발제 후'
    ("가상대학교 윤도하 교수와 나라대학교 최서윤 교수의 발제 후 종합토론이 이어졌다.",
     [("윤도하", None), ("최서윤", None)]),
    # 'each': as many quotes as speakers, one each in order
    ("나라기업 강이든 대표와 가상그룹 임수아 팀장은 각각 ‘인재 확보 전략’, ‘데이터 기반 채용’에 대해 발표했다.",
     [("강이든", "인재 확보 전략"), ("임수아", "데이터 기반 채용")]),
    # a second verb of the sentence gives the topic of the first one's speaker
    ("가상대학교 오태윤 교수는 첫 번째 발제를 맡아 ‘고령 인구의 정의’에 대해 발표하였다.",
     [("오태윤", "고령 인구의 정의")]),
    # a quote before the speakers, with its topic phrase
    ("첫 순서는 ‘공공 데이터 개방’을 주제로 나라연구원 백시우 연구위원이 발표를 진행한다.",
     [("백시우", "공공 데이터 개방")]),
    # the genitive speaker with the talk's quoted topic between the name and the noun
    ("먼저, 가상대학교 한도윤 교수의 ‘도시 숲의 미래’에 대한 주제발표를 시작으로 토론이 이어진다.",
     [("한도윤", "도시 숲의 미래")]),
    # an ordinal between the speaker and a talk told as a means; a noun with '를'
    ("이어서 나라연구원 서지안 연구위원은 두 번째 발제를 통해 고령층 고용의 방향을 제시했다.", [("서지안", None)]),
    ("이날 가상위원회 문채원 부위원장은 기조발제를 통해 인구 위기의 상황을 설명했다.", [("문채원", None)]),
    # the talk's quoted topic between the speaker and '기조연설에서'
    ("가상은행의 구하람 국장은 ‘인공지능과 경제’를 주제로 한 기조연설에서 여러 사례를 공유했다.",
     [("구하람", "인공지능과 경제")]),
    # the event's genitive before the keynote
    ("가상청 오태윤 차장은 가상연구소가 주관하는 국방협력 포럼의 기조연설을 통해 협력을 강조했다.",
     [("오태윤", None)]),
    # a lecture held ('특강을 실시'), its topic after the audience
    ("가상교육원 남윤서 원장은 장병을 대상으로 북한 경제에 관한 특강을 실시한다.", [("남윤서", "북한 경제")]),
    # a lecture ('강의'), its quote followed by a bare '주제로'
    ("첫 순서는 가상위원회 백시우 위원장이 ‘지역 균형발전’ 주제로 강의를 진행한다.", [("백시우", "지역 균형발전")]),
    # a plain 발표 right after its speaker's subject, no object: a presentation
    ("정부 측에서는 가상부 임수아 정책관이 발표하고 토론이 이어진다.", [("임수아", None)]),
    # the genitive speaker's noun joined to the next part of the programme
    ("토론회는 가상원 한도윤 실장의 주제발표와 나라대 서지안 교수 등의 패널토론으로 진행된다.", [("한도윤", None)]),
    ("시상식 후 남윤서 작가의 특강, 백시우 작가와의 대화가 이어졌다.", [("남윤서", None)]),
    # the subject's talk joined to the next part, its topic phrase before the noun
    ("가상대학교 문채원 교수가 ‘식품 안전의 역할’에 대한 기조 강연과 토론을 이끈다.", [("문채원", "식품 안전의 역할")]),
    # speakers listed each as the genitive of their quoted title, closed before the noun
    ("심포지엄은 가상연구소 한도윤 박사의 ‘토양 분석법 연구’, 나라원 서지안 연구사의 ‘사료 품질 관리’ 등 2건의 "
     "주제발표로 진행된다.", [("한도윤", "토양 분석법 연구"), ("서지안", "사료 품질 관리")]),
    # the part written before its speaker, the subject named right after it
    ("▲기조 강연으로 한도윤 교수(가상대학교)가 ‘감염병의 미래’를 주제로 전망을 제시한다.", [("한도윤", "감염병의 미래")]),
    ("첫 주제 발표자로 가상대학교 서지안 교수가 나선다.", [("서지안", None)]),
    # speakers listed and closed by '등 … N인이' before their part
    ("가상대학교 한도윤 교수, 나라방송 서지안 아나운서 등 연사 5인이 강연자로 나섰다.",
     [("한도윤", None), ("서지안", None)]),
    # a title in half-width corner brackets
    ("가상대학교 한도윤 교수가 ｢도시 숲의 변천｣을 주제로 발표를 진행한다.", [("한도윤", "도시 숲의 변천")]),
])
def test_talks_told_in_prose(line, expected):
    assert [(t[1], t[2]) for t in all_talks(f"□ {line}\n")] == expected


@pytest.mark.parametrize("line", [
    # a plain 발표 without a topic phrase announces
    "가상부 한지우 장관은 ‘도시 숲 확대 계획’을 발표했다.",
    "가상부 한지우 장관은 이날 종합 대책을 발표하였다.",
    # an adnominal '발표한' and a lecture event ('강연회') are no talk
    "가상부 한지우 장관이 발표한 계획에 따라 강연회를 개최했다.",
    # the genitive names something else before the noun
    "가상대학교 한지우 교수의 연구 결과에 대해 발표가 있었다.",
    # the verb's subject is another (the name before it is an object)
    "가상부 한지우 장관을 만나 협력 방안에 대해 발표하였다.",
    # a plain 발표 with an object between the speaker and it announces
    "가상부 한지우 장관은 종합 대책을 발표하고 협조를 당부했다.",
    # a talk told as a means, named far from the subject, is no talk of this sentence's speaker
    "가상부 한지우 장관은 지난해 열린 정상회의 발제를 통해 제시된 방향을 설명했다.",
    # a lecture heard, the river's ('강의 연결성'), a quote of another noun after the genitive
    "학생들은 가상대학교 한지우 교수의 강의를 들었다.",
    "가상원 한지우 박사는 강의 연결성이 회복되었다고 밝혔다.",
    # the subject of a verb after '강연과' owns no talk of it without a topic phrase
    "가상대학교 한지우 교수가 강연과 토론을 이끌었다.",
    # a part written first whose next person is no subject, or is in the next sentence
    "이번 행사는 강연으로 유명한 가상대학교 한지우 교수를 초청했다.",
    "이번 행사는 특강으로 진행된다. 가상대학교 한지우 교수가 참석한다.",
    # discussants of a panel give no talk, nor guests listed before an event's name
    "토론에는 가상대학교 한지우 교수, 나라연구원 서지안 박사가 참여했다.",
    "가상부 한지우 장관, 나라청 서지안 차장 등이 참석한 가운데 발표회가 열렸다.",
    # a list not closed right before the noun names no talks
    "가상연구소 한지우 박사의 ‘토양 연구’, 나라원 서지안 연구사의 ‘사료 관리’ 등의 성과를 담은 발표를 했다.",
    "가상대학교 한지우 교수의 ‘도시 숲’ 보고서를 발표했다.",
])
def test_prose_that_tells_no_talk(line):
    assert all_talks(f"□ {line}\n") == []


def test_a_quote_naming_a_session_is_not_the_talk_topic():
    text = "□ 가상위원회 한서준 위원장은 ‘노동시장 전환’을 주제로 하는 세션 다음에 기조연사로 나섰다.\n"
    assert [t[2] for t in all_talks(text)] == [None]


# --- title-first programme items (sessions.toml [titled_items]) --------------------------------

@pytest.mark.parametrize("line,expected", [
    # quoted titles, one speaker each, the items closed by particles
    ("학술대회에서는 5건의 발표가 진행된다. ▲「도시 숲의 변천」(한도윤, 가상대학교)를 시작으로 "
     "▲「가로수 관리의 과제」(서지안, 나라연구원) 순으로 이어진다.",
     [("한도윤", "도시 숲의 변천", "가상대학교"), ("서지안", "가로수 관리의 과제", "나라연구원")]),
    # a description before the quoted title; several speakers of two organizations
    ("주제발표는 ▲ 복원의 방향을 살펴보는 ‘유적 복원의 원칙’(권하늘·안도윤, 가상연구소 / 김시우, 나라원)에서 다룬다.",
     [("권하늘", "유적 복원의 원칙", "가상연구소"), ("안도윤", "유적 복원의 원칙", "가상연구소"),
      ("김시우", "유적 복원의 원칙", "나라원")]),
    # name, organization and title in the bracket, without a comma
    ("1부에서는 △위성 자료 활용 현황(성하람 가상청 디지털단장) △관측 품질 개선 방안(류도하 나라대 교수)에 대해 "
     "주제발표가 있을 예정이다.",
     [("성하람", "위성 자료 활용 현황", "가상청"), ("류도하", "관측 품질 개선 방안", "나라대")]),
])
def test_title_first_items(line, expected):
    doc = parse(f"□ {line}\n")
    talks = doc.talks + [t for s in doc.sessions for t in s.talks]
    assert [(t.speaker, t.topic, t.affiliation) for t in talks] == expected


@pytest.mark.parametrize("line", [
    # a list of papers names no presentation
    "학술지에는 논문 4편이 수록되었다. ▲ 해상 교역로 연구(한도윤, 가상대학교), ▲ 항구 유적 연구(서지안, 나라대) 등이다.",
    # measures with brackets: no name opens them
    "주요 발표 내용은 △사업장 점검(첨단장비 활용) △차량 운행제한(과태료 미부과) 등이다.",
])
def test_items_that_are_no_talks(line):
    assert all_talks(f"□ {line}\n") == []


def test_a_title_before_a_bracketed_person_is_no_name():
    """'△… 전망(성하람 가상청 디지털단장)': the word before the bracket is the title's, not a name."""
    doc = parse("□ 1부에서는 △위성 활용 현황 및 전망(성하람 가상청 디지털단장)에 대해 주제발표가 있다.\n")
    assert "전망" not in [p.name for p in doc.people]
