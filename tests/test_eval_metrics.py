"""The agreement metrics of `make eval` (scripts/eval.py), on tiny records written here."""
from __future__ import annotations

import pytest

from .script_loader import load_script


def load_eval():
    return load_script("eval", "press_eval")


ev = load_eval()


def node(marker, start, children=()):
    return {"marker": marker, "span": [start, start + 3], "children": list(children)}


def test_split_record_keeps_only_the_body():
    record = ('---\ntitle: "새 정책 발표"\nministry: "환경부"\n---\n\n# 새 정책 발표\n\n- 배포일: x\n\n'
              '## 본문\n\n새 정책 발표\n\n□ 내용\n\n## 출처\n\n- 정책브리핑 보도자료 API\n')
    title, body = ev.split_record(record)
    assert title == "새 정책 발표"
    assert body == "새 정책 발표\n\n□ 내용\n"


def test_split_record_stops_at_the_links_footer_too():
    record = '---\ntitle: "x"\n---\n## 본문\n\n본문 한 줄\n\n## 첨부/링크\n\n- [www.a.kr](http://www.a.kr)\n\n## 출처\n'
    assert ev.split_record(record)[1] == "본문 한 줄\n"


def test_split_record_without_body_gives_empty_text():
    assert ev.split_record('---\ntitle: "x"\n---\n# x\n') == ("x", "")


def test_same_title_ignores_spaces_and_portal_tag():
    assert ev.same_title("양식 전략품목을 선정한다", "양식전략품목을 선정한다")
    assert ev.same_title("사용후핵연료 관리는 국가적 과제", "(설명자료)사용후핵연료 관리는 국가적 과제")
    assert not ev.same_title("전혀 다른 제목입니다", "양식 전략품목을 선정한다")
    assert not ev.same_title(None, "양식 전략품목을 선정한다")


def test_title_in_lead_finds_one_line_or_two_joined():
    body = "환경부\n보도자료\n\n폭언과 폭력 대신\n감사와 응원으로\n\n본문 문장이다.\n"
    assert ev.title_in_lead(body, "폭언과 폭력 대신 감사와 응원으로") == "폭언과 폭력 대신 감사와 응원으로"
    assert ev.title_in_lead("본문 문장이다.\n", "폭언과 폭력 대신 감사와 응원으로") is None


def test_title_in_lead_looks_only_at_the_first_lines():
    body = "\n".join(f"문장 {i}." for i in range(20)) + "\n늦게 나온 제목\n"
    assert ev.title_in_lead(body, "늦게 나온 제목", scan=12) is None


@pytest.mark.parametrize("found, outcome", [("새 정책 발표", "match"), ("다른 것", "miss"), (None, "miss")])
def test_title_outcome_where_the_body_carries_the_title(found, outcome):
    record = {"release": {"title": found}}
    assert ev.title_outcome(record, "새 정책 발표\n본문이다.\n", "새 정책 발표")["outcome"] == outcome


@pytest.mark.parametrize("found, outcome", [
    (None, "null"),
    ("환경부는 21일 설명회를 개최한다고 밝혔다.", "false"),
    ("윤 대통령·한 총리, 주례회동 개최", "other"),
])
def test_title_outcome_where_the_body_lacks_the_title(found, outcome):
    record = {"release": {"title": found}}
    body = "환경부는 21일 설명회를 개최한다고 밝혔다.\n"
    assert ev.title_outcome(record, body, "주례회동(11.6)")["outcome"] == outcome


def test_title_outcome_without_expected_title_is_not_counted():
    assert ev.title_outcome({"release": {}}, "본문\n", None) is None


def test_phone_outcome():
    text = "담당자 김철수 (044-201-3333)\n"
    assert ev.phone_outcome({"contacts": [{"phone": "044-201-3333"}]}, text)["outcome"] == "match"
    assert ev.phone_outcome({"contacts": [{"phone": None}]}, text)["outcome"] == "miss"
    assert ev.phone_outcome({"contacts": []}, "전화 없음, 2024. 3. 5. 기준 1,234명\n") is None


@pytest.mark.parametrize("written", ["02)3787-0433", "(044)201-3333", "044-201-3333", "051-609 - 1234"])
def test_phone_pattern_reads_written_forms(written):
    assert ev.PHONE_RE.search(f"문의 {written} 끝")


def test_square_outcome_counts_lines_opening_square_nodes():
    text = "제목\n□ 첫째\n  ○ 둘째\n□ 셋째\n"
    first, third = text.index("□ 첫째"), text.index("□ 셋째")
    record = {"text": text, "sections": [node("□", first, [node("○", text.index("○"))])],
              "appendices": [{"sections": [node("□", third)]}]}
    assert ev.square_outcome(record)["found"] == 2
    record["appendices"] = []
    result = ev.square_outcome(record)
    assert (result["found"], result["total"], result["outcome"]) == (1, 2, "miss")
    assert result["missed"] == ["□ 셋째"]


