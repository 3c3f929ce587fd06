"""Small pure helpers shared by stages: white space, spans, Hangul tests."""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

import phonenumbers

from .document import Node, Span

# A sentence's end for the semantic stages: a full stop, then a blank or the text's end, not
# after a digit ('세션1. 첫 발제자로' numbers a part). Led by the literal '.', which a search skips
# to in C (a look-behind written first is tried at every character).
SENTENCE_FULL_STOP_RE = re.compile(r"\.(?<![0-9]\.)(?=\s|$)")


def collapse(value: str) -> str:
    """Collapse runs of white space to one space and trim: the form every output string takes.

    str.split() splits on exactly the characters a regex `\\s` matches (str.isspace), and is ~3× as
    fast as a regex substitution followed by strip(). Most strings are already collapsed once
    trimmed, which two C scans tell (2.5× faster than splitting): no double space, and nothing
    unprintable, which every white space character but the plain space is."""
    trimmed_value = value.strip()
    if "  " not in trimmed_value and trimmed_value.isprintable():
        return trimmed_value
    return " ".join(trimmed_value.split())


def trimmed(text: str, start: int, end: int) -> Span:
    """The span [start, end) shrunk so that it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def walk(nodes: Iterable[Node]) -> Iterator[Node]:
    """Every node of a bullet tree, parents before their children, in text order.

    A stack rather than nested generators: each level of `yield from` costs every node below it."""
    stack = list(nodes)[::-1]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(node.children))


class NodeIndex:
    """Which node holds an offset. A node's own span excludes its children, so the spans of
    a tree do not overlap and a bisect over their starts tells."""

    def __init__(self, nodes: Iterable[Node]) -> None:
        self.nodes = sorted(nodes, key=lambda n: n.span.start)
        self.starts = [n.span.start for n in self.nodes]

    def owner(self, offset: int) -> int | None:
        """The start of the node holding `offset`, or None."""
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.starts[i] if i >= 0 and offset < self.nodes[i].span.end else None


def content_start(text: str, node: Node) -> int:
    """Offset of a node's first character after its marker and the blanks that follow it.

    Patterns applied here must not use `^`: it does not match at a `pos` argument."""
    span = node.span
    i, end = span.start + len(node.marker or ""), span.end
    while i < end and text[i].isspace():
        i += 1
    return i


def is_hangul(ch: str) -> bool:
    """A precomposed Hangul syllable (가–힣)."""
    return "\uac00" <= ch <= "\ud7a3"


def has_hangul(value: str) -> bool:
    return any(is_hangul(ch) for ch in value)


def without_spaces(value: str) -> str:
    """`보 도 자 료` → `보도자료`: labels are matched with internal spaces removed.

    A printable string holds no white space but the plain space (see collapse): one replace
    then does what splitting and joining does, in one C call instead of two and no list."""
    if value.isprintable():
        return value.replace(" ", "")
    return "".join(value.split())


# --- hanja names -------------------------------------------------------------------------

_HANGUL_BASE = 0xAC00
_JUNG = 21 * 28
# Vowels (jungseong index) after which an initial ㄹ/ㄴ becomes ㅇ: ㅑ ㅕ ㅖ ㅛ ㅠ ㅣ.
_Y_VOWELS = {2, 6, 7, 12, 17, 20}
_RIEUL, _NIEUN, _IEUNG = 5, 2, 11
_JONG_NIEUN, _JONG_RIEUL = 4, 8
_YEOL_YUL_VOWELS = {6, 17}   # ㅕ ㅠ


def initial_sound_rule(syllable: str) -> str:
    """두음법칙 on one syllable: 리 → 이, 류 → 유, 락 → 낙, 녀 → 여; others unchanged."""
    if not is_hangul(syllable):
        return syllable
    code = ord(syllable) - _HANGUL_BASE
    cho, jung, jong = code // _JUNG, (code % _JUNG) // 28, code % 28
    if cho == _RIEUL:
        cho = _IEUNG if jung in _Y_VOWELS else _NIEUN
    elif cho == _NIEUN and jung in _Y_VOWELS:
        cho = _IEUNG
    return chr(_HANGUL_BASE + cho * _JUNG + jung * 28 + jong)


def is_hanja(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


@functools.cache
def hanja_readings() -> dict[str, str]:
    """hanja → its Hangul reading, from data/hanja.tsv (Unihan kHangul, scripts/gen_hanja.py),
    through the cache of parsed data files (8,000 rows: 9 ms to split, 0.5 ms to load)."""
    from .datacache import read_parsed
    return read_parsed(resources.files("pipeline") / "data" / "hanja.tsv", "hanja.tsv", _hanja_table)


def _hanja_table(data: bytes) -> dict[str, str]:
    rows = (line.split("\t") for line in data.decode("utf-8").splitlines())
    return {row[0]: row[1] for row in rows if len(row) == 2 and not row[0].startswith("#")}


def _after_vowel_or_nieun(syllable: str) -> bool:
    return is_hangul(syllable) and (ord(syllable) - _HANGUL_BASE) % 28 in (0, _JONG_NIEUN)


def _yeol_yul(syllable: str) -> str:
    """렬 → 열, 률 → 율 (after a vowel or ㄴ: 비율, 선열)."""
    code = ord(syllable) - _HANGUL_BASE
    cho, jung, jong = code // _JUNG, (code % _JUNG) // 28, code % 28
    if cho == _RIEUL and jung in _YEOL_YUL_VOWELS and jong == _JONG_RIEUL:
        return chr(_HANGUL_BASE + _IEUNG * _JUNG + jung * 28 + jong)
    return syllable


def read_hanja(value: str) -> str:
    """Hanja read into Hangul character by character ('廳長' → '청장', '勞動' → '노동').

    A hanja that starts a word (after a non-letter or at the start) gets the initial-sound
    rule; 렬/률 after a vowel or ㄴ become 열/율. Characters without a reading pass through."""
    readings = hanja_readings()
    out: list[str] = []
    previous = " "
    for ch in value:
        reading = readings.get(ch)
        if reading is None:
            out.append(ch)
        elif not previous.isalnum():
            out.append(initial_sound_rule(reading[0]) + reading[1:])
        elif _after_vowel_or_nieun(previous):
            out.append(_yeol_yul(reading[0]) + reading[1:])
        else:
            out.append(reading)
        previous = out[-1][-1:] or previous
    return "".join(out)


def read_hanja_name(name: str, surnames: dict[str, str]) -> str:
    """'白洛基' → '백낙기', '李洛淵' → '이낙연', '金' → '김'.

    The surname and the given name are read apart, each with the initial-sound rule on its
    first syllable; `surnames` (data/surnames.tsv) overrides readings and knows two-character
    surnames. Hangul in `name` passes through.
    """
    if not any(is_hanja(ch) for ch in name):
        return name
    two = name[:2]
    if len(name) >= 3 and two in surnames:
        surname, given = surnames[two], name[2:]
    else:
        surname = surnames.get(name[0]) or initial_sound_rule(read_hanja(name[0])[:1]) + read_hanja(name[0])[1:]
        given = name[1:]
    read_given = read_hanja(given)
    if read_given:
        read_given = initial_sound_rule(read_given[0]) + read_given[1:]
    return surname + read_given


# --- phones and people -------------------------------------------------------------------

# A department's phone recurs across its releases, and phonenumbers takes ~0.1 ms a number:
# the answers are kept (bounded, so a batch's memory stays flat).
PHONE_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=PHONE_CACHE_SIZE)
def format_phone(raw: str, region: str = "KR") -> tuple[str, str] | None:
    """'02)3787-0433' → ('02-3787-0433', '+82237870433'); None when it is not a valid number.

    Extensions must be stripped before (phonenumbers rejects '… (내선 12)')."""
    if not _PHONE_CHARS_RE.fullmatch(raw):
        return None  # masks such as 02-2100-XXXX: phonenumbers would read letters as digits
    national = domestic_digits(raw) if region == "KR" else None
    if national is not None:
        return domestic_formats(national)
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return national, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@functools.cache
def domestic_patterns() -> tuple[tuple[re.Pattern[str] | None, re.Pattern[str], str, str | None], ...]:
    """phonenumbers' national formats for KR, each as (leading digits, pattern, replacement with
    the national prefix put in, that replacement as a str.format template), compiled once:
    format_number recompiles (a cache lookup each) and re-derives them for every number, and
    re's sub reads a replacement's group references through Python calls on every use."""
    formats = []
    for f in phonenumbers.PhoneMetadata.metadata_for_region("KR").number_format:
        rule = f.format
        if f.national_prefix_formatting_rule:
            rule = _FIRST_GROUP_RE.sub(f.national_prefix_formatting_rule, rule, count=1)     # as format_number does
        leading = re.compile(f.leading_digits_pattern[-1]) if f.leading_digits_pattern else None
        formats.append((leading, re.compile(f.pattern), rule, format_template(rule)))
    return tuple(formats)


def format_template(rule: str) -> str | None:
    """'0\\1-\\2-\\3' → '0{0}-{1}-{2}': a replacement of group references and plain characters as
    a str.format template of the groups; None for anything else (read by re's sub instead)."""
    pieces = _GROUP_REF_RE.split(rule)      # plain text, a group's number, plain text, …
    if any("\\" in text for text in pieces[::2]):
        return None
    return "".join(text.replace("{", "{{").replace("}", "}}") if k % 2 == 0 else f"{{{int(text) - 1}}}"
                   for k, text in enumerate(pieces))


def domestic_formats(digits: str) -> tuple[str, str]:
    """What format_number gives, (NATIONAL, E164), for the number domestic_number makes of
    national `digits` (country code 82, no extension, no leading zero kept). phonenumbers takes the first of KR's formats
    whose leading digits match and whose pattern matches the whole number, and writes the
    number by it with the national prefix (the national number itself when none does); E164 is
    '+82' and the digits. A third of format_phone's cost (tests/test_cost_fastheader3.py
    compares the two over generated numbers)."""
    for leading, pattern, rule, template in domestic_patterns():
        if (leading is None or leading.match(digits)) and pattern.fullmatch(digits):
            # sub's one replacement, when the first match (at 0, as sub finds it) is the whole
            # number: the template filled with the groups (unmatched ones empty, as in sub).
            m = pattern.match(digits)
            if template is not None and m is not None and m.end() == len(digits):
                return template.format(*m.groups("")), "+82" + digits
            return pattern.sub(rule, digits), "+82" + digits
    return digits, "+82" + digits


def domestic_number(raw: str) -> phonenumbers.PhoneNumber | None:
    """What phonenumbers.parse(raw, 'KR') returns for the shape nearly every release writes
    ('02)3787-0433', '(044) 201-3333', '1588-1234': ASCII digits and separators, 8 to 11
    digits), when it is a valid number, at a fraction of parse's cost (2 µs against 15): the
    national number is the digits without the national prefix 0 (parse strips it whenever
    what remains can be a number, as a valid one can). Anything else gives None, for parse to
    read: a '+', digits other than ASCII, '00…' (the international prefix), '08…' (a carrier
    code may follow the 0), an invalid number. tests/test_cost_fastheader.py compares the two
    over generated numbers."""
    national = domestic_digits(raw)
    return None if national is None else phonenumbers.PhoneNumber(country_code=82, national_number=int(national))


def domestic_digits(raw: str) -> str | None:
    """The national number of domestic_number(raw), as its digits, without making the
    PhoneNumber (format_phone needs only the digits; a PhoneNumber sets each of its fields
    through a Python __setattr__)."""
    if "+" in raw or not raw.isascii():
        return None
    digits = "".join(filter(str.isdigit, raw))
    if not 8 <= len(digits) <= 11 or digits.startswith(("00", "08")):
        return None
    national = str(int(digits[1:] if digits[0] == "0" else digits))
    return national if is_valid_domestic(national) else None


@functools.cache
def domestic_descs() -> tuple[tuple[frozenset[int], re.Pattern[str]], tuple[tuple[frozenset[int], re.Pattern[str]], ...]]:
    """KR's number descriptions from phonenumbers' metadata, compiled once: (the general one,
    the typed ones: premium rate … fixed line, mobile), each as (possible lengths, pattern)."""
    meta = phonenumbers.PhoneMetadata.metadata_for_region("KR")

    def compiled(desc: Any) -> tuple[frozenset[int], re.Pattern[str]] | None:
        if desc is None or not desc.national_number_pattern:
            return None
        return frozenset(desc.possible_length), re.compile(desc.national_number_pattern)
    typed = [compiled(getattr(meta, name)) for name in DOMESTIC_NUMBER_TYPES]
    general = compiled(meta.general_desc)
    assert general is not None
    return general, tuple(d for d in typed if d is not None)


# The descriptions phonenumbers tries, after the general one, to give a number a type; a number
# of none of them is of type UNKNOWN, which is_valid_number calls invalid.
# Validity asks only whether one fits, so the two that most numbers fit are tried first.
DOMESTIC_NUMBER_TYPES = ("fixed_line", "mobile", "premium_rate", "toll_free", "shared_cost", "voip",
                         "personal_number", "pager", "uan", "voicemail")


def is_valid_domestic(national: str) -> bool:
    """phonenumbers.is_valid_number of the KR number whose national digits are `national`: it
    fits the general description and one of the typed ones (a description fits when the length
    is one of its possible lengths, if it lists any, and its pattern matches the whole number).
    The same test without is_valid_number's per-call lookups and pattern-cache calls (~11 a
    number); tests/test_cost_fastheader3.py compares the two over generated numbers."""
    (lengths, pattern), typed = domestic_descs()
    size = len(national)
    if lengths and size not in lengths or not pattern.fullmatch(national):
        return False
    for lengths, pattern in typed:
        if (not lengths or size in lengths) and pattern.fullmatch(national):
            return True
    return False


def split_person(value: str, title_re: re.Pattern[str]) -> tuple[str | None, str | None]:
    """'전대성 팀  장' → ('전대성', '팀장'); '과장 홍길동' → ('홍길동', '과장'); '김민철' → ('김민철', None).

    Titles may be letter-spaced, so they are matched with white space removed; but the name
    that remains must be whole words ('이 사업은' holds no 이사). The name must look like one
    (2–4 letters, masks such as 홍○○ allowed)."""
    compact = without_spaces(value)
    words = value.split()
    title = None
    name = compact
    # A title at the end is tried at every start, since a scan from the left can eat its first
    # letters ('구정대사무관' holds 대사 before 사무관); a value that holds no title at all (one
    # search) needs none of those tries.
    ends = (title_re.fullmatch(compact, i) for i in range(1, len(compact)))
    found = [*title_re.finditer(compact), *(m for m in ends if m)] if title_re.search(compact) else []
    for m in found:
        if m.start() == 0 or m.end() == len(compact):
            rest = compact[m.end():] if m.start() == 0 else compact[:m.start()]
            if is_whole_words(rest, words, at_end=m.start() == 0):
                title, name = m.group("title"), rest
                break
    if not _NAME_RE.fullmatch(name):
        return (None, title) if title and not name else (None, None)
    return name, title


def is_whole_words(part: str, words: list[str], at_end: bool) -> bool:
    """Whether `part` is the last (or first) few words of `words`, joined without spaces."""
    if not part:
        return True
    pieces = reversed(words) if at_end else iter(words)
    joined = ""
    for word in pieces:
        joined = word + joined if at_end else joined + word
        if joined == part:
            return True
        if len(joined) >= len(part):
            return False
    return False


_NAME_RE = re.compile(r"[\uac00-\ud7a3][\uac00-\ud7a3○◯*]{1,3}|[\u4e00-\u9fff]{2,4}")
_PHONE_CHARS_RE = re.compile(r"[\d\s()\-.+)]+")
_GROUP_REF_RE = re.compile(r"\\(\d)(?!\d)")     # a group reference in a replacement: '\\1' (not '\\10')
_FIRST_GROUP_RE = re.compile(r"(\\\d)")      # a format rule's first group ('\\1'), as phonenumbers finds it


def template_cells(cells: Iterable[Any], names: Iterable[str]) -> list[Any]:
    """The cells whose template field name (HWPX/HWP `name`, e.g. 제목명; a numbered copy such
    as 제목명1 too) is one of `names`, in document order. Cells without names (HTML) never match."""
    wanted = set(names)
    if "" in wanted:
        return [c for c in cells if (getattr(c, "name", None) or "").rstrip("0123456789") in wanted]
    # Most cells have no name (a budget annex: 19,000 cells, 17 names): tested first.
    return [c for c in cells if (name := getattr(c, "name", None)) and name.rstrip("0123456789") in wanted]
