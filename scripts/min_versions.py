"""Print pip constraints that pin every runtime dependency of pyproject.toml to its floor.

    python scripts/min_versions.py > constraints.txt
    pip install -c constraints.txt -e '.[test]'

`make test-min` does this in a second venv and runs the suite, so the floors we declare are
floors we have tested (pip has no "lowest versions" resolution of its own).
"""
from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FLOOR_RE = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(?P<spec>[^;#]*)")
LOWER_RE = re.compile(r">=\s*(?P<version>[0-9][^,\s]*)")


def floors(requirements: list[str]) -> list[str]:
    pins = []
    for req in requirements:
        m = FLOOR_RE.match(req)
        lower = LOWER_RE.search(m.group("spec")) if m else None
        if lower is None:
            raise SystemExit(f"pyproject.toml: {req!r} has no >= floor")
        pins.append(f"{m.group('name')}=={lower.group('version')}")
    return pins


def main() -> int:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    print("\n".join(floors(project["dependencies"])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
