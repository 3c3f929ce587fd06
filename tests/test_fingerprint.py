"""scripts/fingerprint.py: the proof that a speed-up changed no output must itself see a change."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import fingerprint  # noqa: E402


def test_same_pipeline_same_fingerprint_and_a_changed_one_is_listed(tmp_path, capsys):
    absent = tmp_path / "no-shared"
    assert fingerprint.main(["--shared", str(absent)]) == 0
    lines = capsys.readouterr().out.splitlines()
    names = [line.split("\t")[0] for line in lines]
    assert names and all(name.startswith("samples/") for name in names)
    assert "samples/MANIFEST.tsv" not in names
    before = tmp_path / "before.tsv"
    before.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert fingerprint.main(["--shared", str(absent), "--compare", str(before)]) == 0
    name, digest = lines[0].split("\t")
    before.write_text("\n".join([f"{name}\t{'0' * len(digest)}"] + lines[1:]) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert fingerprint.main(["--shared", str(absent), "--compare", str(before)]) == 1
    assert capsys.readouterr().out.startswith(name + "\t")
