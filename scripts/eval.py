"""`make eval`: agreement figures of the pipeline over the shared corpora.

Runs the pipeline over the korea.kr records of ../shared/corpus/korea-kr/ (only the body: the
text after the record's `## 본문` line, up to its `## 출처` footer, so nothing comes from the
record's metadata) and over the text, HTML, Markdown and JSON files of ../shared/corpus/real/
(hwp, hwpx and pdf are skipped), then prints one table and writes per-document details to
output/eval/details.jsonl. Exits 0 with a message when ../shared is absent.

The metric functions below are pure and small so that tests/test_eval_metrics.py can check
them on tiny inputs. The expected values are defined here, independently of the pipeline's own
patterns, so that a pipeline change cannot move the yardstick.
"""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
REAL_SUFFIXES = {".txt", ".html", ".htm", ".md", ".json"}
SIMILAR = 0.8                 # difflib ratio at which two titles are the same title
TITLE_SCAN_LINES = 12         # the record title must sit within the body's first lines
SENTENCE_LENGTH = 120         # a "title" longer than this is a paragraph

BODY_START_RE = re.compile(r"^##\s*본문\s*$", re.MULTILINE)
BODY_END_RE = re.compile(r"^##\s*(?:출처|첨부/링크)\s*$", re.MULTILINE)  # the record's own footer
FRONT_TITLE_RE = re.compile(r'^title:\s*"?(?P<title>.*?)"?\s*$', re.MULTILINE)
# A Korean phone number as written in releases: 044-201-3333, 02)3787-0433, (044)201-3333.
PHONE_RE = re.compile(r"(?<!\d)\(?0\d{1,3}\)?\s*[-).\s]\s*\d{3,4}\s*[-.]\s*\d{4}(?!\d)")
# A release-time label: 보도시점 / 보도일시, letter-spaced or not.
EMBARGO_LABEL_RE = re.compile(r"보\s*도\s*(?:시\s*점|일\s*시)")
SQUARE = "□"
# A kind tag the portal puts before a title: "(설명자료)…", "[보도참고] …".
TITLE_TAG_RE = re.compile(r"^\s*[\[(【〔<]\s*[^\])】〕>]{1,10}[\])】〕>]\s*")


# --- corpus ----------------------------------------------------------------------------

@dataclass
class Case:
    """One document to run: its corpus, file name, the bytes fed and what we expect."""
    corpus: str
    name: str
    data: bytes
    expected_title: str | None = None


def split_record(markdown: str) -> tuple[str | None, str]:
    """A korea.kr record → (its front-matter title, its body between `## 본문` and the `## 첨부/링크` or `## 출처` footer)."""
    head = markdown.split("\n---", 1)[0] if markdown.startswith("---") else ""
    found = FRONT_TITLE_RE.search(head)
    title = found.group("title").replace('\\"', '"') if found else None
    start = BODY_START_RE.search(markdown)
    if not start:
        return title, ""
    body = markdown[start.end():]
    end = BODY_END_RE.search(body)
    return title, (body[:end.start()] if end else body).strip("\n") + "\n"


def korea_cases(folder: Path) -> Iterator[Case]:
    for path in sorted(folder.glob("*.md")):
        title, body = split_record(path.read_text(encoding="utf-8"))
        yield Case("korea-kr", path.name, body.encode("utf-8"), title)


def real_cases(folder: Path) -> Iterator[Case]:
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in REAL_SUFFIXES:
            yield Case("real", path.name, path.read_bytes())


# --- metrics ---------------------------------------------------------------------------

def squeeze(value: str) -> str:
    return re.sub(r"\s+", "", value)


def similarity(a: str, b: str) -> float:
    """difflib ratio of the two strings with all white space removed."""
    return difflib.SequenceMatcher(None, squeeze(a), squeeze(b), autojunk=False).ratio()


def same_title(found: str | None, expected: str) -> bool:
    """Similar enough, also once a portal kind tag such as '(설명자료)' is dropped."""
    if not found:
        return False
    bare = TITLE_TAG_RE.sub("", expected)
    return max(similarity(found, expected), similarity(found, bare)) >= SIMILAR


def title_in_lead(body: str, expected: str, scan: int = TITLE_SCAN_LINES) -> str | None:
    """The line, or two consecutive lines joined, among the body's first non-blank lines that
    carry the record's title; None when no such line is there."""
    lines = [ln.strip() for ln in body.splitlines() if ln.strip()][:scan]
    for i, line in enumerate(lines):
        if same_title(line, expected):
            return line
        if i + 1 < len(lines) and same_title(line + " " + lines[i + 1], expected):
            return line + " " + lines[i + 1]
    return None


