"""Review pages: a record's extractions shown on its own text, as one self-contained HTML file.

Reads: a record (the JSON document). Writes: HTML — no network, inline CSS and JS from data/.

The text pane shows `text` with every extracted span highlighted and coloured by kind; the
record pane shows the fields. Each record panel registers the spans it shows with `Marks`
and links its entries to them (`data-target`); clicking an entry scrolls to and flashes its
span, clicking a highlight finds its entry, hovering a highlight says what it was extracted as.

Spans may nest or overlap: `render_range` opens and closes elements at every span boundary and
splits an element that an overlapping span closes inside it, so the HTML is always well formed
and the pieces of one span share its `data-m` id.

Everything taken from the record is escaped (`esc`): the text is untrusted input, and a
release holding `<script>` shows it as text.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from .batch import INDEX, read_jsonl, write_atomic
from .errors import Malformed, PipelineError, Unreadable

DATA = resources.files("pipeline") / "data"
REVIEW_DIR = "review"          # batch --review writes OUT/review/index.html and one page per document
INDEX_PAGE = "index.html"

# Kinds in nesting order: for two spans with the same bounds the earlier kind is outside.
# style: "quiet" marks are targets only (no colour), "line" ones are underlined, "fill" ones shaded.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("section", "section", "quiet"),
    ("report", "session report", "quiet"),
    ("event", "event", "line"),
    ("session", "session", "line"),
    ("talk", "talk", "line"),
    ("finding", "country finding", "line"),
    ("warning", "warning", "line"),
    ("page", "page field", "fill"),
    ("issuer", "issuer", "fill"),
    ("title", "title", "fill"),
    ("subtitle", "subtitle", "fill"),
    ("embargo", "embargo", "fill"),
    ("attachment", "attachment", "fill"),
    ("person", "person", "fill"),         # before contact: a contact's person is also a contact
    ("contact", "contact", "fill"),
    ("organization", "organization", "fill"),
    ("figure", "figure", "fill"),
    ("repair", "repair", "fill"),
)
RANK = {kind: i for i, (kind, _, _) in enumerate(KINDS)}
STYLE = {kind: style for kind, _, style in KINDS}

# Three or more blank lines in a row are folded to one visible blank line and a note.
BLANK_RUN_RE = re.compile(r"(?P<keep>\n[ \t]*\n)(?P<fold>(?:[ \t]*\n){2,})")
CLIP = 90                      # characters of a section node shown before its text is cut


def esc(value: Any) -> str:
    """Text and attribute values, escaped; None is empty."""
    return "" if value is None else html.escape(str(value), quote=True)


# --- marks ---------------------------------------------------------------------------------

@dataclass
class Mark:
    """One highlighted span: its id, kind and what it was extracted as (one line per field)."""
    ident: str
    start: int
    end: int
    kind: str
    labels: list[str] = field(default_factory=list)


class Marks:
    """The spans the record pane shows; one mark per (start, end, kind), labels merged."""

    def __init__(self, text: str) -> None:
        self.size = len(text)
        self.by_bounds: dict[tuple[int, int, str], Mark] = {}

    def add(self, span: Any, kind: str, label: str) -> str | None:
        """Register a span; its mark id, or None when the span is missing or not inside text."""
        if not (isinstance(span, (list, tuple)) and len(span) == 2
                and all(isinstance(x, int) and not isinstance(x, bool) for x in span)):
            return None
        start, end = span
        if not 0 <= start < end <= self.size:
            return None
        mark = self.by_bounds.get((start, end, kind))
        if mark is None:
            mark = self.by_bounds[(start, end, kind)] = Mark(f"m{len(self.by_bounds)}", start, end, kind)
        if label and label not in mark.labels:
            mark.labels.append(label)
        return mark.ident

    def all(self) -> list[Mark]:
        return sorted(self.by_bounds.values(), key=lambda m: (m.start, -m.end, RANK[m.kind]))

    def count(self, kind: str) -> int:
        return sum(m.kind == kind for m in self.by_bounds.values())


# --- the text pane ---------------------------------------------------------------------------

def open_tag(mark: Mark) -> str:
    label = "\n".join(mark.labels) if STYLE[mark.kind] != "quiet" else ""
    return (f'<span class="hl k-{mark.kind} {STYLE[mark.kind]}" data-m="{mark.ident}"'
            f' data-label="{esc(label)}">')


def plain(text: str) -> str:
    """Escaped text with long blank runs folded (the folded newlines stay in the DOM, hidden)."""
    out, last = [], 0
    for m in BLANK_RUN_RE.finditer(text):
        lines = m.group("fold").count("\n")
        out += [esc(text[last:m.end("keep")]),
                f'<span class="gap" data-lines="{lines}"><span class="gap-text">{esc(m.group("fold"))}</span></span>']
        last = m.end()
    out.append(esc(text[last:]))
    return "".join(out)


def render_range(text: str, lo: int, hi: int, marks: list[Mark]) -> str:
    """text[lo:hi] with the marks inside it (clipped to it) as nested, well-formed elements."""
    inside = [m for m in marks if m.start < hi and m.end > lo]
    bounds = sorted({lo, hi} | {max(m.start, lo) for m in inside} | {min(m.end, hi) for m in inside})
    starting: dict[int, list[Mark]] = {}
    for m in inside:
        starting.setdefault(max(m.start, lo), []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    for here, nxt in zip(bounds, bounds[1:] + [hi]):
        ending = [i for i, m in enumerate(stack) if min(m.end, hi) <= here]
        reopen: list[Mark] = []
        if ending:   # close down to the outermost ending mark, then reopen the ones still running
            cut = ending[0]
            out.append("</span>" * (len(stack) - cut))
            reopen = [m for m in stack[cut:] if min(m.end, hi) > here]
            del stack[cut:]
        for m in sorted(reopen + starting.get(here, []), key=lambda m: (-min(m.end, hi), RANK[m.kind])):
            out.append(open_tag(m))
            stack.append(m)
        out.append(plain(text[here:nxt]))
    out.append("</span>" * len(stack))
    return "".join(out)


def cell_tables(record: dict[str, Any], size: int) -> list[tuple[int, int, list[list[dict[str, Any]]]]]:
    """Tables from `record["cells"]` when a reader recorded them: (start, end, rows of cells).

    A cell is {"table", "row", "col", "span", "header"?}; cells without a usable span are left
    out, and a table whose range overlaps an earlier one is shown as plain text.
    """
    tables: dict[int, list[dict[str, Any]]] = {}
    for cell in record.get("cells") or []:
        span = cell.get("span") if isinstance(cell, dict) else None
        if (isinstance(span, list) and len(span) == 2 and all(type(x) is int for x in span)
                and 0 <= span[0] <= span[1] <= size and type(cell.get("table")) is int
                and type(cell.get("row")) is int and type(cell.get("col")) is int):
            tables.setdefault(cell["table"], []).append(cell)
    result, last_end = [], -1
    for cells in sorted(tables.values(), key=lambda cs: min(c["span"][0] for c in cs)):
        start, end = min(c["span"][0] for c in cells), max(c["span"][1] for c in cells)
        if start < last_end:
            continue
        rows: dict[int, list[dict[str, Any]]] = {}
        for c in sorted(cells, key=lambda c: (c["row"], c["col"])):
            rows.setdefault(c["row"], []).append(c)
        result.append((start, end, [rows[r] for r in sorted(rows)]))
        last_end = end
    return result


def render_text(text: str, marks: list[Mark], tables: list[tuple[int, int, list[list[dict[str, Any]]]]]) -> str:
    """The text pane: runs of text, and each recorded table as a table of highlighted cells."""
    out, at = [], 0
    for start, end, rows in tables:
        out.append(render_range(text, at, start, marks))
        body = "".join(
            "<tr>" + "".join(
                f'<{"th" if c.get("header") else "td"}>{render_range(text, c["span"][0], c["span"][1], marks)}'
                f'</{"th" if c.get("header") else "td"}>' for c in row) + "</tr>" for row in rows)
        out.append(f'<table class="cells">{body}</table>')
        at = end
    out.append(render_range(text, at, len(text), marks))
    return "".join(out)


# --- the record pane: one panel per group, each registering the spans it shows -------------------

def jump(ident: str | None, content: str, kind: str) -> str:
    """An entry linked to its span (a swatch in the kind's colour), or plain when it has none."""
    if ident is None:
        return content
    swatch = "" if STYLE[kind] == "quiet" else f'<i class="sw k-{kind}"></i>'
    return f'<span class="jump" data-target="{ident}" tabindex="0">{swatch}{content}</span>'


def rows(pairs: Iterable[tuple[str, str]]) -> str:
    body = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in pairs if v)
    return f'<table class="fields">{body}</table>' if body else ""


