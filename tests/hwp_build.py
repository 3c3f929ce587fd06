"""Small HWPX packages and HWP 5 files written from scratch for the reader tests.

HWPX: a zip with `mimetype`, Contents/content.hpf (spine), Contents/header.xml (styles) and
section parts whose body the test writes as OWPML XML. HWP 5: record streams (tag, level,
payload) packed, raw-deflated and put into a compound file by `cfb`, a minimal writer of the
OLE format (version 3, 512-byte sectors, a mini stream for streams under 4,096 bytes) —
olefile reads OLE files but cannot write them.
"""
from __future__ import annotations

import io
import struct
import zipfile
import zlib
from dataclasses import dataclass, field

# --- HWPX --------------------------------------------------------------------------------

NS = ('xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
      'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
      'xmlns:hh="http://www.hancom.co.kr/hwpml/2011/head" '
      'xmlns:hc="http://www.hancom.co.kr/hwpml/2011/core"')

# Styles: paraPr 0 plain, 1 bullet '-', 2 numbered '^1.' / '(^2)'; charPr 0 black, 1 white;
# borderFill 1 unfilled, 2 painted grey.
HEADER = f"""<?xml version="1.0" encoding="UTF-8"?>
<hh:head {NS}><hh:refList>
<hh:borderFills>
 <hh:borderFill id="1"><hc:fillBrush><hc:winBrush faceColor="none" hatchColor="#000000" alpha="0"/></hc:fillBrush></hh:borderFill>
 <hh:borderFill id="2"><hc:fillBrush><hc:winBrush faceColor="#D9D9D9" hatchColor="#000000" alpha="0"/></hc:fillBrush></hh:borderFill>
</hh:borderFills>
<hh:charProperties>
 <hh:charPr id="0" textColor="#000000" shadeColor="none"/>
 <hh:charPr id="1" textColor="#FFFFFF" shadeColor="none"/>
</hh:charProperties>
<hh:bullets><hh:bullet id="1" char="-" useImage="0"/></hh:bullets>
<hh:numberings><hh:numbering id="1" start="0">
 <hh:paraHead start="1" level="1" numFormat="DIGIT">^1.</hh:paraHead>
 <hh:paraHead start="1" level="2" numFormat="HANGUL_SYLLABLE">(^2)</hh:paraHead>
</hh:numbering></hh:numberings>
<hh:paraProperties>
 <hh:paraPr id="0"><hh:heading type="NONE" idRef="0" level="0"/></hh:paraPr>
 <hh:paraPr id="1"><hh:heading type="BULLET" idRef="1" level="0"/></hh:paraPr>
 <hh:paraPr id="2"><hh:heading type="NUMBER" idRef="1" level="0"/></hh:paraPr>
 <hh:paraPr id="3"><hh:heading type="NUMBER" idRef="1" level="1"/></hh:paraPr>
</hh:paraProperties>
</hh:refList></hh:head>"""

CONTENT_HPF = """<?xml version="1.0" encoding="UTF-8"?>
<opf:package xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>
<opf:item id="header" href="Contents/header.xml" media-type="application/xml"/>
{items}</opf:manifest><opf:spine><opf:itemref idref="header"/>{refs}</opf:spine></opf:package>"""


def t(text: str) -> str:
    return f"<hp:t>{text}</hp:t>"


def run(*content: str, char: int = 0) -> str:
    return f'<hp:run charPrIDRef="{char}">{"".join(content)}</hp:run>'


def p(*runs: str, para: int = 0) -> str:
    """A paragraph; plain strings become runs of text."""
    body = "".join(r if r.startswith("<hp:run") else run(t(r)) for r in runs)
    return f'<hp:p paraPrIDRef="{para}" styleIDRef="0">{body}</hp:p>'


def tc(row: int, col: int, *paragraphs: str, rowspan: int = 1, colspan: int = 1, name: str = "",
       fill: int = 1) -> str:
    named = f' name="{name}"' if name else ""
    return (f'<hp:tc{named} header="0" borderFillIDRef="{fill}"><hp:subList>{"".join(paragraphs)}</hp:subList>'
            f'<hp:cellAddr colAddr="{col}" rowAddr="{row}"/><hp:cellSpan colSpan="{colspan}" rowSpan="{rowspan}"/>'
            f'</hp:tc>')


def tbl(*rows: list[str]) -> str:
    return run(f'<hp:tbl rowCnt="{len(rows)}">' + "".join(f"<hp:tr>{''.join(r)}</hp:tr>" for r in rows) + "</hp:tbl>")


