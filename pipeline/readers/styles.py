"""Paragraph and character styles both formats share: drawn markers, invisible text.

HWPX keeps them in Contents/header.xml, HWP 5 in the DocInfo stream; each reader fills a
Styles and the rest is common. A paragraph style may draw a bullet (`hh:bullet@char`, the
BULLET record) or a number from a template such as '^1.' or '(^2)', where ^n is the level-n
counter written in that level's format (DIGIT, HANGUL_SYLLABLE, CIRCLED_DIGIT …, data/numbering.toml).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

LEVELS = 10                      # OWPML and HWP 5.1 define up to ten numbering levels
TEMPLATE_COUNTER_RE = re.compile(r"\^(?P<level>[1-9]|10)")
ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@lru_cache(maxsize=1)
def numbering_data() -> dict[str, Any]:
    text = resources.files("pipeline").joinpath("data/numbering.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@dataclass(frozen=True, slots=True)
class Heading:
    """What a paragraph style draws before the text: kind is 'bullet', 'number' or 'outline'."""
    kind: str
    ref: int                     # bullet or numbering id (1-based in both formats)
    level: int                   # 0-based


@dataclass(frozen=True, slots=True)
class NumberLevel:
    template: str                # '^1.'
    format: str                  # 'DIGIT'
    start: int = 1


@dataclass
class Styles:
    headings: dict[int, Heading] = field(default_factory=dict)       # paragraph style id →
    bullets: dict[int, str] = field(default_factory=dict)            # bullet id → char
    numberings: dict[int, list[NumberLevel]] = field(default_factory=dict)
    white_text: set[int] = field(default_factory=set)   # char style ids drawn white, no shade
    filled: set[int] = field(default_factory=set)        # border/fill ids that paint a background


def format_number(value: int, fmt: str) -> str:
    """(3, 'HANGUL_SYLLABLE') → '다'; (4, 'ROMAN_CAPITAL') → 'IV'; past a sequence's end, digits."""
    if fmt in ("ROMAN_CAPITAL", "ROMAN_SMALL") and 0 < value < 4000:
        out = []
        for amount, numeral in ROMAN:
            count, value = divmod(value, amount)
            out.append(numeral * count)
        roman = "".join(out)
        return roman if fmt == "ROMAN_CAPITAL" else roman.lower()
    sequence = numbering_data()["sequences"].get(fmt, "")
    return sequence[value - 1] if 0 < value <= len(sequence) else str(value)


@dataclass
class Markers:
    """Counts numbered paragraphs as they are read and spells each one's marker."""
    styles: Styles
    counters: dict[int, list[int]] = field(default_factory=dict)
    unsupported: set[str] = field(default_factory=set)

    def marker(self, style_id: int | None) -> str | None:
        heading = self.styles.headings.get(style_id) if style_id is not None else None
        if heading is None:
            return None
        if heading.kind == "bullet":
            char = self.styles.bullets.get(heading.ref)
            return char if char and char.strip() else None
        if heading.kind == "number":
            return self.number(heading)
        self.unsupported.add(heading.kind)
        return None

    def number(self, heading: Heading) -> str | None:
        """'^1.' at level 0 → '1.', then '2.'; a deeper level restarts under each shallower one."""
        levels = self.styles.numberings.get(heading.ref)
        if not levels or not 0 <= heading.level < min(len(levels), LEVELS):
            return None
        counts = self.counters.setdefault(heading.ref, [0] * LEVELS)
        counts[heading.level] += 1
        for deeper in range(heading.level + 1, LEVELS):
            counts[deeper] = 0

        def spell(m: re.Match[str]) -> str:
            level = int(m.group("level")) - 1
            if level >= len(levels) or level > heading.level:
                return ""
            spec = levels[level]
            return format_number(spec.start - 1 + max(counts[level], 1), spec.format)

        text = TEMPLATE_COUNTER_RE.sub(spell, levels[heading.level].template).strip()
        return text or None