def joined(*parts: Any) -> str:
    return " · ".join(str(p) for p in parts if p not in (None, "", []))


def panel_release(record: dict[str, Any], marks: Marks) -> str:
    rel = record.get("release") or {}
    issuer = rel.get("issuer") or {}
    embargo = rel.get("embargo") or {}
    spans = rel.get("spans") or {}

    def field_(kind: str, value: Any, span: Any) -> str:
        return jump(marks.add(span, kind, f"{kind}: {value}"), esc(value), kind) if value else ""

    when = joined(embargo.get("date"), embargo.get("time"), embargo.get("weekday"), embargo.get("edition"))
    attachments = "<br>".join(
        jump(marks.add(a.get("span"), "attachment", f"attachment: {joined(a.get('label'), a.get('text'))}"),
             esc(joined(a.get("label"), a.get("text"))), "attachment") for a in rel.get("attachments") or [])
    return rows([
        ("kind", esc(rel.get("kind"))),
        ("issuer", jump(marks.add(issuer.get("span"), "issuer", f"issuer: {joined(issuer.get('name'), issuer.get('website'))}"),
                        esc(joined(issuer.get("name"), issuer.get("website"))), "issuer")),
        ("title", field_("title", rel.get("title"), spans.get("title"))),
        ("subtitle", field_("subtitle", rel.get("subtitle"), spans.get("subtitle"))),
        ("summary", "<br>".join(esc(s) for s in rel.get("summary") or [])),
        ("embargo", jump(marks.add(embargo.get("span"), "embargo", f"embargo: {when}"), esc(when), "embargo")
         if embargo else ""),
        ("distributed", esc(rel.get("distributed_at"))),
        ("attachments", attachments),
    ])


