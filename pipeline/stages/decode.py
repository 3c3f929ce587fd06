"""Bytes to str, and what kind of input the str is.

Reads: raw. Writes: decoded, source.encoding, source.format.
Example: b'\\xba\\xb8\\xb5\\xb5\\xc0\\xda\\xb7\\xe1' → '보도자료' (cp949).

The encoding is the first of: a byte-order mark; a charset the markup declares (`<meta
charset>`, `http-equiv`, `<?xml encoding>`), with every EUC-KR label read as CP949, its
superset, because strict EUC-KR rejects syllables real pages hold; strict UTF-8; strict CP949;
then charset-normalizer's guess. A declared Western code page (iso-8859-1, windows-1252),
which old Korean pages often claim wrongly and which decodes any bytes, comes after CP949. Detectors are last on purpose: a short CP949 string such as
the one above looks like Latin-1 or Cyrillic to them. When nothing decodes cleanly, the
candidate with the fewest bad bytes wins, those bytes become U+FFFD, and a warning gives
their byte offsets.

The format comes from the content, never from the file name: a JSON record, Markdown (a
korea.kr record with its YAML front matter, or without it, opening on a '# 제목' heading), the
korea.kr body HTML (DataContents), other HTML, or plain text.
"""
from __future__ import annotations

import codecs
import json
import re

from ..document import Document
from ..errors import EmptyInput
from ..lexicon import Lexicon

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
SNIFF_BYTES = 4096           # a declared charset sits in the head of the page
ASCII_SPACE = "\t\n\f\r "     # what the HTML Standard strips from a charset label
SHOWN_OFFSETS = 10           # bad-byte offsets listed in the warning
JSON_TEXT_FIELDS = ("title", "content")


# --- encodings -------------------------------------------------------------------------

BOM_BYTES = tuple(bom for bom, _ in BOMS)


def match_bom(data: bytes) -> str | None:
    """b'\\xef\\xbb\\xbf...' → 'utf-8-sig'. Most inputs have none, which one startswith
    over all the marks tells."""
    if not data.startswith(BOM_BYTES):
        return None
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


def canonical_encoding(label: str, lex: Lexicon) -> str | None:
    """'ks_c_5601-1987' → 'cp949', 'UTF8' → 'utf-8'; None for a label Python does not know."""
    label = label.strip(ASCII_SPACE).lower()
    if label in lex.html["charset"]["cp949"]:
        return "cp949"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp949" if name == "euc_kr" else name


# The declared charset, found the way the HTML Standard's "prescan a byte stream to determine
# its encoding" finds it: markup is walked tag by tag, so a charset inside a comment or inside
# another tag's attribute value is not read (one inside a script's string is, as browsers read
# it too), and a <meta> counts only with a charset attribute, or with
# http-equiv="Content-Type" and a content naming a charset. Failing that, an XML declaration
# at the very start. Our own reader: bs4 cost ~60 ms of import per process for these few
# patterns. The prescan's UTF-16 XML-declaration step is left out: markup in UTF-16 without a
# byte-order mark has a NUL byte in every ASCII character, and sniff refuses such a head.

def content_charset(content: str, lex: Lexicon) -> str | None:
    """'text/html; charset=euc-kr' → 'euc-kr'; None when it names no charset Python knows."""
    found = lex.CONTENT_CHARSET_RE.search(content)
    label = found and (found["dq"] or found["sq"] or found["bare"])
    return label if label and canonical_encoding(label, lex) else None


def meta_charset(tag: str, lex: Lexicon) -> str | None:
    """'<meta http-equiv="Content-Type" content="text/html; charset=euc-kr"' → 'euc-kr'.

    The first of each attribute name counts. A charset attribute decides (a label Python does
    not know makes the whole tag declare nothing); a content's charset counts only when no
    charset attribute came before it and the tag also says http-equiv="Content-Type"."""
    seen: set[str] = set()
    pragma = False              # http-equiv="content-type" was seen
    need_pragma = None          # None: no charset read; True: it came from content
    charset: str | None = None  # "" once a charset attribute named no known encoding
    for attribute in lex.META_ATTRIBUTE_RE.finditer(tag, len("<meta")):
        name = attribute["name"].lower()
        if name in seen:
            continue
        seen.add(name)
        value = (attribute["dq"] or attribute["sq"] or attribute["bare"] or "").lower()
        if name == "http-equiv":
            pragma = value == "content-type"
        elif name == "content" and charset is None:
            if label := content_charset(value, lex):
                charset, need_pragma = label, True
        elif name == "charset":
            charset, need_pragma = (value if canonical_encoding(value, lex) else ""), False
    if need_pragma is None or (need_pragma and not pragma):
        return None
    return charset or None


