"""The issuer-evidence table (data/issuer_evidence.tsv): what scripts/gen_issuer_evidence.py
writes from the korea.kr records, and the two helpers it shares with the release stage."""
from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.lexicon import DATA, department_words, load_issuer_evidence, load_lexicon, phone_prefix

from .script_loader import load_script

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def generator():
    return load_script("gen_issuer_evidence")


@pytest.mark.skipif(not (CORPUS / "korea-kr").is_dir(), reason="needs ../shared/corpus/korea-kr")
def test_shipped_table_is_what_the_script_generates():
    """From the corpus it was learnt from, the script writes the shipped table again. A corpus
    that has grown since (new records in ../shared) is another input: then the test says so."""
    gen = generator()
    text = (DATA / "issuer_evidence.tsv").read_text(encoding="utf-8")
    if f"# inputs: {gen.fingerprint(CORPUS)}" not in text.splitlines():
        pytest.skip("../shared/corpus/korea-kr is not the corpus the table was learnt from; regenerate it")
    shipped = [row.split("\t") for row in text.splitlines() if row and not row.startswith("#")]
    assert [list(map(str, row)) for row in gen.evidence(CORPUS)] == shipped


def test_every_entry_has_the_stated_support_and_agreement():
    gen = generator()
    rows = [row.split("\t") for row in (DATA / "issuer_evidence.tsv").read_text(encoding="utf-8").splitlines()
            if row and not row.startswith("#")]
    assert rows
    issuers = load_lexicon().issuers
    for kind, key, issuer, agreeing, total in rows:
        least = gen.MIN_RECORDS if kind == "phone_prefix" else gen.MIN_DEPARTMENT_RECORDS
        assert int(total) >= least and int(agreeing) >= gen.AGREEMENT * int(total), key
        assert issuer in issuers, f"{key}: {issuer} is not a known issuer"


@pytest.mark.parametrize("phone, prefix", [
    ("044-215-7630", "044-215-7"),
    ("(044)215-7630", "044-215-7"),
    ("02-2100-3000", "02-2100-3"),
    ("215-7630", None),               # no area code: no building
    ("010-1234-5678", None),          # a mobile number names no office
    ("080-123-4567", None),           # a free-call line
])
def test_phone_prefix(phone, prefix):
    assert phone_prefix(phone) == prefix


def test_department_words_with_offsets():
    suffixes = load_issuer_evidence().department_suffixes
    text = "담당 부서 (대외경제국) 국제경제과 책임자 과장 김가람"
    assert department_words(text, suffixes) == [(7, "대외경제국"), (14, "국제경제과")]
    assert department_words("", suffixes) == []
