"""Write pipeline/data/issuer_evidence.tsv: phone prefixes ('044-215-7') and department names
('대외경제국') that name one issuer, learnt from the korea.kr records.

    python scripts/gen_issuer_evidence.py [CORPUS]      # CORPUS defaults to ../shared/corpus

Data: ONLY CORPUS/korea-kr/*.md. Each record's front matter names the ministry that posted it;
the contact lines of its body ('문의. 기획재정부 대외경제국 통상조정과 김교중 (044-215-7652)')
give the phone numbers and department names. The files the issuer is evaluated on (real/ and
govpress/) are never read, so the table cannot learn their answers. korea-kr is an evaluation
corpus for titles, not for the issuer, so learning from it leaks nothing into an issuer figure.

A key is kept when
- MIN_RECORDS distinct records support it: one record's contact block says nothing general, two
  records of the same ministry on the same number are already a pattern; a department needs more
  (MIN_DEPARTMENT_RECORDS) because common names ('기획조정실', '대변인실') exist in every ministry
  and only many records show whether they agree;
- at least AGREEMENT of its records name one issuer (after mapping former names through
  issuers.toml, so 기획재정부 and 재정경제부 agree): a prefix shared by a building's tenants or a
  department name used by two ministries is ambiguous, and is dropped rather than guessed.
The issuer written is the name the records use most, as of their data (issuers.toml maps it to
its current name). Rerun after the corpus grows and review the diff.
"""
from __future__ import annotations

import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.lexicon import department_words, load_lexicon, phone_prefix, read_toml  # noqa: E402

OUT = ROOT / "pipeline" / "data" / "issuer_evidence.tsv"
MIN_RECORDS = 2
MIN_DEPARTMENT_RECORDS = 3
AGREEMENT = 0.9
BODY_START, BODY_ENDS = "## 본문", ("## 첨부", "## 출처", "## 링크")


def record(path: Path) -> tuple[str | None, str]:
    """A korea.kr record → (its front matter's ministry, its body)."""
    text = path.read_text(encoding="utf-8")
    ministry = None
    for line in text.split("\n---", 1)[0].splitlines():
        if line.startswith("ministry:"):
            ministry = line.split(":", 1)[1].strip().strip('"') or None
    body = text.split(BODY_START, 1)[1] if BODY_START in text else ""
    for end in BODY_ENDS:
        body = body.split("\n" + end, 1)[0]
    return ministry, body


def evidence(corpus: Path) -> list[tuple[str, str, str, int, int]]:
    lex = load_lexicon()
    suffixes = tuple(read_toml("issuers.toml")["evidence"]["department_suffixes"])
    names = set(lex.issuers)
    organizations = tuple(lex.titles["organization_suffixes"])

    def department(word: str) -> bool:
        """Not a body's own name ('중소벤처기업진흥공단') nor a person's title ('서기관')."""
        return word not in names and not word.endswith(organizations) \
            and not lex.PERSON_TITLE_RE.fullmatch(word)
    seen: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)     # key → ministry → records
    for path in sorted((corpus / "korea-kr").glob("*.md")):
        ministry, body = record(path)
        if not ministry:
            continue
        keys: set[tuple[str, str]] = set()
        for line in body.splitlines():
            phones = [m.group("phone") for m in lex.PHONE_RE.finditer(line)]
            if not phones:
                continue                      # a contact line carries a number
            keys |= {("phone_prefix", p) for p in map(phone_prefix, phones) if p}
            keys |= {("department", w) for _, w in department_words(line, suffixes) if department(w)}
        for key in keys:
            seen[key][ministry] += 1
    rows = []
    for (kind, key), by_name in seen.items():
        total = sum(by_name.values())
        by_issuer: Counter[str] = Counter()
        for name, n in by_name.items():
            by_issuer[lex.issuers.get(name, name)] += n
        issuer, agreeing = by_issuer.most_common(1)[0]
        least = MIN_RECORDS if kind == "phone_prefix" else MIN_DEPARTMENT_RECORDS
        if total >= least and agreeing >= AGREEMENT * total:
            written = max((n, name) for name, n in by_name.items() if lex.issuers.get(name, name) == issuer)[1]
            rows.append((kind, key, written, agreeing, total))
    return sorted(rows)


def fingerprint(corpus: Path) -> str:
    """What the table was learnt from: the count and a sha256 over the records' names and bytes,
    so a test can tell the same corpus (the table must come out the same) from a grown one."""
    digest = hashlib.sha256()
    paths = sorted((corpus / "korea-kr").glob("*.md"))
    for path in paths:
        digest.update(path.name.encode("utf-8") + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return f"{len(paths)} records, sha256 {digest.hexdigest()[:16]}"


def records_corpus() -> Path | None:
    """The corpus folder named on the command line (else ../shared/corpus), if it holds korea-kr/."""
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus"
    if not (corpus / "korea-kr").is_dir():
        print(f"{corpus}/korea-kr: not found", file=sys.stderr)
        return None
    return corpus


def write_table(out: Path, header: list[str], rows: list[tuple]) -> None:
    """The comment header, then one tab-separated line a row; written whole or not at all."""
    tmp = out.with_suffix(".tsv.tmp")
    tmp.write_text("\n".join(header + ["\t".join(map(str, r)) for r in rows]) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"{out.relative_to(ROOT)}: {len(rows)} entries", file=sys.stderr)


def main() -> int:
    corpus = records_corpus()
    if corpus is None:
        return 1
    rows = evidence(corpus)
    header = ["# Issuer evidence learnt from the korea.kr records (corpus/korea-kr only; real/ and",
              "# govpress/ are never read). Generated by scripts/gen_issuer_evidence.py; do not edit.",
              f"# Kept: >= {MIN_RECORDS} records per phone prefix, >= {MIN_DEPARTMENT_RECORDS} per department,"
              f" >= {AGREEMENT:.0%} of them naming one issuer.",
              f"# inputs: {fingerprint(corpus)}",
              "# kind\tkey\tissuer\tagreeing_records\trecords"]
    write_table(OUT, header, rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
