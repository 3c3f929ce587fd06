"""The bad-input corpus: what each file in tests/fixtures/bad/ must yield.

A row is (file, outcome, warnings): outcome is an error code that parse_file must raise, or
"ok" for a schema-valid document whose warnings include `warnings`. Large cases are built in
the tests, not committed.
"""
from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

import pipeline
from pipeline import PipelineError, parse_bytes, parse_file, parse_text

BAD = Path(__file__).resolve().parent / "fixtures" / "bad"
NOT_A_RELEASE = "not_a_press_release"

TABLE = [
    ("empty.txt", "empty_input", ()),
    ("whitespace.txt", "empty_input", ()),
    ("nul-bytes.txt", "unsupported_format", ()),
    ("png-named.txt", "unsupported_format", ()),
    ("pdf-named.txt", "unsupported_format", ()),
    ("hwpx-named.txt", "malformed", ()),       # a cut HWPX package: read, found damaged
    ("bom-only.txt", "ok", (NOT_A_RELEASE,)),
    ("truncated-utf8.txt", "ok", ()),
    ("mixed-utf8-cp949.txt", "ok", ("undecodable_bytes",)),
    ("utf16-bom.txt", "ok", ()),
    ("html-no-body.html", "ok", (NOT_A_RELEASE,)),
    ("unclosed-tags.html", "ok", ()),
    ("cut-header.txt", "ok", ()),
    ("only-markers.txt", "ok", (NOT_A_RELEASE,)),
    ("lone-cr.txt", "ok", ()),
    ("control-chars.txt", "ok", ()),
    ("script-style.html", "ok", ()),
    ("xxe.html", "ok", ()),
    ("billion-laughs.html", "ok", ()),
    ("external-refs.html", "ok", ()),
    ("page-404.html", "ok", (NOT_A_RELEASE,)),
    ("english-article.txt", "ok", (NOT_A_RELEASE,)),
    ("menu-page.html", "ok", (NOT_A_RELEASE,)),
]


def outcome(path: Path) -> tuple[str, dict | None]:
    try:
        return "ok", parse_file(path)
    except PipelineError as exc:
        return exc.code, None


def warning_codes(record: dict) -> set[str]:
    return {w["code"] for w in record["diagnostics"]["warnings"]}


def test_every_fixture_is_in_the_table():
    listed = {row.values[0] if hasattr(row, "values") else row[0] for row in TABLE}
    assert listed == {p.name for p in BAD.iterdir()}


@pytest.mark.parametrize("name, expected, warnings", TABLE)
def test_bad_input_yields_what_the_table_says(name, expected, warnings):
    started = time.perf_counter()
    got, record = outcome(BAD / name)
    assert time.perf_counter() - started < 5
    assert got == expected
    if record is not None:
        assert pipeline.validate(record) == []
        assert set(warnings) <= warning_codes(record)


@pytest.mark.parametrize("name", ["page-404.html", "english-article.txt", "menu-page.html"])
def test_a_non_release_invents_no_release_fields(name):
    record = parse_file(BAD / name)
    release = record["release"]
    assert NOT_A_RELEASE in warning_codes(record)
    assert [release[k] for k in ("kind", "issuer", "title", "subtitle", "embargo", "distributed_at")] == [None] * 6
    assert record["contacts"] == []


def test_hostile_markup_never_reaches_the_text():
    text = parse_file(BAD / "script-style.html")["text"]
    for hidden in ("SCRIPT_TEXT", "COMMENT_TEXT", "NOSCRIPT_TEXT", "body{x}", ".y{}"):
        assert hidden not in text
    assert "본문 내용" in text


def test_entities_are_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    for doctype in (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>',
                    f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret}">]>'):
        record = parse_text(doctype + "<html><body><p>보도자료 &xxe; 끝</p></body></html>")
        assert "TOPSECRET" not in record["text"] and "보도자료" in record["text"]
    laughs = parse_file(BAD / "billion-laughs.html")["text"]
    assert "lollol" not in laughs and len(laughs) < 1000


def test_no_network_is_touched(monkeypatch):
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise OSError("network access during parsing")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    record = parse_file(BAD / "external-refs.html")
    parse_file(BAD / "xxe.html")
    assert calls == [] and "본문" in record["text"]


# --- generated cases ---------------------------------------------------------------------

def timed(data: bytes | str) -> tuple[dict, float]:
    started = time.perf_counter()
    record = parse_text(data) if isinstance(data, str) else parse_bytes(data)
    return record, time.perf_counter() - started


def test_a_50000_line_bullet_list():
    lines = ["보도자료", "", "제 목 : 긴 목록", ""] + [f"{'□○-'[i % 3]} 항목 {i}" for i in range(50_000)]
    record, seconds = timed("\n".join(lines))
    assert seconds < 10 and pipeline.validate(record) == []
    assert record["text"].count("\n") >= 50_000


def test_ten_thousand_levels_of_nesting_keep_their_text():
    markup = "<html><body><p>앞 문단</p>" + "<div>" * 10_000 + "깊은 본문" + "</div>" * 10_000 + "<p>끝 문단</p></body></html>"
    record, seconds = timed(markup)
    assert seconds < 5
    assert "깊은 본문" in record["text"] and "끝 문단" in record["text"]
    assert "markup_too_deep" in warning_codes(record)


def test_a_huge_table():
    rows = "".join(f"<tr><td>{r}</td>" + "<td>셀 내용</td>" * 30 + "</tr>" for r in range(2_000))
    record, seconds = timed(f"<html><body><p>보도자료</p><table>{rows}</table></body></html>")
    assert seconds < 20 and record["text"].count("셀 내용") == 60_000


def test_size_limit_is_a_typed_error(tmp_path):
    assert pipeline.DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    with pytest.raises(pipeline.TooLarge):
        parse_bytes(b"x" * 101, max_bytes=100)
    with pytest.raises(pipeline.TooLarge):
        parse_text("가" * 40, max_bytes=100)      # 120 bytes in UTF-8
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 2048)
    with pytest.raises(pipeline.TooLarge, match="over the limit of 1024"):
        parse_file(big, max_bytes=1024)
    assert parse_file(big, max_bytes=4096)["source"]["bytes"] == 2048


def test_unreadable_paths_are_typed_errors(tmp_path):
    import os
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    for path in (tmp_path, tmp_path / "missing.txt", fifo):
        with pytest.raises(pipeline.Unreadable):
            parse_file(path)


def test_a_str_that_is_not_text():
    with pytest.raises(pipeline.Undecodable, match="surrogate"):
        parse_text("보도자료 \ud800 끝")
