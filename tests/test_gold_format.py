"""The dev gold set (tests/gold/*.toml) and the held-out set (tests/gold/holdout/*.toml) are well
formed, every value they say is written in a release is written there, and no held-out release
is also a dev release. Source checks skip when ../shared/corpus is absent."""
from __future__ import annotations

import datetime
import re
import tomllib
import zipfile
from pathlib import Path

import pytest

GOLD = Path(__file__).resolve().parent / "gold"
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEV_FILES = sorted(GOLD.glob("*.toml"))
HOLDOUT_FILES = sorted((GOLD / "holdout").glob("*.toml"))
FILES = DEV_FILES + HOLDOUT_FILES

TOP_KEYS = {"source", "why", "event", "sessions", "talks", "people", "countries", "figures"}
EVENT_KEYS = {"name", "start", "end", "venue", "hosts"}
SESSION_KEYS = {"label", "number", "title"}
TALK_KEYS = {"session", "speaker", "title", "affiliation", "country"}
PERSON_KEYS = {"name", "title", "affiliation", "country", "roles"}
FIGURE_KEYS = {"text", "value", "unit"}
ROLES = {"keynote", "presenter", "discussant", "moderator", "chair", "speaker", "host", "head",
         "contact", "official", "participant", "attendee"}
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
TAG_RE = re.compile(r"<[^>]*>")
BLANKS_RE = re.compile(r"[\s*「」『』‘’“”]+")   # spaces, footnote marks and the name quotes the format drops


def load(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def source_text(source: str) -> str:
    """The release text a reader annotated: govpress binaries through their ground-truth
    Markdown, HWPX through its section XML, everything else as stored."""
    path = CORPUS / source
    if path.parent.name == "govpress":
        return (path.parent / "ground-truth" / f"{path.stem}.txt").read_text(encoding="utf-8")
    if path.suffix == ".hwpx":
        with zipfile.ZipFile(path) as archive:
            parts = sorted(n for n in archive.namelist() if re.match(r"Contents/section\d+\.xml$", n))
            return " ".join(TAG_RE.sub(" ", archive.read(n).decode("utf-8")) for n in parts)
    return path.read_text(encoding="utf-8")


def squeeze(text: str) -> str:
    return BLANKS_RE.sub("", text)


def written_values(gold: dict) -> list[str]:
    """Values the format says are copied as written: names, labels, speakers, figure texts."""
    event = gold.get("event", {})
    values = [event.get("name"), event.get("venue"), *event.get("hosts", [])]
    values += [s["label"] for s in gold.get("sessions", [])]
    values += [t.get("speaker") for t in gold.get("talks", [])]
    values += [p["name"] for p in gold.get("people", [])]
    values += [f["text"] for f in gold.get("figures", [])]
    return [v for v in values if v]


def file_id(path: Path) -> str:
    return f"holdout/{path.stem}" if path.parent.name == "holdout" else path.stem


def test_the_sets_are_large_enough():
    assert len(DEV_FILES) >= 25 and len(HOLDOUT_FILES) >= 10


def test_no_held_out_release_is_a_dev_release():
    dev = {load(p)["source"] for p in DEV_FILES}
    shared = sorted(s for s in (load(p)["source"] for p in HOLDOUT_FILES) if s in dev)
    assert not shared, f"held-out releases also in the dev set: {shared}"


@pytest.mark.parametrize("path", FILES, ids=file_id)
def test_gold_file_is_well_formed(path):
    gold = load(path)
    assert set(gold) <= TOP_KEYS and {"source", "why", "countries"} <= set(gold)
    event = gold.get("event", {})
    assert set(event) <= EVENT_KEYS
    if event:
        assert event.get("name")
        dates = [datetime.date.fromisoformat(event[k]) for k in ("start", "end") if k in event]
        assert dates == sorted(dates)
    labels = [s["label"] for s in gold.get("sessions", [])]
    assert len(labels) == len(set(labels))
    for session in gold.get("sessions", []):
        assert set(session) <= SESSION_KEYS and isinstance(session.get("number", 0), int)
    for talk in gold.get("talks", []):
        assert set(talk) <= TALK_KEYS and ("speaker" in talk or "title" in talk)
        assert talk.get("session", labels[0] if labels else None) in labels + [None]
    for person in gold.get("people", []):
        assert set(person) <= PERSON_KEYS and person["roles"] and set(person["roles"]) <= ROLES
    codes = gold["countries"] + [x["country"] for x in gold.get("people", []) + gold.get("talks", [])
                                 if "country" in x]
    assert all(COUNTRY_RE.match(code) for code in codes)
    assert len(gold["countries"]) == len(set(gold["countries"]))
    for figure in gold.get("figures", []):
        assert set(figure) == FIGURE_KEYS and isinstance(figure["value"], (int, float)) and figure["unit"]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
@pytest.mark.parametrize("path", FILES, ids=file_id)
def test_written_values_occur_in_the_release(path):
    gold = load(path)
    text = squeeze(source_text(gold["source"]))
    missing = [v for v in written_values(gold) if squeeze(v) not in text]
    assert not missing, f"{path.name}: not found in {gold['source']}: {missing}"