def panel_page(record: dict[str, Any], marks: Marks) -> str:
    page = record.get("page") or {}
    if not page:
        return ""
    spans = page.get("spans") or {}
    items = []
    for key in ("board", "headline", "author", "posted_at", "views", "ministry", "original_url"):
        value = page.get(key)
        if value not in (None, ""):
            items.append((key, jump(marks.add(spans.get(key), "page", f"page {key}: {value}"), esc(value), "page")))
    contact = page.get("contact") or {}
    if contact:
        said = joined(contact.get("department"), contact.get("name"), contact.get("title"), contact.get("phone"))
        items.append(("contact", jump(marks.add(contact.get("span"), "page", f"page contact: {said}"), esc(said), "page")))
    items.insert(0, ("breadcrumbs", esc(" › ".join(page.get("breadcrumbs") or []))))
    return rows(items)


def panel_event(record: dict[str, Any], marks: Marks) -> str:
    event = record.get("event") or {}
    if not event:
        return ""
    dates = joined(event.get("start_date"), event.get("end_date"))
    ident = marks.add(event.get("span"), "event", f"event: {joined(event.get('name'), dates)}")
    return rows([("name", jump(ident, esc(event.get("name") or "(unnamed)"), "event")), ("dates", esc(dates)),
                 ("venue", esc(event.get("venue"))), ("hosts", esc(", ".join(event.get("hosts") or [])))])


# Contacts table columns: (heading, the fields shown in it).
CONTACT_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("name", "title")),
    ("unit", ("organization", "department", "team")),
    ("phone", ("phone", "extension")),
    ("fax", ("fax",)),
    ("e-mail", ("email",)),
    ("role", ("role",)),
)


