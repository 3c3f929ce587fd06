"""Figures: Korean numbers with their units, read by a number grammar.

Reads: text, sections, appendices. Writes: figures.
Example: '(2004년 42억6천만엔 예산)' → {value: 4260000000, unit: 'JPY', kind: 'money'};
'2004년' is a year and yields nothing.

A number is 10⁴ groups (조 억 만) with 천/백/십 inside each group, in Arabic or Hangul
digits (`42억6천만`, `일백만`): the pattern takes the run of numerals, NumberReader checks
the order and computes the value. The unit after it decides the kind: a currency (ISO 4217),
`%` or `%p`, a counter word (개, 명, 개국 …), `배`, or a time word (년, 월, 일 …), which means
the number is a date or a duration and not a figure. A bare number counts only when a noun
follows and it is comma-grouped (`1,319 중규모 기업`). Ranges (`1100% 내지 1700%`) carry both ends; an amount in
parentheses right after an amount in another currency is its stated equivalent.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from itertools import chain
from operator import attrgetter, le
from typing import Any

from ..document import Document, Span
from ..lexicon import Lexicon
from ..semantic import Figure
from ..text import collapse, walk


@dataclass(slots=True)
class Candidate:
    """One number as read, before ranges are joined and non-figures dropped. A value: never
    changed once made (join_ranges makes a new one). Not frozen: a frozen dataclass costs ~5×
    as much to make, and every number of the text makes one."""
    start: int
    end: int
    value: Decimal
    unit_word: str | None
    kind: str | None            # money, percent, …, 'time'; None for a bare number
    unit: str | None
    approximate: bool
    hangul_only: bool
    scale: int = 1              # the 10⁴ group the number ends in: 5천만 → 10⁴, 4000 → 1
    value_max: Decimal | None = None
    node: int = 0               # which node of the scan it lies in: ranges and equivalents stay inside one
    falls: bool = False         # a decrease written after it ('7.0% 감소'): to_figure makes it negative


# --- the number grammar ------------------------------------------------------------------

@dataclass(slots=True)
class NumberReader:
    """State of the number grammar while reading one number left to right."""
    # ints while every coefficient is a whole number (read_numerals); a Decimal coefficient
    # ('3.5억') turns the sums into Decimals.
    total: Decimal | int = 0          # closed 10⁴ groups
    group: Decimal | int = 0          # the open group, without its pending coefficient
    pending: Decimal | int | None = None    # a coefficient waiting for 천/백/십 or a group end
    small_cap: int = 10**4            # the next 천/백/십 must be below this
    large_cap: int = 10**16           # the next 만/억/조 must be below this
    scale: int = 1                    # the group the number ends in

    def coefficient(self, value: Decimal | int) -> bool:
        if self.pending is not None:
            return False                  # two coefficients in a row: '3이'
        self.pending = value
        return True

    def small(self, mult: int) -> bool:
        if mult >= self.small_cap:
            return False                  # '백천': 천/백/십 out of order
        self.group += (self.pending if self.pending is not None else 1) * mult
        self.pending, self.small_cap = None, mult
        return True

    def large(self, mult: int) -> bool:
        closed = self.group + (self.pending or 0)
        if mult >= self.large_cap or not closed:
            return False                  # '만억', or '만' with nothing before it
        self.total += closed * mult
        self.group, self.pending, self.small_cap = 0, None, 10**4
        self.large_cap = self.scale = mult
        return True

    def value(self) -> tuple[Decimal | int, int]:
        rest = self.group + (self.pending or 0)
        return self.total + rest, (1 if rest else self.scale)


# The characters GLUED_DIGITS_RE opens with.
GLUE_MARKS = (",", ".")
# A number of Arabic digits alone ('2020', '1,319', '3.5'): most numbers a release holds.
PLAIN_ARABIC_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
ZERO = Decimal(0)


def parse_number(number: str, lex: Lexicon) -> tuple[Decimal | int, int] | None:
    """'42억6천만' → (4260000000, 10⁴), '3조 4000억' → (3400000000000, 10⁸),
    '일백만' → (1000000, 10⁴), '1,319' → (1319, 1); None when the numerals break the grammar.
    The second value is the group the number ends in ('3천~5천만원': the 3천 borrows it)."""
    if number.isdecimal() and len(number) <= MAX_FIGURE_DIGITS:
        # '2004', most numbers of a release: an int, ~4× cheaper to make than a Decimal and equal
        # to it (under 10¹⁸ no Decimal rounding applies, in reading or in any product of a range).
        return int(number), 1
    arabic = lex.ARABIC_NUMBER_RE.fullmatch(number)
    if arabic is None:
        return read_numerals(number, lex)
    if arabic.lastindex is None:     # no multiplier ('1,319', '3.5'): no walk either (an attribute, no call)
        whole = number.replace(",", "")
        if whole.isdecimal() and len(whole) <= MAX_FIGURE_DIGITS:
            return int(whole), 1
        # One coefficient and nothing else: what NumberReader computes for it, without the
        # walk (ZERO + keeps its Decimal arithmetic, so the value is the same to the digit).
        return ZERO + (ZERO + Decimal(number.replace(",", ""))), 1
    return read_multiplied(number[:-1], number[-1], lex) or read_numerals(number, lex)


def read_multiplied(coefficient: str, multiplier: str, lex: Lexicon) -> tuple[Decimal | int, int] | None:
    """'50억', '2,500만', '3.5조', '6천' (`coefficient`: Arabic digits, `multiplier`: one numeral
    after them), the commonest numbers with a multiplier, read without the walk of
    read_numerals (~2× cheaper: no reader, no token scan). The value is the one the walk
    computes, by the same operations in the same order (a Decimal coefficient is rounded as the
    walk rounds it); None where the walk settles otherwise (a zero coefficient, a value past
    10¹⁸)."""
    digits = coefficient.replace(",", "")
    if not digits.isdecimal():
        value: Decimal | int = Decimal(digits)      # '3.5': what read_numerals makes of it
    elif len(digits) <= MAX_FIGURE_DIGITS:
        value = int(digits)
    else:
        return None
    if not value:
        return None
    numerals = lex.semantic["units"]["numerals"]
    large = numerals["large"].get(multiplier)
    if large:
        # NumberReader.large: the group closed (0 + coefficient) times the multiplier added to
        # the total (0), then value() adds the open group (0); the number ends in that group.
        value, scale = 0 + (0 + value) * large + 0, large
    else:
        # NumberReader.small: the coefficient times 천/백/십 added to the open group (0); value()
        # adds the pending coefficient (none: 0) and the total (0) to it.
        value, scale = 0 + (0 + value * numerals["small"][multiplier] + 0), 1
    return (value, scale) if value < FIGURE_VALUE_LIMIT else None


def read_numerals(number: str, lex: Lexicon, exact: bool = False) -> tuple[Decimal | int, int] | None:
    """parse_number by the grammar, numeral by numeral.

    Whole Arabic coefficients are read as ints (4× cheaper than Decimals). Under 10¹⁸ every sum
    and product of the walk is below the final value, where Decimal arithmetic is exact too, so
    the value is the same; a value past it (no figure value, but compared within a range) is
    read again all in Decimals (`exact`), which round past 28 digits as they always did."""
    numerals = lex.semantic["units"]["numerals"]
    reader = NumberReader(Decimal(0), Decimal(0)) if exact else NumberReader()
    # findall: each numeral as its (arabic, digit, small, large) groups, one of them set —
    # cheaper than a match object per numeral.
    for arabic, digit, small, large in lex.NUMERAL_TOKEN_RE.findall(number):
        if arabic:
            digits = arabic.replace(",", "")
            ok = reader.coefficient(Decimal(digits) if exact or "." in digits else int(digits))
        elif digit:
            ok = reader.coefficient(Decimal(numerals["digits"][digit]) if exact else numerals["digits"][digit])
        elif small:
            ok = reader.small(numerals["small"][small])
        else:
            ok = reader.large(numerals["large"][large])
        if not ok:
            return None
    value, scale = reader.value()
    if not exact and value >= FIGURE_VALUE_LIMIT:
        return read_numerals(number, lex, exact=True)
    return value, scale


def is_hangul_number(m: re.Match[str]) -> bool:
    """'일백만개' is a number; '구조 개선' and '이상' are words: a Hangul-only number needs two
    characters or more, no space inside and a unit glued to it."""
    number = m.group("number")
    return (m.group("unit") is not None and len(number) >= 2 and not any(ch.isspace() for ch in number)
            and m.end("number") == m.start("unit"))


def is_glued_run(text: str, end: int, lex: Lexicon) -> bool:
    """'201458,427143,545' — digits glued by commas out of 3-digit groups: a flattened table.
    `end`: where the number ends."""
    # The pattern opens with a comma or a period: most numbers are followed by neither (scan
    # asks text.startswith(GLUE_MARKS) before calling this).
    return text.startswith(GLUE_MARKS, end) and bool(lex.GLUED_DIGITS_RE.match(text, end))


# Groups of FIGURE_RE any of which may make a number a figure by itself. A sign does not:
# '-2.7' alone is dropped by is_loose_number like '2.7' (its span, opening on the sign, is
# no comma-grouped number).
QUALIFYING_GROUPS = ("unit", "currency_before", "approx_before", "approx_inside", "approx_after")
# FIGURE_SCAN_RE's groups in the order they open in the pattern, which is the order m.groups()
# gives them: the whole number (FIGURE_RE's match), then FIGURE_RE's groups. scan and
# match_candidate unpack that tuple, ~2.5× cheaper than m.group() by names
# (tests/test_cost_fastfigures3.py checks this order against the pattern).
FIGURE_GROUPS = ("figure", "approx_before", "currency_before", "sign", "plus", "number", "approx_inside",
                 "unit", "approx_after")
# Their numbers, for m.span() and m.end(): a group number is cheaper to look up than a name.
FIGURE, CURRENCY, NUMBER, UNIT, APPROX_AFTER = (
    FIGURE_GROUPS.index(name) + 1 for name in ("figure", "currency_before", "number", "unit", "approx_after"))


def match_candidate(text: str, m: re.Match[str], groups: tuple[str | None, ...], lex: Lexicon,
                    node: int = 0, unit_kind: tuple[str, str | None] = (None, None),
                    start: int | None = None) -> Candidate | None:
    """One match of figure_matches (m.groups() in `groups`, in `node`; `unit_kind`: the kind and
    unit of its unit word, which scan has looked up; `start`: m.start(), which scan has read)
    as a Candidate; None when it is no number at all."""
    # (the number group never ends on white space: a blank inside it stands before a numeral,
    # so no strip; tests/test_cost_fastfigures4.py checks it)
    _, approx_before, currency, sign, plus, number, approx_inside, unit_word, approx_after = groups
    # '일백만' has no Arabic digit: it needs a unit glued to it to count as a number. A number
    # FIGURE_RE reads opens with its Arabic digit or holds none, so its first character tells.
    hangul_only = not number[:1].isdigit()
    if hangul_only and not is_hangul_number(m):
        return None
    kind, unit = unit_kind
    if currency:
        prefix_unit = lex.semantic["units"]["currency"]["prefix"][currency]
        if kind in (None, "money"):
            kind, unit = "money", unit or prefix_unit
    if number.isdecimal() and len(number) <= MAX_FIGURE_DIGITS:
        value, scale = int(number), 1       # '2004': parse_number's first case, without its call
    else:
        parsed = parse_number(number, lex)
        if parsed is None:
            return None
        value, scale = parsed
    if sign:
        value = -value
    approximate = bool(approx_before or approx_inside or approx_after)
    end = m.end(APPROX_AFTER) if approx_after else m.end(UNIT) if unit_word else m.end(NUMBER)
    if start is None:
        start = m.start()
    if unit_word in lex.semantic["units"]["counters"]["duration_before"]:
        start, value = joined_duration(text, start, value, unit_word, lex)
    # A decrease after it makes it negative, unless a sign is written ('△3.3% 감소', '+4.4%');
    # a factor never ('2배 감소'). units.toml [sign]. The pattern is tried only where one of the
    # next two characters may open it (most figures are followed by a blank and a particle or word).
    falls = False
    signs = lex.semantic["units"]["sign"]
    if not (sign or plus) and kind not in signs["unsigned_kinds"]:
        following = text[end:end + 2]
        if following and (following[0] in signs["decrease_first"] or following[-1] in signs["decrease_first"]):
            falls = lex.DECREASE_AFTER_RE.match(text, end) is not None
    # No trimming: a FIGURE_RE match opens on a numeral, sign or word and its number, unit
    # and approximation words end on no white space (tests/test_cost_fastfigures.py checks it).
    return Candidate(start, end, value, unit_word, kind, unit, approximate, hangul_only, scale, None, node, falls)


def joined_duration(text: str, start: int, value: Decimal | int, unit_word: str,
                    lex: Lexicon) -> tuple[int, Decimal | int]:
    """'2년 6개월' → 30 (개월), opening on '2년': a duration in months continues the years right
    before it (which scan took for a date and dropped). The start and value, unchanged when no
    such years stand before it."""
    larger = lex.semantic["units"]["counters"]["duration_before"][unit_word]
    m = lex.DURATION_BEFORE_RE.search(text, max(0, start - 6), start)
    if m is None or m.group("word") != larger["word"]:
        return start, value
    return m.start(), int(m.group("count")) * larger["factor"] + value


def is_loose_bare_number(text: str, m: re.Match[str], number: str, end: int, following: re.Match[str] | None,
                         lex: Lexicon) -> bool:
    """'6331', '2,488', '-2.7' in a flattened table: Arabic digits alone (no unit, currency or
    approximation), not a comma-grouped count before a noun, not joined to the `following`
    number by a range connector, or joined only to one that can end no range ('044-200-1234':
    no unit, no currency). Such a number is never a figure: is_loose_number drops it, and no
    range takes it (a range's high end has a kind, so a unit or a currency; its low end is the
    number right before it with only a connector between, as join_ranges asks). Tables and
    telephone numbers are mostly such numbers, so they are told apart here before anything is
    computed for them.

    `m` holds none of QUALIFYING_GROUPS (scan tells); `number` is its number group, ending at
    `end`. Each pattern below has a cheap string test before it that settles the common table
    cell ('6331' between blanks) without any pattern call."""
    if not (number.isdecimal() or PLAIN_ARABIC_RE.fullmatch(number)):    # isdecimal: what \d+ takes
        return False
    if following is not None:
        # A connector is no white space: a gap of white space alone joins no range.
        gap = text[end:following.start()]
        if gap and not gap.isspace() and lex.RANGE_JOIN_RE.fullmatch(gap) and can_end_range(following):
            return False
    # [m.start(), end): the span match_candidate gives it ('+1,512' with its sign); a number
    # without a comma is no grouped number.
    return not ("," in number and lex.GROUPED_NUMBER_RE.fullmatch(text, m.start(), end)
                and lex.NOUN_AFTER_RE.match(text, end))


def can_end_range(m: re.Match[str]) -> bool:
    """Whether the number of `m` may be a range's high end: is_range_pair asks it for a kind,
    which only a unit word or a currency gives."""
    return m.group(UNIT, CURRENCY) != (None, None)


def scan(text: str, matches: list[re.Match[str]], doc: Document, lex: Lexicon, limit: int,
         opens: dict[int, int] | None = None) -> list[Candidate]:
    """The candidates among the numbers of figure_matches `matches`, in order, reading limit + 1
    numbers at most. A number that can never be a figure (is_loose_bare_number) is not kept but
    counts as read. `opens`: the indexes of `matches` where the matches of a new node begin,
    when they are those of several nodes (the numbers of one node otherwise)."""
    kinds = lex.semantic["unit_kinds"]
    large_only = lex.semantic["units"]["counters"]["large_only"]
    opens = opens or NO_OPENS
    found: list[Candidate] = []
    read = 0
    node = 0
    last = len(matches) - 1
    # With no more numbers than the limit, the count of numbers read never stops the scan.
    counted = len(matches) > limit
    for k, m in enumerate(matches):
        if read > limit:
            break
        if k in opens:
            node += 1
        groups = m.groups()
        _, approx_before, currency, _, _, number, approx_inside, unit_word, approx_after = groups
        unit_kind = kinds[unit_word] if unit_word else NO_UNIT
        if unit_kind[0] == "time" and not approx_after:
            if unit_word not in large_only or not is_large_number(number, lex):
                continue    # '2004년', '7월': settled before any parsing
            unit_kind = (large_only[unit_word], unit_word)      # '50만호': housing units
        # A number followed by a unit or approximation word is followed by no glue mark (none
        # of those words opens with one: tests/test_cost_fastfigures4.py), so the glued-run and
        # loose-number tests, and the number's end they read, are for the rest only.
        if not (unit_word or approx_inside or approx_after):
            end = m.end(NUMBER)
            if text.startswith(GLUE_MARKS, end) and is_glued_run(text, end, lex):
                doc.warn("figures", "irregular_number",
                         f"digits glued into one run ({number}…); no figure taken",
                         Span(m.start(NUMBER), end))
                continue
            # A number with a currency or approximation word is never a loose bare one.
            if not (currency or approx_before):
                following = matches[k + 1] if k < last and k + 1 not in opens else None
                if is_loose_bare_number(text, m, number, end, following, lex):
                    # Never a figure. It counts as read unless an ordinal stands before it
                    # ('제 3'), which is asked only where the count matters: a table's numbers
                    # skip the search.
                    if counted and not lex.ORDINAL_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()):
                        read += 1
                    continue
        start = m.start()
        # (a conditional, not max(): one call fewer for every candidate)
        # Tried and not kept: the window's rstrip().endswith(the ordinal words) in place of this
        # search (same answers): callgrind, the figures stage 2.70M -> 2.74M a seed run, korea.kr
        # 662k -> 668k a record; the search over 8 characters is already cheap.
        if lex.ORDINAL_BEFORE_RE.search(text, start - 8 if start > 8 else 0, start):
            continue
        cand = match_candidate(text, m, groups, lex, node, unit_kind, start)
        if cand is not None:
            found.append(cand)
            read += 1
    return found


def is_large_number(number: str, lex: Lexicon) -> bool:
    """'50만', '17.8만', '9,235': a number in 10⁴ groups or comma-grouped (units.toml
    [counters.large_only] count only such numbers)."""
    return "," in number or number[-1:] in lex.semantic["units"]["numerals"]["large"]


# The kind and unit of a number without a unit word.
NO_UNIT = (None, None)
# The scan of one node's numbers: no index opens another node.
NO_OPENS: dict[int, int] = {}


# --- joining and filtering -----------------------------------------------------------------

def join_ranges(cands: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    """'1100% 내지 1700%', '5~7%', '3천~5천만원': two numbers of one node joined by a connector
    become one range."""
    out: list[Candidate] = []
    for cand in cands:
        prev = out[-1] if out else None
        if (prev is not None and prev.value_max is None and prev.node == cand.node
                and lex.RANGE_JOIN_RE.fullmatch(text, prev.end, cand.start) and is_range_pair(prev, cand)):
            end = cand.end
            close = lex.RANGE_CLOSE_RE.match(text, end)
            if close and cand.kind != "time":
                end = close.end()
            low = prev.value * cand.scale if prev.scale == 1 and prev.unit_word is None else prev.value
            out[-1] = replace(prev, end=end, value=low, value_max=cand.value, unit_word=cand.unit_word,
                              kind=cand.kind, unit=cand.unit,
                              approximate=prev.approximate or cand.approximate, falls=cand.falls)
            continue
        out.append(cand)
    return out


def is_range_pair(low: Candidate, high: Candidate) -> bool:
    """Two numbers with a connector between (RANGE_JOIN_RE, which join_ranges asks first: most
    neighbours have none) are a range when the second has a kind, the units agree (or the first
    has none) and the first is no higher."""
    if low.unit_word is not None and low.unit != high.unit:
        return False
    # '3천~5천만원': the first end borrows the group of the second (3천만).
    factor = high.scale if low.scale == 1 and low.unit_word is None else 1
    return high.kind is not None and low.value * factor <= high.value


def is_date_or_duration(cand: Candidate, text: str, lex: Lexicon) -> bool:
    """'2004년', '7월 15일', '3년간', '2개년': a time unit makes it no figure."""
    return cand.kind == "time"


def is_loose_number(cand: Candidate, text: str, lex: Lexicon) -> bool:
    """A number without a unit counts only comma-grouped and before a noun ('1,319 중규모
    기업'); '2004 APEC', '3054', page numbers and '02' do not."""
    if cand.kind is not None or cand.scale > 1:
        return False            # '+1,512 억)': a 10⁴ multiplier makes it an amount, unit or not
    return not (lex.GROUPED_NUMBER_RE.fullmatch(text, cand.start, cand.end)
                and lex.NOUN_AFTER_RE.match(text, cand.end))


# A candidate that any rule rejects is not a figure. Each rule judges candidates of the kinds
# beside it only (None: a bare number), and rejects no other.
RULES = (
    ("date_or_duration", is_date_or_duration, {"time"}),
    ("loose_number", is_loose_number, {None}),
)
# The kinds some rule judges: a candidate of another kind (money, percent, count …, most of
# them) is a figure without a call.
JUDGED_KINDS = frozenset(kind for _, _, kinds in RULES for kind in kinds)


def is_figure(cand: Candidate, text: str, lex: Lexicon) -> bool:
    for _, rule, kinds in RULES:    # a loop, not any() over a generator: one call fewer per rule
        if cand.kind in kinds and rule(cand, text, lex):
            return False
    return True


# --- signs --------------------------------------------------------------------------------
# A decrease written right after a figure (FIGURE_RE's `decrease`: '14.6% 하락', '4.0%↓') makes
# it negative (Candidate.falls, read by to_figure). These rules give it to more figures, asked
# only where some figure of the nodes falls, from the last figure back: the first that holds decides.

def decrease_shared_by_list(cands: list[Candidate], i: int, text: str, lex: Lexicon) -> bool:
    """'각각 37.5%, 35.1% 감소': a figure listed before a decreasing one of the same unit, with only
    a comma between, decreases too."""
    cand, following = cands[i], cands[i + 1]
    return (following.falls and cand.node == following.node and cand.unit == following.unit
            and lex.LIST_GAP_RE.fullmatch(text, cand.end, following.start) is not None)


SIGN_RULES = (
    ("decrease_shared_by_list", decrease_shared_by_list),
)


def shared_decreases(cands: list[Candidate], text: str, lex: Lexicon) -> list[Candidate]:
    """`cands` with the decreases SIGN_RULES give. A figure with a written sign keeps it; a factor
    ('2배 감소') takes none."""
    sign = lex.semantic["units"]["sign"]
    out = list(cands)
    for i in range(len(out) - 2, -1, -1):
        cand = out[i]
        if (cand.falls or cand.value <= 0 or cand.kind in sign["unsigned_kinds"]
                or text[cand.start] in sign["positive"]):
            continue
        for _, rule in SIGN_RULES:
            if rule(out, i, text, lex):
                out[i] = replace(cand, falls=True)
                break
    return out


# Figures one document may hold (real releases: under 200); past it the list stops with a
# truncated_output warning, so a page of numbers costs a bounded amount.
MAX_FIGURES = 5_000
# Beyond 10^18 a number is no amount a release states, and no 64-bit integer or JSON reader
# holds it exactly; such a figure keeps its text and span with `value` null.
MAX_FIGURE_DIGITS = 18
# 10^18, computed once (a power of a global name is computed anew at every use).
FIGURE_VALUE_LIMIT = 10**MAX_FIGURE_DIGITS


def plain(value: Decimal | int | None) -> int | float | None:
    if type(value) is int:      # parse_number's ints, and ranges' products of them
        return value if -FIGURE_VALUE_LIMIT < value < FIGURE_VALUE_LIMIT else None
    if value is None or (value.is_finite() and value and value.adjusted() >= MAX_FIGURE_DIGITS):
        return None
    return int(value) if value == value.to_integral() else float(value)


def to_figure(cand: Candidate, text: str) -> Figure:
    """The output value, made directly (not through a dict: every figure of the text makes one)."""
    value, value_max = cand.value, cand.value_max
    if cand.falls:          # '3~5% 감소': −5 to −3
        value, value_max = (-value, None) if value_max is None else (-value_max, -value)
    if type(value) is not int or not -FIGURE_VALUE_LIMIT < value < FIGURE_VALUE_LIMIT:
        value = plain(value)            # what plain gives an int in range is the int itself
    if value_max is not None:
        value_max = plain(value_max)
    figure_text = text[cand.start:cand.end]
    if " " in figure_text or not figure_text.isprintable():
        # Most figures ('30%', '2,500개') hold no white space at all: collapse leaves them as
        # they are, told by two C tests here without the call.
        figure_text = collapsed(figure_text)
    return Figure(figure_text, value, value_max, cand.unit, cand.kind or "count", cand.approximate, None,
                  (cand.start, cand.end))


def collapsed(figure_text: str) -> str:
    """collapse(figure_text), asked only of what it would change: a figure's text is printable
    (so its only white space is the plain space), holds no double space and neither opens nor
    closes on one — one C test and three comparisons instead of collapse's strip and tests."""
    if figure_text.isprintable() and "  " not in figure_text and " " not in (figure_text[:1], figure_text[-1:]):
        return figure_text
    return collapse(figure_text)


def mark_equivalents(figures: list[Figure], nodes: list[int], text: str, lex: Lexicon) -> None:
    """'미화 6천만불 (한화 700억원)': the amount in parentheses is the equivalent of the one before
    (in the same node: `nodes` holds each figure's)."""
    for i, (prev, cur) in enumerate(zip(figures, figures[1:]), 1):
        if prev.kind != "money" or cur.kind != "money" or prev.unit == cur.unit or nodes[i - 1] != nodes[i]:
            continue
        if lex.EQUIVALENT_GAP_RE.fullmatch(text, prev.span[1], cur.span[0]):
            cur.equivalent_of = i - 1


# --- the stage -----------------------------------------------------------------------------

def figures_of(text: str, start: int, end: int, doc: Document, lex: Lexicon,
               limit: int = MAX_FIGURES) -> list[dict[str, Any]]:
    """Every figure in text[start:end] (the first `limit`), in order, with equivalents marked."""
    found = figures_in(text, figure_matches(text, start, end, lex), doc, lex, limit)
    return [figure.to_json() for figure in found]


def figures_in(text: str, matches: list[re.Match[str]], doc: Document, lex: Lexicon,
               limit: int = MAX_FIGURES, opens: dict[int, int] | None = None) -> list[Figure]:
    """figures_of over figure_matches already found (the numbers of one node, or of several
    as `opens` tells: see scan), as Figures."""
    cands = scan(text, matches, doc, lex, limit, opens)
    if not cands:
        return []           # most bullets hold no number
    cands = join_ranges(cands, text, lex)
    kept = [c for c in cands if c.kind not in JUDGED_KINDS or is_figure(c, text, lex)][:limit]
    if True in map(FALLS_OF, kept):
        kept = shared_decreases(kept, text, lex)
    figures = [to_figure(c, text) for c in kept]
    mark_equivalents(figures, [c.node for c in kept], text, lex)
    return figures


def figure_matches(text: str, start: int, end: int, lex: Lexicon) -> list[re.Match[str]]:
    """FIGURE_RE's matches in text[start:end], in order, as FIGURE_SCAN_RE finds them (the
    `figure` group is FIGURE_RE's match): each number once, not again from inside the one before."""
    found: list[re.Match[str]] = []
    last = start
    for m in lex.FIGURE_SCAN_RE.finditer(text, start, end):
        if m.start() >= last:
            found.append(m)
            last = m.end(FIGURE)
    return found


def node_matches(text: str, spans: list[Span], lex: Lexicon, scan_re: re.Pattern[str] | None = None,
                 starts: list[int] | None = None, ends: list[int] | None = None,
                 ) -> tuple[list[re.Match[str]], dict[int, int]]:
    """figure_matches in each of `spans` (sorted, disjoint), node after node, and where each
    node's begin ({index into the matches: index of the span}, for the spans that hold any):
    what a finditer of FIGURE_RE over each span finds, from ONE scan over the text from the
    first span to the last.

    Why it is the same: a match that lies inside a span was found from the same position by
    the same steps (the pattern looks back past a span's start alike in both). It can differ
    only where the pattern looked past the span's end: when it ran past it (the match is then
    not inside the span), or when a lookahead at the end saw a character where the span scan
    sees the end of the text — the same for white space, which is what follows a node. A span
    crossed by a match, or followed by no white space, is scanned on its own.

    `scan_re`: FIGURE_SCAN_RE unless told (run passes FIGURE_KEPT_SCAN_RE, which leaves out
    numbers that are never figures); a span scanned on its own is scanned with FIGURE_SCAN_RE.
    `starts`, `ends`: the spans' starts and ends, when the caller has them (read as list items,
    one step cheaper than a span's attribute, for every match)."""
    matches: list[re.Match[str]] = []
    opens: dict[int, int] = {}
    if not spans:
        return matches, opens
    if starts is None or ends is None:
        starts, ends = list(map(START_OF, spans)), list(map(END_OF, spans))
    alone = set()
    i, current = 0, -1
    last = 0
    for m in (scan_re or lex.FIGURE_SCAN_RE).finditer(text, starts[0], ends[-1]):
        start, end = m.span(FIGURE)
        if start < last:
            continue                   # found again inside the number before (figure_matches)
        last = end
        while ends[i] <= start:        # never past the last span: it ends after every match start
            i += 1
        if end <= ends[i] and starts[i] <= start:
            if i != current:           # the first match of this span
                opens[len(matches)] = current = i
                if text[ends[i]:ends[i] + 1].strip():
                    alone.add(i)       # a lookahead at its end may see what the span scan does not
            matches.append(m)
            continue
        # A match from a gap or across a span's end: every span it touches is scanned alone.
        j = i
        while j < len(spans) and spans[j].start < end:
            alone.add(j)
            j += 1
    if not alone:
        return matches, opens
    # A span where the text scan found nothing and no match crossed: every position in it was
    # tried and failed, and fails alone too (a lookahead past the end can only add a match).
    found = by_node(matches, opens)
    for i in alone:
        found[i] = figure_matches(text, spans[i].start, spans[i].end, lex)
    return in_node_order(found)


def by_node(matches: list[re.Match[str]], opens: dict[int, int]) -> dict[int, list[re.Match[str]]]:
    """node_matches' answer as {index of the span: its matches}, for the spans that hold any."""
    bounds = [*opens, len(matches)]
    return {opens[a]: matches[a:b] for a, b in zip(bounds, bounds[1:])}


def in_node_order(found: dict[int, list[re.Match[str]]]) -> tuple[list[re.Match[str]], dict[int, int]]:
    """by_node's inverse: the matches node after node (in the order of the spans) and `opens`."""
    matches: list[re.Match[str]] = []
    opens: dict[int, int] = {}
    for i in sorted(found):
        if found[i]:
            opens[len(matches)] = i
            matches.extend(found[i])
    return matches, opens


def matches_by_node(text: str, spans: list[Span], lex: Lexicon) -> dict[int, list[re.Match[str]]]:
    """node_matches as {index of the span: its matches}, for the spans that hold any."""
    return by_node(*node_matches(text, spans, lex))


def node_spans(doc: Document) -> list[Span]:
    """The span of every node of the sections and appendices, sorted by start. Read level by
    level, not node by node through walk: a generator step, a pop and an extend per node cost
    more than the figures of most releases; and each level through map and chain, which step
    over the nodes in C (a list comprehension runs ~6 bytecodes a node)."""
    level = list(doc.sections)
    for appendix in doc.appendices:
        level.extend(appendix["sections"])
    spans: list[Span] = []
    while level:
        spans.extend(map(SPAN_OF, level))
        level = list(chain.from_iterable(map(CHILDREN_OF, level)))
    spans.sort(key=START_OF)
    return spans


# What node_spans and run read of each node and span, as C-level getters for map and sort.
SPAN_OF, CHILDREN_OF = attrgetter("span"), attrgetter("children")
FALLS_OF = attrgetter("falls")
START_OF, END_OF = attrgetter("start"), attrgetter("end")


def scan_re_for(spans: list[Span], lex: Lexicon) -> re.Pattern[str]:
    """FIGURE_KEPT_SCAN_RE where the numbers cannot reach MAX_FIGURES, FIGURE_SCAN_RE elsewhere.

    A number left out by FIGURE_KEPT_SCAN_RE is one scan would pass over (is_loose_bare_number)
    and that turns no neighbour into a figure (a number before it is joined to no range across
    its digits, and without its connector it is a loose number as well). But the cap counts it
    as read: so it is left out only where the cap cannot bind, in a stretch of n characters,
    which holds (n + 1) // 2 numbers at most (one character each, one apart at least)."""
    if spans and (spans[-1].end - spans[0].start + 1) // 2 < MAX_FIGURES:
        return lex.FIGURE_KEPT_SCAN_RE
    return lex.FIGURE_SCAN_RE


def run(doc: Document, lex: Lexicon) -> None:
    text = doc.text
    spans = node_spans(doc)
    starts, ends = list(map(START_OF, spans)), list(map(END_OF, spans))
    if all(map(le, ends, starts[1:])):         # disjoint (map: no Python step per node)
        matches, opens = node_matches(text, spans, lex, scan_re_for(spans, lex), starts, ends)
    else:
        # Overlapping spans: each scanned alone, in walk order where two spans start together.
        nodes = list(walk(doc.sections))
        for appendix in doc.appendices:
            nodes.extend(walk(appendix["sections"]))
        spans = sorted((node.span for node in nodes), key=attrgetter("start"))
        matches, opens = in_node_order(
            {i: figure_matches(text, s.start, s.end, lex) for i, s in enumerate(spans)})
    if len(matches) < MAX_FIGURES:
        # No limit can bind (each number makes one figure at most): one pass over all nodes.
        doc.figures = figures_in(text, matches, doc, lex, MAX_FIGURES, opens)
        return
    figures: list[Figure] = []
    for node_matches_ in by_node(matches, opens).values():
        offset = len(figures)
        for fig in figures_in(text, node_matches_, doc, lex, MAX_FIGURES - offset):
            if fig.equivalent_of is not None:
                fig.equivalent_of += offset
            figures.append(fig)
        if len(figures) >= MAX_FIGURES:
            end = figures[-1].span[1]
            doc.warn("figures", "truncated_output", f"{MAX_FIGURES} figures at most: the list stops here",
                     Span(end, end))
            break
    doc.figures = figures
