"""One pass over `text` for the tokens several stages look for, found once with their spans.

    tokenizer = Tokenizer(lex)                 # once per process: it compiles one big pattern
    tokens = tokenizer.scan(doc.text, doc.lines)
    for token in tokens.in_block(block):       # by bisect, not by scanning the block again
        if token.kind == "figure":
            token.group("number"), token.span

In the text: numbers with their units (FIGURE_RE), organization and country names, phones,
e-mails, web addresses, dates, and the person titles that anchor names. At the head of each
non-blank line: the bullet marker, and the first label (contact, embargo, title, appendix,
attachment). The patterns are the lexicon's own, so a token is what that pattern finds.

How the pass works: the text kinds' patterns are joined as named alternatives into one
pattern, as mistune joins its inline rules; their groups are renamed `<rule>__<group>` so
that two rules may use the same group name, and each keeps its flags in a scoped group
(`(?x:…)`). At each position the first kind in TEXT_KINDS that matches wins and the scan
goes on after it, so text tokens never overlap: a phone's digits are not also a figure,
and 한국은행 is an organization, not 한국. Line-head tokens are matched at each line's
content (after its indent), as the stages match `line.text`, and may cover text tokens.

Not a stage and not wired into one yet: the extractors still scan with their own patterns.
Measured (make bench prints it): the joined pattern costs more per scan than the same
patterns run one after another (~1.3× over korea.kr records), because `re` can no longer
skip ahead by each pattern's first characters; the pass pays off only where it replaces
per-line and per-node re-scans.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from .document import Block, Line, Span
from .lexicon import Lexicon, first_chars, trie_alternation

# (kind, lexicon pattern), in priority order: where two could match at one position, the
# first wins. Contact details before numbers (a phone's digits are no figure), dates before
# figures (2004년 is a year), organizations before countries (한국무역협회 is no country).
TEXT_KINDS: tuple[tuple[str, str], ...] = (
    ("email", "EMAIL_RE"),
    ("url", "URL_RE"),
    ("phone", "PHONE_RE"),
    ("date", "KOREAN_DATE_RE"),
    ("figure", "FIGURE_RE"),
    ("organization", "ISSUER_RE"),
    ("country", "COUNTRY_RE"),
    ("title", "PERSON_MENTION_RE"),
)

# (kind, lexicon patterns) tried at the start of each non-blank line's text; per kind the
# first pattern that matches gives the token, whose `rule` names it.
LINE_HEAD_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("marker", ("MARKER_RE",)),
    ("label", ("CONTACT_DEPARTMENT_LABEL_RE", "CONTACT_MANAGER_LABEL_RE", "CONTACT_STAFF_LABEL_RE",
               "CONTACT_PHONE_LABEL_RE", "CONTACT_EMAIL_LABEL_RE", "CONTACT_FAX_LABEL_RE",
               "CONTACT_INQUIRY_LABEL_RE", "EMBARGO_LABEL_RE", "DISTRIBUTION_LABEL_RE",
               "TITLE_LABEL_RE", "APPENDIX_HEAD_RE", "ATTACHMENT_LINE_RE")),
)



def organization_form(lex: Lexicon) -> re.Pattern[str]:
    """ISSUER_RE's matches (the longest known name at a position, in group `issuer`) in a
    form that is cheap inside the joined pattern: there a plain alternation of hundreds of
    names is tried name by name at every position (alone, `re` skips ahead by their first
    characters), while a trie behind a first-character guard is rejected after one check.
    Over korea.kr records this took the joined pass from 1.65× to 1.3× the separate scans."""
    names = list(lex.issuers)
    return re.compile(rf"(?=[{first_chars(names)}])(?P<issuer>{trie_alternation(names)})")


# Lexicon patterns joined in another form that finds the same (tests/test_tokens.py checks it).
JOINED_FORMS = {"ISSUER_RE": organization_form}

SEPARATOR = "__"
# A group's name where it is defined, referred back to, or tested: (?P<n>…), (?P=n), (?(n)…).
GROUP_NAME_RE = re.compile(r"(?<!\\)\((?:\?P<(?P<define>\w+)>|\?P=(?P<ref>\w+)\)|\?\((?P<test>\w+)\))")
SCOPED_FLAGS = ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s"), (re.VERBOSE, "x"))


class Token:
    """One thing found in the text: its kind, the rule (lexicon pattern) that found it, its
    span, and that pattern's groups under their own names."""
    __slots__ = ("kind", "rule", "start", "end", "_match", "_prefix", "_offset")

    def __init__(self, kind: str, rule: str, match: re.Match[str], prefix: str = "", offset: int = 0) -> None:
        self.kind = kind
        self.rule = rule
        self._match = match
        self._prefix = prefix      # a text token's groups are renamed `<rule>__<group>` in the joined pattern
        self._offset = offset      # a line-head match was made on line.text, which starts here
        self.start, self.end = match.start() + offset, match.end() + offset

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def text(self) -> str:
        return self._match.group(0) if not self._prefix else self._match.group(self.rule)

    def group(self, name: str) -> str | None:
        """The rule's own group `name` ('number', 'unit', 'country' …); None when it took no part."""
        return self._match.group(self._prefix + name)

    def group_span(self, name: str) -> Span | None:
        """Where group `name` sits in the text; None when it took no part."""
        start, end = self._match.span(self._prefix + name)
        return None if start < 0 else Span(start + self._offset, end + self._offset)

    def groupdict(self) -> dict[str, str | None]:
        """The rule's own groups by their own names."""
        found = self._match.groupdict()
        if not self._prefix:
            return found
        return {k.removeprefix(self._prefix): v for k, v in found.items() if k.startswith(self._prefix)}

    def __repr__(self) -> str:
        return f"Token({self.kind!r}, {self.rule!r}, {self.start}, {self.end})"


