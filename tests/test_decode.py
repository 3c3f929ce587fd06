"""decode: one rule per test, on bytes written here (never lines of the seed)."""
from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Document, Source
from pipeline.errors import EmptyInput
from pipeline.lexicon import load_lexicon
from pipeline.stages import decode

LEX = load_lexicon()
ROOT = Path(__file__).resolve().parent.parent


def decoded(data: bytes, path: str = "t") -> Document:
    doc = Document(source=Source(path=path, sha256="0" * 64, bytes=len(data)), raw=data)
    decode.run(doc, LEX)
    return doc


# --- encodings -------------------------------------------------------------------------

def test_utf8_bom_is_read_and_dropped() -> None:
    doc = decoded(codecs.BOM_UTF8 + "알림 사항".encode())
    assert (doc.source.encoding, doc.decoded) == ("utf-8", "알림 사항")


def test_utf16_bom() -> None:
    doc = decoded("공지 사항입니다".encode("utf-16"))
    assert doc.source.encoding == "utf-16" and doc.decoded == "공지 사항입니다"


@pytest.mark.parametrize("meta", [
    '<meta charset="euc-kr">',
    "<meta charset=EUC-KR>",
    '<meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987">',
])
def test_euc_kr_labels_decode_as_cp949(meta: str) -> None:
    # 똠 and 햏 are outside KS X 1001: strict EUC-KR fails on them, CP949 does not.
    page = f"<html><head>{meta}</head><body><p>똠방각하 햏자</p></body></html>"
    doc = decoded(page.encode("cp949"))
    assert doc.source.encoding == "cp949" and "똠방각하 햏자" in doc.decoded


@pytest.mark.parametrize(("declared", "body", "written_in"), [
    ("utf-8", "행사 안내", "cp949"),            # a declaration that lies yields to what decodes
    ("iso-8859-1", "행사 안내", "cp949"),       # a Western code page decodes anything: tried last
    ("windows-1252", "café €", "cp1252"),       # … and still used when it is the one that fits
])
def test_declared_charset_is_checked_against_the_bytes(declared: str, body: str, written_in: str) -> None:
    page = f'<html><head><meta charset="{declared}"></head><body><p>{body}</p></body></html>'
    doc = decoded(page.encode(written_in))
    assert doc.source.encoding == written_in and body in doc.decoded


@pytest.mark.parametrize("word", ["보도자료", "개최", "문의", "담당자 홍길동"])
def test_short_cp949_text_without_declaration(word: str) -> None:
    """Detectors call such short byte strings Latin-1 or Cyrillic; CP949 is tried first."""
    doc = decoded(word.encode("cp949"))
    assert (doc.source.encoding, doc.decoded) == ("cp949", word)


def test_plain_utf8_wins_over_cp949() -> None:
    assert decoded("설명 자료".encode()).source.encoding == "utf-8"


def test_undecodable_bytes_are_replaced_and_located() -> None:
    data = "가나다".encode() + b"\xff" + "라마".encode()
    doc = decoded(data)
    assert doc.decoded == "가나다\ufffd라마"
    [issue] = doc.issues
    assert issue.code == "undecodable_bytes" and issue.message.endswith("byte offset(s) 9")


def test_empty_input_is_an_error() -> None:
    with pytest.raises(EmptyInput):
        decoded(b" \n\t ")


def test_canonical_names() -> None:
    assert decode.canonical_encoding("KS_C_5601-1987", LEX) == "cp949"
    assert decode.canonical_encoding("UTF8", LEX) == "utf-8"
    assert decode.canonical_encoding("no-such-charset", LEX) is None


# --- the declared charset: the HTML Standard's prescan ------------------------------------

