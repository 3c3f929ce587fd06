"""Issue 14, helper "fastbatch": start-up (the on-disk cache of compiled lexicon patterns),
the batch engine's work per input beyond the parse, assemble and validate. Costs are counted
(function calls, compiler calls), never timed."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.batch as batch
from pipeline import parse_bytes, patterncache
from pipeline.lexicon import PatternSource, alternation, load_lexicon
from pipeline.patterncache import PatternCache
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import assemble, validate

from .complexity import operations
from .conftest import ROOT, SAMPLES

SEED = (SAMPLES / "apec-2004-sme-forum.txt").read_bytes()
KEYS = [(r"(?P<phone>0\d{1,2})-(?P<rest>\d{3,4}-\d{4})", 0), (r"보\s*도\s*자\s*료", 0),
        (r"^\s*<(?:html|\?xml)\b", int(re.IGNORECASE | re.DOTALL)), (r"(?P<a>가)|(?P<b>나)", 0)]


def lexicon_keys() -> list[tuple[str, int]]:
    return [(s.source, int(s.flags)) for s in load_lexicon().patterns._sources.values() if isinstance(s, PatternSource)]


class CountingCompiler:
    """Counts calls to re's compiler (what the cache saves)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        compile_ = re._compiler.compile

        def counted(*args, **kwargs):
            self.calls += 1
            return compile_(*args, **kwargs)
        monkeypatch.setattr(re._compiler, "compile", counted)


# --- the pattern cache ------------------------------------------------------------------------

def test_a_cached_pattern_is_the_pattern_re_compile_makes(tmp_path):
    path = tmp_path / "patterns.bin"
    assert PatternCache(path).rebuild(KEYS)
    cache = PatternCache(path)
    assert set(cache.entries) == set(KEYS)
    for source, flags in KEYS:
        made, reference = cache.compile(source, flags), re.compile(source, flags)
        assert made == reference and made.groupindex == reference.groupindex and made.flags == reference.flags
    assert cache.compile(*KEYS[0]).search("전화 02-3787-0433").group("rest") == "3787-0433"


def test_a_warm_cache_compiles_nothing(tmp_path, monkeypatch):
    path = tmp_path / "patterns.bin"
    PatternCache(path).rebuild(KEYS)
    cache = PatternCache(path)
    re.purge()
    counter = CountingCompiler(monkeypatch)
    for key in KEYS:
        cache.compile(*key)
    assert counter.calls == 0
    cache.compile(r"(?P<new>다)", 0)          # not in the cache: compiled as usual
    assert counter.calls == 1


def test_every_lexicon_pattern_round_trips_through_the_cache(tmp_path, monkeypatch):
    path = tmp_path / "patterns.bin"
    keys = lexicon_keys()
    assert len(keys) > 200 and PatternCache(path).rebuild(keys)
    cache = PatternCache(path)
    re.purge()
    counter = CountingCompiler(monkeypatch)
    made = [cache.compile(*key) for key in keys]
    assert counter.calls == 0
    for pattern, (source, flags) in zip(made, keys):
        assert patterncache.same_pattern(pattern, re.compile(source, flags)), source[:80]


def test_rebuild_keeps_only_the_patterns_given(tmp_path):
    path = tmp_path / "patterns.bin"
    PatternCache(path).rebuild(KEYS)
    PatternCache(path).rebuild(KEYS[:2])
    assert set(PatternCache(path).entries) == set(KEYS[:2])


@pytest.mark.parametrize("content", [b"", b"not marshal data", marshal.dumps((("old", 0), {})),
                                     marshal.dumps([1, 2, 3]), marshal.dumps((("x",), "not a dict"))])
def test_a_damaged_or_foreign_file_is_ignored(tmp_path, content):
    path = tmp_path / "patterns.bin"
    path.write_bytes(content)
    cache = PatternCache(path)
    assert cache.entries == {}
    assert cache.compile(*KEYS[1]).fullmatch("보 도 자료")


def test_another_interpreter_ignores_the_file(tmp_path, monkeypatch):
    path = tmp_path / "patterns.bin"
    PatternCache(path).rebuild(KEYS)
    monkeypatch.setattr(patterncache, "header", lambda: (patterncache.FORMAT, "another Python", 0, 4))
    assert PatternCache(path).entries == {}


