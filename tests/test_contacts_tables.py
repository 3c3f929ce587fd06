"""The cell rule of contacts reads only the tables that may hold contacts: its pattern work
does not grow with a data table's size (operation counts, no clock), and an appendix's table
of units and phones gives no contacts. Built HWPX files (tests/hwp_build.py)."""
from __future__ import annotations

import pytest

import pipeline
from pipeline.stages import contacts

from . import hwp_build as B
from .complexity import count_calls


def contact_table() -> str:
    return B.tbl(
        [B.tc(0, 0, B.p("담당 부서")), B.tc(0, 1, B.p("고용정책과")), B.tc(0, 2, B.p("책임자")),
         B.tc(0, 3, B.p("과  장")), B.tc(0, 4, B.p("한별")), B.tc(0, 5, B.p("(044-555-0101)"))],
        [B.tc(1, 0, B.p("")), B.tc(1, 1, B.p("")), B.tc(1, 2, B.p("담당자")),
         B.tc(1, 3, B.p("사무관")), B.tc(1, 4, B.p("이솔")), B.tc(1, 5, B.p("(044-555-0102)"))],
    )


def data_table(rows: int) -> str:
    return B.tbl(*[[B.tc(r, 0, B.p(f"사업 {r}")), B.tc(r, 1, B.p(f"{r * 7:,}")), B.tc(r, 2, B.p("+12"))]
                   for r in range(rows)])


def release(rows: int) -> bytes:
    return B.hwpx(B.section(
        B.p("보도자료"),
        B.p("보도시점 2026. 3. 2.(월) 12:00"),
        B.p("청년 일자리 예산 확정"),
        B.p("□ 청년 일자리 예산을 확정했다고 밝혔다."),
        B.p(data_table(rows)),
        B.p(contact_table()),
    ))


def cell_reads(monkeypatch: pytest.MonkeyPatch, data: bytes) -> tuple[int, list[str]]:
    calls = count_calls(monkeypatch, contacts, "cell_lines")
    record = pipeline.parse_bytes(data, "cost.hwpx")
    return calls["n"], [c["name"] for c in record["contacts"]]


def test_cell_reads_do_not_grow_with_a_data_table(monkeypatch):
    small, names = cell_reads(monkeypatch, release(20))
    large, names_large = cell_reads(monkeypatch, release(400))
    assert names == names_large == ["한별", "이솔"]
    assert large == small           # 20× the data rows, not one cell read more


def test_an_appendix_table_of_units_and_phones_gives_no_contacts():
    appendix = B.tbl(*[[B.tc(r, 0, B.p(name)), B.tc(r, 1, B.p(unit)), B.tc(r, 2, B.p(phone))]
                       for r, (name, unit, phone) in enumerate([
                           ("청년일자리사업", "청년고용과", "(044-555-0103)"),
                           ("일경험지원사업", "일경험지원과", "(044-555-0104)")])])
    data = B.hwpx(B.section(
        B.p("보도자료"),
        B.p("보도시점 2026. 3. 2.(월) 12:00"),
        B.p("청년 일자리 예산 확정"),
        B.p("□ 청년 일자리 예산을 확정했다고 밝혔다."),
        B.p(contact_table()),
        B.p("참고 1"),
        B.p("사업별 담당 부서"),
        B.p(appendix),
    ))
    record = pipeline.parse_bytes(data, "appendix.hwpx")
    assert [(c["name"], c["phone"]) for c in record["contacts"]] == [("한별", "044-555-0101"), ("이솔", "044-555-0102")]