def section(*paragraphs: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><hs:sec {NS}>{"".join(paragraphs)}</hs:sec>'


def hwpx(*sections: str, header: str = HEADER, mimetype: bytes = b"application/hwp+zip",
         extra: dict[str, bytes] | None = None, spine: bool = True) -> bytes:
    """A package whose section parts hold `sections` (each a whole section XML)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mimetype, compress_type=zipfile.ZIP_STORED)
        names = [f"Contents/section{i}.xml" for i in range(len(sections))]
        items = "".join(f'<opf:item id="section{i}" href="{n}" media-type="application/xml"/>\n'
                        for i, n in enumerate(names))
        refs = "".join(f'<opf:itemref idref="section{i}"/>' for i in range(len(sections))) if spine else ""
        z.writestr("Contents/content.hpf", CONTENT_HPF.format(items=items, refs=refs))
        z.writestr("Contents/header.xml", header)
        for name, body in zip(names, sections):
            z.writestr(name, body)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return out.getvalue()


def set_encrypted(data: bytes, name: str) -> bytes:
    """Turn on the 'encrypted' flag of entry `name` in its local and central headers."""
    buf = bytearray(data)
    encoded = name.encode()
    for magic, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = buf.find(magic)
        while at >= 0:
            if buf[at + name_at:at + name_at + len(encoded)] == encoded:
                buf[at + flag_at] |= 0x1
            at = buf.find(magic, at + 4)
    return bytes(buf)


# --- HWP 5 records -----------------------------------------------------------------------

PARA_HEADER, PARA_TEXT, PARA_CHAR_SHAPE, CTRL_HEADER, LIST_HEADER = 0x42, 0x43, 0x44, 0x47, 0x48
SHAPE_COMPONENT, TABLE = 0x4C, 0x4D
BORDER_FILL, CHAR_SHAPE, NUMBERING, BULLET, PARA_SHAPE = 0x14, 0x15, 0x17, 0x18, 0x19


def record(tag: int, level: int, payload: bytes = b"") -> bytes:
    size = len(payload)
    if size >= 0xFFF:
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + payload
    return struct.pack("<I", tag | level << 10 | size << 20) + payload


@dataclass
class Ctrl:
    """An extended control character in a paragraph and the records its CTRL_HEADER owns."""
    ident: str                      # 'tbl ', 'gso ', 'tcps', '%clk'
    payload: bytes = b""            # after the id
    children: list[bytes] = field(default_factory=list)   # records at level + 2, already packed
    code: int = 11


def para(level: int, *pieces: str | Ctrl, shape: int = 0, runs: list[tuple[int, int]] | None = None) -> list[bytes]:
    """PARA_HEADER, PARA_TEXT (text, tab/line-break control characters, controls),
    PARA_CHAR_SHAPE and one CTRL_HEADER per control, in order."""
    units = bytearray()
    controls: list[Ctrl] = []
    for piece in pieces:
        if isinstance(piece, Ctrl):
            ident = piece.ident.encode("latin-1")[::-1]
            units += struct.pack("<H", piece.code) + ident + b"\0" * 8 + struct.pack("<H", piece.code)
            controls.append(piece)
        else:
            for ch in piece:
                if ch == "\t":
                    units += struct.pack("<H", 9) + b"\0" * 12 + struct.pack("<H", 9)
                elif ch == "\n":
                    units += struct.pack("<H", 10)
                else:
                    units += ch.encode("utf-16-le")
    units += struct.pack("<H", 13)
    out = [record(PARA_HEADER, level, struct.pack("<IIHBB", len(units) // 2, 0, shape, 0, 0) + b"\0" * 10),
           record(PARA_TEXT, level + 1, bytes(units)),
           record(PARA_CHAR_SHAPE, level + 1, b"".join(struct.pack("<II", *r) for r in (runs or [(0, 0)])))]
    for ctrl in controls:
        out.append(record(CTRL_HEADER, level + 1, ctrl.ident.encode("latin-1")[::-1] + ctrl.payload))
        out.extend(ctrl.children)
    return out


def cell_header(level: int, row: int, col: int, paragraphs: int, rowspan: int = 1, colspan: int = 1,
                name: str = "", fill: int = 1) -> bytes:
    data = struct.pack("<HHIHHHHIIHHHHHI", paragraphs, 0, 0x20, col, row, colspan, rowspan,
                       1000, 1000, 0, 0, 0, 0, fill, 1000)
    if name:
        encoded = name.encode("utf-16-le")
        data += b"\xff" + struct.pack("<HHHHHH", 0x021B, 1, 0, 0x4000, 1, len(name)) + encoded
    return record(LIST_HEADER, level, data)


def table(level: int, rows: int, cols: int, cells: list[tuple[int, int, list[str], dict]]) -> Ctrl:
    """A 'tbl ' control for a paragraph at `level`: cells are (row, col, paragraph texts, options)."""
    inner = level + 2
    children = [record(TABLE, inner, struct.pack("<IHH", 0, rows, cols) + b"\0" * 10 + b"\x01\x00" * rows + b"\x01\x00")]
    for row, col, texts, options in cells:
        children.append(cell_header(inner, row, col, len(texts), **options))
        for text in texts:
            children.extend(text if isinstance(text, list) else para(inner, text))
    return Ctrl("tbl ", b"\0" * 44, children)


def text_box(level: int, *texts: str) -> Ctrl:
    """A 'gso ' rectangle whose box holds `texts`."""
    inner = level + 2
    box = [record(LIST_HEADER, inner + 1, b"\x01\x00" + b"\0" * 31)]
    for text in texts:
        box.extend(para(inner + 1, text))
    return Ctrl("gso ", b"\0" * 44, [record(SHAPE_COMPONENT, inner, b"cer$cer$" + b"\0" * 40), *box])


def compose(*chars: str) -> Ctrl:
    encoded = "".join(chars).encode("utf-16-le")
    return Ctrl("tcps", struct.pack("<H", len(encoded) // 2) + encoded, code=23)


def click_here(guide: str) -> Ctrl:
    command = f"Clickhere:set:66:Direction:wstring:{len(guide)}:{guide} HelpState:wstring:0: "
    return Ctrl("%clk", struct.pack("<IBH", 0, 0, len(command)) + command.encode("utf-16-le"), code=3)


def docinfo() -> bytes:
    """Styles matching HEADER: para shape 1 bullet '-', 2/3 numbered; char shape 1 white;
    border fill 1 unfilled, 2 painted."""
    def para_shape(kind: int, level: int, ref: int) -> bytes:
        return struct.pack("<I", kind << 23 | level << 25) + b"\0" * 26 + struct.pack("<H", ref) + b"\0" * 22

    def char_shape(color: int) -> bytes:
        return b"\0" * 52 + struct.pack("<III", color, 0, 0xFFFFFFFF) + b"\0" * 8

    def border_fill(color: int | None) -> bytes:
        fill = struct.pack("<III", 1, color, 0) if color is not None else struct.pack("<I", 0)
        return b"\0" * 32 + fill

    def level(template: str, fmt: int) -> bytes:
        return struct.pack("<IHHI", fmt << 5, 0, 0, 0) + struct.pack("<H", len(template)) + template.encode("utf-16-le")

    numbering = level("^1.", 0) + level("(^2)", 8) + b"".join(level("", 0) for _ in range(5)) + struct.pack("<H", 1)
    return b"".join([
        record(BORDER_FILL, 0, border_fill(None)), record(BORDER_FILL, 0, border_fill(0xD9D9D9)),
        record(CHAR_SHAPE, 0, char_shape(0)), record(CHAR_SHAPE, 0, char_shape(0xFFFFFF)),
        record(NUMBERING, 0, numbering),
        record(BULLET, 0, struct.pack("<IHHI", 0, 0, 0, 0) + "-".encode("utf-16-le")),
        record(PARA_SHAPE, 0, para_shape(0, 0, 0)), record(PARA_SHAPE, 0, para_shape(3, 0, 1)),
        record(PARA_SHAPE, 0, para_shape(2, 0, 1)), record(PARA_SHAPE, 0, para_shape(2, 1, 1)),
    ])


def deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, -15)
    return packer.compress(data) + packer.flush()


def file_header(flags: int = 1) -> bytes:
    return b"HWP Document File".ljust(32, b"\0") + struct.pack("<II", 0x05010100, flags) + b"\0" * 216


def hwp(*sections: list[bytes] | bytes, flags: int = 1, info: bytes | None = None,
        streams: dict[str, bytes] | None = None) -> bytes:
    """An HWP 5 file: FileHeader, DocInfo and BodyText/Section{n}, compressed when flags bit 0."""
    pack = deflate if flags & 1 else (lambda b: b)
    files = {"FileHeader": file_header(flags), "DocInfo": pack(docinfo() if info is None else info)}
    for i, body in enumerate(sections):
        files[f"BodyText/Section{i}"] = pack(body if isinstance(body, bytes) else b"".join(body))
    files.update(streams or {})
    return cfb(files)


# --- a minimal compound-file writer ------------------------------------------------------

SECTOR, MINI, CUTOFF = 512, 64, 4096
FREE, END, FATSECT = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD


def sort_key(name: str) -> tuple[int, str]:
    return len(name), name.upper()


def cfb(files: dict[str, bytes], loop: str | None = None) -> bytes:
    """An OLE file holding `files` ('Storage/Stream' → bytes). `loop` names a stream whose
    first sector's FAT entry is made to point at itself: its chain never ends."""
    tree: dict[str, dict | bytes] = {}
    for path, data in files.items():
        *dirs, leaf = path.split("/")
        node = tree
        for d in dirs:
            node = node.setdefault(d, {})
        node[leaf] = data
    entries: list[dict] = [{"name": "Root Entry", "type": 5, "child": FREE, "right": FREE, "data": b"", "path": ""}]

    def add(node: dict, parent: int, prefix: str) -> None:
        ids = []
        for name in sorted(node, key=sort_key):
            value = node[name]
            entries.append({"name": name, "type": 1 if isinstance(value, dict) else 2, "child": FREE,
                            "right": FREE, "data": b"" if isinstance(value, dict) else value,
                            "path": prefix + name})
            ids.append(len(entries) - 1)
            if isinstance(value, dict):
                add(value, ids[-1], prefix + name + "/")
        for a, b in zip(ids, ids[1:]):
            entries[a]["right"] = b          # a chain of right siblings, ordered: a valid search tree
        if ids:
            entries[parent]["child"] = ids[0]

    add(tree, 0, "")
    mini_stream = bytearray()
    mini_fat: list[int] = []
    for e in entries:
        if e["type"] == 2 and len(e["data"]) < CUTOFF:
            count = -(-len(e["data"]) // MINI)
            e["start"] = len(mini_fat) if count else END
            mini_fat += [len(mini_fat) + i + 1 for i in range(count)]
            if count:
                mini_fat[-1] = END
            mini_stream += e["data"].ljust(count * MINI, b"\0")
    sectors: list[bytes] = []
    fat: list[int] = []

    def place(data: bytes) -> int:
        count = -(-len(data) // SECTOR)
        if not count:
            return END
        first = len(sectors)
        for i in range(count):
            sectors.append(data[i * SECTOR:(i + 1) * SECTOR].ljust(SECTOR, b"\0"))
            fat.append(first + i + 1)
        fat[-1] = END
        return first

    entries[0]["start"] = place(bytes(mini_stream))
    entries[0]["size"] = len(mini_stream)
    for e in entries:
        if e["type"] == 2 and len(e["data"]) >= CUTOFF:
            e["start"] = place(e["data"])
            if loop == e["path"]:
                fat[e["start"]] = e["start"]
        if e["type"] == 2:
            e["size"] = len(e["data"])
    mini_fat_start = place(b"".join(struct.pack("<I", x) for x in mini_fat)) if mini_fat else END
    directory = b"".join(dir_entry(e) for e in entries)
    dir_start = place(directory.ljust(-(-len(directory) // SECTOR) * SECTOR, b"\0"))
    fat_count = 1
    while (len(sectors) + fat_count) * 4 > fat_count * SECTOR:
        fat_count += 1
    fat_ids = list(range(len(sectors), len(sectors) + fat_count))
    fat += [FATSECT] * fat_count
    fat += [FREE] * (fat_count * SECTOR // 4 - len(fat))
    fat_bytes = b"".join(struct.pack("<I", x) for x in fat)
    for i in range(fat_count):
        sectors.append(fat_bytes[i * SECTOR:(i + 1) * SECTOR])
    difat = fat_ids + [FREE] * (109 - len(fat_ids))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, fat_count, dir_start, 0, CUTOFF, mini_fat_start,
                                        -(-len(mini_fat) * 4 // SECTOR), END, 0)
              + b"".join(struct.pack("<I", x) for x in difat))
    return header + b"".join(sectors)


def dir_entry(e: dict) -> bytes:
    name = e["name"].encode("utf-16-le") + b"\0\0"
    return (name.ljust(64, b"\0") + struct.pack("<HBB", len(name), e["type"], 1)
            + struct.pack("<III", FREE, e["right"], e["child"]) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16
            + struct.pack("<III", e.get("start", END) if e["type"] != 1 else 0, e.get("size", 0), 0))


# --- fuzzing: a mutated file ends in a valid record or a typed error -------------------------

def mutate(data: bytes, edits: list[tuple[int, int]]) -> bytes:
    """`data` with each (offset, byte) edit applied, offsets taken modulo its length."""
    buf = bytearray(data)
    for at, value in edits:
        buf[at % len(buf)] = value
    return bytes(buf)


def outcome_is_typed(data: bytes, name: str) -> None:
    """Parsing `data` gives a schema-valid record or a PipelineError that is not `internal`."""
    import pipeline
    try:
        record = pipeline.parse_bytes(data, name)
    except pipeline.PipelineError as exc:
        assert exc.code != "internal", str(exc)
    else:
        assert pipeline.validate(record) == []
