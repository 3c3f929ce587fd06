"""An issuer's name as of a release's date, and the ministry that supervises a public body.

Two tables in data/:
- issuers.toml [[era]]: when each ministry's name was in force ('기획재정부' from 2008-02-29
  until 2026-01-02, then split into 재정경제부 and 기획예산처). `lex.issuers` (issuers.toml
  [[issuer]]) tells which names belong to one line of bodies; the eras tell which body a name
  meant on a date, so a 2020 '기획재정부' stays 기획재정부 and a 2026 '재정경제부' never becomes it.
- supervisors.tsv: public body → its 주무부처, with the source each row was read from.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

from .lexicon import read_toml, read_tsv


@dataclass(frozen=True)
class Era:
    name: str                          # the full name in force
    short: tuple[str, ...]             # its short forms in that era ('기재부')
    start: date | None                 # None: before any reorganisation the table records
    end: date | None                   # None: still in force
    successors: tuple[str, ...]        # the bodies that took over at `end` (two: a split)

    def holds(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


def parse_day(value: str | None) -> date | None:
    """'2026-01-02' (the tables), '2026-04-13T10:00' (a release's time), '04/13/2026 10:23:16'
    (a korea.kr record's approve_date) → a date; anything else → None."""
    if not value:
        return None
    value = value.strip()
    try:
        if len(value) >= 10 and value[2] == "/" and value[5] == "/":
            return date(int(value[6:10]), int(value[:2]), int(value[3:5]))
        return date.fromisoformat(value[:10])
    except (ValueError, IndexError):
        return None


@functools.cache
def eras() -> tuple[Era, ...]:
    found = []
    for entry in read_toml("issuers.toml").get("era", ()):
        found.append(Era(entry["name"], tuple(entry.get("short", ())), parse_day(entry.get("from")),
                         parse_day(entry.get("until")), tuple(entry.get("successors", ()))))
    return tuple(found)


@functools.cache
def eras_by_name() -> dict[str, tuple[Era, ...]]:
    """Each name, full or short, → the eras bearing it, in the table's order: a look-up where
    every release's issuer scanned the whole table."""
    index: dict[str, list[Era]] = {}
    for era in eras():
        for name in dict.fromkeys((era.name, *era.short)):
            index.setdefault(name, []).append(era)
    return {name: tuple(found) for name, found in index.items()}


def eras_of(written: str) -> list[Era]:
    return list(eras_by_name().get(written, ()))


def forward(era: Era, day: date | None) -> str | None:
    """The body that carries `era`'s name on `day` (None: today), following renames; None when
    a split leaves no single successor or the table holds no era for the successor."""
    seen = 0
    while era.end is not None and (day is None or day >= era.end):
        if len(era.successors) != 1 or seen > len(eras()):
            return None
        following = [e for e in eras_of(era.successors[0]) if e.start == era.end and e.name == era.successors[0]]
        if not following:
            return era.successors[0]
        era, seen = following[0], seen + 1
    return era.name


def name_as_of(written: str, current: str | None, day: date | None) -> str | None:
    """The full name of the body `written` meant on `day`: the era holding that day ('기재부' in
    2020 → 기획재정부); past its era's end the successor as of that day; undated, the body as of
    today. Names the eras do not record go by the lexicon's current name (`current`). None
    when the name was not in force on that day, or a split leaves it ambiguous."""
    candidates = eras_of(written)
    if not candidates:
        return current
    if day is not None:
        holding = [e for e in candidates if e.holds(day)]
        if holding:
            return holding[0].name
        before = [e for e in candidates if e.end is not None and e.end <= day]
        return forward(max(before, key=lambda e: e.end or day), day) if before else None
    latest = max(candidates, key=lambda e: (e.end is None, e.end or date.min))
    return forward(latest, None)


@dataclass(frozen=True)
class Supervisor:
    ministry: str          # the 주무부처 as the source names it
    as_of: str             # the source's date
    source: str            # the source's key in the file header


@functools.cache
def supervisors() -> dict[str, Supervisor]:
    """supervisors.tsv (sourced row by row) over supervisors_portal.tsv (learnt from the korea.kr
    records by scripts/gen_supervisors.py; its source reads 'korea-kr n/m', the records agreeing
    of those naming the body)."""
    table: dict[str, Supervisor] = {}
    for row in read_tsv("supervisors.tsv"):
        if row[0] == "body":
            continue
        if len(row) != 4:
            raise ValueError(f"supervisors.tsv: bad row {row!r}")
        body, ministry, as_of, source = row
        if body in table:
            raise ValueError(f"supervisors.tsv: {body} is listed twice")
        table[body] = Supervisor(ministry, as_of, source)
    for row in read_tsv("supervisors_portal.tsv"):
        if len(row) != 5:
            raise ValueError(f"supervisors_portal.tsv: bad row {row!r}")
        body, ministry, as_of, agreeing, records = row
        table.setdefault(body, Supervisor(ministry, as_of, f"korea-kr {agreeing}/{records}"))
    return table


@dataclass(frozen=True)
class Chair:
    meeting: str
    chair: str             # the office ('경제부총리')
    ministry: str          # the chair's ministry while the row is in force
    start: date | None
    end: date | None
    source: str


@functools.cache
def meeting_chairs() -> tuple[Chair, ...]:
    rows = []
    for row in read_tsv("meeting_chairs.tsv"):
        if row[0] == "meeting":
            continue
        if len(row) != 6:
            raise ValueError(f"meeting_chairs.tsv: bad row {row!r}")
        meeting, chair, ministry, start, end, source = row
        rows.append(Chair(meeting, chair, ministry, parse_day(start), parse_day(end), source))
    return tuple(rows)


def chairs_in(text: str, day: date | None) -> list[tuple[Chair, int]]:
    """The meetings of the table that `text` names, each with its row in force on `day` (the
    open row when undated) and where the name starts."""
    found = []
    for row in meeting_chairs():
        at = text.find(row.meeting)
        in_force = (row.end is None) if day is None else \
            ((row.start is None or row.start <= day) and (row.end is None or day < row.end))
        if at >= 0 and in_force:
            found.append((row, at))
    return found
