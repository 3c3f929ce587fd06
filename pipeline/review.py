"""Review pages: a record's extractions shown on its own text, as one self-contained HTML file.

Reads: a record (the JSON document). Writes: HTML — no network, inline CSS and JS from data/.

The text pane shows `text` with every extracted span highlighted and coloured by kind; the
record pane shows the fields. Each record panel registers the spans it shows with `Marks`
and links its entries to them (`data-target`); clicking an entry scrolls to and flashes its
span, clicking a highlight finds its entry, hovering a highlight says what it was extracted as.

When the record carries table cells (`cells`: {table, row, col, header?} with a `span`, or
Document.Cell's line range `first`/`last`), the text pane shows those tables as tables whose
cells are highlighted like any text; without them the text is shown as it is.

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
from typing import Any, Callable, Iterable
from urllib.parse import quote

from .batch import INDEX, read_jsonl, write_atomic
from .errors import Malformed, PipelineError, Unreadable
from .schema import validate

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
NAME = {kind: name for kind, name, _ in KINDS}

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
    where = f"  [{mark.start}, {mark.end})"          # the span, for whoever checks it against the JSON
    label = "\n".join(x + where for x in mark.labels) if STYLE[mark.kind] != "quiet" else ""
    return (f'<span class="hl k-{mark.kind} {STYLE[mark.kind]}" data-m="{mark.ident}"'
            f' data-label="{esc(label)}">')


def plain(text: str) -> str:
    """Escaped text with long blank runs folded (the folded newlines stay in the DOM, hidden)."""
    out, last = [], 0
    for m in BLANK_RUN_RE.finditer(text):
        lines = m.group("fold").count("\n")
        hidden = f'<span class="gap-text">{esc(m.group("fold"))}</span>'
        out += [esc(text[last:m.end("keep")]), f'<span class="gap" data-lines="{lines}">{hidden}</span>']
        last = m.end()
    out.append(esc(text[last:]))
    return "".join(out)


def render_range(text: str, lo: int, hi: int, marks: list[Mark]) -> str:
    """text[lo:hi] with the marks inside it (clipped to it) as nested, well-formed elements.

    At each boundary the marks ending there are closed; a mark still running above one of them
    is closed with it and reopened (same data-m), so crossing spans split instead of breaking
    the markup. Marks opening together nest longest outside, then in KINDS order.
    """
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
        if ending:
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


def marks_per_range(ranges: list[tuple[int, int]], marks: list[Mark]) -> list[list[Mark]]:
    """The marks overlapping each [lo, hi), in one sweep: ranges by lo, marks sorted by start."""
    found: list[list[Mark]] = []
    active: list[Mark] = []
    j = 0
    for lo, hi in ranges:
        while j < len(marks) and marks[j].start < hi:
            active.append(marks[j])
            j += 1
        active = [m for m in active if m.end > lo]
        found.append([m for m in active if m.start < hi])
    return found


# --- tables recorded by a reader (HWPX/HWP, HTML): shown as tables ------------------------------

@dataclass(frozen=True, slots=True)
class TableCell:
    table: int
    row: int
    col: int
    start: int
    end: int
    header: bool


def is_int(value: Any) -> bool:
    return type(value) is int


def cell_bounds(cell: dict[str, Any], line_starts: list[int], size: int) -> tuple[int, int] | None:
    """A cell's [start, end) in text: its `span`, or its lines [first, last) as Document.Cell has them."""
    span = cell.get("span")
    if isinstance(span, list) and len(span) == 2 and all(map(is_int, span)) and 0 <= span[0] <= span[1] <= size:
        return span[0], span[1]
    first, last = cell.get("first"), cell.get("last")
    if is_int(first) and is_int(last) and 0 <= first < last <= len(line_starts):
        end = line_starts[last] - 1 if last < len(line_starts) else size
        return line_starts[first], end
    return None