def is_sentence(value: str) -> bool:
    """A body sentence rather than a headline: it ends with a full stop, or runs long."""
    value = value.strip()
    return value.endswith(".") or len(value) > SENTENCE_LENGTH


def title_outcome(record: dict[str, Any], body: str, expected: str | None) -> dict[str, Any] | None:
    """Where the body carries the record's title: 'match' or 'miss'. Elsewhere: 'null' (right),
    'false' (a body sentence was made the title) or 'other' (a headline-like line that is not
    the portal's title, e.g. a body's own headline under a portal title such as '주례회동(11.6)')."""
    if not expected:
        return None
    found = (record.get("release") or {}).get("title")
    carried = title_in_lead(body, expected)
    if carried:
        outcome = "match" if same_title(found, expected) else "miss"
    else:
        outcome = "null"
        if found and not same_title(found, expected):
            outcome = "false" if is_sentence(found) else "other"
    return {"outcome": outcome, "extracted": found, "expected": carried or expected,
            "in_body": bool(carried)}


def phone_outcome(record: dict[str, Any], text: str) -> dict[str, Any] | None:
    """'match' when a body holding a phone number yields a contact with a phone."""
    numbers = PHONE_RE.findall(text)
    if not numbers:
        return None
    phones = [c.get("phone") for c in record.get("contacts") or [] if c.get("phone")]
    return {"outcome": "match" if phones else "miss", "extracted": phones[:5], "expected": numbers[:5]}


def walk(nodes: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in nodes:
        yield node
        yield from walk(node.get("children") or [])


def all_nodes(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from walk(record.get("sections") or [])
    for appendix in record.get("appendices") or []:
        yield from walk(appendix.get("sections") or [])


def line_at(text: str, start: int) -> str:
    """The rest of the line that holds offset `start`, stripped."""
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)].strip()


def square_line_starts(text: str) -> list[int]:
    """Offsets of the first character of every line that opens with □."""
    starts, offset = [], 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        if stripped.startswith(SQUARE):
            starts.append(offset + len(line) - len(stripped))
        offset += len(line) + 1
    return starts


def square_outcome(record: dict[str, Any]) -> dict[str, Any] | None:
    """How many □ lines of the record's text open a □ node (found, total)."""
    starts = square_line_starts(record.get("text") or "")
    if not starts:
        return None
    opened = {n["span"][0] for n in all_nodes(record) if n.get("marker") == SQUARE}
    missed = [s for s in starts if s not in opened]
    return {"outcome": "match" if not missed else "miss", "found": len(starts) - len(missed),
            "total": len(starts), "extracted": len(starts) - len(missed), "expected": len(starts),
            "missed": [line_at(record["text"], s)[:60] for s in missed[:5]]}


def embargo_outcome(record: dict[str, Any]) -> dict[str, Any] | None:
    """'match' when a text with a 보도시점/보도일시 label gets an embargo with a date."""
    text = record.get("text") or ""
    label = EMBARGO_LABEL_RE.search(text)
    if not label:
        return None
    embargo = (record.get("release") or {}).get("embargo") or {}
    return {"outcome": "match" if embargo.get("date") else "miss",
            "extracted": embargo.get("date"), "expected": line_at(text, label.start())[:80]}


# --- the run ---------------------------------------------------------------------------

@dataclass
class Tally:
    """Counts of one corpus (or of all): documents, failures, and per-metric outcomes."""
    documents: int = 0
    crashed: int = 0
    rejected: int = 0
    valid: int = 0
    seconds: float = 0.0
    outcomes: dict[str, dict[str, int]] = field(default_factory=dict)
    squares: list[int] = field(default_factory=lambda: [0, 0])

    def count(self, metric: str, outcome: str) -> None:
        self.outcomes.setdefault(metric, {}).setdefault(outcome, 0)
        self.outcomes[metric][outcome] += 1

    def share(self, metric: str, good: str, among: tuple[str, ...]) -> tuple[int, int]:
        got = self.outcomes.get(metric, {})
        return got.get(good, 0), sum(got.get(o, 0) for o in among)


