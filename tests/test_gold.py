"""The gold scorer of `make eval` (scripts/eval.py, the gold section) on tiny records written
here, and the dev gold set (tests/gold/*.toml) scored against floors.

The floors are a ratchet, set a little below what the pipeline measured when they were last
raised: a change that loses precision or recall on the dev gold fails here. They are not the
issue's targets (90%), which the pipeline does not reach yet. Skips without ../shared or
without annotations."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .test_eval_metrics import load_eval

ev = load_eval()
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))    # the scorer reads hanja with pipeline.text
ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold"
SHARED = ROOT.parent / "shared"

# (precision, recall) per field group, in percent.
# Last raised 2026-12-01 (third semantic pass) at event 93.8/67.4, sessions 98.6/80.2, talks
# 92.2/71.5, people 90.1/74.3, countries 95.7/80.4, figures 97.2/93.8.
# Event and countries raised 2026-12-01 (fourth pass, event4) at event 98.4/94.1, countries 96.3/92.9;
# sessions, talks and people by the fourth people pass at sessions 98.8/96.5, talks 93.8/91.5,
# people 93.8/90.5; together countries is 94.5/92.9 (a keynote with a country is now a finding).
# People raised by the fifth people pass at 94.1/90.9.
# Countries precision raised 2026-12-02 (countries9, precision pass) at 98.1/92.9.
# Talks, people, countries and figures raised 2026-12-02 (the tenth passes) at talks 99.4/92.7,
# people 94.3/93.4, countries 98.2/96.4, figures 99.1/97.3.
FLOORS = {"event": (97, 93), "sessions": (97, 95), "talks": (97, 91), "people": (93, 92),
          "countries": (97, 95), "figures": (97, 96)}


def test_text_matching_is_by_squashed_text_containment_or_ratio():
    assert ev.gold_same_text("「2004 APEC  포럼」", "2004 APEC 포럼")
    assert ev.gold_same_text("서울 강남 노보텔 앰버서더 호텔", "서울 강남 노보텔 앰버서더")
    assert ev.gold_same_text("청장", "廳長")                      # the reader's hanja, read
    assert not ev.gold_same_text("산림청", "해양수산부")
    assert not ev.gold_same_text("", "산림청")


def test_a_name_matches_by_hangul_or_by_the_hanja_written():
    assert ev.gold_same_name({"name": "크리스 홀"}, "크리스홀")
    assert ev.gold_same_name({"name": "유창무", "name_hanja": "柳昌茂"}, "柳昌茂")
    assert not ev.gold_same_name({"name": "유창무"}, "유창민")


def test_event_atoms_right_wrong_and_missing():
    score = ev.GoldScore()
    ev.score_event(score, {"name": "산림 포럼", "start_date": "2024-03-05", "end_date": "2024-03-05",
                           "venue": None, "hosts": ["산림청", "환경부"]},
                   {"name": "산림 포럼", "start": "2024-03-05", "venue": "대전", "hosts": ["산림청"]})
    # name, start, host right; a one-day end equals the start; venue missed; 환경부 extra
    assert score.counts["event"] == [3, 1, 1]


def test_sessions_pair_by_label_or_number():
    score = ev.GoldScore()
    ev.score_sessions(score, [{"label": "제1세션", "number": 1, "title": "교육 정책"}],
                      [{"label": "세션 1", "number": 1, "title": "교육 정책 비교"}])
    assert score.counts["sessions"] == [3, 0, 0]


def test_talks_without_a_speaker_pair_by_title():
    score = ev.GoldScore()
    found = [{"speaker": None, "topic": "시니어 금융교육 현황과 과제", "session": "세션2"}]
    ev.score_talks(score, found, [{"session": "세션2", "title": "시니어 금융교육 현황과 과제"}])
    assert score.counts["talks"] == [3, 0, 0]


def test_roles_are_scored_in_the_contract_vocabulary():
    score = ev.GoldScore()
    ev.score_people(score, [{"name": "김하늘", "roles": ["moderator"]}],
                    [{"name": "김하늘", "roles": ["chair", "participant"]}])
    assert score.counts["people"] == [2, 0, 0]       # the person, and chair = moderator


def test_only_key_figures_are_judged():
    score = ev.GoldScore()
    found = [{"text": "42억6천만엔", "value": 4260000000, "unit": "JPY"},
             {"text": "205개", "value": 20, "unit": "개"},
             {"text": "3일", "value": 3, "unit": "일"}]
    ev.score_figures(score, found, [{"text": "42억6천만엔", "value": 4260000000, "unit": "JPY"},
                                    {"text": "205개", "value": 205, "unit": "개"}])
    assert score.counts["figures"] == [1, 1, 1] and score.unjudged_figures == 1
    again = ev.GoldScore()       # a key figure written twice: the second is unjudged, not false
    ev.score_figures(again, [found[0], found[0]], [{"text": "42억6천만엔", "value": 4260000000, "unit": "JPY"}])
    assert again.counts["figures"] == [1, 0, 0] and again.unjudged_figures == 1


def test_countries_written_after_the_last_table_are_read():
    gold = {"people": [{"name": "김하늘", "countries": ["JP"]}]}
    assert ev.gold_countries(gold) == ["JP"]
    assert ev.gold_countries({"countries": ["KR"], "people": []}) == ["KR"]


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.toml")) if GOLD.is_dir() else []


@pytest.mark.skipif(not (SHARED / "corpus").is_dir() or not gold_files(),
                    reason="needs ../shared/corpus and tests/gold annotations")
def test_dev_gold_stays_above_its_floors():
    import pipeline
    score, notes = ev.gold_report(SHARED, GOLD, pipeline.parse_file)
    below = []
    for group, (p_floor, r_floor) in FLOORS.items():
        tp, fp, fn = score.counts[group]
        precision = 100 * tp / (tp + fp) if tp + fp else 100
        recall = 100 * tp / (tp + fn) if tp + fn else 100
        if precision < p_floor or recall < r_floor:
            below.append(f"{group}: precision {precision:.1f}% (floor {p_floor}), recall {recall:.1f}% (floor {r_floor})")
    assert below == [], "\n".join(below)
