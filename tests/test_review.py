"""The review page without a browser: escaping, nesting, what is highlighted, the CLI and the index."""
from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given, settings, strategies as st

from pipeline import PipelineError, parse_file, parse_text
from pipeline.review import (KINDS, Mark, Marks, csp_hash, marks_per_range, page_name, render_range,
                             render_record, write_review, index_row, summary_row)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "apec-2004-sme-forum.txt"
HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> \" ' & </div></span>"


class Page(HTMLParser):
    """Every start tag, and for the text pane each character with the marks open over it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.stack: list[tuple[str, str | None]] = []     # inside the text pane: (tag, data-m)
        self.depth = 0                                    # open elements below div.src-text
        self.in_pane = False
        self.in_script = False
        self.chars: list[tuple[str, frozenset[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        self.in_script = tag == "script"
        if self.in_pane:
            self.stack.append((tag, a.get("data-m")))
        elif tag == "div" and a.get("class") == "src-text":
            self.in_pane = True

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False
        if not self.in_pane:
            return
        if not self.stack:
            assert tag == "div"
            self.in_pane = False
            return
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts.append(data)
        if self.in_pane:
            open_marks = frozenset(m for _, m in self.stack if m)
            self.chars += [(ch, open_marks) for ch in data]

    @property
    def text(self) -> str:
        return "".join(ch for ch, _ in self.chars)


def page_of(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def record_with(text: str, **fields) -> dict:
    return {"text": text, "release": {}, **fields}


# --- escaping --------------------------------------------------------------------------------

def test_hostile_release_is_text_not_markup():
    release = f"보도자료\n\n{HOSTILE}\n\n□ 본문 {HOSTILE} 입니다.\n"
    record = parse_text(release, path=f"evil{HOSTILE}.txt")
    html = render_record(record)
    page = page_of(html)
    assert [t for t, _ in page.tags].count("script") == 1          # ours, at the end
    assert "img" not in [t for t, _ in page.tags]
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert page.text == record["text"] and HOSTILE in page.text
    assert "<script>alert" not in html and "<img" not in html


def test_hostile_values_in_every_field_are_escaped():
    text = f"{HOSTILE} 전대성 {HOSTILE}"
    span = [len(HOSTILE) + 1, len(HOSTILE) + 4]
    record = record_with(
        text, source={"path": HOSTILE},
        release={"title": HOSTILE, "kind": HOSTILE, "spans": {"title": [0, len(HOSTILE)]},
                 "issuer": {"name": HOSTILE, "website": HOSTILE, "span": span}},
        contacts=[{"name": HOSTILE, "title": HOSTILE, "phone": HOSTILE, "email": HOSTILE, "span": span}],
        sections=[{"marker": HOSTILE, "level": 1, "text": HOSTILE, "span": span, "children": []}],
        countries=[{"name": HOSTILE, "iso_code": HOSTILE, "findings": [{"text": HOSTILE, "span": span}],
                    "figures": [{"text": HOSTILE, "value": HOSTILE, "unit": HOSTILE, "span": span}]}],
        diagnostics={"warnings": [{"code": HOSTILE, "message": HOSTILE, "span": span}],
                     "repairs": [{"kind": HOSTILE, "from": HOSTILE, "to": HOSTILE, "span": span}]})
    html = render_record(record)
    page = page_of(html)
    assert [t for t, _ in page.tags].count("script") == 1
    assert "img" not in [t for t, _ in page.tags]
    assert not any(k.startswith("on") for _, attrs in page.tags for k in attrs)
    assert "<script>alert" not in html and "<img" not in html


def test_the_page_allows_only_its_own_script_and_style():
    html = render_record(parse_file(SEED))
    page = page_of(html)
    csp = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert f"script-src '{csp_hash(page.scripts[0])}'" in csp and "default-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert not any(a.get("src") or (a.get("href") and t == "link") for t, a in page.tags)   # nothing fetched
    assert "http://" not in "".join(page.scripts) and "https://" not in "".join(page.scripts)


# --- what the seed's page shows ----------------------------------------------------------------

def marks_by_kind(page: Page, html: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for tag, attrs in page.tags:
        if tag == "span" and attrs.get("data-m"):
            kind = next(c[2:] for c in attrs["class"].split() if c.startswith("k-"))
            found.setdefault(kind, set()).add(attrs["data-m"])
    return found


def covered(page: Page, ident: str) -> str:
    return "".join(ch for ch, marks in page.chars if ident in marks)


def test_seed_page_highlights_title_contacts_and_every_country():
    record = parse_file(SEED)
    html = render_record(record)
    page = page_of(html)
    assert page.text == record["text"]
    targets = {a["data-target"] for t, a in page.tags if a.get("data-target")}
    kinds = marks_by_kind(page, html)
    assert len(kinds["title"]) == 1 and covered(page, next(iter(kinds["title"]))) == record["release"]["title"]
    assert len(kinds["contact"]) == len(record["contacts"]) == 2
    countries = [a for t, a in page.tags if t == "div" and "country" in (a.get("class") or "")]
    assert len(countries) == len(record["countries"]) == 11
    assert len(kinds["finding"]) >= 11 and kinds["finding"] <= targets
    every_span_kind = {k for k, _, style in KINDS}
    assert set(kinds) <= every_span_kind


def test_every_mark_covers_exactly_its_span():
    record = parse_file(SEED)
    marks = Marks(record["text"])
    html = render_record(record)
    page = page_of(html)
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    for i, (_, open_marks) in enumerate(page.chars):
        for m in open_marks:
            starts.setdefault(m, i)
            ends[m] = i + 1
    contact = record["contacts"][0]
    ident = next(m for m in starts if covered(page, m) == record["text"][slice(*contact["span"])])
    assert (starts[ident], ends[ident]) == tuple(contact["span"])
    assert marks.add([5, 3], "title", "x") is None and marks.add([0, 10**9], "title", "x") is None
    assert marks.add([True, 2], "title", "x") is None and marks.add("0-2", "title", "x") is None


# --- nesting: any set of spans renders well formed, each character inside exactly its marks ----------

@st.composite
def text_and_spans(draw):
    """A short text and up to 12 spans inside it (some empty or reversed, which are left out)."""
    text = draw(st.text(alphabet="가나 <&>\n\"'ab", min_size=1, max_size=30))
    bound = st.integers(0, len(text))
    spans = draw(st.lists(st.tuples(bound, bound, st.sampled_from([k for k, _, _ in KINDS])), max_size=12))
    return text, spans


@settings(max_examples=300, deadline=None)
@given(case=text_and_spans())
def test_overlapping_spans_nest_and_cover_exactly(case):
    text, spans = case
    marks = Marks(text)
    for start, end, kind in spans:
        marks.add([start, end], kind, f"{kind} {start}")
    html = f'<div class="src-text">{render_range(text, 0, len(text), marks.all())}</div>'
    page = page_of(html)            # the parser asserts every end tag closes the element it opened
    assert page.text == text
    for m in marks.all():
        inside = {i for i, (_, open_marks) in enumerate(page.chars) if m.ident in open_marks}
        assert inside == set(range(m.start, m.end)), m


FRAGMENTS = st.sampled_from(["보도자료", "담당자 홍길동 02-123-4567", "□ 일본은 42억6천만엔을 투입", "○ 미국과 한국",
                             "<script>alert(1)</script>", "\n", "\n\n\n\n", "세션 1: 정책 비교", "2004년 7월 15일(목)"])


@settings(max_examples=40, deadline=None)
@given(parts=st.lists(FRAGMENTS, min_size=1, max_size=14))
def test_any_parsed_release_renders_its_whole_text(parts):
    try:
        record = parse_text("\n".join(parts))
    except PipelineError:
        return
    page = page_of(render_record(record))
    assert page.text == record["text"]
    assert [t for t, _ in page.tags].count("script") == 1


def test_nesting_splits_only_where_spans_cross():
    text = "abcdefghij"
    outer, inner, crossing = Mark("m0", 0, 10, "finding"), Mark("m1", 2, 4, "figure"), Mark("m2", 3, 6, "person")
    html = render_range(text, 0, len(text), [outer, inner, crossing])
    assert html.count('data-m="m0"') == 1 and html.count('data-m="m1"') == 1
    assert html.count('data-m="m2"') == 2          # cut once where m1 closes inside it
    assert html.count("<span") == html.count("</span>")


def test_long_blank_runs_are_folded_but_kept():
    text = "a\n\n\n\n\n\n\nb"
    page = page_of(f'<div class="src-text">{render_range(text, 0, len(text), [])}</div>')
    assert page.text == text
    assert 'class="gap" data-lines="5"' in render_range(text, 0, len(text), [])


# --- the cells hook: tables recorded by a reader show as tables ------------------------------------

def test_recorded_cells_render_as_a_table_with_their_highlights():
    text = "head\n담당자\n전대성\n전화\n02-3787-0433\ntail"
    at = {w: text.index(w) for w in ("담당자", "전대성", "전화", "02-3787-0433")}
    cells = [{"table": 0, "row": r, "col": c, "span": [at[w], at[w] + len(w)], "header": c == 0}
             for r, c, w in ((0, 0, "담당자"), (0, 1, "전대성"), (1, 0, "전화"), (1, 1, "02-3787-0433"))]
    record = record_with(text, cells=cells,
                         contacts=[{"name": "전대성", "span": [at["전대성"], at["02-3787-0433"] + 12]}])
    page = page_of(render_record(record))
    tags = [t for t, _ in page.tags]
    assert tags.count("table") >= 1 and 'class="cells"' in render_record(record)
    contact = next(a["data-m"] for t, a in page.tags if t == "span" and "k-contact" in (a.get("class") or ""))
    assert covered(page, contact) == "전대성전화02-3787-0433"     # clipped to each cell, one id
    assert page.text.startswith("head\n") and page.text.endswith("\ntail")


def test_cells_given_as_lines_like_document_cells():
    text = "intro\n담당자\n전대성\noutro"
    cells = [{"table": 0, "row": 0, "col": 0, "first": 1, "last": 2, "header": True},
             {"table": 0, "row": 0, "col": 1, "first": 2, "last": 3},
             {"table": 0, "row": 1, "col": 0, "first": 9, "last": 12},       # no such lines: left out
             {"table": "x", "row": 0, "col": 0, "span": [0, 1]}]             # not a cell: left out
    html = render_record(record_with(text, cells=cells))
    assert "<table class=\"cells\"><tr><th>담당자</th><td>전대성</td></tr></table>" in html


def test_an_hwpx_release_shows_its_header_and_contact_tables_as_tables():
    """The HWPX sample's cells reach the record, so its header and contact tables are drawn as
    tables, the contact highlighted inside its cell."""
    record = parse_file(ROOT / "samples" / "moel-2026-supplementary-budget.hwpx")
    assert record["cells"] and any(c["field"] == "기관명" for c in record["cells"])
    html = render_record(record)
    page = page_of(html)
    assert html.count('<table class="cells">') >= 2
    contact = record["contacts"][0]
    mark = next(a["data-m"] for t, a in page.tags
                if t == "span" and "k-contact" in (a.get("class") or "") and contact["name"] in covered(page, a["data-m"]))
    assert covered(page, mark).replace(" ", "") == contact["name"].replace(" ", "")


@settings(max_examples=200, deadline=None)
@given(case=text_and_spans(), cuts=st.lists(st.integers(0, 30), max_size=8))
def test_marks_per_range_finds_what_a_full_scan_finds(case, cuts):
    text, spans = case
    marks = Marks(text)
    for start, end, kind in spans:
        marks.add([start, end], kind, kind)
    points = sorted({0, len(text), *(min(c, len(text)) for c in cuts)})
    ranges = list(zip(points, points[1:]))
    expected = [[m for m in marks.all() if m.start < hi and m.end > lo] for lo, hi in ranges]
    assert marks_per_range(ranges, marks.all()) == expected


# --- files: the CLI and the batch index ------------------------------------------------------------

def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, capture_output=True, timeout=120)


def test_cli_parse_review_and_render(tmp_path):
    done = cli("parse", str(SEED), "-o", str(tmp_path / "seed.json"), "--review", str(tmp_path / "a.html"))
    assert done.returncode == 0, done.stderr
    done = cli("render", str(tmp_path / "seed.json"), "-o", str(tmp_path / "b.html"))
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.html").read_text(encoding="utf-8") == (tmp_path / "b.html").read_text(encoding="utf-8")


def test_cli_review_page_that_cannot_be_written(tmp_path):
    (tmp_path / "file").write_text("", encoding="utf-8")
    done = cli("parse", str(SEED), "-o", str(tmp_path / "seed.json"), "--review", str(tmp_path / "file" / "a.html"))
    err = done.stderr.decode()
    assert done.returncode == 1 and "cannot write the review page" in err and "Traceback" not in err


def test_cli_render_refuses_what_is_no_document(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    record = parse_file(SEED)
    record["contacts"][0]["span"] = "here"
    (tmp_path / "invalid.json").write_text(json.dumps(record), encoding="utf-8")
    for name, code in (("bad.json", "malformed"), ("list.json", "malformed"), ("absent.json", "unreadable"),
                       ("invalid.json", "malformed")):
        done = cli("render", str(tmp_path / name))
        err = done.stderr.decode()
        assert done.returncode == 1 and name in err and f"[{code}]" in err and "Traceback" not in err


def test_batch_review_writes_pages_and_an_index(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "seed.txt").write_bytes(SEED.read_bytes())
    (inputs / "evil.txt").write_text(f"보도자료\n\n담당자 홍길동 02-123-4567\n\n□ {HOSTILE} 행사 개최\n", encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    done = cli("batch", str(inputs), "-o", str(out), "--jobs", "1", "--no-progress", "--review")
    assert done.returncode == 1 and b"review: 2 pages" in done.stderr, done.stderr
    index = (out / "review" / "index.html").read_text(encoding="utf-8")
    page = page_of(index)
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert sorted(links) == ["evil.txt.html", "seed.txt.html"]
    assert all((out / "review" / link).is_file() for link in links)
    assert "empty_input" in index and "<script>alert" not in index
    assert [t for t, _ in page.tags].count("script") == 1
    rows = [a for t, a in page.tags if t == "tr"]
    assert len(rows) == 1 + 3                      # the header and one row per input


def test_review_index_stays_inside_the_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    record = parse_file(SEED)
    (out / "seed.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    lines = [{"path": "a", "status": "ok", "output": "seed.json"},
             {"path": "b", "status": "ok", "output": "../../escape.json"}]
    (out / "index.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    counts = write_review(out)
    assert counts == {"pages": 1, "failed": 0, "unreadable": 1}
    assert not (tmp_path / "escape.html").exists()
    (out / "index.jsonl").write_text(json.dumps({"path": "a", "status": "error", "code": "empty_input"}) + "\n",
                                     encoding="utf-8")
    assert write_review(out) == {"pages": 0, "failed": 1, "unreadable": 0}
    assert sorted(p.name for p in (out / "review").iterdir()) == ["index.html"]     # the stale page is gone
    assert page_name("moef/a.html.json") == "moef/a.html.html"


def test_index_links_are_urls():
    row = index_row({"path": "x"}, summary_row(parse_file(SEED)), "dir/a#1 b?.txt.html")
    assert 'href="dir/a%231%20b%3F.txt.html"' in row