def test_a_damaged_entry_falls_back_to_compiling(tmp_path):
    path = tmp_path / "patterns.bin"
    cache = PatternCache(path)
    cache.rebuild(KEYS)
    flags, code, groups, groupindex, indexgroup = cache.entries[KEYS[0]]
    cache.entries[KEYS[0]] = (flags, code[: len(code) // 2], groups, groupindex, indexgroup)
    assert cache.compile(*KEYS[0]) == re.compile(*KEYS[0])


def test_nothing_is_written_where_bytecode_would_not_be(tmp_path, monkeypatch):
    cache = PatternCache(tmp_path / "__pycache__" / "patterns.bin")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    assert cache.writable()
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert not cache.writable()
    assert not PatternCache(None).writable() and PatternCache(None).compile(*KEYS[1]).search("보도자료")


def test_load_lexicon_writes_the_cache_once(tmp_path, monkeypatch):
    path = tmp_path / "__pycache__" / "patterns.bin"
    cache = PatternCache(path)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    monkeypatch.setattr(patterncache, "shared", lambda: cache)
    lex = load_lexicon.__wrapped__()
    assert path.is_file() and set(cache.entries) == set(lexicon_keys())
    stamp = path.stat().st_mtime_ns
    load_lexicon.__wrapped__()                         # every pattern is there: not written again
    assert path.stat().st_mtime_ns == stamp
    assert not [name for name in lex.patterns if name in lex.__dict__]     # still compiled on first use


@settings(max_examples=50, deadline=None)
@given(st.lists(st.text(alphabet="가나다ab", min_size=1, max_size=4), min_size=1, max_size=12), st.randoms())
def test_alternation_does_not_depend_on_the_order_of_its_words(words, rnd):
    shuffled = list(words)
    rnd.shuffle(shuffled)
    assert alternation(shuffled) == alternation(words)
    assert alternation(shuffled, spaced=True) == alternation(words, spaced=True)


def test_pattern_sources_are_the_same_in_every_process():
    """A source built from a set's order differs between processes (string hashes are salted
    per process), and then never hits the cache: every process would compile it again."""
    script = ("import hashlib; from pipeline.lexicon import load_lexicon, PatternSource; "
              "lex = load_lexicon(); print(hashlib.sha256(repr(sorted((n, s.source, int(s.flags)) "
              "for n, s in lex.patterns._sources.items() if isinstance(s, PatternSource))).encode()).hexdigest())")
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"}
        digests.add(subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True,
                                   text=True, check=True).stdout)
    assert len(digests) == 1


def test_the_cache_lives_beside_the_bytecode():
    path = patterncache.default_path()
    assert path is not None and path.parent.name == "__pycache__" and sys.implementation.cache_tag in path.name


# --- costs per document -----------------------------------------------------------------------

def test_assemble_and_validate_stay_cheap():
    """Measured 384 and 4 calls on the seed text; a regression to building the record twice
    or validating twice fails."""
    lex = load_lexicon()
    doc = run(new_document(SEED, "seed.txt"), lex, stages=STAGES[:-2])
    assemble.run(doc, lex)
    validate.run(doc, lex)          # warm: the validator is built once per process
    assert operations(lambda: assemble.run(doc, lex)) <= 500
    assert operations(lambda: validate.run(doc, lex)) <= 10


def test_batch_adds_few_calls_per_input_beyond_the_parse(tmp_path):
    """Reading, hashing, serializing, the atomic write and the index record of one input:
    ~310 calls beyond the parse when measured (the parse itself makes ~15,000)."""
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "seed.txt").write_bytes(SEED)
    (out / batch.PARTIAL_DIR).mkdir(parents=True)
    folder, job = batch.OutDir(out), batch.Job(out)
    task = batch.Task(str(src / "sub" / "seed.txt"), "sub/seed.txt.json")
    try:
        assert batch.convert_one(task, job, folder)["status"] == "ok"      # warm: folders exist
        beyond = operations(lambda: batch.convert_one(task, job, folder)) - operations(lambda: parse_bytes(SEED, task.path))
    finally:
        folder.close()
    assert beyond <= 400


# --- the cache of parsed data files -------------------------------------------------------------

def test_parsed_data_comes_back_equal_and_fresh(tmp_path, monkeypatch):
    from pipeline import datacache
    path = tmp_path / "data.bin"
    cache = datacache.DataCache(path)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    raw = "[a]\nwords = ['보도자료', '해명자료']\nlimit = 3\nratio = 0.25\n".encode()
    parsed = cache.value("x.toml", raw, datacache.parse_toml)
    assert path.is_file() and not cache.save()               # written at once, then nothing new
    again = datacache.DataCache(path)
    first = again.value("x.toml", raw, lambda data: pytest.fail("parsed again"))
    assert first == parsed and list(first["a"]) == ["words", "limit", "ratio"]
    first["a"]["words"].append("changed")                     # a caller's change stays its own
    assert again.value("x.toml", raw, lambda data: pytest.fail("parsed again")) == parsed
    edited = raw.replace(b"3", b"4")
    assert again.value("x.toml", edited, datacache.parse_toml)["a"]["limit"] == 4


def test_a_value_marshal_cannot_write_is_parsed_every_time(tmp_path):
    from pipeline import datacache
    cache = datacache.DataCache(tmp_path / "data.bin")
    raw = b"day = 2004-07-15\n"
    assert str(cache.value("d.toml", raw, datacache.parse_toml)["day"]) == "2004-07-15"
    assert "d.toml" not in cache.entries


def test_read_toml_gives_what_tomllib_gives():
    import tomllib
    from pipeline.lexicon import DATA, read_toml
    for entry in DATA.iterdir():
        if entry.name.endswith(".toml"):
            assert read_toml(entry.name) == tomllib.loads(entry.read_text(encoding="utf-8")), entry.name
