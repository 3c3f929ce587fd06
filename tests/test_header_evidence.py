"""Header evidence that is no text: a logo's picture description names the issuer. Built
HWPX files (tests/hwp_build.py) with pictures written here; plus, where ../shared is present,
every HWP/HWPX pair of corpus/real/ keeps the same pictures in both formats."""
from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from pipeline.readers.hwp import read_hwp
from pipeline.readers.hwpx import read_hwpx

from . import hwp_build as B

REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
PAIRS = sorted(p.stem for p in REAL.glob("*.hwp") if p.with_suffix(".hwpx").is_file()) if REAL.is_dir() else []


def picture(description: str) -> str:
    return B.run(f"<hp:pic><hp:shapeComment>{description}</hp:shapeComment></hp:pic>")


def release(*logo: str) -> bytes:
    return B.hwpx(B.section(
        B.p(*logo) if logo else B.p("　"),
        B.p("보도자료"),
        B.p("보도시점 2026. 3. 2.(월) 12:00"),
        B.p("항만 안전 점검 결과 발표"),
        B.p("□ 전국 항만의 안전 점검을 마쳤으며 그 결과를 오늘 공개한다고 밝혔다."),
    ))


CASES = [
    # (logo description, issuer name, source)
    ("그림입니다. 원본 그림의 이름: 해양수산부_국_좌우.png 원본 그림의 크기: 가로 352pixel", "해양수산부", "logo"),
    ("그림입니다. 원본 그림의 이름: 230101_행안부_로고.jpg", "행정안전부", "logo"),      # a short name
    ("그림입니다. 원본 그림의 이름: 국문 좌우조합.jpg", None, None),                  # names no body
]


@pytest.mark.parametrize("description, name, source", CASES, ids=[c[0][17:40] for c in CASES])
def test_a_logo_above_the_body_names_the_issuer(description, name, source):
    record = pipeline.parse_bytes(release(picture(description)), "logo.hwpx")
    issuer = record["release"]["issuer"] or {}
    assert (issuer.get("name"), issuer.get("source")) == (name, source)
    assert "span" not in issuer or source != "logo"      # a logo is no text: no span into it


def test_visible_header_text_outranks_a_logo():
    data = B.hwpx(B.section(
        B.p(picture("그림입니다. 원본 그림의 이름: 행안부_로고.jpg")),
        B.p("해양수산부"),
        B.p("보도자료"),
        B.p("보도시점 2026. 3. 2.(월) 12:00"),
        B.p("항만 안전 점검 결과 발표"),
        B.p("□ 전국 항만의 안전 점검을 마쳤으며 그 결과를 오늘 공개한다고 밝혔다."),
    ))
    issuer = pipeline.parse_bytes(data, "logo.hwpx")["release"]["issuer"]
    assert (issuer["name"], issuer["source"]) == ("해양수산부", "header")


def test_a_picture_writes_no_line_but_is_kept_with_its_anchor():
    out = read_hwpx(release(picture("그림입니다. 원본 그림의 이름: 로고.png")), "logo.hwpx")
    assert out.pictures == [(0, "그림입니다. 원본 그림의 이름: 로고.png")]
    assert not any("로고" in line for line in out.lines)


@pytest.mark.skipif(not PAIRS, reason="../shared/corpus is not present")
@pytest.mark.parametrize("stem", PAIRS)
def test_hwp_and_hwpx_of_one_release_keep_the_same_pictures(stem):
    hwp = read_hwp((REAL / f"{stem}.hwp").read_bytes(), stem)
    hwpx = read_hwpx((REAL / f"{stem}.hwpx").read_bytes(), stem)
    assert hwp.pictures == hwpx.pictures