def evaluate(case: Case, parse, validate) -> dict[str, Any]:
    """Run one case; return its detail row (record-level outcomes, no record)."""
    from pipeline import InternalError, PipelineError
    row: dict[str, Any] = {"file": case.name, "corpus": case.corpus}
    started = time.perf_counter()
    try:
        record = parse(case.data, case.name)
    except InternalError as exc:
        row.update(status="crash", error=str(exc))
        return row | {"seconds": time.perf_counter() - started}
    except PipelineError as exc:
        row.update(status="rejected", error=f"{exc.code}: {exc}")
        return row | {"seconds": time.perf_counter() - started}
    row["seconds"] = time.perf_counter() - started
    errors = validate(record)
    row.update(status="ok", schema_errors=[str(e) for e in errors[:5]])
    body = case.data.decode("utf-8", errors="replace")
    metrics = {"title": title_outcome(record, body, case.expected_title) if case.corpus == "korea-kr" else None,
               "phone": phone_outcome(record, record.get("text") or ""),
               "square": square_outcome(record),
               "embargo": embargo_outcome(record) if case.corpus == "real" else None}
    row["metrics"] = {k: v for k, v in metrics.items() if v is not None}
    return row


def add(tally: Tally, row: dict[str, Any]) -> None:
    tally.documents += 1
    tally.seconds += row.get("seconds", 0.0)
    if row["status"] == "crash":
        tally.crashed += 1
        return
    if row["status"] == "rejected":
        tally.rejected += 1
        return
    tally.valid += not row["schema_errors"]
    for name, result in row["metrics"].items():
        tally.count(name, result["outcome"])
        if name == "square":
            tally.squares[0] += result["found"]
            tally.squares[1] += result["total"]


def percent(num: int, den: int) -> str:
    return f"{100 * num / den:5.1f}% ({num}/{den})" if den else "    -"


def table_rows(t: Tally) -> list[tuple[str, str]]:
    parsed = t.documents - t.crashed - t.rejected
    title = t.share("title", "match", ("match", "miss"))
    false = t.share("title", "false", ("false", "null", "other"))
    other = t.share("title", "other", ("false", "null", "other"))
    return [
        ("documents", str(t.documents)),
        ("crash-free", percent(t.documents - t.crashed, t.documents)),
        ("rejected (clean error)", str(t.rejected)),
        ("schema-valid", percent(t.valid, parsed)),
        ("docs/s", f"{t.documents / t.seconds:.1f}" if t.seconds else "-"),
        ("title (target >= 95%)", percent(*title)),
        ("false titles (target <= 2%)", percent(*false)),
        ("  other headline as title", percent(*other)),
        ("phone (target >= 95%)", percent(*t.share("phone", "match", ("match", "miss")))),
        ("□ lines (target >= 98%)", percent(*t.squares)),
        ("embargo (target 100%)", percent(*t.share("embargo", "match", ("match", "miss")))),
    ]


def render_table(tallies: dict[str, Tally]) -> str:
    names = list(tallies)
    columns = [table_rows(tallies[n]) for n in names]
    width = max(len(label) for label, _ in columns[0])
    cells = [max(len(names[i]), *(len(v) for _, v in col)) for i, col in enumerate(columns)]
    out = [" " * width + " | " + " | ".join(n.rjust(cells[i]) for i, n in enumerate(names))]
    out.append("-" * len(out[0]))
    for r, (label, _) in enumerate(columns[0]):
        out.append(label.ljust(width) + " | " + " | ".join(col[r][1].rjust(cells[i])
                                                           for i, col in enumerate(columns)))
    return "\n".join(out)



# --- gold: the semantic fields against releases annotated by reading ------------------------
#
# tests/gold/*.toml hold what a careful reader marks in a release: the event, sessions,
# talks, people, the countries with findings and the key figures. Every field group is scored
# as atoms (one value of one field), so precision and recall say how many of the values we
# produced are right and how many of the reader's we found.
#
# Matching, stated once:
# - text is compared after NFC, quote marks dropped and white space removed;
# - a name matches by exact Hangul (spaces collapsed), or the reader's hanja against ours;
# - longer text (titles, affiliations, venues, event names) matches when one contains the
#   other or their difflib ratio is at least GOLD_SIMILAR;
# - dates and ISO codes match exactly; numbers by value and unit;
# - the reader marks the *key* figures only, so a figure of ours counts against precision only
#   when it reads a key figure's text and gets its value or unit wrong; the rest are unjudged.

