"""Release metadata: kind, issuer, title, subtitle, summary, embargo, distribution time,
attachments — and the verdict when the text is not a press release at all.

Reads: text, lines, blocks, page, front_matter. Writes: release.
Example: '이 보도자료는 2004년 7월 15일(목) 조간부터 보도하여 주시기 바랍니다.'
         → embargo {date '2004-07-15', weekday '목', edition 'morning'}.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..document import BlockKind, Document, Line, Span
from ..lexicon import Lexicon
from ..text import collapse, has_hangul, trimmed, without_spaces

K = BlockKind
WEEKDAYS = "월화수목금토일"
PROSE_MIN = 40          # a body line this long, mostly Hangul, is release prose


# --- kind and issuer -------------------------------------------------------------------

def match_kind(doc: Document, lex: Lexicon) -> str | None:
    """'보 도 자 료' in the header → '보도자료'; else the board headline's '[보도자료]' tag."""
    for line in doc.lines_of(K.RELEASE_HEADER) + doc.lines_of(K.TITLE):
        m = lex.KIND_LINE_RE.match(line.text)
        if m:
            return lex.kinds.get(without_spaces(m.group("kind")))
    for line in doc.lines_of(K.PAGE_HEADER):
        m = lex.HEADLINE_TAG_RE.match(line.text)
        if m:
            return lex.kinds.get(without_spaces(m.group("kind")))
    return None


def match_issuer(doc: Document, lex: Lexicon) -> dict[str, Any] | None:
    """'중소기업정보화경영원' / '(www.kimi.or.kr)' above the kind label."""
    name, website, span = None, None, None
    for line in doc.lines_of(K.RELEASE_HEADER):
        if not line.text or lex.KIND_LINE_RE.match(line.text):
            continue
        m = lex.WEBSITE_RE.match(line.text)
        if m:
            website = website or m.group("url")
        elif name is None and has_hangul(line.text) and len(line.text) <= 40 and not lex.URL_RE.search(line.text):
            name, span = collapse(line.text), line.content
    if name is None and doc.front_matter.get("ministry"):
        name = collapse(doc.front_matter["ministry"])
    if name is None and website is None:
        return None
    issuer = {"name": name, "website": website}
    if span:
        issuer["span"] = span.to_json()
    return issuer


# --- title block -----------------------------------------------------------------------

def parse_title_block(doc: Document, lex: Lexicon) -> dict[str, Any]:
    """'제 목' / '2004 APEC …' / '- … 모색 -' → title, subtitle; '◇ …' lines → summary."""
    title_lines: list[Line] = []
    subtitles: list[Line] = []
    summary: list[str] = []
    for line in doc.lines_of(K.TITLE):
        if not line.text or is_title_label_only(line, lex):
            continue
        marker = lex.MARKER_RE.match(line.text)
        if lex.SUBTITLE_RE.match(line.text) and line.text.endswith(("-", "―")) and title_lines:
            subtitles.append(line)
        elif marker and marker.lastgroup == "diamond":
            summary.append(collapse(line.text[marker.end():]))
        elif not subtitles and not summary:
            title_lines.append(line)
    out: dict[str, Any] = {"title": None, "subtitle": None, "summary": [s for s in summary if s]}
    spans: dict[str, list[int]] = {}
    if title_lines:
        out["title"] = collapse(" ".join(strip_title_label(l, lex) for l in title_lines))
        spans["title"] = trimmed(doc.text, title_lines[0].content.start, title_lines[-1].content.end).to_json()
    if subtitles:
        texts = [lex.SUBTITLE_RE.match(l.text).group("text") for l in subtitles]
        out["subtitle"] = collapse(" ".join(texts))
        spans["subtitle"] = trimmed(doc.text, subtitles[0].content.start, subtitles[-1].content.end).to_json()
    out["spans"] = spans
    return out


def is_title_label_only(line: Line, lex: Lexicon) -> bool:
    m = lex.TITLE_LABEL_RE.match(line.text)
    return bool(m) and not m.group("rest")


def strip_title_label(line: Line, lex: Lexicon) -> str:
    """'제목: 누리호 발사' → '누리호 발사'."""
    m = lex.TITLE_LABEL_RE.match(line.text)
    return m.group("rest") if m and m.group("rest") and ":" in line.text[:6] else line.text


# --- embargo ---------------------------------------------------------------------------

def year_hint(doc: Document) -> int | None:
    """The year for dates written without one: the page's posting date."""
    posted = (doc.page or {}).get("posted_at")
    return int(posted[:4]) if posted else None


def parse_date(value: str, lex: Lexicon, default_year: int | None) -> tuple[str | None, str | None]:
    """'2004년 7월 15일(목)' or '2024. 3. 5.(화)' or "'24.3.5." → ('2004-07-15', '목')."""
    for pattern in (lex.KOREAN_DATE_RE, lex.DOTTED_DATE_RE):
        for m in pattern.finditer(value):
            year = m.group("year")
            if year:
                digits = int(year.lstrip("'‘’´"))
                y = digits if digits > 99 else (2000 + digits if digits < 50 else 1900 + digits)
            else:
                y = default_year
            if y is None:
                continue
            try:
                return date(y, int(m.group("month")), int(m.group("day"))).isoformat(), m.group("weekday")
            except ValueError:
                continue
    return None, None