def panel_contacts(record: dict[str, Any], marks: Marks) -> str:
    contacts = [c for c in record.get("contacts") or [] if isinstance(c, dict)]
    if not contacts:
        return ""
    columns = [(h, keys) for h, keys in CONTACT_COLUMNS if any(c.get(k) for c in contacts for k in keys)]
    head = "".join(f"<th>{h}</th>" for h, _ in columns)
    body = []
    for c in contacts:
        ident = marks.add(c.get("span"), "contact",
                          "contact: " + joined(*(c.get(k) for k in ("name", "title", "department", "team", "phone", "email"))))
        cells = [esc(" ".join(str(c[k]) for k in keys if c.get(k))) for _, keys in columns]
        cells[0] = jump(ident, cells[0], "contact")
        body.append("<tr>" + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
    return f'<table class="grid"><tr>{head}</tr>{"".join(body)}</table>'


def panel_organizations(record: dict[str, Any], marks: Marks) -> str:
    items = []
    for org in record.get("organizations") or []:
        head = org.get("head") or {}
        said = joined(org.get("name"), head.get("title"), head.get("name"),
                      f"{head.get('title_hanja') or ''} {head.get('name_hanja') or ''}".strip())
        items.append(f"<li>{jump(marks.add(org.get('span'), 'organization', f'organization: {said}'), esc(said), 'organization')}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def panel_people(record: dict[str, Any], marks: Marks) -> str:
    items = []
    for person in record.get("people") or []:
        said = joined(person.get("name"), person.get("name_hanja"), person.get("title"), person.get("affiliation"),
                      person.get("country"), ", ".join(person.get("roles") or []))
        ident = marks.add(person.get("span"), "person", f"person: {said}")
        for mention in person.get("mentions") or []:
            marks.add(mention, "person", f"person (later mention): {person.get('name')}")
        extra = f' <small>+{len(person["mentions"])} mentions</small>' if person.get("mentions") else ""
        items.append(f"<li>{jump(ident, esc(said), 'person')}{extra}</li>")
    return f"<ul>{''.join(items)}</ul>" if items else ""


def node_items(nodes: list[dict[str, Any]], marks: Marks, where: str) -> str:
    items = []
    for node in nodes:
        text = node.get("text") or ""
        shown = text if len(text) <= CLIP else text[:CLIP] + "…"
        label = f"{where}: {joined(node.get('marker'), node.get('kind'), 'level ' + str(node.get('level')))}"
        entry = jump(marks.add(node.get("span"), "section", label),
                     f'<b>{esc(node.get("marker") or "¶")}</b> {esc(shown)}', "section")
        children = node.get("children") or []
        if children:
            items.append(f"<li><details open><summary>{entry}</summary>"
                         f"<ul>{node_items(children, marks, where)}</ul></details></li>")
        else:
            items.append(f'<li class="leaf">{entry}</li>')
    return "".join(items)


def panel_sections(record: dict[str, Any], marks: Marks) -> str:
    tree = node_items(record.get("sections") or [], marks, "section")
    for appendix in record.get("appendices") or []:
        said = joined(appendix.get("label"), appendix.get("title"))
        ident = marks.add(appendix.get("span"), "section", f"appendix: {said}")
        tree += (f'<li><details open><summary>{jump(ident, esc(said), "section")}</summary>'
                 f'<ul>{node_items(appendix.get("sections") or [], marks, "appendix")}</ul></details></li>')
    return f'<ul class="tree">{tree}</ul>' if tree else ""


def panel_sessions(record: dict[str, Any], marks: Marks) -> str:
    parts = []
    for s in record.get("sessions") or []:
        said = joined(s.get("label"), s.get("title"))
        ident = marks.add(s.get("span"), "session", f"session: {said}")
        report = marks.add((s.get("spans") or {}).get("report"), "report", f"report on {s.get('label')}")
        talks = "".join(
            f"<li>{jump(marks.add(t.get('span'), 'talk', 'talk: ' + joined(t.get('speaker'), t.get('topic'))), esc(joined(t.get('speaker'), t.get('title'), t.get('affiliation'), t.get('country'))), 'talk')}"
            f"{'<br><i>' + esc(t.get('topic')) + '</i>' if t.get('topic') else ''}</li>" for t in s.get("talks") or [])
        topics = esc(", ".join(s.get("topics") or []))
        parts.append(
            f'<div class="card"><h3>{jump(ident, esc(said), "session")}</h3>'
            + (f"<p>{esc(s.get('summary'))}</p>" if s.get("summary") else "")
            + (f"<p><small>topics:</small> {topics}</p>" if topics else "")
            + (f"<ol>{talks}</ol>" if talks else "")
            + (f"<p>{jump(report, 'report', 'report')}</p>" if report else "") + "</div>")
    return "".join(parts)


def number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, (int, float)) and not isinstance(value, bool) else str(value)


def figure_said(fig: dict[str, Any]) -> str:
    """`42억6천만엔 = 4,260,000,000 JPY (money)`."""
    amount = number(fig.get("value"))
    if fig.get("value_max") is not None:
        amount += "–" + number(fig["value_max"])
    kind = joined(fig.get("kind"), "approximate" if fig.get("approximate") else None)
    said = f"{fig.get('text')} = {amount} {fig.get('unit') or ''}".rstrip()
    return said + (f" ({kind})" if kind else "")


def figure_list(figures: list[dict[str, Any]], marks: Marks) -> str:
    return "".join(f"<li>{jump(marks.add(f.get('span'), 'figure', 'figure: ' + figure_said(f)), esc(figure_said(f)), 'figure')}</li>"
                   for f in figures)


def panel_countries(record: dict[str, Any], marks: Marks) -> str:
    parts = []
    for c in record.get("countries") or []:
        name = joined(c.get("name"), c.get("iso_code"), c.get("name_en"))
        findings = []
        for f in c.get("findings") or []:
            ident = marks.add(f.get("span"), "finding", f"country finding: {c.get('name')} ({c.get('iso_code')})")
            text = f.get("text") or ""
            findings.append(f"<li>{jump(ident, esc(text[:CLIP] + ('…' if len(text) > CLIP else '')), 'finding')}"
                            f"{' <small>' + esc(f.get('session')) + '</small>' if f.get('session') else ''}</li>")
        first = next((marks.add(f.get("span"), "finding", "") for f in c.get("findings") or []), None)
        extra = "".join(f"<p><small>{k}:</small> {esc(', '.join(c.get(k) or []))}</p>"
                        for k in ("programs", "implications") if c.get(k))
        figures = figure_list(c.get("figures") or [], marks)
        parts.append(f'<div class="card country" data-iso="{esc(c.get("iso_code"))}">'
                     f'<h3>{jump(first, esc(name), "finding")}</h3><ol>{"".join(findings)}</ol>'
                     + (f'<ul class="figs">{figures}</ul>' if figures else "") + extra + "</div>")
    return "".join(parts)


def panel_figures(record: dict[str, Any], marks: Marks) -> str:
    items = figure_list(record.get("figures") or [], marks)
    return f'<ul class="figs">{items}</ul>' if items else ""


def panel_diagnostics(record: dict[str, Any], marks: Marks) -> str:
    diag = record.get("diagnostics") or {}
    warnings = "".join(
        f"<li>{jump(marks.add(w.get('span'), 'warning', 'warning: ' + str(w.get('code'))), '<b>' + esc(w.get('code')) + '</b>', 'warning')}"
        f" {esc(w.get('message'))} <small>{esc(w.get('stage'))}</small></li>" for w in diag.get("warnings") or [])
    repairs = "".join(
        "<li>" + jump(marks.add(r.get("span"), "repair", f"repair ({r.get('kind')}): {r.get('from')!r} → {r.get('to')!r}"),
                      f"{esc(r.get('kind'))}: <code>{esc(r.get('from'))}</code> → <code>{esc(r.get('to'))}</code>",
                      "repair") + "</li>" for r in diag.get("repairs") or [])
    out = f"<h3>warnings</h3><ul>{warnings}</ul>" if warnings else "<p>no warnings</p>"
    return out + (f"<h3>repairs</h3><ul>{repairs}</ul>" if repairs else "")


def panel_source(record: dict[str, Any], marks: Marks) -> str:
    source = record.get("source") or {}
    return rows((k, esc(source.get(k))) for k in ("path", "format", "encoding", "bytes", "sha256"))


# The record pane, top to bottom: (heading, panel, open at first).
PANELS: tuple[tuple[str, Callable[[dict[str, Any], Marks], str], bool], ...] = (
    ("release", panel_release, True),
    ("contacts", panel_contacts, True),
    ("organizations", panel_organizations, True),
    ("event", panel_event, True),
    ("sections", panel_sections, True),
    ("sessions", panel_sessions, True),
    ("countries", panel_countries, True),
    ("figures", panel_figures, False),
    ("people", panel_people, False),
    ("page", panel_page, False),
    ("diagnostics", panel_diagnostics, True),
    ("source", panel_source, False),
)


# --- the page --------------------------------------------------------------------------------

def asset(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def csp_hash(source: str) -> str:
    """The Content-Security-Policy hash that lets exactly this inline script or style run."""
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")


def legend(marks: Marks) -> str:
    items = []
    for kind, label, style in KINDS:
        n = marks.count(kind)
        if n and style != "quiet":
            items.append(f'<label class="key"><input type="checkbox" checked data-kind="{kind}">'
                         f'<i class="sw k-{kind}"></i>{esc(label)} <small>{n}</small></label>')
    return "".join(items)


def kind_css() -> str:
    """One rule per kind to hide its highlights when its legend box is unticked."""
    return "\n".join(f"body.hide-{k} .hl.k-{k} {{ background: none; border-color: transparent; "
                     f"text-decoration: none; outline: none; }}" for k, _, _ in KINDS)


def render_record(record: dict[str, Any]) -> str:
    """The review page for one record, as a string of HTML."""
    text = record.get("text") if isinstance(record.get("text"), str) else ""
    marks = Marks(text)
    panels = []
    for heading, panel, is_open in PANELS:
        body = panel(record, marks)
        if body:
            panels.append(f'<details class="panel" id="p-{heading}"{" open" if is_open else ""}>'
                          f"<summary>{heading}</summary>{body}</details>")
    pane = render_text(text, marks.all(), cell_tables(record, len(text)))
    release = record.get("release") or {}
    title = release.get("title") or (record.get("source") or {}).get("path") or "review"
    css, js = asset("review.css") + kind_css(), asset("review.js")
    return PAGE.format(
        title=esc(title), css=css, js=js, css_hash=csp_hash(css), js_hash=csp_hash(js),
        kind=f"<small>{esc(release['kind'])}</small> " if release.get("kind") else "", source=esc((record.get("source") or {}).get("path") or ""),
        legend=legend(marks), text=pane, record="".join(panels))


PAGE = """<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '{css_hash}'; script-src '{js_hash}'">
<title>{title}</title>
<style>{css}</style>
</head>
<body>
<header><h1>{kind}{title}</h1><p class="src">{source}</p><nav class="legend">{legend}</nav></header>
<main>
<section id="text" class="pane" aria-label="text"><div class="src-text">{text}</div></section>
<section id="record" class="pane" aria-label="record">{record}</section>
</main>
<div id="tip" role="tooltip" hidden></div>
<script>{js}</script>
</body>
</html>
"""


# --- files: one page, and the pages of a batch run with their index ---------------------------

def load_record(path: Path) -> dict[str, Any]:
    """A JSON document from disk, or Malformed/Unreadable naming the file and the reason."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise Unreadable(str(path), f"cannot read: {exc.strerror or exc}") from exc
    try:
        record = json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise Malformed(str(path), f"not a JSON document: {exc}") from exc
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise Malformed(str(path), "not a pipeline document: no `text` string at the top level")
    return record


def write_page(record: dict[str, Any], out: Path) -> None:
    write_atomic(out, render_record(record))


def page_name(target: str) -> str:
    """The review page of a batch output: `moef/a.html.json` → `moef/a.html.html`."""
    return (target[:-len(".json")] if target.endswith(".json") else target) + ".html"


def count_nodes(nodes: list[dict[str, Any]]) -> int:
    return sum(1 + count_nodes(n.get("children") or []) for n in nodes)


def summary_row(record: dict[str, Any]) -> dict[str, Any]:
    """What the index shows of one document."""
    release = record.get("release") or {}
    page = record.get("page") or {}
    date = ((release.get("embargo") or {}).get("date") or release.get("distributed_at")
            or page.get("posted_at") or "")
    return {
        "title": release.get("title") or page.get("headline") or "",
        "issuer": (release.get("issuer") or {}).get("name") or "",
        "kind": release.get("kind") or "",
        "date": str(date)[:10],
        "contacts": len(record.get("contacts") or []),
        "sections": count_nodes(record.get("sections") or []),
        "countries": len(record.get("countries") or []),
        "warnings": [w.get("code") for w in (record.get("diagnostics") or {}).get("warnings") or []],
    }


INDEX_COLUMNS = ("title", "issuer", "kind", "date", "contacts", "sections", "countries", "warnings", "file")


def index_row(entry: dict[str, Any], summary: dict[str, Any] | None, link: str | None) -> str:
    """One row; numbers sort as numbers (data-v), errors show their code in the warnings column."""
    path = entry.get("path") or ""
    name = str(entry.get("target") or path).removesuffix(".json")
    shown_path = f'<td class="file" title="{esc(path)}">{esc(name)}</td>'
    if summary is None:
        status = entry.get("code") or entry.get("status") or "error"
        cells = [f'<td data-v=""><span class="err">{esc(status)}</span> {esc(entry.get("message") or "")}</td>',
                 *("<td></td>" for _ in range(3)), *('<td data-v="-1"></td>' for _ in range(3)),
                 f'<td data-v="{esc(status)}">{esc(status)}</td>', shown_path]
        return f'<tr class="failed">{"".join(cells)}</tr>'
    title = esc(summary["title"] or "(no title)")
    cells = [f'<td data-v="{esc(summary["title"])}"><a href="{esc(link)}">{title}</a></td>']
    cells += [f'<td class="{k}">{esc(summary[k])}</td>' for k in ("issuer", "kind", "date")]
    cells += [f'<td class="n" data-v="{summary[k]}">{summary[k]}</td>' for k in ("contacts", "sections", "countries")]
    codes = summary["warnings"]
    tally = Counter(str(c) for c in codes)
    said = ", ".join(f"{code} ×{n}" if n > 1 else code for code, n in tally.items())
    cells.append(f'<td data-v="{len(codes)}">{esc(said)}</td>')
    cells.append(shown_path)
    warned = ' class="warned"' if codes else ""
    return f'<tr{warned}>{"".join(cells)}</tr>'


def render_index(rows_html: list[str], counts: dict[str, int]) -> str:
    head = "".join(f'<th data-col="{i}" tabindex="0">{c}</th>' for i, c in enumerate(INDEX_COLUMNS))
    said = ", ".join(f"{n} {k}" for k, n in counts.items())
    css, js = asset("review-index.css"), asset("review-index.js")
    return INDEX_PAGE_HTML.format(css=css, js=js, css_hash=csp_hash(css), js_hash=csp_hash(js),
                                  head=head, rows="".join(rows_html), counts=esc(said))


def inside(root: Path, name: str) -> Path | None:
    """root/name when it stays below root (an index line is data, not a path to trust)."""
    path = root / name
    return path if path.resolve().is_relative_to(root.resolve()) else None


def write_review(out: Path) -> dict[str, int]:
    """After a batch run into `out`: a page per document under out/review/, and its index.html.

    Reads out/index.jsonl and the documents it names (ok, or skipped after an ok); inputs without
    a document are listed with their error code. Returns counts of pages, failed inputs, and
    documents that could not be read.
    """
    review = out / REVIEW_DIR
    counts = {"pages": 0, "failed": 0, "unreadable": 0}
    rows_html = []
    for entry in read_jsonl(out / INDEX):
        has_doc = entry.get("status") == "ok" or entry.get("was") == "ok"
        target = entry.get("output") or entry.get("target")
        summary = link = None
        if has_doc and isinstance(target, str):
            try:
                source, page = inside(out, target), inside(review, page_name(target))
                if source is None or page is None:
                    raise Malformed(target, "names a file outside the output directory")
                record = load_record(source)
            except PipelineError as exc:   # removed or damaged since the run: listed, not fatal
                entry = {**entry, "code": exc.code, "message": str(exc)}
                counts["unreadable"] += 1
            else:
                link = page_name(target)
                write_page(record, page)
                summary = summary_row(record)
                counts["pages"] += 1
        else:
            counts["failed"] += 1
        rows_html.append(index_row(entry, summary, link))
    write_atomic(review / INDEX_PAGE, render_index(rows_html, counts))
    return counts


INDEX_PAGE_HTML = """<!DOCTYPE html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '{css_hash}'; script-src '{js_hash}'">
<title>review index</title>
<style>{css}</style>
</head>
<body>
<header><h1>Review index</h1><p>{counts}</p>
<p><input id="filter" type="search" placeholder="filter: any text, e.g. an issuer or a warning code" size="50">
<label><input id="warned" type="checkbox"> only with warnings or errors</label> · <span id="shown"></span></p></header>
<table id="docs"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>
<script>{js}</script>
</body>
</html>
"""