GOLD_SIMILAR = 0.8
GOLD_GROUPS = ("event", "sessions", "talks", "people", "countries", "figures")
QUOTES_RE = re.compile(r"[\"'‘’“”「」『』｢｣《》〈〉<>\[\]【】]")


def gold_squash(value: Any) -> str:
    """'「2004 APEC  포럼」' → '2004APEC포럼': the form every text comparison sees."""
    import unicodedata
    text = unicodedata.normalize("NFC", str(value or ""))
    return re.sub(r"\s+", "", QUOTES_RE.sub("", text))


def gold_same_text(found: Any, expected: Any) -> bool:
    """Same squashed text, containment or a close ratio; a reader's hanja ('廳長') is compared
    read into Hangul ('청장') too."""
    from pipeline.text import read_hanja     # the pipeline's reading table, the same on every branch
    a, b = gold_squash(found), gold_squash(expected)
    if b and read_hanja(b) != b and gold_same_text(found, read_hanja(b)):
        return True
    if not a or not b:
        return False
    return a == b or a in b or b in a or difflib.SequenceMatcher(None, a, b).ratio() >= GOLD_SIMILAR


def gold_same_name(found: dict[str, Any], expected: str) -> bool:
    want = gold_squash(expected)
    return want in (gold_squash(found.get("name")), gold_squash(found.get("name_hanja")))


@dataclass
class GoldScore:
    """Atoms per field group: true positives, false positives, misses (with what was missed)."""
    counts: dict[str, list[int]] = field(default_factory=lambda: {g: [0, 0, 0] for g in GOLD_GROUPS})
    misses: list[str] = field(default_factory=list)
    false: list[str] = field(default_factory=list)
    unjudged_figures: int = 0

    def hit(self, group: str) -> None:
        self.counts[group][0] += 1

    def extra(self, group: str, what: str) -> None:
        self.counts[group][1] += 1
        self.false.append(f"{group}: {what}")

    def miss(self, group: str, what: str) -> None:
        self.counts[group][2] += 1
        self.misses.append(f"{group}: {what}")

    def compare(self, group: str, label: str, found: Any, expected: Any, same=None) -> None:
        """One attribute of a matched pair: right, wrong (a false value and a miss) or absent."""
        if expected in (None, "", []):
            if found not in (None, "", []):
                self.extra(group, f"{label} {found!r} (the reader marks none)")
            return
        if found in (None, "", []):
            self.miss(group, f"{label} {expected!r}")
        elif (same or (lambda a, b: a == b))(found, expected):
            self.hit(group)
        else:
            self.extra(group, f"{label} {found!r}")
            self.miss(group, f"{label} {expected!r} (got {found!r})")

    def merge(self, other: "GoldScore", prefix: str) -> None:
        for g in GOLD_GROUPS:
            for i in range(3):
                self.counts[g][i] += other.counts[g][i]
        self.misses += [f"{prefix}: {m}" for m in other.misses]
        self.false += [f"{prefix}: {m}" for m in other.false]
        self.unjudged_figures += other.unjudged_figures