def parse_time(value: str, lex: Lexicon) -> str | None:
    """'12:00 이후' → '12:00'; '14시' → '14:00'; dates are not times."""
    for m in lex.TIME_RE.finditer(value):
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        if m.group("minute") is None and ":" in m.group():
            continue
        if hour <= 24 and minute <= 59:
            return f"{hour % 24:02d}:{minute:02d}"
    return None


def parse_edition(value: str, lex: Lexicon) -> str | None:
    if lex.EDITION_MORNING_RE.search(value):
        return "morning"
    if lex.EDITION_EVENING_RE.search(value):
        return "evening"
    if lex.EDITION_IMMEDIATE_RE.search(value):
        return "immediate"
    return None


def embargo_lines(doc: Document, lex: Lexicon) -> tuple[list[Line], list[Line]]:
    """Lines holding the release time and the distribution time (label lines with the
    value lines that follow them in the embargo block)."""
    release, distribution, current = [], [], None
    for line in doc.lines_of(K.EMBARGO):
        if not line.text or lex.KIND_LINE_RE.match(line.text):
            continue
        if lex.EMBARGO_LABEL_RE.match(line.text) or lex.EMBARGO_SENTENCE_RE.search(line.text):
            current = release
        elif lex.DISTRIBUTION_LABEL_RE.match(line.text):
            current = distribution
        if current is not None:
            current.append(line)
    return release, distribution


def value_text(lines: list[Line], lex: Lexicon) -> str:
    parts = []
    for line in lines:
        m = lex.EMBARGO_LABEL_RE.match(line.text) or lex.DISTRIBUTION_LABEL_RE.match(line.text)
        parts.append(m.group("value") if m else line.text)
    return collapse(" ".join(parts))


def parse_embargo(doc: Document, lines: list[Line], lex: Lexicon) -> dict[str, Any] | None:
    if not lines:
        return None
    value = value_text(lines, lex)
    day, weekday = parse_date(value, lex, year_hint(doc))
    span = trimmed(doc.text, lines[0].content.start, lines[-1].content.end)
    embargo = {"date": day, "time": parse_time(strip_dates(value, lex), lex), "weekday": weekday,
               "edition": parse_edition(value, lex), "text": value or collapse(span.slice(doc.text)),
               "span": span.to_json()}
    check_weekday(doc, embargo, span)
    return embargo


def strip_dates(value: str, lex: Lexicon) -> str:
    """Remove dates so that '7. 15' is not read as a time."""
    return lex.DOTTED_DATE_RE.sub(" ", lex.KOREAN_DATE_RE.sub(" ", value))


def check_weekday(doc: Document, embargo: dict[str, Any], span: Span) -> None:
    """'2024. 3. 5.(수)' — 3 March 2024 was a Tuesday: keep both, warn."""
    if embargo["date"] and embargo["weekday"]:
        actual = WEEKDAYS[date.fromisoformat(embargo["date"]).weekday()]
        if actual != embargo["weekday"]:
            doc.warn("release", "weekday_mismatch",
                     f"{embargo['date']} is a {actual}요일, the text says {embargo['weekday']}", span)


def parse_distribution(doc: Document, lines: list[Line], lex: Lexicon) -> str | None:
    """'배포 2024. 3. 4.(월) 10:00' → '2024-03-04T10:00:00+09:00'."""
    if not lines:
        return None
    value = value_text(lines, lex)
    day, _ = parse_date(value, lex, year_hint(doc))
    if day is None:
        return None
    time = parse_time(strip_dates(value, lex), lex)
    return f"{day}T{time}:00+09:00" if time else day


# --- attachments -----------------------------------------------------------------------

def match_attachments(doc: Document, lex: Lexicon) -> list[dict[str, Any]]:
    """An inline '(요약문 별첨 자료)' names an attachment: label '별첨', text '요약문 별첨 자료'."""
    found = []
    for line in doc.lines_of(K.BODY):
        for m in lex.INLINE_ATTACHMENT_RE.finditer(line.text):
            start = line.content.start + m.start("text")
            found.append({"label": m.group("label"), "text": collapse(m.group("text")),
                          "span": trimmed(doc.text, start, start + len(m.group("text"))).to_json()})
    return found


# --- is this a release at all? ---------------------------------------------------------

def looks_like_release(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """A kind label, a release time, a contact table, or Hangul prose in the body."""
    if release["kind"] or release["embargo"] or doc.blocks_of(K.CONTACT):
        return True
    return any(is_prose(line) for line in doc.lines_of(K.BODY))


def is_prose(line: Line) -> bool:
    hangul = sum(1 for ch in line.text if "\uac00" <= ch <= "\ud7a3")
    return len(line.text) >= PROSE_MIN and hangul * 2 >= len(line.text.replace(" ", ""))


def run(doc: Document, lex: Lexicon) -> None:
    release_lines, distribution_lines = embargo_lines(doc, lex)
    title = parse_title_block(doc, lex)
    release: dict[str, Any] = {
        "kind": match_kind(doc, lex),
        "issuer": match_issuer(doc, lex),
        "title": title["title"],
        "subtitle": title["subtitle"],
        "summary": title["summary"],
        "embargo": parse_embargo(doc, release_lines, lex),
        "distributed_at": parse_distribution(doc, distribution_lines, lex),
        "attachments": match_attachments(doc, lex),
        "spans": title["spans"],
    }
    if not looks_like_release(doc, lex, release):
        doc.warn("release", "not_a_press_release",
                 "no kind label, release time, contact table or Korean prose: not a press release")
        release.update(title=None, subtitle=None, summary=[], issuer=None, attachments=[], spans={})
    doc.release = release