def table_cells(record: dict[str, Any], text: str) -> list[list[TableCell]]:
    """`record["cells"]` grouped into tables in text order; a table overlapping an earlier one is left out.

    A cell is {"table", "row", "col", "header"?} with a "span" into text or lines "first"/"last";
    anything else is ignored, so a record without cells renders as plain text.
    """
    raw = record.get("cells")
    if not isinstance(raw, list) or not raw:
        return []
    line_starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    tables: dict[int, list[TableCell]] = {}
    for cell in raw:
        if not (isinstance(cell, dict) and all(is_int(cell.get(k)) for k in ("table", "row", "col"))):
            continue
        if (bounds := cell_bounds(cell, line_starts, len(text))) is not None:
            tables.setdefault(cell["table"], []).append(
                TableCell(cell["table"], cell["row"], cell["col"], *bounds, bool(cell.get("header"))))
    result, last_end = [], 0
    for cells in sorted(tables.values(), key=lambda cs: min(c.start for c in cs)):
        if min(c.start for c in cells) >= last_end:
            result.append(sorted(cells, key=lambda c: (c.row, c.col)))
            last_end = max(c.end for c in cells)
    return result


def render_text(text: str, marks: list[Mark], tables: list[list[TableCell]]) -> str:
    """The text pane: runs of text, and each recorded table as a table of highlighted cells."""
    runs: list[tuple[int, int]] = []       # the text between tables
    at = 0
    for cells in tables:
        runs.append((at, min(c.start for c in cells)))
        at = max(c.end for c in cells)
    runs.append((at, len(text)))
    cells = sorted((c for t in tables for c in t), key=lambda c: c.start)
    ranges = sorted([(lo, hi, None) for lo, hi in runs] + [(c.start, c.end, c) for c in cells],
                    key=lambda r: (r[0], r[2] is not None))
    shown = {(lo, hi, id(c)): render_range(text, lo, hi, near)
             for (lo, hi, c), near in zip(ranges, marks_per_range([(lo, hi) for lo, hi, _ in ranges], marks))}
    out = []
    for i, (lo, hi) in enumerate(runs):
        out.append(shown[(lo, hi, id(None))])
        if i < len(tables):
            out.append(table_html(tables[i], lambda c: shown[(c.start, c.end, id(c))]))
    return "".join(out)


def table_html(cells: list[TableCell], shown: Callable[[TableCell], str]) -> str:
    rows: dict[int, list[str]] = {}
    for c in cells:                        # already in (row, col) order
        tag = "th" if c.header else "td"
        rows.setdefault(c.row, []).append(f"<{tag}>{shown(c)}</{tag}>")
    return '<table class="cells">' + "".join(f"<tr>{''.join(r)}</tr>" for r in rows.values()) + "</table>"


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


def entry(marks: Marks, span: Any, kind: str, said: str, shown: str | None = None) -> str:
    """A record entry for one span: its tooltip says `kind: said`; it shows `shown` (default `said`)."""
    return jump(marks.add(span, kind, f"{NAME[kind]}: {said}"), esc(said if shown is None else shown), kind)


def panel_release(record: dict[str, Any], marks: Marks) -> str:
    rel = record.get("release") or {}
    issuer = rel.get("issuer") or {}
    embargo = rel.get("embargo") or {}
    spans = rel.get("spans") or {}
    when = joined(embargo.get("date"), embargo.get("time"), embargo.get("weekday"), embargo.get("edition"))
    attachments = [entry(marks, a.get("span"), "attachment", joined(a.get("label"), a.get("text")))
                   for a in rel.get("attachments") or []]
    return rows([
        ("kind", esc(rel.get("kind"))),
        ("issuer", entry(marks, issuer.get("span"), "issuer", joined(issuer.get("name"), issuer.get("website")))
         if issuer else ""),
        *((k, entry(marks, spans.get(k), k, rel[k]) if rel.get(k) else "") for k in ("title", "subtitle")),
        ("summary", "<br>".join(esc(s) for s in rel.get("summary") or [])),
        ("embargo", entry(marks, embargo.get("span"), "embargo", when) if embargo else ""),
        ("distributed", esc(rel.get("distributed_at"))),
        ("attachments", "<br>".join(attachments)),
    ])


PAGE_FIELDS = ("board", "headline", "author", "posted_at", "views", "ministry", "original_url")


