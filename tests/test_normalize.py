"""normalize: NFC, the fold table (never NFKC), `?` holes, lines."""
from __future__ import annotations

import pipeline


def text_of(raw: str) -> str:
    return pipeline.parse_text(raw)["text"]


def test_fold_table_not_nfkc():
    # ① Ⅰ and the jamo bullet ㅇ must survive; NBSP, ideographic space, full-width digits fold.
    raw = "① Ⅰ ㅇ\u00a0항목\u3000２０２４년 ～ ‘인용’ – 끝"
    assert text_of(raw) == "① Ⅰ ㅇ 항목 2024년 ~ ‘인용’ - 끝"


def test_nfc_composes_jamo_sequences():
    decomposed = "\u1100\u1161\u11a8"          # ᄀ ᅡ ᆨ → 각
    assert text_of(decomposed + " 문장") == "각 문장"


def test_question_mark_holes_are_repaired_and_recorded():
    record = pipeline.parse_text("정책을 수립?추진하고 5?7% 늘었다. 정말?")
    assert record["text"] == "정책을 수립·추진하고 5~7% 늘었다. 정말?"
    repairs = record["diagnostics"]["repairs"]
    assert [(r["from"], r["to"]) for r in repairs] == [("?", "·"), ("?", "~")]
    for r in repairs:
        start, end = r["span"]
        assert record["text"][start:end] == r["to"]


def test_line_ends_unified():
    assert text_of("가나\r\n다라\r마바") == "가나\n다라\n마바"
