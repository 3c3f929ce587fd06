"""Cost of the sessions and event stages, without clocks (issue 14): calls to lexicon patterns
and function calls, which are the same on an idle and on a loaded machine.

Measured after the work: on the seed, sessions 128 pattern calls (390 before: a label match, a
key search and more on every line), event 54 (80 before) and 778 function calls (1,560 before).
The bounds are ~1.3× the measured figures, so that a return to a scan per line fails."""
from __future__ import annotations

import copy

from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run

from .complexity import operations
from .conftest import SAMPLES
from .script_loader import load_script

SEED = "apec-2004-sme-forum.txt"
BENCH = load_script("bench")


def pattern_calls(data: bytes, path: str, stage: str) -> int:
    """Calls to lexicon patterns `stage` makes in one parse of `data`."""
    return sum(BENCH.pattern_calls(data, path)[stage].values())


def stage_calls(data: bytes, path: str, stage: str) -> int:
    """Function calls one run of `stage` makes, on a document the stages before it prepared."""
    lex = load_lexicon()
    names = [name for name, _ in STAGES]
    k = names.index(stage)
    doc = run(new_document(data, path), lex, STAGES[:k])
    work = STAGES[k][1]
    work(copy.copy(doc), lex)       # warm: patterns compile on first use
    return operations(lambda: work(copy.copy(doc), lex))


def test_sessions_on_the_seed_stay_within_their_pattern_calls():
    assert pattern_calls((SAMPLES / SEED).read_bytes(), SEED, "sessions") <= 170


def test_event_on_the_seed_stays_within_its_pattern_and_function_calls():
    data = (SAMPLES / SEED).read_bytes()
    assert pattern_calls(data, SEED, "event") <= 72
    assert stage_calls(data, SEED, "event") <= 980


def release(lines: int) -> bytes:
    """A release of `lines` bullets naming no session, no talk and no event."""
    body = "".join(f"  ○ 정부는 {i}번째 지원 사업을 국토교통부와 추진한다\n" for i in range(lines))
    return ("가상 보도자료 제목\n\n□ 주요 내용\n" + body).encode("utf-8")


def test_sessions_read_no_line_that_names_no_session():
    # One scan of the text finds the lines with a session key ('세션', '1부'); '정부' and
    # '국토교통부' hold the part word without a number and key nothing. The calls stay put
    # however many such lines the release has.
    few, many = (pattern_calls(release(n), "t.txt", "sessions") for n in (5, 200))
    assert many == few