def xml_charset(head: str, lex: Lexicon) -> str | None:
    """'<?xml version="1.0" encoding="euc-kr"?>' → 'euc-kr', only at the very start."""
    found = lex.XML_ENCODING_RE.match(head)
    label = found and (found["dq"] or found["sq"])
    return label.lower() if label and canonical_encoding(label, lex) else None


def declared_label(head: str, lex: Lexicon) -> str | None:
    """The charset label the head declares, lowercased: the first <meta> that declares one
    (tags read in order, comments skipped), else an XML declaration. `head` is bytes read as
    Latin-1, so every byte is one character and nothing fails to decode."""
    if lex.META_START_RE.search(head):     # most heads have none: then no tag is walked
        for step in lex.PRESCAN_RE.finditer(head):
            if step["meta_end"] and (label := meta_charset(step["meta"], lex)):
                return label.strip(ASCII_SPACE)
    return xml_charset(head, lex)


def match_declared(data: bytes, lex: Lexicon) -> str | None:
    """'<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">' → 'cp949'.

    Every declaration is a tag, so bytes without `<` declare nothing. UTF-16 declared by bytes
    that were just read as ASCII is a mistake, read as UTF-8 as browsers do."""
    head = data[:SNIFF_BYTES]
    if b"<" not in head:
        return None
    label = declared_label(head.decode("latin-1"), lex)
    encoding = canonical_encoding(label, lex) if label else None
    return "utf-8" if encoding in lex.html["charset"]["ascii_readable_utf16"] else encoding


def decode_strict(data: bytes, encoding: str) -> str | None:
    """The text when every byte is valid `encoding`, else None."""
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def guess_encoding(data: bytes, lex: Lexicon) -> str | None:
    """charset-normalizer's best guess, in our spelling of the name, when it is one a Korean
    release can be in (data/html.toml); None otherwise. Imported here: only inputs that are
    neither UTF-8 nor CP949 get this far."""
    import charset_normalizer

    best = charset_normalizer.from_bytes(data).best()
    guess = canonical_encoding(best.encoding, lex) if best else None
    return guess if guess in lex.html["charset"]["detector_accepts"] else None


def bad_byte_offsets(data: bytes, encoding: str, limit: int = SHOWN_OFFSETS + 1) -> list[int]:
    """Offsets of the first `limit` bytes `encoding` cannot decode: b'ab\\xffc' in utf-8 → [2]."""
    offsets: list[int] = []
    pos = 0
    while len(offsets) < limit:
        try:
            data[pos:].decode(encoding)
            break
        except UnicodeDecodeError as err:
            offsets.extend(range(pos + err.start, pos + err.end))
            pos += err.end
    return offsets[:limit]


def decode_lossy(doc: Document, data: bytes, candidates: list[str]) -> tuple[str, str]:
    """The candidate losing the fewest characters; the lost bytes are replaced and reported."""
    decoded = {enc: data.decode(enc, errors="replace") for enc in dict.fromkeys(candidates)}
    encoding = min(decoded, key=lambda enc: decoded[enc].count("\ufffd"))
    offsets = bad_byte_offsets(data, encoding)
    shown = ", ".join(str(o) for o in offsets[:SHOWN_OFFSETS]) + (" …" if len(offsets) > SHOWN_OFFSETS else "")
    doc.warn("decode", "undecodable_bytes",
             f"bytes that are not valid {encoding} were replaced with U+FFFD, at byte offset(s) {shown}")
    return encoding, decoded[encoding]