# (head, the label found, the encoding decode uses). Heads written here, ASCII only.
DECLARATIONS = [
    # how the charset attribute is written
    (b'<html><head><meta charset="euc-kr"></head>', "euc-kr", "cp949"),
    (b"<meta charset=euc-kr>", "euc-kr", "cp949"),
    (b"<meta charset='UTF-8'>", "utf-8", "utf-8"),
    (b"<META CHARSET=EUC-KR>", "euc-kr", "cp949"),
    (b'<meta  charset = " euc-kr "  >', "euc-kr", "cp949"),
    (b"<meta\ncharset=euc-kr/>", "euc-kr/", "cp949"),         # the label is Python's to read
    (b"<meta/charset=utf-8>", "utf-8", "utf-8"),
    (b"<meta charset=UTF8>", "utf8", "utf-8"),
    # http-equiv with content: both needed, in either order
    (b'<meta http-equiv="Content-Type" content="text/html; charset=ks_c_5601-1987">', "ks_c_5601-1987", "cp949"),
    (b"<meta content='text/html;charset=x-windows-949' http-equiv=content-type>", "x-windows-949", "cp949"),
    (b"<meta http-equiv=Content-Type content='text/html; charset=\"euc-kr\"'>", "euc-kr", "cp949"),
    (b'<meta http-equiv="content-type" content="text/html; CHARSET = euc-kr">', "euc-kr", "cp949"),
    (b'<meta content="text/html; charset=euc-kr">', None, None),
    (b'<meta name="description" content="charset=euc-kr">', None, None),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=">', None, None),
    (b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset='euc-kr\">", None, None),
    (b'<meta http-equiv="X-UA-Compatible" content="IE=edge; charset=euc-kr">', None, None),
    # one tag: the first of each name counts; a charset attribute wins over content
    (b'<meta charset="utf-8" charset="euc-kr">', "utf-8", "utf-8"),
    (b'<meta http-equiv=content-type content="text/html; charset=utf-8" charset=euc-kr>', "euc-kr", "cp949"),
    # tags in order: comments skipped, unknown labels passed over, other tags read whole
    (b'<!-- <meta charset="euc-kr"> --><meta charset="utf-8">', "utf-8", "utf-8"),
    (b"<!-- old: <meta charset=euc-kr> -->", None, None),
    (b"<!--><meta charset=euc-kr>", "euc-kr", "cp949"),
    (b"<!---><meta charset=euc-kr>", "euc-kr", "cp949"),
    (b'<meta charset="x-no-such"><meta charset="euc-kr">', "euc-kr", "cp949"),
    (b'<a title="<meta charset=euc-kr>"><meta charset=utf-8>', "utf-8", "utf-8"),
    (b"<metadata charset=euc-kr><meta charset=utf-8>", "utf-8", "utf-8"),
    (b"<html><body><p>news</p><meta charset=euc-kr></body></html>", "euc-kr", "cp949"),
    (b'<script>var tag = "<meta charset=euc-kr>";</script>', "euc-kr", "cp949"),   # as browsers read it
    # the XML declaration, only at the very start and only when no <meta> declares
    (b'<?xml version="1.0" encoding="EUC-KR"?>\n<html>', "euc-kr", "cp949"),
    (b"<?xml version='1.0' encoding='utf-8'?>", "utf-8", "utf-8"),
    (b'<?xml version="1.0" encoding = "euc-kr" ?>', "euc-kr", "cp949"),
    (b'\n<?xml version="1.0" encoding="euc-kr"?>', None, None),
    (b'<?xml version="1.0"?><p encoding="euc-kr">', None, None),
    (b'<?xml version="1.0" encoding="utf-8"?><meta charset=euc-kr>', "euc-kr", "cp949"),
    # nothing declared; cut off before the tag ends; a declared UTF-16 read as UTF-8
    (b"<html><head><title>news</title></head><body>", None, None),
    (b"plain text with a < sign", None, None),
    (b'<meta charset="euc-kr', None, None),
    (b"<meta charset=euc-kr", None, None),
    (b'<p title="open <meta charset=euc-kr>', None, None),
    (b"<!-- never closed <meta charset=euc-kr>", None, None),
    (b'<meta charset="utf-16">', "utf-16", "utf-8"),
    (b'<meta http-equiv="Content-Type" content="text/html; charset=utf-16le">', "utf-16le", "utf-8"),
]


@pytest.mark.parametrize(("head", "label", "encoding"), DECLARATIONS)
def test_declared_charset(head: bytes, label: str | None, encoding: str | None) -> None:
    assert decode.declared_label(head.decode("latin-1"), LEX) == label
    assert decode.match_declared(head, LEX) == encoding


def test_a_byte_order_mark_beats_the_declaration() -> None:
    page = "<html><head><meta charset=\"euc-kr\"></head><body><p>보도 자료</p></body></html>"
    doc = decoded(codecs.BOM_UTF8 + page.encode())
    assert doc.source.encoding == "utf-8" and "보도 자료" in doc.decoded


def test_only_the_head_is_read() -> None:
    """All SNIFF_BYTES of it (bs4, which we used before, looked at half of them for a <meta>)."""
    late = b"<p>" + b"x" * decode.SNIFF_BYTES + b"</p><meta charset=euc-kr>"
    assert decode.match_declared(late, LEX) is None
    within = b"<p>" + b"x" * (decode.SNIFF_BYTES - 40) + b"</p><meta charset=euc-kr>"
    assert decode.match_declared(within, LEX) == "cp949"


MARKUP = st.sampled_from(["<", ">", "!", "--", "/", "?", "=", '"', "'", " ", "\t", "\n", "meta", "META",
                          "charset", "http-equiv", "content-type", "content", "text/html;", "euc-kr",
                          "utf-8", "utf-16", "<?xml", "encoding", "\x00", "\xff", "a", "<!--", "-->"])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400) | st.lists(MARKUP, max_size=60).map(lambda parts: "".join(parts).encode("latin-1")))