def panel_page(record: dict[str, Any], marks: Marks) -> str:
    page = record.get("page") or {}
    if not page:
        return ""
    spans = page.get("spans") or {}
    items = [("breadcrumbs", esc(" › ".join(page.get("breadcrumbs") or [])))]
    items += [(key, entry(marks, spans.get(key), "page", f"{key} {page[key]}", str(page[key])))
              for key in PAGE_FIELDS if page.get(key) not in (None, "")]
    contact = page.get("contact") or {}
    if contact:
        said = joined(*(contact.get(k) for k in ("department", "name", "title", "phone")))
        items.append(("contact", entry(marks, contact.get("span"), "page", f"contact {said}", said)))
    return rows(items)


def panel_event(record: dict[str, Any], marks: Marks) -> str:
    event = record.get("event") or {}
    if not event:
        return ""
    dates = joined(event.get("start_date"), event.get("end_date"))
    name = event.get("name") or "(unnamed)"
    return rows([("name", entry(marks, event.get("span"), "event", joined(name, dates), name)),
                 ("dates", esc(dates)), ("venue", esc(event.get("venue"))),
                 ("hosts", esc(", ".join(event.get("hosts") or [])))])


# Contacts table columns: (heading, the fields shown in it).
CONTACT_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("name", ("name", "title")),
    ("unit", ("organization", "department", "team")),
    ("phone", ("phone", "extension")),
    ("fax", ("fax",)),
    ("e-mail", ("email",)),
    ("role", ("role",)),
)
CONTACT_SAID = ("name", "title", "department", "team", "phone", "email")


def panel_contacts(record: dict[str, Any], marks: Marks) -> str:
    contacts = record.get("contacts") or []
    if not contacts:
        return ""
    columns = [(h, keys) for h, keys in CONTACT_COLUMNS if any(c.get(k) for c in contacts for k in keys)]
    head = "".join(f"<th>{h}</th>" for h, _ in columns)
    body = []
    for c in contacts:
        cells = [" ".join(str(c[k]) for k in keys if c.get(k)) for _, keys in columns]
        first = entry(marks, c.get("span"), "contact", joined(*(c.get(k) for k in CONTACT_SAID)), cells[0])
        body.append("<tr>" + "".join(f"<td>{x}</td>" for x in [first, *map(esc, cells[1:])]) + "</tr>")
    return f'<table class="grid"><tr>{head}</tr>{"".join(body)}</table>'


def listed(items: list[str]) -> str:
    return f"<ul>{''.join(f'<li>{x}</li>' for x in items)}</ul>" if items else ""


def panel_organizations(record: dict[str, Any], marks: Marks) -> str:
    items = []
    for org in record.get("organizations") or []:
        head = org.get("head") or {}
        hanja = joined(head.get("title_hanja"), head.get("name_hanja"))
        items.append(entry(marks, org.get("span"), "organization",
                           joined(org.get("name"), head.get("title"), head.get("name"), hanja)))
    return listed(items)


def panel_people(record: dict[str, Any], marks: Marks) -> str:
    items = []
    for person in record.get("people") or []:
        said = joined(person.get("name"), person.get("name_hanja"), person.get("title"), person.get("affiliation"),
                      person.get("country"), ", ".join(person.get("roles") or []))
        mentions = person.get("mentions") or []
        for mention in mentions:
            marks.add(mention, "person", f"person (later mention): {person.get('name')}")
        extra = f" <small>+{len(mentions)} mentions</small>" if mentions else ""
        items.append(entry(marks, person.get("span"), "person", said) + extra)
    return listed(items)


def clipped(text: str) -> str:
    return text if len(text) <= CLIP else text[:CLIP] + "…"


def node_items(nodes: list[dict[str, Any]], marks: Marks, where: str) -> str:
    """The section tree as nested lists; a node with children folds (<details>)."""
    items = []
    for node in nodes:
        label = f"{where}: {joined(node.get('marker'), node.get('kind'), 'level ' + str(node.get('level')))}"
        shown = f'<b>{esc(node.get("marker") or "¶")}</b> {esc(clipped(node.get("text") or ""))}'
        line = jump(marks.add(node.get("span"), "section", label), shown, "section")
        children = node.get("children") or []
        if children:
            items.append(f"<li><details open><summary>{line}</summary>"
                         f"<ul>{node_items(children, marks, where)}</ul></details></li>")
        else:
            items.append(f'<li class="leaf">{line}</li>')
    return "".join(items)