def test_square_outcome_without_squares_is_not_counted():
    assert ev.square_outcome({"text": "○ 하나\n", "sections": []}) is None


def test_embargo_outcome():
    text = "보도자료\n보 도 시 점\n2025. 5. 21.(수) 12:00\n"
    good = {"text": text, "release": {"embargo": {"date": "2025-05-21"}}}
    assert ev.embargo_outcome(good)["outcome"] == "match"
    assert ev.embargo_outcome({"text": text, "release": {"embargo": None}})["outcome"] == "miss"
    assert ev.embargo_outcome({"text": "배포 즉시\n", "release": {}}) is None


def test_a_conditional_embargo_is_matched_by_its_text_without_a_date():
    text = "보도자료\n보도시점\n본회의 통과시(별도통보)\n배포\n2026. 5. 7.(목)\n"
    kept = {"text": text, "release": {"embargo": {"date": None, "text": "본회의 통과시(별도통보)"}}}
    assert ev.embargo_outcome(kept)["outcome"] == "match"
    invented = {"text": text, "release": {"embargo": {"date": "2026-05-07", "text": "본회의 통과시(별도통보)"}}}
    assert ev.embargo_outcome(invented)["outcome"] == "miss"
    assert ev.embargo_outcome({"text": text, "release": {"embargo": None}})["outcome"] == "miss"
    immediate = "보도자료\n보도시점\n배포 즉시\n배포\n2026. 5. 7.(목)\n"
    dated = {"date": "2026-05-07", "edition": "immediate", "text": "배포 즉시"}
    assert ev.embargo_outcome({"text": immediate, "release": {"embargo": dated}})["outcome"] == "match"


def test_tally_and_table():
    tally = ev.Tally()
    ev.add(tally, {"status": "ok", "schema_errors": [], "seconds": 0.5,
                   "metrics": {"square": {"outcome": "miss", "found": 1, "total": 2}}})
    ev.add(tally, {"status": "crash", "seconds": 0.5})
    rows = dict(ev.table_rows(tally))
    assert rows["crash-free"].strip().startswith("50.0%")
    assert rows["□ lines (target >= 98%)"].strip().startswith("50.0%")
    assert rows["docs/s"] == "2.0"


def test_main_skips_without_shared(tmp_path, capsys):
    assert ev.main(["--shared", str(tmp_path / "absent"), "--output", str(tmp_path / "out")]) == 0
    assert "skipped" in capsys.readouterr().out


# --- govpress: ground truth and MANIFEST ---------------------------------------------------

GROUND_TRUTH = ("# 제목\n\n- 부처: 환경부\n\n## 본문\n\n| 환경부 | 보도자료 |\n| --- | --- |\n\n"
                "정부는 새 정책을 발표했다.\n\n## 담당 부서\n\n- 담당 부서: 기후과 / 과장 홍길동\n\n"
                "## 붙임 설명자료\n\n## 첨부파일\n\n- 파일.hwpx\n")


def test_ground_truth_body_drops_contacts_attachments_and_syntax():
    words = ev.ground_truth_body(GROUND_TRUTH).split()
    assert words == ["환경부", "보도자료", "정부는", "새", "정책을", "발표했다.", "붙임", "설명자료"]


def test_recall_counts_words_as_a_bag_and_ignores_spacing_and_dot_forms():
    truth = "## 본문\n\n정책 발표 정책 ㆍ 수립‧추진 \U000f02b1\n"
    full = ev.recall_outcome({"text": "정책발표 정책 · 수립·추진"}, truth)
    assert (full["found"], full["total"]) == (5, 5)
    half = ev.recall_outcome({"text": "정책 발표"}, truth)
    assert (half["found"], half["total"]) == (2, 5)
    assert ev.recall_outcome({"text": ""}, None) is None


def test_header_outcomes_against_the_manifest():
    case = ev.GovCase("govpress", "1.hwpx", b"", "(참고) 새 정책 발표", "환경부", None)
    record = {"text": "보도시점\n2026. 4. 14.(화) 조간\n배포\n2026. 4. 13.(월) 12:00\n",
              "release": {"title": "새 정책 발표", "kind": "보도참고자료", "issuer": {"name": "환 경 부"},
                          "embargo": {"date": "2026-04-14"}, "distributed_at": None}}
    got = {k: v["outcome"] for k, v in ev.header_outcomes(record, case).items()}
    assert got == {"gov_title": "match", "gov_kind": "match", "gov_issuer": "match", "gov_embargo": "match",
                   "gov_distributed": "miss", "gov_issuer_or_supervisor": "match"}


