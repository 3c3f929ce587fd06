"""The generated hanja reading table (data/hanja.tsv from Unihan kHangul) and how it is read."""
from __future__ import annotations

import pytest

from pipeline.text import hanja_readings, read_hanja

from .script_loader import load_script

gen_hanja = load_script("gen_hanja")


@pytest.mark.parametrize("value, expected", [
    ("배:0N 북:0E", "북"),               # the educational reading wins
    ("낙:0 락:0E 악:0N 요:0N", "락"),
    ("거:0E 차:0N", "거"),
    ("부:0N 불:0E", "불"),
    ("섭:0N 엽:0E", "엽"),
    ("온:N 은:N", "온"),                 # no E: the first N
    ("경:0EN", "경"),
    ("가:1 나:0", "가"),                 # no flag at all: the first listed
])
def test_the_reading_kept_from_a_khangul_value(value, expected):
    assert gen_hanja.pick(value) == expected


def test_an_unexpected_khangul_value_stops_the_script():
    with pytest.raises(ValueError):
        gen_hanja.pick("x:0E")


def test_the_table_is_well_formed():
    table = hanja_readings()
    assert len(table) > 8_000
    assert all(len(h) == 1 and 1 <= len(r) <= 2 and all("\uac00" <= c <= "\ud7a3" for c in r)
               for h, r in table.items())
    assert [table[c] for c in "白李北樂金"] == ["백", "리", "북", "락", "금"]   # dictionary forms


@pytest.mark.parametrize("hanja, hangul", [
    ("廳長", "청장"),
    ("勞動部長官", "노동부장관"),     # initial-sound rule at the start of a word
    ("理事長", "이사장"),
    ("比率", "비율"),                 # 률 after a vowel → 율
    ("先烈", "선열"),                 # 렬 after ㄴ → 열
    ("效率", "효율"),
    ("成立", "성립"),                 # after another consonant nothing changes
    ("部 長官", "부 장관"),
    ("X領", "X령"),                   # a Latin letter before: not the start of a word
    ("領土", "영토"),
    ("國", "국"),
])
def test_read_hanja(hanja, hangul):
    assert read_hanja(hanja) == hangul
