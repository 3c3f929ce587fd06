"""Cost of the countries stage, without clocks (issue 14): calls to lexicon patterns and function
calls, which are the same on an idle and on a loaded machine.

Measured after the work, on the seed: 374 pattern calls (504 before) and ~4,550 function calls
(~5,630 before). The bounds sit ~1.1–1.2× above the measured figures, so that a return to the
old cost fails. The body is read for country names in one scan, whatever its number of bullets."""
from __future__ import annotations

import copy

from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run

from .complexity import operations
from .conftest import SAMPLES
from .script_loader import load_script

SEED = "apec-2004-sme-forum.txt"
BENCH = load_script("bench")


def pattern_calls(data: bytes, path: str) -> dict[str, int]:
    """Calls to lexicon patterns the countries stage makes in one parse of `data`, by method."""
    return BENCH.pattern_calls(data, path)["countries"]


def stage_calls(data: bytes, path: str) -> int:
    """Function calls one run of the countries stage makes, on a document the stages before it prepared."""
    lex = load_lexicon()
    k = [name for name, _ in STAGES].index("countries")
    doc = run(new_document(data, path), lex, STAGES[:k])
    work = STAGES[k][1]
    work(copy.copy(doc), lex)       # warm: patterns compile on first use
    return operations(lambda: work(copy.copy(doc), lex))


def release(bullets: int, country: str = "") -> bytes:
    """A release of `bullets` bullets, each naming `country` (or none) in no finding's form."""
    body = "".join(f"  ○ 정부는 {i}번째 지원 사업을 {country}국토교통부와 추진한다\n" for i in range(bullets))
    return ("가상 보도자료 제목\n\n□ 주요 내용\n" + body).encode("utf-8")


def test_the_seed_stays_within_its_pattern_calls():
    assert sum(pattern_calls((SAMPLES / SEED).read_bytes(), SEED).values()) <= 450


def test_the_seed_stays_within_its_function_calls():
    assert stage_calls((SAMPLES / SEED).read_bytes(), SEED) <= 5000


def test_a_release_naming_no_country_costs_one_scan():
    # One scan of the body (COUNTRY_PAIR_SCAN_RE looks behind the body's start itself: no match
    # there first, scan6); no rule runs, whatever the length.
    for bullets in (5, 200):
        assert sum(pattern_calls(release(bullets), "t.txt").values()) == 1
    # The stage stops before indexing the bullets: ~3 calls a bullet (walking the tree and
    # taking its span), 630 for 200 bullets (1,655 before, when every bullet was visited).
    assert stage_calls(release(200), "t.txt") <= 800


def test_names_are_read_in_one_scan_of_the_body():
    # Each bullet naming a country runs its rules (a few matches each), but the names themselves
    # come from a single scan: one finditer however many bullets there are.
    few, many = (pattern_calls(release(n, "미국 "), "t.txt") for n in (5, 200))
    assert few["finditer"] == many["finditer"] == 1
    assert many["match"] + many.get("search", 0) <= 40 * (few["match"] + few.get("search", 0))
