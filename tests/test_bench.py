"""The measuring helpers of `make bench` (scripts/bench.py). No timings are asserted here:
times are not pass/fail facts on a shared machine; only what the helpers compute from them."""
from __future__ import annotations

import os

from .script_loader import load_script

bench = load_script("bench", "press_bench")


def test_summary_median_p95_mean():
    found = bench.summary([float(i) for i in range(1, 101)])
    assert found["median"] == 50.5 and found["p95"] == 95.0 and found["mean"] == 50.5 and found["n"] == 100
    assert bench.summary([3.0])["p95"] == 3.0


def test_parse_only_skips_validation_but_runs_every_other_stage():
    names = [name for name, _ in bench.PARSE_STAGES]
    assert "validate" not in names and len(names) == len(bench.STAGES) - 1


def test_stage_split_names_every_stage():
    totals: dict[str, float] = {}
    bench.stage_split("□ 시험 문장입니다.\n".encode(), "<bench>", totals)
    assert list(totals) == [name for name, _ in bench.STAGES]
    assert all(ms >= 0 for ms in totals.values())


def test_tree_memory_sees_this_process():
    rss, pss = bench.tree_memory(os.getpid())
    assert rss > 0 and 0 < pss <= rss


def test_table_aligns_columns():
    lines = bench.table(["a", "bb"], [["xxx", "1"], ["y", "22"]]).splitlines()
    assert len({len(line) for line in lines}) == 1 and lines[1].startswith("---")


def test_pattern_calls_are_counted_per_stage_and_leave_the_lexicon_alone():
    from pipeline.lexicon import load_lexicon
    lex = load_lexicon()
    before = dict(lex.patterns)
    calls = bench.pattern_calls("□ 시험 문장입니다.\n○ 둘째 줄\n".encode(), "<bench>")
    assert list(calls) == [name for name, _ in bench.STAGES]
    assert sum(calls["segment"].values()) > 0 and calls["sniff"] == {}
    assert lex.patterns == before and all(lex.__dict__[name] is p for name, p in before.items())