def test_prescan_never_fails(data: bytes) -> None:
    """Any bytes: a label that names a codec Python has, or None."""
    label = decode.declared_label(data.decode("latin-1"), LEX)
    encoding = decode.match_declared(data, LEX)
    assert (label is None) == (encoding is None)
    if encoding:
        codecs.lookup(encoding)
        assert label == label.strip(decode.ASCII_SPACE).lower()


def corpus_heads() -> list[tuple[str, bytes]]:
    """The head of every file in samples/ and ../shared/corpus that holds a '<' there."""
    roots = [ROOT / "samples", ROOT.parent / "shared" / "corpus"]
    heads = []
    for root in filter(Path.is_dir, roots):
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
            with path.open("rb") as fh:
                head = fh.read(decode.SNIFF_BYTES)
            if b"<" in head:
                heads.append((str(path.relative_to(root.parent)), head))
    return heads


def test_prescan_agrees_with_beautifulsoup_on_real_files() -> None:
    """Our prescan replaced bs4's EncodingDetector: on every real file it finds the label bs4
    found (bs4 reads <meta> by one pattern, so on crafted heads such as a commented-out meta
    the two differ on purpose; no real file does that)."""
    dammit = pytest.importorskip("bs4.dammit")
    heads = corpus_heads()
    differ = [(name, theirs, ours) for name, head in heads
              if (theirs := dammit.EncodingDetector.find_declared_encoding(head, is_html=True))
              != (ours := decode.declared_label(head.decode("latin-1"), LEX))]
    assert not differ, differ
    assert any(decode.declared_label(head.decode("latin-1"), LEX) for _, head in heads)


# --- formats ---------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "fmt"), [
    ("<!DOCTYPE html><html><body><p>가</p></body></html>", "html"),
    ("<!-- saved page -->\n<html><body>가</body></html>", "html"),
    ("<p>첫 문단</p><p>둘째 문단</p>", "html"),
    ('<html><head><title>pressRelease 1 DataContents</title></head><body><h1>DataContents</h1></body></html>',
     "korea_kr_html"),
    ('---\ntitle: "가"\nministry: "나"\n---\n\n# 가\n', "markdown"),
    ("\n# 가 부처, 나 사업 개시\n\n- 부처: 가부\n\n## 본문\n\n□ 나 사업을", "markdown"),
    ("## 가 행사 개최\n본문", "markdown"),
    ("#청년 #일자리 해시태그로 시작하는 본문", "text"),
    ("□ 개요\n# 가 아래의 제목 같은 줄", "text"),
    (json.dumps({"title": "가", "content": "나", "department": "다"}, ensure_ascii=False), "json"),
    ("<참고: 행사 개요>\n□ 일시: 5월 1일", "text"),
    ("---\n구분선 아래 본문", "text"),
    ('{"not": "a release"}', "text"),
    ("□ 개최 배경\n  ○ 협력 강화", "text"),
])
def test_format_is_read_from_content(text: str, fmt: str) -> None:
    assert decode.detect_format(text, LEX) == fmt


def test_format_ignores_the_file_name() -> None:
    assert decoded(b"<html><body><p>a</p></body></html>", "release.txt").source.format == "html"
    assert decoded("□ 개요".encode(), "page.html").source.format == "text"


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=1, max_size=300))
def test_any_bytes_decode_or_are_empty(data: bytes) -> None:
    """Arbitrary bytes never raise, except the one error an empty file is."""
    if not data.strip():
        with pytest.raises(EmptyInput):
            decoded(data)
        return
    doc = decoded(data)
    assert doc.source.encoding and doc.source.format in {"text", "html", "markdown", "korea_kr_html", "json"}
    assert all(i.code == "undecodable_bytes" for i in doc.issues)