def test_a_public_body_matches_its_ministry_only_on_the_supervisor_line():
    case = ev.GovCase("govpress", "1.hwpx", b"", "교육 과정 재개", "고용노동부", None)
    body = {"name": "한국시험교육원", "supervisor": {"name": "고용노동부"}}
    got = {k: v["outcome"] for k, v in ev.header_outcomes({"text": "", "release": {"issuer": body}}, case).items()}
    assert (got["gov_issuer"], got["gov_issuer_or_supervisor"]) == ("miss", "match")
    other = {"name": "한국시험교육원", "supervisor": {"name": "보건복지부"}}
    got = ev.header_outcomes({"text": "", "release": {"issuer": other}}, case)
    assert got["gov_issuer_or_supervisor"]["outcome"] == "miss"


def test_a_plain_release_kind_does_not_satisfy_a_reference_tag():
    case = ev.GovCase("govpress", "1.hwpx", b"", "[참고] 공사 지연", None, None)
    got = ev.header_outcomes({"text": "", "release": {"title": "공사 지연", "kind": "보도자료"}}, case)
    assert got["gov_kind"]["outcome"] == "miss"


def test_labels_without_a_date_are_not_counted():
    assert ev.label_with_date("보도시점\n배포 즉시\n", ev.EMBARGO_LABEL_RE) is None
    assert ev.label_with_date("배포 즉시 보도\n", ev.DISTRIBUTED_LABEL_RE) is None


# --- header metrics (issue 11) ------------------------------------------------------------

def test_expected_kind_from_the_tag_or_a_kind_word_line():
    assert ev.expected_kind("[보도참고] 회의 결과", "") == "보도참고자료"
    assert ev.expected_kind("(설명) 보도 관련", "") == "설명자료"
    assert ev.expected_kind("[부처합동] 대책", "") is None
    assert ev.expected_kind("회의 결과", "환경부\n보 도 자 료\n보도시점 …") == "보도자료"
    assert ev.expected_kind("회의 결과", "보도자료를 첨부합니다") is None


def test_contact_people_counts_phones_per_row_of_a_contact_table():
    table = [(0, None, ["담당 부서"]), (0, None, ["정책과"]), (0, None, ["책임자"]), (0, None, ["과장"]),
             (0, None, ["홍길동"]), (0, None, ["(044-201-0000)"]),
             (1, None, ["담당자"]), (1, None, ["사무관", "주무관"]), (1, None, ["김가람", "이나래"]),
             (1, None, ["(044-201-0001)", "(044-201-0002)"])]
    other = [(0, None, ["구분"]), (0, None, ["02-123-4567"])]
    assert ev.contact_people([table, other]) == 3


def test_manifest_issuer_matches_a_word_or_the_current_name():
    record = {"release": {"issuer": {"name": "기획재정부", "canonical": "재정경제부"}}}
    assert ev.manifest_issuer_outcome(record, "기획재정부 대외경제국 국제경제과")["outcome"] == "match"
    record = {"release": {"issuer": {"name": "담양군"}}}
    assert ev.manifest_issuer_outcome(record, "전라남도 담양군 참여소통실")["outcome"] == "match"
    record = {"release": {"issuer": {"name": "과학기술정보통신부"}}}
    assert ev.manifest_issuer_outcome(record, "전라남도 담양군 참여소통실")["outcome"] == "miss"


def test_dated_value_stops_at_the_next_label():
    assert ev.dated_value("보도시점 본회의 통과시(별도통보) 배포 2026. 5. 7.(목)", ev.EMBARGO_LABEL_RE) is None
    assert ev.dated_value("보도시점 2026. 5. 7.(목) 12:00 배포 2026. 5. 6.", ev.EMBARGO_LABEL_RE)


def test_record_title_outcome_tells_false_titles_from_other_headlines():
    assert ev.record_title_outcome({"release": {"title": "배포일: 05/04/2020"}}, "과장급 인사")["outcome"] == "false"
    assert ev.record_title_outcome({"release": {"title": "청년 지원 확대"}}, "과장급 인사")["outcome"] == "other"
    assert ev.record_title_outcome({"release": {"title": None}}, "과장급 인사")["outcome"] == "miss"


def test_same_document_tells_another_attachment_from_the_release():
    truth = "# 제목\n\n## 본문\n\n가나다라마바사아자차카타파하 회의를 개최하였다 오늘 오후\n짧은 줄\n"
    assert ev.same_document("…가나다라마바사아자차카타파하 회의를 개최하였다 오늘…", truth)
    assert not ev.same_document("지금부터 회의를 시작하겠습니다. 모두발언 원고입니다.", truth)
    assert ev.same_document("무엇이든", "## 본문\n짧은 줄\n")      # nothing long to compare


def test_the_held_out_table_lists_no_miss_unless_asked():
    """`make eval` shows rule writers the held-out set's figures, never its forms."""
    score = ev.GoldScore()
    score.hit("people")
    score.miss("people", "person '가나다'")
    score.extra("event", "name '라마 회의'")
    table = ev.render_gold(score, ["a note"], itemized=False)
    assert "50.0% (1/2)" in table and "가나다" not in table and "라마" not in table
    listed = ev.render_gold(score, ["a note"])
    assert "가나다" in listed and "라마" in listed
