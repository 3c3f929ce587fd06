"""The installed copy: the wheel carries the schema and data, its runtime dependencies hold no
test tools, and an installed `pressrelease` works from another directory.

The wheel is built offline from a copy of the checkout (two suites may run side by side) and
installed into a fresh venv that sees only the wheel's dependency closure: the closure's
files, taken from the current environment, are linked into one directory that a .pth adds.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest

from pipeline.schema import SCHEMA_NAME, schema_bytes

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "schemas" / SCHEMA_NAME
SEED = ROOT / "samples" / "apec-2004-sme-forum.txt"
TEST_TOOLS = {"pytest", "pytest-cov", "coveralls", "hypothesis", "coverage", "pyyaml", "jsonschema", "setuptools"}
REQUIREMENT_NAME_RE = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)")
EXTRA_MARKER_RE = re.compile(r"""extra\s*==\s*["'](?P<extra>[^"']+)["']""")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_packaged_schema_is_the_top_level_schema_byte_for_byte():
    assert schema_bytes() == SCHEMA.read_bytes()


def requirements(dist: metadata.Distribution | str, extras: frozenset[str] = frozenset()) -> list[str]:
    """Names a distribution requires at run time (plus the given extras), from its metadata."""
    dist = metadata.distribution(dist) if isinstance(dist, str) else dist
    names = []
    for req in dist.requires or []:
        name = REQUIREMENT_NAME_RE.match(req).group("name")
        marker = req.partition(";")[2]
        extra = EXTRA_MARKER_RE.search(marker)
        if extra and extra.group("extra") not in extras:
            continue
        names.append(canonical(name))
    return names


def closure(roots: list[str]) -> dict[str, metadata.Distribution]:
    """Every distribution reachable from `roots` in the current environment."""
    found: dict[str, metadata.Distribution] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        try:
            found[name] = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue   # a conditional requirement that does not apply here
        todo += requirements(found[name])
    return found


def dist_size(dist: metadata.Distribution) -> int:
    return sum(Path(dist.locate_file(f)).stat().st_size for f in dist.files or []
               if Path(dist.locate_file(f)).is_file())


def link_closure(dists: dict[str, metadata.Distribution], into: Path) -> None:
    """The top-level files and folders of each distribution, linked into `into`."""
    into.mkdir()
    for dist in dists.values():
        for f in dist.files or []:
            top = f.parts[0]
            source = Path(dist.locate_file(top))
            if top in ("..", "__pycache__") or not source.exists() or (into / top).exists():
                continue
            (into / top).symlink_to(source)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built offline from a copy of the checkout."""
    src = tmp_path_factory.mktemp("src")
    for name in ("pipeline", "schemas"):
        shutil.copytree(ROOT / name, src / name, symlinks=True,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--quiet", "--no-deps",
                    "--no-build-isolation", "--no-index", "-w", str(dist), str(src)],
                   check=True, capture_output=True, timeout=300)
    return next(dist.glob("*.whl"))


def wheel_requirements(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(name).decode()
    return [line.removeprefix("Requires-Dist: ") for line in text.splitlines() if line.startswith("Requires-Dist: ")]


def runtime_roots(wheel: Path, extras: frozenset[str] = frozenset()) -> list[str]:
    roots = []
    for req in wheel_requirements(wheel):
        extra = EXTRA_MARKER_RE.search(req.partition(";")[2])
        if extra is None or extra.group("extra") in extras:
            roots.append(canonical(REQUIREMENT_NAME_RE.match(req).group("name")))
    return roots


def test_wheel_carries_schema_and_data(wheel):
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert archive.read(f"pipeline/schemas/{SCHEMA_NAME}") == SCHEMA.read_bytes()
    for data in sorted((ROOT / "pipeline" / "data").iterdir()):
        assert f"pipeline/data/{data.name}" in names


def test_runtime_closure_holds_no_test_tools(wheel):
    dists = closure(runtime_roots(wheel))
    assert set(runtime_roots(wheel)) <= set(dists), "a runtime dependency is not installed here"
    assert not set(dists) & TEST_TOOLS, sorted(dists)
    sizes = {name: dist_size(d) for name, d in dists.items()}
    print("runtime closure:", ", ".join(f"{n} {s / 1e6:.1f} MB" for n, s in sorted(sizes.items())),
          f"total {sum(sizes.values()) / 1e6:.1f} MB")


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv holding the wheel and, through a .pth, only its dependency closure (with
    the `export` extra)."""
    home = tmp_path_factory.mktemp("venv")
    env_dir = home / "env"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    dists = closure(runtime_roots(wheel, frozenset({"export"})))
    link_closure(dists, home / "deps")
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "closure.pth").write_text(str(home / "deps") + "\n")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True, timeout=300)
    return env_dir / "bin"


def run_in(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run([str(bin_dir / args[0]), *args[1:]], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)


LIBRARY_EXAMPLE = """
import pipeline, sys
from pipeline import parse_file, validate
assert 'site-packages' in pipeline.__file__, pipeline.__file__
record = parse_file("release.txt")
start, end = record["contacts"][0]["span"]
print(record["release"]["title"], "|", record["text"][start:end], "|", validate(record))
"""


def test_installed_copy_works_from_another_directory(installed, tmp_path):
    (tmp_path / "release.txt").write_bytes(SEED.read_bytes())
    done = run_in(installed, tmp_path, "python", "-c", LIBRARY_EXAMPLE)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2004 APEC 중소기업 정보화 정책포럼 | 전대성 팀   장 | []"

    parsed = run_in(installed, tmp_path, "pressrelease", "parse", "release.txt", "-o", "one.json")
    assert parsed.returncode == 0, parsed.stderr
    batch = run_in(installed, tmp_path, "pressrelease", "batch", "release.txt", "-o", "out", "--jobs", "1",
                   "--no-progress")
    assert batch.returncode == 0, batch.stderr
    checked = run_in(installed, tmp_path, "pressrelease", "validate", "one.json", "out")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "2 documents checked, 0 invalid" in checked.stderr
    assert json.loads((tmp_path / "one.json").read_text())["release"]["title"] == "2004 APEC 중소기업 정보화 정책포럼"
    exported = run_in(installed, tmp_path, "pressrelease", "export", "out", "--duckdb", "out.duckdb")
    assert exported.returncode == 0 and exported.stderr.startswith("releases 1,"), exported.stderr
    version = run_in(installed, tmp_path, "pressrelease", "--version")
    assert version.stdout.startswith("pressrelease 1.")
