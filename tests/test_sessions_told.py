"""Talks told by their verbs and where their topic and span come from (sessions.toml
[theme_talks], [prose_talks] talk_venues): a theme right after the speaker, a presentation at a
gathering attended, a second verb's topic, a speaker joined to one the people stage does not
know, the sentence a keynote is told in — and the remarks that stay no talk. The lines are
written here."""
from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from pipeline.text import collapse, without_spaces

from .semantic_helpers import parse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def talks_of(text: str) -> list[tuple[str | None, str | None]]:
    doc = parse(text)
    return [(t.speaker, t.topic) for t in doc.talks] + [(t.speaker, t.topic) for s in doc.sessions for t in s.talks]


@pytest.mark.parametrize("line,expected", [
    # a quoted theme right after the subject, told by a verb of presenting
    ("이어서 가상기업 한도윤 상무는 ‘기업이 바라는 인재상’을 주제로 교육 운영 방향을 제시한다.",
     [("한도윤", "기업이 바라는 인재상")]),
    ("가상대학교 서지안 교수가 ‘골목길 경제’를 주제로 지역 창조 사례를 소개한다.", [("서지안", "골목길 경제")]),
    ("나라연구원 구하람 박사는 '물관리의 내일'이라는 주제로 해외 동향을 짚어본다.", [("구하람", "물관리의 내일")]),
    # the audience named after the verb is no act of hosting
    ("가상대학교 서지안 교수는 ‘도시 숲의 내일’을 주제로 사례를 소개하고 참석자들과 의견을 나눴다.",
     [("서지안", "도시 숲의 내일")]),
    # a plain 발표 with an object after attending a gathering of talks: the object is the topic
    ("가상부 한지우 국장은 「가상 협력 포럼」에 참석하여 한미 간 과학, 기술 협력 방안을 발표하고, 전문가들과 "
     "의견을 교환하였다.", [("한지우", "한미 간 과학, 기술 협력 방안")]),
    ("가상대학교 한도윤 교수는 나라학회 세미나에 참석해 도시 숲 관리 사례를 발표했다.", [("한도윤", "도시 숲 관리 사례")]),
    # the part told by its verb, its topic by a second verb of the sentence
    ("가상대학교 한도윤 교수가 기조연사로 나서 나라대 서지안 교수와 ‘생성형 인공지능과 행정’에 대한 대담을 진행한다.",
     [("한도윤", "생성형 인공지능과 행정")]),
    # … but not the topic of the next speaker named as a subject
    ("가상대학교 한도윤 교수가 기조연사로 나서고, 나라대 서지안 교수가 ‘도시 숲의 미래’에 대해 발표한다.",
     [("한도윤", None), ("서지안", "도시 숲의 미래")]),
    # a talk told as done before the next one ('발표한 뒤'): each speaker's own topic and span
    ("가상대학교 한도윤 교수가 ‘도시 숲의 미래’를 주제로 발표한 뒤 나라대 서지안 교수가 ‘가로수 관리’를 주제로 "
     "발표했다.", [("한도윤", "도시 숲의 미래"), ("서지안", "가로수 관리")]),
    ("가상대학교 한도윤 교수는 ‘도시 숲의 미래’를 주제로 사례를 소개하고, 나라대 서지안 교수가 ‘가로수 관리’를 "
     "주제로 방향을 제시한다.", [("한도윤", "도시 숲의 미래"), ("서지안", "가로수 관리")]),
    # the part written first, then several speakers joined up to the subject
    ("발표자로는 가상대학교 한도윤 교수, 나라연구원 서지안 박사, 가상원 구하람 연구위원이 참여한다.",
     [("한도윤", None), ("서지안", None), ("구하람", None)]),
    ("주제발표는 가상대학교 한도윤 교수와 나라연구원 서지안 박사가 맡는다.", [("한도윤", None), ("서지안", None)]),
    # the part as the topic, its speaker's verb of taking it right after the subject
    ("기조강연은 가상대학교 한도윤 교수가 맡았다.", [("한도윤", None)]),
    ("특강은 가상대학교 한도윤 교수가 ‘도시 숲의 내일’을 주제로 진행한다.", [("한도윤", "도시 숲의 내일")]),
    ("발제는 가상대학교 한도윤 교수가, 토론은 나라연구원 서지안 박사가 맡는다.", [("한도윤", None)]),
    # a stated presenter's unquoted subject
    ("특히, 발표를 맡은 가상도청 재난대응과 김하늘 주무관은 지역 재난 대응체계를 주제로 발표를 진행했다.",
     [("김하늘", "지역 재난 대응체계")]),
])
def test_talks_told_by_their_verbs(line, expected):
    assert talks_of(f"□ {line}\n") == expected