class Tokens:
    """A document's tokens in text order, looked up by span."""

    def __init__(self, tokens: Iterable[Token]) -> None:
        self.tokens = sorted(tokens, key=lambda t: (t.start, -t.end))
        self.starts = [t.start for t in self.tokens]

    def __iter__(self) -> Iterator[Token]:
        return iter(self.tokens)

    def __len__(self) -> int:
        return len(self.tokens)

    def between(self, start: int, end: int, kind: str | None = None) -> list[Token]:
        """Tokens lying wholly inside [start, end), of `kind` when given."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end, lo=first)
        return [t for t in self.tokens[first:last] if t.end <= end and (kind is None or t.kind == kind)]

    def in_block(self, block: Block, kind: str | None = None) -> list[Token]:
        return self.between(block.span.start, block.span.end, kind)

    def on_line(self, line: Line, kind: str | None = None) -> list[Token]:
        return self.between(line.start, line.end, kind)

    def per_block(self, blocks: Iterable[Block], kind: str | None = None) -> list[list[Token]]:
        """The tokens of each block, in the blocks' order."""
        return [self.in_block(block, kind) for block in blocks]


def renamed(rule: str, pattern: re.Pattern[str]) -> str:
    """`pattern`'s source with every group name prefixed by `rule` and its flags scoped to it."""
    def rename(m: re.Match[str]) -> str:
        if m["define"]:
            return f"(?P<{rule}{SEPARATOR}{m['define']}>"
        if m["ref"]:
            return f"(?P={rule}{SEPARATOR}{m['ref']})"
        return f"(?({rule}{SEPARATOR}{m['test']})"

    source = GROUP_NAME_RE.sub(rename, pattern.pattern)
    flags = "".join(letter for flag, letter in SCOPED_FLAGS if pattern.flags & flag)
    return f"(?{flags}:{source})" if flags else source


def join_rules(rules: list[tuple[str, re.Pattern[str]]]) -> re.Pattern[str]:
    """One pattern of named alternatives `(?P<RULE>…)|…`; checks that every group survived."""
    joined = re.compile("|".join(f"(?P<{rule}>{renamed(rule, pattern)})" for rule, pattern in rules))
    expected = {rule for rule, _ in rules} | {f"{rule}{SEPARATOR}{g}" for rule, p in rules for g in p.groupindex}
    if set(joined.groupindex) != expected:
        raise ValueError(f"tokens: group names were not renamed cleanly: {sorted(set(joined.groupindex) ^ expected)}")
    return joined


class Tokenizer:
    """The joined text pattern and the line-head patterns of one lexicon, compiled once."""

    def __init__(self, lex: Lexicon) -> None:
        self.kind_of = {rule: kind for kind, rule in TEXT_KINDS}
        self.text_re = join_rules([(rule, JOINED_FORMS[rule](lex) if rule in JOINED_FORMS else lex.patterns[rule])
                                   for _, rule in TEXT_KINDS])
        self.line_heads = [(kind, [(rule, lex.patterns[rule]) for rule in rules]) for kind, rules in LINE_HEAD_KINDS]

    def scan(self, text: str, lines: Iterable[Line] = ()) -> Tokens:
        """Every token of `text`: one pass for the text kinds, one match per line-head rule
        until one fits for each non-blank line."""
        return Tokens([*self.text_tokens(text), *self.line_head_tokens(lines)])

    def text_tokens(self, text: str) -> Iterator[Token]:
        kind_of = self.kind_of
        for m in self.text_re.finditer(text):
            rule = m.lastgroup or ""
            yield Token(kind_of[rule], rule, m, rule + SEPARATOR)

    def line_head_tokens(self, lines: Iterable[Line]) -> Iterator[Token]:
        for line in lines:
            if not line.text:
                continue
            offset = line.content.start
            for kind, rules in self.line_heads:
                for rule, pattern in rules:
                    m = pattern.match(line.text)
                    if m:
                        yield Token(kind, rule, m, offset=offset)
                        break
