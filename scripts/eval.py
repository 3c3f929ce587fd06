"""`make eval`: agreement figures of the pipeline over the shared corpora.

Runs the pipeline over the korea.kr records of ../shared/corpus/korea-kr/ (only the body: the
text after the record's `## 본문` line, up to its `## 출처` footer, so nothing comes from the
record's metadata), over the text, HTML, Markdown, JSON, HWP and HWPX files of
../shared/corpus/real/ (pdf is skipped), and over the korea.kr attachments of
../shared/corpus/govpress/ (HWPX and HWP 5), then prints one table and writes per-document
details to output/eval/details.jsonl. Exits 0 with a message when ../shared is absent.

govpress is measured against its MANIFEST.tsv (the portal's title and department) and
against ground-truth/<id>.txt, korea.kr's own rendering of the same release: `recall` is the
share of the ground truth's words (its body, without the `## 담당 부서` contact section) that
occur in the record's text, counted as a bag; `recall (min)` leaves out the files the
MANIFEST_OTHER set names, whose attachment is another document than the portal shows.

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
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = ROOT.parent / "shared"
REAL_SUFFIXES = {".txt", ".html", ".htm", ".md", ".json", ".hwp", ".hwpx"}
GOVPRESS_SUFFIXES = {".hwp", ".hwpx"}
# The attachment of 156754178 is the minister's opening remarks, not the release korea.kr shows.
MANIFEST_OTHER = {"156754178"}
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
# A date as header cells write it: "2026. 4. 14.(화)", "2026년 4월 14일", "'26. 4. 14".
DATE_RE = re.compile(r"(?:\d{4}|['‘’]\d{2})\s*[.년]\s*\d{1,2}\s*[.월]\s*\d{1,2}")
DISTRIBUTED_LABEL_RE = re.compile(r"(?<!보도)배\s*포(?:\s*일\s*시|\s*일)?(?!\s*즉시)")
LABEL_REACH = 80              # a label's date sits within this many characters after it
HEADER_REACH = 1500           # the header block sits at the top; a label further down is prose
REFERENCE_WORD = "참고"        # "(참고)", "[보도참고]": the portal marks a reference release so
GT_BODY_RE = re.compile(r"^##\s*본문\s*$", re.MULTILINE)
GT_SECTION_RE = re.compile(r"^##\s*(?P<name>.*?)\s*$", re.MULTILINE)
GT_DROPPED_SECTIONS = ("첨부파일", "담당 부서", "담당부서")
GT_TABLE_RULE_RE = re.compile(r"^\|?\s*-{3,}.*$", re.MULTILINE)
GT_SYNTAX_RE = re.compile(r"[|#*>]")
# A word of private-use glyphs alone: korea.kr's page shows it as a blank, so it is no word.
PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]+")
MIDDLE_DOTS = str.maketrans(dict.fromkeys("\u2027\u119e\u318d\u30fb\uff65\u2219\u2022", "\u00b7"))


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


@dataclass
class RealCase(Case):
    """A real/ file with the issuer its MANIFEST.tsv row names."""
    issuer: str | None = None


def real_cases(folder: Path) -> Iterator[Case]:
    manifest = read_manifest(folder)
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() in REAL_SUFFIXES:
            yield RealCase("real", path.name, path.read_bytes(), issuer=manifest.get(path.name, {}).get("issuer"))


@dataclass
class GovCase(Case):
    """A govpress attachment with its MANIFEST row and its ground-truth body."""
    department: str | None = None
    ground_truth: str | None = None


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """MANIFEST.tsv → {file name: row}."""
    path = folder / "MANIFEST.tsv"
    if not path.is_file():
        return {}
    rows = path.read_text(encoding="utf-8").splitlines()
    header = rows[0].split("\t")
    return {r.split("\t")[0]: dict(zip(header, r.split("\t"))) for r in rows[1:] if r.strip()}


def govpress_cases(folder: Path) -> Iterator[GovCase]:
    if not folder.is_dir():
        return
    manifest = read_manifest(folder)
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in GOVPRESS_SUFFIXES:
            continue
        row = manifest.get(path.name, {})
        truth = folder / "ground-truth" / f"{path.stem}.txt"
        yield GovCase("govpress", path.name, path.read_bytes(), row.get("title"), row.get("department"),
                      truth.read_text(encoding="utf-8") if truth.is_file() else None)


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
    """'match' when a text with a 보도시점/보도일시 label gets an embargo with a date; when the
    label's value holds no date, an embargo kept as text, dated only when it is immediate ('배포
    즉시' takes the distribution's date) — a conditional '본회의 통과시(별도통보)' gets none."""
    text = record.get("text") or ""
    label = EMBARGO_LABEL_RE.search(text)
    if not label:
        return None
    embargo = (record.get("release") or {}).get("embargo") or {}
    dated = dated_value(text, EMBARGO_LABEL_RE) is not None
    good = bool(embargo.get("date")) if dated else bool(embargo.get("text")) \
        and (not embargo.get("date") or embargo.get("edition") == "immediate")
    return {"outcome": "match" if good else "miss",
            "extracted": embargo.get("date") or embargo.get("text"), "expected": line_at(text, label.start())[:80]}


def ground_truth_body(markdown: str) -> str:
    """korea.kr's rendering → its body: after `## 본문`, without the attachment list and the
    `## 담당 부서` section, table rules and Markdown syntax."""
    start = GT_BODY_RE.search(markdown)
    body = markdown[start.end():] if start else markdown
    headings = [(m.start(), m.group("name")) for m in GT_SECTION_RE.finditer(body)]
    pieces, position, keep = [], 0, True
    for at, name in headings + [(len(body), "")]:
        if keep:
            pieces.append(body[position:at])
        position = at
        keep = not name.startswith(GT_DROPPED_SECTIONS)
    text = GT_TABLE_RULE_RE.sub(" ", "".join(pieces))
    return GT_SYNTAX_RE.sub(" ", text)


def fold_words(value: str) -> str:
    """Compatibility forms and the middle-dot family folded, so that '１' and '1', '‧', 'ᆞ'
    and '·' compare equal: both sides are Korean text written with any of them."""
    return unicodedata.normalize("NFKC", value).translate(MIDDLE_DOTS)


def recall_outcome(record: dict[str, Any], truth: str | None) -> dict[str, Any] | None:
    """The share of the ground truth's words that occur in the record's text (white space
    removed), each word counted as often as the ground truth has it."""
    if truth is None:
        return None
    words = Counter(w for w in fold_words(ground_truth_body(truth)).split() if not PRIVATE_USE_RE.fullmatch(w))
    text = squeeze(fold_words(record.get("text") or ""))
    found = sum(min(n, text.count(w)) for w, n in words.items())
    total = sum(words.values())
    missed = [w for w, n in words.items() if text.count(w) < n]
    return {"outcome": "match", "found": found, "total": total, "recall": found / total if total else 1.0,
            "extracted": found, "expected": total, "missed": missed[:10]}


def label_with_date(text: str, label: re.Pattern[str]) -> str | None:
    """The text after the first label in the header (the text's first HEADER_REACH characters)
    that has a date within LABEL_REACH characters after it."""
    for m in label.finditer(text[:HEADER_REACH]):
        after = text[m.end():m.end() + LABEL_REACH]
        if DATE_RE.search(after):
            return line_at(text, m.start())[:80]
    return None


def header_outcomes(record: dict[str, Any], case: GovCase) -> dict[str, dict[str, Any]]:
    """title, kind, issuer against the MANIFEST; embargo and distribution dates where the
    header has a dated label."""
    release = record.get("release") or {}
    text = record.get("text") or ""
    out: dict[str, dict[str, Any]] = {}
    if case.expected_title:
        found = release.get("title")
        out["gov_title"] = {"outcome": "match" if same_title(found, case.expected_title) else "miss",
                            "extracted": found, "expected": case.expected_title}
        tag = TITLE_TAG_RE.match(case.expected_title)
        kind = release.get("kind")
        wanted = REFERENCE_WORD if tag and REFERENCE_WORD in tag.group() else None
        good = bool(kind) and (wanted is None or wanted in kind)
        out["gov_kind"] = {"outcome": "match" if good else "miss", "extracted": kind,
                           "expected": tag.group().strip() if tag else None}
    if case.department:
        name = ((release.get("issuer") or {}).get("name")) or ""
        out["gov_issuer"] = {"outcome": "match" if squeeze(case.department) == squeeze(name) else "miss",
                             "extracted": name or None, "expected": case.department}
        # The portal files a public body's release under its supervising ministry: credited
        # on a line of its own, beside the strict figure above.
        issuer = release.get("issuer") or {}
        names = [issuer.get("name"), issuer.get("canonical"), (issuer.get("supervisor") or {}).get("name")]
        good = squeeze(case.department) in {squeeze(n) for n in names if n}
        out["gov_issuer_or_supervisor"] = {"outcome": "match" if good else "miss",
                                           "extracted": [n for n in names if n] or None,
                                           "expected": case.department}
    labelled = label_with_date(text, EMBARGO_LABEL_RE)
    if labelled:
        date = (release.get("embargo") or {}).get("date")
        out["gov_embargo"] = {"outcome": "match" if date else "miss", "extracted": date, "expected": labelled}
    labelled = label_with_date(text, DISTRIBUTED_LABEL_RE)
    if labelled:
        when = release.get("distributed_at")
        out["gov_distributed"] = {"outcome": "match" if when else "miss", "extracted": when, "expected": labelled}
    return out


# --- header metrics (issue 11): whole korea.kr records, real/ and govpress headers -------------

# The portal's kind tags and the header's kind words, read by the eval itself: the tag (spaces
# out) → the kind it names. Tags naming a joint release or a division are not kinds.
KIND_OF_TAG = {"보도자료": "보도자료", "보도": "보도자료", "즉시보도자료": "보도자료",
               "보도참고자료": "보도참고자료", "보도참고": "보도참고자료", "참고자료": "보도참고자료",
               "참고": "보도참고자료", "설명자료": "설명자료", "설명": "설명자료", "보도설명자료": "설명자료",
               "보도설명": "설명자료", "해명자료": "해명자료", "해명": "해명자료", "동정자료": "동정자료",
               "동정": "동정자료", "장관동정": "동정자료", "차관동정": "동정자료", "공동보도자료": "공동보도자료",
               "반박자료": "반박자료", "사진자료": "사진자료"}
KIND_LINE_RE = re.compile(r"^\s*\[?\s*(?P<word>(?:공\s*동\s*)?(?:보\s*도\s*)?(?:참\s*고|설\s*명|해\s*명|동\s*정|반\s*박)?"
                          r"\s*자\s*료)\s*\]?\s*$", re.MULTILINE)
KIND_SCAN = 600               # the kind word of a header sits within the text's first characters
LABEL_VALUE_RE = re.compile(r"^\S{1,10}\s*:\s")     # '배포일: 05/04/2020 …' is metadata, not a title
FRONT_FIELD_RE = re.compile(r'^(?P<key>title|ministry):\s*"?(?P<value>.*?)"?\s*$', re.MULTILINE)
CONTACT_TABLE_WORDS = ("책임자", "담당자", "담당과장", "자료문의", "문의", "배포부서", "담당부서")
HWPX_NS = {"hp": "http://www.hancom.co.kr/hwpml/2011/paragraph"}


def record_cases(folder: Path) -> Iterator[Case]:
    """The korea.kr records whole, front matter included, as users feed them."""
    for path in sorted(folder.glob("*.md")):
        data = path.read_bytes()
        title, _ = split_record(data.decode("utf-8"))
        yield Case("korea-kr records", path.name, data, title)


def expected_kind(title: str | None, text: str) -> str | None:
    """The kind the title's tag ('[보도참고] …') or the text's kind word line names."""
    tag = TITLE_TAG_RE.match(title or "")
    if tag:
        kind = KIND_OF_TAG.get(squeeze(tag.group().strip()).strip("[](){}【】〔〕<>"))
        if kind:
            return kind
    word = KIND_LINE_RE.search(text[:KIND_SCAN])
    return KIND_OF_TAG.get(squeeze(word.group("word"))) if word else None


def kind_outcome(record: dict[str, Any], title: str | None, text: str) -> dict[str, Any] | None:
    """'match' when the release's kind is the one its title or text names."""
    wanted = expected_kind(title, text)
    if wanted is None:
        return None
    found = (record.get("release") or {}).get("kind")
    return {"outcome": "match" if found == wanted else "miss", "extracted": found, "expected": wanted}


def record_title_outcome(record: dict[str, Any], expected: str | None) -> dict[str, Any] | None:
    """A whole record: 'match' when release.title is the front matter's title."""
    if not expected:
        return None
    found = (record.get("release") or {}).get("title")
    if same_title(found, expected):
        outcome = "match"
    elif not found:
        outcome = "miss"
    else:   # a sentence or a 'label: value' line is a false title; another headline is the body's own
        outcome = "false" if is_sentence(found) or LABEL_VALUE_RE.match(found) else "other"
    return {"outcome": outcome, "extracted": found, "expected": expected}


def manifest_issuer_outcome(record: dict[str, Any], issuer: str | None) -> dict[str, Any] | None:
    """real/MANIFEST.tsv's issuer column ('과학기술정보통신부 거대공공연구정책과', '전라남도 나주시
    기획예산실'): 'match' when the extracted issuer (or its current name) is one of its words."""
    if not issuer:
        return None
    found = (record.get("release") or {}).get("issuer") or {}
    names = {squeeze(n) for n in (found.get("name"), found.get("canonical")) if n}
    words = {squeeze(w).strip("()") for w in re.split(r"[\s/+·,]+", issuer) if w}
    good = bool(names & words) or any(n and n in squeeze(issuer) for n in names)
    return {"outcome": "match" if good else "miss", "extracted": found.get("name"), "expected": issuer}


def hwpx_tables(data: bytes) -> list[list[tuple[int, str | None, list[str]]]]:
    """The tables of an HWPX file: per table its cells as (row, field name, paragraph texts)."""
    import io
    import zipfile
    from lxml import etree
    tables = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in sorted(n for n in archive.namelist() if re.fullmatch(r"Contents/section\d+\.xml", n)):
            root = etree.fromstring(archive.read(name), etree.XMLParser(resolve_entities=False, no_network=True,
                                                                         huge_tree=True))
            for table in root.iter(f"{{{HWPX_NS['hp']}}}tbl"):
                cells = []
                for cell in table.iter(f"{{{HWPX_NS['hp']}}}tc"):
                    addr = cell.find("hp:cellAddr", HWPX_NS)
                    row = int(addr.get("rowAddr")) if addr is not None else 0
                    paras = ["".join(p.itertext()).strip() for p in cell.iterfind("hp:subList/hp:p", HWPX_NS)]
                    cells.append((row, cell.get("name"), paras))
                tables.append(cells)
    return tables


def contact_people(tables: list[list[tuple[int, str | None, list[str]]]]) -> int:
    """People rows of the contact table(s), counted from the cells: in a table holding a
    contact label, each row's phone numbers (several stacked in one cell count each), or one
    for a row with a 책임자/담당자 label and a name but no phone."""
    people = 0
    for cells in tables:
        texts = [squeeze(" ".join(p)) for _, _, p in cells]
        if not any(t in CONTACT_TABLE_WORDS for t in texts):
            continue
        rows: dict[int, list[str]] = {}
        for row, _, paras in cells:
            rows.setdefault(row, []).extend(paras)
        for paras in rows.values():
            joined = " ".join(paras)
            phones = len(PHONE_RE.findall(joined))
            labelled = any(squeeze(p) in ("책임자", "담당자") for p in paras)
            people += phones or int(labelled and len(paras) >= 3)
    return people


def template_title(tables: list[list[tuple[int, str | None, list[str]]]]) -> str | None:
    """The text of the template's 제목명 cell."""
    for cells in tables:
        for _, name, paras in cells:
            if (name or "").rstrip("0123456789") == "제목명" and any(paras):
                return " ".join(p for p in paras if p)
    return None


def contacts_outcome(record: dict[str, Any], people: int) -> dict[str, Any] | None:
    """'match' when the named contacts are as many as the table's people rows."""
    if not people:
        return None
    named = [c for c in record.get("contacts") or [] if c.get("name")]
    return {"outcome": "match" if len(named) == people else "miss", "extracted": len(named), "expected": people}


def file_header_outcomes(record: dict[str, Any], case: Case, issuer: str | None) -> dict[str, dict[str, Any]]:
    """real/ and govpress: title (the HWPX 제목명 cell, a record's own title), kind, issuer
    (real/'s MANIFEST), dated embargo and distribution, named contacts (HWPX cells)."""
    text = record.get("text") or ""
    out: dict[str, dict[str, Any] | None] = {}
    tables = hwpx_tables(case.data) if case.data[:2] == b"PK" else []
    title = template_title(tables) or front_title(case.data)
    if case.corpus == "real" and title:
        out["hdr_title"] = record_title_outcome(record, title)
    out["hdr_kind"] = kind_outcome(record, title if case.corpus == "real" else case.expected_title, text)
    out["hdr_issuer"] = manifest_issuer_outcome(record, issuer) if case.corpus == "real" else None
    for metric, label, field in (("hdr_embargo", EMBARGO_LABEL_RE, "embargo"),
                                 ("hdr_distributed", DISTRIBUTED_LABEL_RE, "distributed_at")):
        labelled = dated_value(text, label)
        value = (record.get("release") or {}).get(field)
        value = value.get("date") if isinstance(value, dict) else value
        out[metric] = {"outcome": "match" if value else "miss", "extracted": value,
                       "expected": labelled} if labelled else None
    out["hdr_contacts"] = contacts_outcome(record, contact_people(tables))
    return {k: v for k, v in out.items() if v is not None}


def dated_value(text: str, label: re.Pattern[str]) -> str | None:
    """The value after the first label that has a date before the next time label: a
    conditional '보도시점 | 본회의 통과시(별도통보) | 배포 | 2026. 5. 7.' has no dated embargo."""
    for m in label.finditer(text):
        after = text[m.end():m.end() + LABEL_REACH]
        stop = min((x.start() for pattern in (EMBARGO_LABEL_RE, DISTRIBUTED_LABEL_RE)
                    for x in [pattern.search(after)] if x and x.start() > 0), default=len(after))
        if DATE_RE.search(after[:stop]):
            return line_at(text, m.start())[:80]
    return None


def front_title(data: bytes) -> str | None:
    """A Markdown record's front matter title, or a JSON record's `title`."""
    head = data[:4000].decode("utf-8", errors="replace")
    if head.startswith("---"):
        m = FRONT_FIELD_RE.search(head.split("\n---", 1)[0])
        return m.group("value") if m and m.group("key") == "title" else None
    if head.lstrip().startswith("{"):
        try:
            value = json.loads(data.decode("utf-8")).get("title")
        except (ValueError, AttributeError):
            return None
        return value if isinstance(value, str) else None
    return None


def header_rows(t: Tally) -> list[tuple[str, str]]:
    """The header figures of issue 11; '-' in columns without them."""
    def share(metric: str) -> str:
        return percent(*t.share(metric, "match", ("match", "miss")))
    return [
        ("record title = front matter", percent(*t.share("rec_title", "match", ("match", "miss", "false", "other")))),
        ("record title, front matter's or body's own (>= 99%)",
         percent(sum(t.outcomes.get("rec_title", {}).get(o, 0) for o in ("match", "other")),
                               sum(t.outcomes.get("rec_title", {}).values()))),
        ("record false titles", percent(*t.share("rec_title", "false", ("match", "miss", "false", "other")))),
        ("record kind where named (>= 95%)", share("rec_kind")),
        ("hdr title = 제목명 / own title (>= 97%)", share("hdr_title")),
        ("hdr kind where named (>= 98%)", share("hdr_kind")),
        ("hdr issuer = MANIFEST (>= 95%)", share("hdr_issuer")),
        ("hdr embargo, dated label (>= 98%)", share("hdr_embargo")),
        ("hdr distributed_at, dated (>= 98%)", share("hdr_distributed")),
        ("hdr named contacts = rows (>= 95%)", share("hdr_contacts")),
    ]


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
    recalls: dict[str, float] = field(default_factory=dict)     # file → body-word recall

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
    if isinstance(case, GovCase):
        metrics.update(header_outcomes(record, case))
        metrics["recall"] = recall_outcome(record, case.ground_truth)
    if case.corpus in ("real", "govpress"):
        metrics.update(file_header_outcomes(record, case, getattr(case, "issuer", None)))
    if case.corpus == "korea-kr records":
        metrics["rec_title"] = record_title_outcome(record, case.expected_title)
        metrics["rec_kind"] = kind_outcome(record, case.expected_title, record.get("text") or "")
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
        if name == "recall":
            tally.recalls[row["file"]] = result["recall"]


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
        *govpress_rows(t),
        *header_rows(t),
    ]