@pytest.mark.parametrize("line", [
    # a minister's remarks at a meeting, called no presentation
    "가상부 한지우 장관은 관계부처 회의에서 추진 현황을 설명했다.",
    "가상부 한지우 장관은 간담회에서 현장의 건의 사항을 소개하고 지원을 약속했다.",
    # a theme that modifies, or a theme of a meeting the subject hosts
    "가상부 한지우 장관은 ‘도시 숲의 미래’를 주제로 한 보고서를 공개하고 내용을 설명했다.",
    "가상부 한지우 장관은 ‘도시 숲의 미래’를 주제로 열린 간담회에서 정책을 설명했다.",
    "가상부 한지우 장관은 ‘도시 숲의 미래’를 주제로 간담회를 개최하고 정책을 설명했다.",
    # a theme with no verb of presenting
    "가상부 한지우 장관은 ‘도시 숲의 미래’를 주제로 현장을 점검했다.",
    # an announcement after attending a meeting, or after another act at a seminar
    "가상부 한지우 장관은 경제장관회의에 참석하여 종합 대책을 발표했다.",
    "가상부 한지우 장관은 세미나에 참석하여 축사를 하고, 정부 대책을 발표했다.",
    # an announcement done before something else
    "가상부 한지우 장관이 대책을 발표한 뒤 기자들의 질문에 답했다.",
    # the subject after a part does something else first
    "주제발표는 가상부 한지우 장관이 개회사를 한 뒤 진행된다.",
    "강연은 가상부 한지우 장관의 인사말에 이어 진행된다.",
    # the words joined after the speaker are no second speaker
    "가상대학교 한도윤 교수와 함께 학생들이 발표를 진행했다.",
])
def test_remarks_that_are_no_talks(line):
    assert talks_of(f"□ {line}\n") == []


def test_a_speaker_joined_to_one_not_among_the_people_keeps_the_talk():
    # Whether or not the people stage knows the second speaker, the first one presents, and
    # takes the first of the 'each' topics.
    text = ("□ 한도윤 대표(가상기업 CEO)와 나라그룹 인재개발원 서지안 책임매니저는 각각 ‘인재 확보 전략’, "
            "‘데이터 기반 인재 개발’에 대해 발표했다.\n")
    assert ("한도윤", "인재 확보 전략") in talks_of(text)


def test_each_talk_of_a_sentence_spans_its_own_part():
    doc = parse("□ 가상대학교 한도윤 교수가 ‘도시 숲의 미래’를 주제로 발표한 뒤 나라대 서지안 교수가 ‘가로수 관리’를 "
                "주제로 발표했다.\n")
    spans = {t.speaker: doc.text[t.span[0]:t.span[1]] for t in doc.talks}
    assert "서지안" not in spans["한도윤"] and "한도윤" not in spans["서지안"]


def test_a_keynote_span_is_the_sentence_that_tells_it():
    """The speaker is named first among the guests; the keynote is told later."""
    text = ("□ 이번 포럼에는 가상대학교 한도윤 교수 등 국내외 전문가 100여 명이 참석하였다.\n\n"
            "□ 한도윤 교수는 ‘도시 숲의 미래’를 주제로 한 기조연설에서 여러 사례를 소개하였다.\n")
    record = pipeline.parse_text("가상 보도자료 제목\n\n" + text)
    [talk] = [t for t in record["talks"] if t["speaker"] == "한도윤"]
    start, end = talk["span"]
    assert "기조연설" in record["text"][start:end] and talk["topic"] == "도시 숲의 미래"
    assert record["text"][start:end].startswith("한도윤 교수는")


def span_holds_its_talk(record: dict) -> list[str]:
    """Every talk whose span holds neither its speaker (the name or a later mention) nor its topic."""
    text = record["text"]
    mentions = {p["name"]: [text[a:b] for a, b in p["mentions"]] for p in record["people"]}
    bad = []
    for talk in [t for s in record["sessions"] for t in s["talks"]] + record["talks"]:
        held = text[talk["span"][0]:talk["span"][1]]
        forms = [talk["speaker"], *mentions.get(talk["speaker"], [])] if talk["speaker"] else []
        if not any(without_spaces(f) in without_spaces(held) for f in forms) \
                and not (talk["topic"] and collapse(talk["topic"]) in collapse(held)):
            bad.append(f"{talk['speaker']} {talk['topic']!r}: {collapse(held)[:60]!r}")
    return bad


def test_every_talk_span_holds_its_speaker_or_topic_on_the_samples():
    for path in sorted((ROOT / "samples").iterdir()):
        if path.name == "MANIFEST.tsv":
            continue
        assert span_holds_its_talk(pipeline.parse_file(path)) == [], path.name


@pytest.mark.skipif(not (CORPUS / "korea-kr").is_dir(), reason="needs ../shared/corpus")
def test_every_talk_span_holds_its_speaker_or_topic_on_the_korea_kr_records():
    bad = []
    for path in sorted((CORPUS / "korea-kr").glob("*.md")):
        record = pipeline.parse_file(path)
        if record["talks"] or record["sessions"]:
            bad += [f"{path.name}: {b}" for b in span_holds_its_talk(record)]
    assert bad == []


def test_a_keynote_told_twice_points_at_its_first_telling():
    """Told first by its theme, then named a keynote: the talk's span is the first telling."""
    text = ("□ 가상대학교 한도윤 교수는 ‘도시 숲의 미래’를 주제로 해외 사례를 소개한다.\n\n"
            "□ 한도윤 교수의 기조연설에 이어 종합 논의가 진행된다.\n")
    record = pipeline.parse_text("가상 보도자료 제목\n\n" + text)
    [talk] = [t for t in record["talks"] if t["speaker"] == "한도윤"]
    start, end = talk["span"]
    assert "도시 숲의 미래" in record["text"][start:end] and talk["topic"] == "도시 숲의 미래"
