"""What the bullets' table cells and segment's header tests cost, counted rather than timed
(issue 14, second pass): lexicon pattern calls per table cell, per header line and on the seed.

Before this pass a table cell cost three pattern calls (a marker, a sentence ending, the end
mark) and a header line's embargo test seven; a cell now costs two, a line opening with no
label's first letter four (the guard, the sentence search and the two date guards)."""
from __future__ import annotations

from pipeline.document import Document
from pipeline.lexicon import load_lexicon
from pipeline.stages import bullets, normalize, segment
from tests.test_cost_fastsegment import SEED, counting_lexicon, prepared, segment_pattern_calls


def appendix_page(cells: int) -> bytes:
    """A release whose appendix page holds a captioned table of `cells` short cells (invented)."""
    rows = "\n".join(("권역", "서울", "부산", "12.5", "1,234", "합계")[i % 6] for i in range(cells))
    return ("산림청\n보도자료\n보도시점  2026. 3. 2.(월) 12:00\n봄철 산불 예방 대책 발표\n"
            "□ 산림청은 감시원을 배치한다.\n\n참고 1\n권역별 배치 현황\n< 권역별 감시원 >\n"
            f"{rows}\n").encode("utf-8")


def bullets_pattern_calls(doc: Document) -> int:
    lex, counts = counting_lexicon()
    bullets.run(doc, lex)
    return counts[0]


def test_a_table_cell_costs_two_pattern_calls():
    small, large = (prepared(appendix_page(n), "case.txt", "bullets") for n in (60, 600))
    calls_small, calls_large = bullets_pattern_calls(small), bullets_pattern_calls(large)
    per_cell = (calls_large - calls_small) / 540
    assert per_cell <= 2.05                                         # 2.0 measured (3.0 before)
    table = large.appendices[0]["sections"][0]
    assert table.kind == "table" and table.text.endswith("합계")


def test_an_unlabelled_header_line_skips_the_label_patterns():
    lex, counts = counting_lexicon()
    line = normalize.split_lines("중소기업 정보화 정책포럼 개최")[0]
    assert not segment.reads_as_embargo(line, lex)
    assert counts[0] <= 4                                           # 4 measured (7 before)


def test_a_line_without_an_at_sign_asks_no_email_pattern():
    lex, counts = counting_lexicon()
    assert not segment.has_email("혁신연구팀 김종윤 연구원", lex)
    assert counts[0] == 0


def test_segment_pattern_calls_on_the_seed_after_the_second_pass():
    doc = prepared(SEED.read_bytes(), SEED.name, "segment")
    assert segment_pattern_calls(doc) <= 330                        # 309 measured (352 before)