def govpress_rows(t: Tally) -> list[tuple[str, str]]:
    """The MANIFEST and ground-truth figures; '-' in columns without them."""
    def share(metric: str) -> str:
        return percent(*t.share(metric, "match", ("match", "miss")))
    same = {f: r for f, r in t.recalls.items() if Path(f).stem not in MANIFEST_OTHER}
    worst = min(same, key=same.get) if same else None
    return [
        ("gov title = MANIFEST", share("gov_title")),
        ("gov kind (reference when tagged)", share("gov_kind")),
        ("gov issuer = department", share("gov_issuer")),
        ("gov issuer or its supervising ministry = department", share("gov_issuer_or_supervisor")),
        ("gov embargo date (dated label)", share("gov_embargo")),
        ("gov distributed_at (dated label)", share("gov_distributed")),
        ("body recall, mean (target >= 98%)",
         f"{100 * sum(same.values()) / len(same):5.1f}%" if same else "    -"),
        ("body recall, min", f"{100 * same[worst]:5.1f}% {Path(worst).stem}" if worst else "    -"),
        ("body recall >= 98% (files)", percent(sum(r >= 0.98 for r in same.values()), len(same))),
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
# produced are right and how many of the reader's we found. tests/gold/holdout/*.toml, a
# held-out set nobody tunes on, is scored by the same code into a table of its own.
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
GOLD_HOLDOUT = "holdout"     # the held-out set: a subfolder of the gold folder, scored on its own
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
        record = parse_file(str(path))
    except PipelineError:
        if fallback is None or not fallback.is_file():
            raise
        return parse_file(str(fallback)), "ground-truth text"
    if fallback is not None and fallback.is_file() and \
            not same_document(record.get("text") or "", fallback.read_text(encoding="utf-8")):
        # The stored HWPX is another attachment of the release (a minister's remarks): the gold
        # annotates the release the ground-truth text holds.
        return parse_file(str(fallback)), "ground-truth text (the HWPX is another attachment)"
    return record, "native"


def same_document(native: str, ground_truth: str, share: float = 0.25) -> bool:
    """Whether a native reading holds the ground truth's body: at least `share` of its long lines."""
    body = ground_truth.split("## 본문", 1)[-1]
    squashed = re.sub(r"\s+", "", native)
    lines = [line for line in (re.sub(r"\s+", "", raw) for raw in body.splitlines()) if len(line) > 20]
    return not lines or sum(line[:20] in squashed for line in lines) >= share * len(lines)


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


def render_gold(score: GoldScore, notes: list[str], itemized: bool = True) -> str:
    """The precision/recall table; with `itemized`, every miss and false value under it."""
    out = ["field group | precision | recall", "----------- | --------- | ------"]
    for g in GOLD_GROUPS:
        tp, fp, fn = score.counts[g]
        out.append(f"{g:<11} | {percent(tp, tp + fp):>9} | {percent(tp, tp + fn)}")
    out.append(f"(figures of ours not among the key figures, unjudged: {score.unjudged_figures})")
    if not itemized:
        return "\n".join(out)
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
    cases = list(korea_cases(corpus / "korea-kr")) + list(real_cases(corpus / "real")) \
        + list(govpress_cases(corpus / "govpress")) + list(record_cases(corpus / "korea-kr"))
    if args.limit:
        cases = cases[:args.limit]
    tallies = {"korea-kr": Tally(), "real": Tally(), "govpress": Tally(), "korea-kr records": Tally(),
               "all": Tally()}
    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    with (out / "details.jsonl").open("w", encoding="utf-8") as fh:
        for case in cases:
            row = evaluate(case, parse_bytes, validate)
            add(tallies[case.corpus], row)
            if case.corpus != "korea-kr records":   # the same records as korea-kr's bodies: count once
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
        # The held-out set (tests/gold/holdout, nobody tunes on it): the same scoring, its own
        # table, so the dev figures above stay comparable and the gap between them shows.
        holdout = Path(args.gold) / GOLD_HOLDOUT
        if holdout.is_dir():
            score, notes = gold_report(Path(args.shared), holdout, parse_file)
            # Only the table: whoever writes rules runs `make eval`, and a listed miss is a
            # held-out form seen. --holdout-misses lists them, for the held-out's own reviewers.
            print("\ngold, held out (semantic fields):\n" + render_gold(score, notes, args.holdout_misses))
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
    parser.add_argument("--holdout-misses", action="store_true",
                        help="list the held-out set's misses and false values too (only its table by default, "
                             "so that rule writers running make eval do not see its forms)")
    return parser


if __name__ == "__main__":
    sys.exit(main())