def decode_bytes(doc: Document, data: bytes, lex: Lexicon) -> tuple[str, str]:
    """(encoding, text) by the order in the module docstring."""
    bom = match_bom(data)
    declared = match_declared(data, lex) if bom is None else None
    if declared in lex.html["charset"]["distrusted"]:
        candidates = [enc for enc in (bom, "utf-8", "cp949", declared) if enc]
    else:
        candidates = [enc for enc in (bom, declared, "utf-8", "cp949") if enc]
    for encoding in dict.fromkeys(candidates):
        text = decode_strict(data, encoding)
        if text is not None:
            return encoding, text
    guessed = guess_encoding(data, lex)
    if guessed and (text := decode_strict(data, guessed)) is not None:
        return guessed, text
    return decode_lossy(doc, data, candidates)


# --- formats ---------------------------------------------------------------------------

# White space then '{': read from the text's start, where `text.lstrip().startswith("{")` copied
# the whole text to look at one character (`\s` is str.isspace's white space, as lstrip's).
JSON_OPENING_RE = re.compile(r"\s*\{")


def is_json_record(text: str, lex: Lexicon) -> bool:
    """'{"title": "…", "content": "…", "department": "…"}' — one release as a JSON object."""
    if not JSON_OPENING_RE.match(text):
        return False
    try:
        value = json.loads(text)
    except ValueError:
        return False
    return isinstance(value, dict) and all(isinstance(value.get(k), str) for k in JSON_TEXT_FIELDS)


def is_markdown(text: str, lex: Lexicon) -> bool:
    """'---\\ntitle: "…"\\nministry: "…"\\n---\\n# …' — a korea.kr record; or the same record
    saved without its front matter, as the portal's own Markdown rendering is: the first line
    that is not blank is a '# 제목' heading (a plain-text release never opens with '# ' and a
    space; a hashtag '#청년' has none)."""
    text = text.lstrip("\ufeff")
    if lex.FRONT_MATTER_RE.match(text):
        return True
    first = text.lstrip()[:SNIFF_BYTES].partition("\n")[0]
    return first.startswith("#") and lex.MD_HEADING_RE.match(first) is not None


def is_html(text: str, lex: Lexicon) -> bool:
    """'<!DOCTYPE html>…', '<html>…', or a fragment opening with tags such as '<p>…</p><p>…'."""
    head = text.lstrip("\ufeff")[:SNIFF_BYTES]
    if lex.HTML_DOCUMENT_RE.match(head):
        return True
    return head.lstrip().startswith("<") and len(lex.HTML_TAG_RE.findall(head)) >= 2


def is_korea_kr_html(text: str, lex: Lexicon) -> bool:
    """'<title>pressRelease 156753088 DataContents</title>' — a korea.kr body page."""
    head = text[:SNIFF_BYTES]      # the marker first: a substring test spares other inputs is_html
    return any(marker in head for marker in lex.html["korea_kr"]["markers"]) and is_html(text, lex)


# First match wins; anything else is plain text.
FORMATS = (
    ("json", is_json_record),
    ("markdown", is_markdown),
    ("korea_kr_html", is_korea_kr_html),
    ("html", is_html),
)


def detect_format(text: str, lex: Lexicon) -> str:
    """One of the schema's source formats: json, markdown, korea_kr_html, html, text."""
    return next((name for name, rule in FORMATS if rule(text, lex)), "text")


BINARY_FORMATS = ("hwpx", "hwp")      # named by sniff and read from the bytes by render


def run(doc: Document, lex: Lexicon) -> None:
    """Decode the raw bytes and name the format; an empty file is the only error. HWPX and
    HWP are containers, not text: they pass untouched to render's readers."""
    if doc.source.format in BINARY_FORMATS:
        return
    data = doc.raw
    if not data or data.isspace():      # not data.strip(), which copies the bytes to find one
        raise EmptyInput(doc.source.path, "the file is empty or holds only white space")
    encoding, text = decode_bytes(doc, data, lex)
    doc.decoded = text.lstrip("\ufeff")
    doc.source.encoding = {"utf-8-sig": "utf-8", "utf_8": "utf-8"}.get(encoding, encoding)
    doc.source.format = detect_format(doc.decoded, lex)