def panel_sections(record: dict[str, Any], marks: Marks) -> str:
    tree = node_items(record.get("sections") or [], marks, "section")
    for appendix in record.get("appendices") or []:
        said = joined(appendix.get("label"), appendix.get("title"))
        line = jump(marks.add(appendix.get("span"), "section", f"appendix: {said}"), esc(said), "section")
        tree += (f"<li><details open><summary>{line}</summary>"
                 f'<ul>{node_items(appendix.get("sections") or [], marks, "appendix")}</ul></details></li>')
    return f'<ul class="tree">{tree}</ul>' if tree else ""


def talk_item(talk: dict[str, Any], marks: Marks) -> str:
    who = joined(talk.get("speaker"), talk.get("title"), talk.get("affiliation"), talk.get("country"))
    line = entry(marks, talk.get("span"), "talk", joined(talk.get("speaker"), talk.get("topic")), who)
    return line + (f"<br><i>{esc(talk['topic'])}</i>" if talk.get("topic") else "")


def panel_sessions(record: dict[str, Any], marks: Marks) -> str:
    cards = []
    for s in record.get("sessions") or []:
        report = marks.add((s.get("spans") or {}).get("report"), "report", f"report on {s.get('label')}")
        talks = "".join(f"<li>{talk_item(t, marks)}</li>" for t in s.get("talks") or [])
        topics = ", ".join(s.get("topics") or [])
        heading = entry(marks, s.get("span"), "session", joined(s.get("label"), s.get("title")))
        parts = [f'<div class="card"><h3>{heading}</h3>',
                 f"<p>{esc(s['summary'])}</p>" if s.get("summary") else "",
                 f"<p><small>topics:</small> {esc(topics)}</p>" if topics else "",
                 f"<ol>{talks}</ol>" if talks else "",
                 f"<p>{jump(report, 'the report on it', 'report')}</p>" if report else "", "</div>"]
        cards.append("".join(parts))
    return "".join(cards)


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
    items = "".join(f"<li>{entry(marks, f.get('span'), 'figure', figure_said(f))}</li>" for f in figures)
    return f'<ul class="figs">{items}</ul>' if items else ""


def country_card(country: dict[str, Any], marks: Marks) -> str:
    """Findings (each linked to its sentence), figures, programmes; the heading jumps to the first finding."""
    said = f"{country.get('name')} ({country.get('iso_code')})"
    findings, first = [], None
    for f in country.get("findings") or []:
        session = f" <small>{esc(f['session'])}</small>" if f.get("session") else ""
        findings.append(f"<li>{entry(marks, f.get('span'), 'finding', said, clipped(f.get('text') or ''))}"
                        f"{session}</li>")
        first = first or marks.add(f.get("span"), "finding", "")
    name = joined(country.get("name"), country.get("iso_code"), country.get("name_en"))
    heading = jump(first, esc(name), "finding")
    extra = "".join(f"<p><small>{k}:</small> {esc(', '.join(country.get(k) or []))}</p>"
                    for k in ("programs", "implications") if country.get(k))
    return (f'<div class="card country" data-iso="{esc(country.get("iso_code"))}"><h3>{heading}</h3>'
            f'<ol>{"".join(findings)}</ol>{figure_list(country.get("figures") or [], marks)}{extra}</div>')


def panel_countries(record: dict[str, Any], marks: Marks) -> str:
    return "".join(country_card(c, marks) for c in record.get("countries") or [])


def panel_figures(record: dict[str, Any], marks: Marks) -> str:
    return figure_list(record.get("figures") or [], marks)


