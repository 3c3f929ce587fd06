"""What sniff and decode cost, counted rather than timed (issue 14).

Per process: reading the charset an HTML page declares used to import bs4 (~60 ms of CPU, a
quarter of a CLI run on one page); our own prescan imports nothing. Sniff and render import
the HWP reader, and with it olefile (~10 ms), only for OLE bytes. Per document: a head with
no "<meta " skips the tag walk after one search, and the stages make about as many calls as
before. Bounds are ~1.3x what was measured after the work (sniff and decode on the seed HTML:
88 calls, on the seed CP949 page 91, on the seed text 70; with bs4's detector 86, 85 and 72)."""
from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.runner import new_document
from pipeline.stages import decode, sniff
from tests.complexity import operations

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "apec-2004-sme-forum"
HEAVY_IMPORTS = ("bs4", "soupsieve", "charset_normalizer", "olefile")
CALL_BOUNDS = {".txt": 95, ".html": 120, ".cp949.html": 120}


def imported_after_parse(path: Path) -> list[str]:
    """Top-level modules of HEAVY_IMPORTS a fresh interpreter holds after parsing `path`."""
    code = ("import sys, pipeline; from pathlib import Path; p = Path(sys.argv[1]);"
            "pipeline.parse_bytes(p.read_bytes(), p.name);"
            f"print(' '.join(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY_IMPORTS)!r})))")
    done = subprocess.run([sys.executable, "-c", code, str(path)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=True)
    return done.stdout.split()


@pytest.mark.parametrize("suffix", [".html", ".cp949.html", ".txt"])
def test_a_parse_imports_no_charset_library(suffix: str) -> None:
    """The declared charset (utf-8, euc-kr) and the text's encoding are found without bs4,
    charset-normalizer is imported only for bytes that are neither UTF-8 nor CP949, and
    olefile only for an OLE file."""
    assert imported_after_parse(SEED.with_name(SEED.name + suffix)) == []


def test_an_hwp_file_still_gets_its_reader() -> None:
    assert imported_after_parse(ROOT / "samples" / "motie-2026-supplementary-budget.hwp") == ["olefile"]


@pytest.mark.parametrize("suffix", sorted(CALL_BOUNDS))
def test_sniff_and_decode_calls_on_the_seed(suffix: str) -> None:
    data, lex = SEED.with_name(SEED.name + suffix).read_bytes(), load_lexicon()

    def both() -> None:
        doc = new_document(data, "seed" + suffix)
        sniff.run(doc, lex)
        decode.run(doc, lex)
    both()     # patterns compiled, codecs looked up
    assert operations(both) <= CALL_BOUNDS[suffix]


class CountingPattern:
    """A lexicon pattern that counts the calls made to it, by pattern name."""

    def __init__(self, name: str, pattern: Any, counts: dict[str, int]) -> None:
        self._name, self._pattern, self._counts = name, pattern, counts

    def __getattr__(self, attr: str) -> Any:
        found = getattr(self._pattern, attr)
        if not callable(found):
            return found

        def counted(*args: Any, **kwargs: Any) -> Any:
            self._counts[self._name] = self._counts.get(self._name, 0) + 1
            return found(*args, **kwargs)
        return counted


def counting_lexicon() -> tuple[Lexicon, dict[str, int]]:
    lex, counts = load_lexicon(), {}
    counting = copy.copy(lex)
    counting.__dict__.update({name: CountingPattern(name, lex.patterns[name], counts) for name in lex.patterns})
    return counting, counts


def test_a_head_without_meta_is_not_walked() -> None:
    """Hundreds of tags and no <meta>: one search, no walk, the XML check."""
    head = b"<div class='body'>" + b"<p>news <b>item</b></p>" * 170 + b"</div>"
    lex, counts = counting_lexicon()
    assert decode.match_declared(head, lex) is None
    assert counts == {"META_START_RE": 1, "XML_ENCODING_RE": 1}


def test_the_walk_stops_at_the_declaring_meta() -> None:
    """One walk over the tags, one attribute scan for each <meta> up to the declaring one (and a
    look for a charset in the content of the first)."""
    head = b"<html><head><title>t</title><meta name=a content=b><meta charset=euc-kr>" + b"<p>x</p>" * 400
    lex, counts = counting_lexicon()
    assert decode.match_declared(head, lex) == "cp949"
    assert counts == {"META_START_RE": 1, "PRESCAN_RE": 1, "META_ATTRIBUTE_RE": 2, "CONTENT_CHARSET_RE": 1}