def gold_pairs(found: list[dict[str, Any]], expected: list[dict[str, Any]], same) -> tuple[
        list[tuple[dict[str, Any], dict[str, Any]]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Greedy one-to-one pairing in the reader's order: (pairs, unmatched found, unmatched expected)."""
    free = list(found)
    pairs, lost = [], []
    for want in expected:
        got = next((f for f in free if same(f, want)), None)
        if got is None:
            lost.append(want)
        else:
            free.remove(got)
            pairs.append((got, want))
    return pairs, free, lost


def score_event(score: GoldScore, event: dict[str, Any] | None, gold: dict[str, Any] | None) -> None:
    event, gold = event or {}, gold or {}
    score.compare("event", "name", event.get("name"), gold.get("name"), gold_same_text)
    score.compare("event", "start", event.get("start_date"), gold.get("start"))
    # A one-day event: the reader leaves `end` out where we repeat the start; the same value.
    end = event.get("end_date")
    if end == event.get("start_date") and not gold.get("end"):
        end = None
    score.compare("event", "end", end, gold.get("end") or (gold.get("start") if end and end == gold.get("start") else None))
    score.compare("event", "venue", event.get("venue"), gold.get("venue"), gold_same_text)
    pairs, extra, lost = gold_pairs(event.get("hosts") or [], gold.get("hosts") or [], gold_same_text)
    for _ in pairs:
        score.hit("event")
    for host in extra:
        score.extra("event", f"host {host!r}")
    for host in lost:
        score.miss("event", f"host {host!r}")


def same_session(found: dict[str, Any], want: dict[str, Any]) -> bool:
    if gold_squash(found.get("label")) == gold_squash(want.get("label")):
        return True
    word = re.sub(r"[\d\s\[\]()제]", "", want.get("label", ""))
    return (want.get("number") is not None and found.get("number") == want.get("number")
            and word and word in (found.get("label") or ""))


def score_sessions(score: GoldScore, sessions: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    pairs, extra, lost = gold_pairs(sessions, gold, same_session)
    for got, want in pairs:
        score.hit("sessions")
        score.compare("sessions", f"{want['label']} number", got.get("number"), want.get("number"))
        score.compare("sessions", f"{want['label']} title", got.get("title"), want.get("title"), gold_same_text)
    for got in extra:
        score.extra("sessions", f"session {got.get('label')!r}")
    for want in lost:
        score.miss("sessions", f"session {want.get('label')!r}")
        for key in ("number", "title"):
            if want.get(key) is not None:
                score.miss("sessions", f"{want['label']} {key} {want[key]!r}")


def found_talks(record: dict[str, Any]) -> list[dict[str, Any]]:
    talks = [{**t, "session": s.get("label")} for s in record.get("sessions") or [] for t in s.get("talks") or []]
    return talks + [{**t, "session": None} for t in record.get("talks") or []]


def same_talk(found: dict[str, Any], want: dict[str, Any]) -> bool:
    """By speaker; a talk the reader lists without one (a program's title only) by its title."""
    if want.get("speaker"):
        return gold_squash(found.get("speaker")) == gold_squash(want["speaker"])
    return gold_same_text(found.get("topic"), want.get("title"))


def talk_name(talk: dict[str, Any]) -> str:
    return talk.get("speaker") or repr(talk.get("topic") or talk.get("title"))


def score_talks(score: GoldScore, talks: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    pairs, extra, lost = gold_pairs(talks, gold, same_talk)
    for got, want in pairs:
        score.hit("talks")
        who = talk_name(want)
        score.compare("talks", f"{who} session", got.get("session"), want.get("session"),
                      lambda a, b: gold_squash(a) == gold_squash(b))
        score.compare("talks", f"{who} title", got.get("topic"), want.get("title"), gold_same_text)
        score.compare("talks", f"{who} affiliation", got.get("affiliation"), want.get("affiliation"), gold_same_text)
        score.compare("talks", f"{who} country", got.get("country"), want.get("country"))
    for got in extra:
        score.extra("talks", f"talk {talk_name(got)}")
    for want in lost:
        score.miss("talks", f"talk {talk_name(want)}")
        for key in ("session", "title", "affiliation", "country"):
            if want.get(key):
                score.miss("talks", f"{talk_name(want)} {key} {want[key]!r}")


# The reader's role words mapped onto the contract's (schema: keynote, presenter, moderator,
# panelist, greeting, head, contact); words the contract has no role for (participant, official,
# attendee, quoted, host …) are not scored, and `unscored_roles` counts them.
GOLD_ROLE_MAP = {"chair": "moderator", "좌장": "moderator", "moderator": "moderator",
                 "discussant": "panelist", "panellist": "panelist", "panelist": "panelist", "패널": "panelist",
                 "keynote": "keynote", "presenter": "presenter", "head": "head", "contact": "contact",
                 "축사": "greeting", "개회사": "greeting", "인사말": "greeting", "greeting": "greeting"}


def gold_roles(roles: list[str]) -> set[str]:
    return {GOLD_ROLE_MAP[r] for r in roles if r in GOLD_ROLE_MAP}


def score_people(score: GoldScore, people: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    pairs, extra, lost = gold_pairs(people, gold, lambda f, w: gold_same_name(f, w.get("name", "")))
    for got, want in pairs:
        score.hit("people")
        who = want["name"]
        score.compare("people", f"{who} title", got.get("title"), want.get("title"), gold_same_text)
        score.compare("people", f"{who} affiliation", got.get("affiliation"), want.get("affiliation"), gold_same_text)
        score.compare("people", f"{who} country", got.get("country"), want.get("country"))
        roles, wanted = set(got.get("roles") or []), gold_roles(want.get("roles") or [])
        for role in sorted(roles & wanted):
            score.hit("people")
        for role in sorted(roles - wanted):
            score.extra("people", f"{who} role {role}")
        for role in sorted(wanted - roles):
            score.miss("people", f"{who} role {role}")
    for got in extra:
        score.extra("people", f"person {got.get('name')!r}")
    for want in lost:
        score.miss("people", f"person {want.get('name')!r}")
        for key in ("title", "affiliation", "country"):
            if want.get(key):
                score.miss("people", f"{want['name']} {key} {want[key]!r}")
        for role in sorted(gold_roles(want.get("roles") or [])):
            score.miss("people", f"{want['name']} role {role}")


def score_countries(score: GoldScore, countries: list[dict[str, Any]], gold: list[str]) -> None:
    found = {c.get("iso_code") for c in countries}
    for code in sorted(found & set(gold)):
        score.hit("countries")
    for code in sorted(found - set(gold)):
        score.extra("countries", code)
    for code in sorted(set(gold) - found):
        score.miss("countries", code)


def same_number(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(b)))
    except (TypeError, ValueError):
        return False


def score_figures(score: GoldScore, figures: list[dict[str, Any]], gold: list[dict[str, Any]]) -> None:
    """Key figures only: a figure of ours is judged when its text is a key figure's text."""
    def same_text(f: dict[str, Any], w: dict[str, Any]) -> bool:
        a, b = gold_squash(f.get("text")), gold_squash(w.get("text"))
        return bool(a and b) and (a in b or b in a)

    def same(f: dict[str, Any], w: dict[str, Any]) -> bool:
        return (same_text(f, w) and same_number(f.get("value"), w.get("value"))
                and gold_squash(f.get("unit")) == gold_squash(w.get("unit")))
    pairs, extra, lost = gold_pairs(figures, gold, same)
    for _ in pairs:
        score.hit("figures")
    for got in extra:
        # judged when it reads a key figure's whole text ('7명' inside '미국 11명(7명)' is not)
        keys = [w for w in gold if gold_squash(w.get("text")) and gold_squash(w.get("text")) in gold_squash(got.get("text"))]
        if keys and not any(same(got, w) for w in keys):
            score.extra("figures", f"{got.get('text')!r} read as {got.get('value')} {got.get('unit')}")
        else:           # not a key figure, or a key figure written again
            score.unjudged_figures += 1
    for want in lost:
        score.miss("figures", f"{want.get('text')!r} = {want.get('value')} {want.get('unit')}")


def gold_countries(gold: dict[str, Any]) -> list[str]:
    """The reader's country codes. A `countries = […]` written after the last `[[people]]` table
    belongs to that table in TOML; it is read from there too (the annotation's intent is plain)."""
    if "countries" in gold:
        return gold["countries"]
    for key in ("figures", "people", "talks", "sessions"):
        for entry in reversed(gold.get(key) or []):
            if isinstance(entry, dict) and isinstance(entry.get("countries"), list):
                return entry["countries"]
    return []


def score_gold(record: dict[str, Any], gold: dict[str, Any]) -> GoldScore:
    """One release's record against its reader's annotation."""
    score = GoldScore()
    score_event(score, record.get("event"), gold.get("event"))
    score_sessions(score, record.get("sessions") or [], gold.get("sessions") or [])
    score_talks(score, found_talks(record), gold.get("talks") or [])
    score_people(score, record.get("people") or [], gold.get("people") or [])
    score_countries(score, record.get("countries") or [], gold_countries(gold))
    score_figures(score, record.get("figures") or [], gold.get("figures") or [])
    return score


def gold_input(shared: Path, source: str) -> tuple[Path, Path | None]:
    """The file a gold entry names, and for govpress HWP/HWPX its ground-truth text, read
    instead when the pipeline refuses the file (before it reads HWP natively)."""
    path = shared / "corpus" / source
    if path.suffix.lower() in (".hwp", ".hwpx") and path.parent.name == "govpress":
        return path, path.parent / "ground-truth" / f"{path.stem}.txt"
    return path, None


def parse_gold_source(path: Path, fallback: Path | None, parse_file) -> tuple[dict[str, Any], str]:
    """The record, and how it was read: natively, or from the ground-truth text."""
    from pipeline import PipelineError
    try:
        return parse_file(str(path)), "native"
    except PipelineError:
        if fallback is None or not fallback.is_file():
            raise
        return parse_file(str(fallback)), "ground-truth text"


def gold_report(shared: Path, gold_dir: Path, parse_file) -> tuple[GoldScore, list[str]]:
    """Every gold file scored; the notes say which were read from ground-truth text or skipped."""
    import tomllib
    total, notes = GoldScore(), []
    for path in sorted(gold_dir.glob("*.toml")):
        gold = tomllib.loads(path.read_text(encoding="utf-8"))
        source, fallback = gold_input(shared, gold["source"])
        if not source.is_file():
            notes.append(f"{path.name}: {source} is absent, skipped")
            continue
        try:
            record, how = parse_gold_source(source, fallback, parse_file)
        except Exception as exc:  # a refused input is a finding of the report, not a crash of it
            notes.append(f"{path.name}: {type(exc).__name__}: {exc}")
            continue
        if how != "native":
            notes.append(f"{path.name}: scored on the {how}")
        total.merge(score_gold(record, gold), path.stem)
    return total, notes


def render_gold(score: GoldScore, notes: list[str]) -> str:
    out = ["field group | precision | recall", "----------- | --------- | ------"]
    for g in GOLD_GROUPS:
        tp, fp, fn = score.counts[g]
        out.append(f"{g:<11} | {percent(tp, tp + fp):>9} | {percent(tp, tp + fn)}")
    out.append(f"(figures of ours not among the key figures, unjudged: {score.unjudged_figures})")
    out += ["", "misses:"] + [f"  {m}" for m in score.misses]
    out += ["", "false values:"] + [f"  {m}" for m in score.false]
    out += ["", "notes:"] + [f"  {n}" for n in notes]
    return "\n".join(out)



# --- coverage of the semantic stages over the korea.kr bodies -----------------------------
#
# Detectors written here, independently of the pipeline's patterns: a body "mentions
# sessions" when it writes a session label, "has a programme" when a line opens with a
# programme role and a colon or bracket, "has per-country findings" when a line opens with a
# bracketed country, pairs two countries with numbers, or makes a country the subject of a
# sentence with a figure ('일본은 … 12% 증가'). Coverage is the share of those bodies
# where the stage produced something of that kind.

COVERAGE_COUNTRIES = ("미국|중국|일본|독일|영국|프랑스|베트남|인도네시아|인도|러시아|호주|캐나다|태국|필리핀|"
                      "말레이시아|싱가포르|브라질|멕시코|대만|이탈리아|스페인|네덜란드|스웨덴|몽골|카자흐스탄|"
                      "우즈베키스탄|사우디아라비아|아랍에미리트|튀르키예|폴란드|칠레|페루|이집트|남아공|뉴질랜드|"
                      "홍콩|라오스|캄보디아|미얀마|방글라데시|헝가리|체코|덴마크|노르웨이|핀란드|스위스|오스트리아")
SESSION_MENTION_RE = re.compile(
    r"(?<![가-힣])(?:\[?\s*세션\s?\d|\d\s?세션|세션(?:에서|은|는|으로|\s?:)|제\s?\d+\s?(?:세션|분과|부(?=[\s:에은는)]))"
    r"|\(\s*\d부\s*\)|(?<![\d가-힣])\d부(?:에서|는|\s?:)|종합토론|라운드테이블|특별세션|[첫두세네]\s?번째\s?세션)")
PROGRAM_LINE_RE = re.compile(
    r"^\s*[ㅇ○·•\-▲]?\s*(?:\(\s*)?(?:좌장|사회|발표|발제|토론|패널|기조연설|기조강연|지정토론)\s?\d?\s*[:：)]",
    re.MULTILINE)
COUNTRY_LINE_RE = re.compile(
    rf"^\s*[□○ㅇ·\-*]?\s*[(【<\[]\s*(?:{COVERAGE_COUNTRIES})\s*[)】>\]](?!\()"
    rf"|(?:{COVERAGE_COUNTRIES})\s?[:)]?\s?[+△▲-]?\d[\d.,]*\s?(?:%|명|건|개|억|만|달러|불)?\s?[(,].{{0,40}}?"
    rf"(?:{COVERAGE_COUNTRIES})\s?[:)]?\s?[+△▲-]?\d"
    rf"|(?<![가-힣])(?:{COVERAGE_COUNTRIES})(?:은|는|이|가|의 경우)\s[^\n]{{0,80}}?\d[\d.,]*\s?(?:%|억|만|명|건|달러|불|톤)",
    re.MULTILINE)


def coverage_kinds(body: str) -> set[str]:
    """What a body holds, by the detectors above: sessions, programme, countries."""
    kinds = set()
    if SESSION_MENTION_RE.search(body):
        kinds.add("sessions")
    if PROGRAM_LINE_RE.search(body):
        kinds.add("programme")
    if COUNTRY_LINE_RE.search(body):
        kinds.add("countries")
    return kinds


def produced_kinds(record: dict[str, Any]) -> set[str]:
    kinds = set()
    sessions = record.get("sessions") or []
    if sessions:
        kinds.add("sessions")
    if any(t.get("speaker") or t.get("topic") for s in sessions for t in s.get("talks") or []) or \
            any(set(p.get("roles") or []) & {"moderator", "panelist", "presenter", "keynote", "greeting"}
                for p in record.get("people") or []):
        kinds.add("programme")
    if any(c.get("findings") for c in record.get("countries") or []):
        kinds.add("countries")
    return kinds


def coverage_report(corpus: Path, parse_bytes, sample: int = 20, seed: int = 12) -> str:
    import random
    mentioned = {k: 0 for k in ("sessions", "programme", "countries")}
    covered = dict(mentioned)
    rows = []
    for case in korea_cases(corpus / "korea-kr"):
        kinds = coverage_kinds(case.data.decode("utf-8"))
        if not kinds:
            continue
        record = parse_bytes(case.data, case.name)
        made = produced_kinds(record)
        for k in kinds:
            mentioned[k] += 1
            covered[k] += k in made
        rows.append((case.name, kinds, record))
    out = ["kind | bodies that hold it | stage produced it (coverage)", "---- | ---: | ---:"]
    for k in mentioned:
        out.append(f"{k} | {mentioned[k]} | {percent(covered[k], mentioned[k])}")
    out += ["", f"{sample} sampled outputs (seed {seed}), for reading by eye:"]
    for name, kinds, record in random.Random(seed).sample(rows, min(sample, len(rows))):
        out.append(f"- {name} ({', '.join(sorted(kinds))})")
        for sess in record.get("sessions") or []:
            talks = "; ".join(f"{t.get('speaker') or '-'} / {t.get('topic') or '-'} / {t.get('affiliation') or '-'}"
                              for t in sess.get("talks") or [])
            out.append(f"    session {sess['label']!r} #{sess['number']} title={sess['title']!r} talks=[{talks}]")
        for c in record.get("countries") or []:
            if c.get("findings"):
                out.append(f"    country {c['iso_code']}: {c['findings'][0]['text'][:90]!r}")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    corpus = Path(args.shared) / "corpus"
    if not corpus.is_dir():
        print(f"eval: {corpus} is absent; nothing to measure (skipped).")
        return 0
    sys.path.insert(0, str(ROOT))
    if args.gold_only:
        return print_gold(args)
    from pipeline import parse_bytes, validate
    cases = list(korea_cases(corpus / "korea-kr")) + list(real_cases(corpus / "real"))
    if args.limit:
        cases = cases[:args.limit]
    tallies = {"korea-kr": Tally(), "real": Tally(), "all": Tally()}
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "details.jsonl").open("w", encoding="utf-8") as fh:
        for case in cases:
            row = evaluate(case, parse_bytes, validate)
            add(tallies[case.corpus], row)
            add(tallies["all"], row)
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(render_table(tallies))
    print(f"\ndetails: {out / 'details.jsonl'}")
    return print_gold(args)


def print_gold(args: argparse.Namespace) -> int:
    if args.gold and Path(args.gold).is_dir():
        from pipeline import parse_file
        score, notes = gold_report(Path(args.shared), Path(args.gold), parse_file)
        print("\ngold (semantic fields):\n" + render_gold(score, notes))
    from pipeline import parse_bytes
    print("\nsemantic coverage on the korea.kr bodies:\n" + coverage_report(Path(args.shared) / "corpus", parse_bytes))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", default=str(DEFAULT_SHARED), help="the shared folder holding corpus/")
    parser.add_argument("--output", default=str(ROOT / "output" / "eval"), help="where details.jsonl goes")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--gold", default=str(ROOT / "tests" / "gold"),
                        help="the folder of annotated releases (tests/gold); '' to skip")
    parser.add_argument("--gold-only", action="store_true", help="score the gold set only")
    return parser


if __name__ == "__main__":
    sys.exit(main())
