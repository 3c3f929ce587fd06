"""Write pipeline/data/supervisors_portal.tsv: public bodies and the ministry korea.kr files their
releases under, learnt from the korea.kr records.

    python scripts/gen_supervisors.py [CORPUS]      # CORPUS defaults to ../shared/corpus

Data: ONLY CORPUS/korea-kr/*.md. A record whose own text names an issuer (its header, the lead
sentence's subject, its template or contact table — never the record's metadata) that is not a
ministry the issuer lexicon knows ('국립산림과학원(원장 …)은 …'), while its front matter files it
under a ministry ('ministry: 산림청'), says that the portal files that body under that ministry:
its supervising body (주무부처; 국립산림과학원 is 산림청's affiliated institute). The govpress/
and real/ files the supervisor is evaluated on are never read.

A body is kept when
- MIN_RECORDS distinct records support it: one record may be a joint release;
- at least AGREEMENT of its records name one ministry (after mapping former names through
  issuers.toml): a body filed under two ministries (중앙방역대책본부 under 보건복지부 and 질병관리청)
  is dropped rather than guessed;
- its name ends like a standing body (data/issuers.toml [supervision] body_suffixes), not like
  a task force ('…대책본부') that a ministry only runs for a while.
The ministry written is the name the records use most; `as_of` is the latest of their dates, and
the lexicon's eras carry it to a release's date. data/supervisors.tsv (sourced by hand) wins
over these rows. Rerun after the corpus grows and review the diff.
"""
from __future__ import annotations

import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.issuer_names import parse_day  # noqa: E402
from pipeline.lexicon import load_lexicon, read_toml  # noqa: E402

OUT = ROOT / "pipeline" / "data" / "supervisors_portal.tsv"
MIN_RECORDS = 2
AGREEMENT = 0.9
OWN_SOURCES = ("header", "template", "lead", "contacts", "signature")


def filings(corpus: Path) -> dict[str, list[tuple[str, str]]]:
    """body → [(the ministry its record is filed under, the record's date)] for every record
    whose own text names a body the lexicon does not know as an issuer."""
    lex = load_lexicon()
    suffixes = tuple(read_toml("issuers.toml")["supervision"]["body_suffixes"])
    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path in sorted((corpus / "korea-kr").glob("*.md")):
        record = pipeline.parse_bytes(path.read_bytes(), str(path))
        issuer = (record.get("release") or {}).get("issuer") or {}
        ministry = ((record.get("page") or {}).get("ministry") or "").replace(" ", "")
        body = (issuer.get("name") or "").replace(" ", "")
        day = parse_day(((record.get("page") or {}).get("posted_at") or ""))
        if not body or not ministry or issuer.get("source") not in OWN_SOURCES or day is None:
            continue
        if body in lex.issuers or not body.endswith(suffixes) or ministry not in lex.issuers:
            continue
        seen[body].append((ministry, day.isoformat()))
    return seen


def supervisors(corpus: Path) -> list[tuple[str, str, str, int, int]]:
    lex = load_lexicon()
    rows = []
    for body, filed in filings(corpus).items():
        by_line: Counter[str] = Counter(lex.issuers.get(m, m) for m, _ in filed)
        line, agreeing = by_line.most_common(1)[0]
        if len(filed) < MIN_RECORDS or agreeing < AGREEMENT * len(filed):
            continue
        names = Counter(m for m, _ in filed if lex.issuers.get(m, m) == line)
        written = max((n, name) for name, n in names.items())[1]
        as_of = max(day for m, day in filed if m == written)
        rows.append((body, written, as_of, agreeing, len(filed)))
    return sorted(rows)


def main() -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    # gen_issuer_evidence's fingerprint of the korea.kr records: one definition of 'the same
    # corpus' for both tables; and its reading of the arguments and its table writer.
    from gen_issuer_evidence import fingerprint, records_corpus, write_table
    corpus = records_corpus()
    if corpus is None:
        return 1
    rows = supervisors(corpus)
    header = ["# Public bodies and the ministry korea.kr files their releases under, learnt from the",
              "# korea.kr records (corpus/korea-kr only; real/ and govpress/ are never read). Generated",
              "# by scripts/gen_supervisors.py; do not edit. data/supervisors.tsv wins over these rows.",
              f"# Kept: >= {MIN_RECORDS} records per body, >= {AGREEMENT:.0%} of them filed under one ministry.",
              f"# inputs: {fingerprint(corpus)}",
              "# body\tministry\tas_of\tagreeing_records\trecords"]
    write_table(OUT, header, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