def panel_diagnostics(record: dict[str, Any], marks: Marks) -> str:
    diag = record.get("diagnostics") or {}
    warnings = []
    for w in diag.get("warnings") or []:
        code = jump(marks.add(w.get("span"), "warning", f"warning: {w.get('code')}"), f"<b>{esc(w.get('code'))}</b>",
                    "warning")
        warnings.append(f"{code} {esc(w.get('message'))} <small>{esc(w.get('stage'))}</small>")
    repairs = [entry(marks, r.get("span"), "repair", f"{r.get('kind')}: {r.get('from')!r} → {r.get('to')!r}")
               for r in diag.get("repairs") or []]
    return ((f"<h3>warnings</h3>{listed(warnings)}" if warnings else "<p>no warnings</p>")
            + (f"<h3>repairs</h3>{listed(repairs)}" if repairs else ""))


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
    pane = render_text(text, marks.all(), table_cells(record, text))
    release = record.get("release") or {}
    source = (record.get("source") or {}).get("path") or ""
    kind = f"<small>{esc(release['kind'])}</small> " if release.get("kind") else ""
    css, js = asset("review.css") + kind_css(), asset("review.js")
    return PAGE.format(title=esc(release.get("title") or source or "review"), kind=kind, source=esc(source),
                       css=css, js=js, css_hash=csp_hash(css), js_hash=csp_hash(js),
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
    if problems := validate(record):    # the page trusts the schema's types
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise Malformed(str(path), f"not a valid document: {problems[0]}{more}")
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


COUNTED = ("contacts", "sections", "countries")
INDEX_COLUMNS = ("title", "issuer", "kind", "date", "contacts", "sections", "countries", "warnings", "file")


def index_row(line: dict[str, Any], summary: dict[str, Any] | None, link: str | None) -> str:
    """One row; numbers sort as numbers (data-v), errors show their code in the warnings column."""
    path = line.get("path") or ""
    name = str(line.get("target") or path).removesuffix(".json")
    shown_path = f'<td class="file" title="{esc(path)}">{esc(name)}</td>'
    if summary is None:
        status = line.get("code") or line.get("status") or "error"
        cells = [f'<td data-v=""><span class="err">{esc(status)}</span> {esc(line.get("message") or "")}</td>',
                 *("<td></td>" for _ in range(3)), *('<td data-v="-1"></td>' for _ in range(3)),
                 f'<td data-v="{esc(status)}">{esc(status)}</td>', shown_path]
        return f'<tr class="failed">{"".join(cells)}</tr>'
    title = esc(summary["title"] or "(no title)")
    href = esc(quote(link or ""))
    cells = [f'<td data-v="{esc(summary["title"])}"><a href="{href}">{title}</a></td>']
    cells += [f'<td class="{k}">{esc(summary[k])}</td>' for k in ("issuer", "kind", "date")]
    cells += [f'<td class="n" data-v="{summary[k]}">{summary[k]}</td>' for k in COUNTED]
    codes = summary["warnings"]
    tally = Counter(str(c) for c in codes)
    said = ", ".join(f"{code}\u00a0×{n}" if n > 1 else code for code, n in tally.items())   # no break before ×
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
    written: set[Path] = set()
    for line in read_jsonl(out / INDEX):
        has_doc = line.get("status") == "ok" or line.get("was") == "ok"
        target = line.get("output") or line.get("target")
        summary = link = None
        if has_doc and isinstance(target, str):
            try:
                source, page = inside(out, target), inside(review, page_name(target))
                if source is None or page is None:
                    raise Malformed(target, "names a file outside the output directory")
                record = load_record(source)
            except PipelineError as exc:   # removed or damaged since the run: listed, not fatal
                line = {**line, "code": exc.code, "message": str(exc)}
                counts["unreadable"] += 1
            else:
                link = page_name(target)
                write_page(record, page)
                written.add(page)
                summary = summary_row(record)
                counts["pages"] += 1
        else:
            counts["failed"] += 1
        rows_html.append(index_row(line, summary, link))
    write_atomic(review / INDEX_PAGE, render_index(rows_html, counts))
    remove_stale_pages(review, written | {review / INDEX_PAGE})
    return counts


def remove_stale_pages(review: Path, keep: set[Path]) -> None:
    """Pages of documents an earlier run wrote and this one did not (their input now fails or is gone)."""
    for page in review.rglob("*.html"):
        if page not in keep:
            page.unlink(missing_ok=True)


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
<div class="rows"><table id="docs"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>
<script>{js}</script>
</body>
</html>
"""
