"""Contacts from the release's contact table, however it was flattened.

Reads: text, lines, blocks, release. Writes: contacts.
Example: '담당과 정책연구부 / 혁신연구팀 / 담당자 전대성 팀 장 / 김종윤 연구원 / 전화번호 /
E-mail / 02)3787-0433 / (yavis7@kimi.or.kr)' → two contacts sharing one phone and e-mail.

Cells are split into tokens and every token is typed (label, unit, person, phone, e-mail)
— values are never assumed to sit next to their labels. Tokens then align by order within
a group: the k-th person gets the k-th phone, or the only phone when there is one.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..document import BlockKind, Document, Line, Span
from ..lexicon import Lexicon, once_per_lexicon, thresholds
from ..phones import email_lines, phone_lines
from ..text import collapse, format_phone, split_person, template_cells, trimmed, without_spaces

K = BlockKind
THRESHOLDS = thresholds("contacts")   # markers.toml [thresholds.contacts], each with its reason


class Token:
    """One typed value of a contact line or cell. A plain slotted value class like Span (a
    frozen dataclass's __init__ sets each field through object.__setattr__, ~2.5x the cost, and
    a release makes a few tokens per contact line); compared and hashed by its fields, never
    changed after creation."""
    __slots__ = ("kind", "value", "span", "extra")

    def __init__(self, kind: str, value: str, span: Span, extra: str | None = None) -> None:
        self.kind = kind        # label_department | label_manager | label_staff | label_phone |
        self.value = value      # label_email | label_fax | unit | person | phone | email
        self.span = span
        self.extra = extra      # a phone's extension, a person's title

    def _key(self) -> tuple[str, str, Span, str | None]:
        return (self.kind, self.value, self.span, self.extra)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Token:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Token(kind={self.kind!r}, value={self.value!r}, span={self.span!r}, extra={self.extra!r})"


@dataclass
class Group:
    """One organization unit's rows: its units, people, phones and e-mails in order."""
    units: list[Token] = field(default_factory=list)
    people: list[tuple[Token, str | None]] = field(default_factory=list)   # (person, role)
    phones: list[Token] = field(default_factory=list)
    faxes: list[Token] = field(default_factory=list)
    emails: list[Token] = field(default_factory=list)
    phone_after: dict[int, Token] = field(default_factory=dict)           # person index → phone


ROLE_OF_LABEL = {"label_manager": "manager", "label_staff": "staff", "label_inquiry": "contact"}
INQUIRY_LINE_MAX = THRESHOLDS["inquiry_line_max"]
CUE_WINDOW = THRESHOLDS["cue_window"]
QUOTED_WINDOW = THRESHOLDS["quoted_window"]


# --- tokens ----------------------------------------------------------------------------

def tokens_of_line(line: Line, lex: Lexicon) -> list[Token]:
    """'담당자 전대성 팀 장' → [label_staff, person]; labels may also stand mid-line:
    '담당 부서 주택정책과 책임자 과장 최바다 (044-201-3300)' → label, unit, label, person, phone."""
    out: list[Token] = []
    text, base = line.text, line.content.start
    value_from = 0
    # One scan finds the labels at word starts (most words of a contact line are values): the
    # same labels, in the same order, as CONTACT_LABEL_RE tried at each word after the last label.
    for m in lex.CONTACT_LABEL_AT_WORD_RE.finditer(text):
        at, end = m.span()
        out.extend(type_values(text[value_from:at], base + value_from, lex))
        out.append(Token(m.lastgroup or "", text[at:end].strip(), Span(base + at, base + end)))
        value_from = end
    out.extend(type_values(text[value_from:], base + value_from, lex))
    return out


def match_label(text: str, lex: Lexicon) -> tuple[str, int] | None:
    """The contact label opening `text` and its length with the separator after it (one
    pattern, CONTACT_LABEL_RE, shared with segment's line test)."""
    m = lex.CONTACT_LABEL_RE.match(text)
    return (m.lastgroup, m.end()) if m else None


def type_values(text: str, pos: int, lex: Lexicon) -> list[Token]:
    """Values in one cell: e-mails and phones wherever they are, the rest is a unit or a person."""
    found: list[Token] = []
    taken: list[tuple[int, int]] = []
    if not text or text.isspace():
        return found
    for m in lex.EMAIL_RE.finditer(text) if "@" in text else ():
        found.append(Token("email", m.group("email"), Span(pos + m.start("email"), pos + m.end("email"))))
        taken.append(m.span())
    for m in lex.PHONE_RE.finditer(text) if may_hold_phone(text) else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        found.append(Token("phone", m.group("phone"), Span(pos + m.start("phone"), pos + m.end("phone")),
                           m.group("extension")))
        taken.append(m.span())
    rest = mask(text, taken) if taken else text
    for chunk_start, chunk in chunks(rest, lex):
        found.extend(type_words(chunk, pos + chunk_start, lex))
    return sorted(found, key=lambda t: t.span.start)


def may_hold_phone(text: str) -> bool:
    """Every phone PHONE_RE reads holds a '-' or a '.' before its last four digits: a text with
    neither holds none, and two literal tests cost less than the pattern's scan."""
    return "-" in text or "." in text


def mask(text: str, taken: list[tuple[int, int]]) -> str:
    chars = list(text)
    for a, b in taken:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def chunks(text: str, lex: Lexicon) -> list[tuple[int, str]]:
    """Runs of text between brackets and separators: '김○○ ( )' → [(0, '김○○')]."""
    return [(m.start(), m.group()) for m in lex.CONTACT_CHUNK_RE.finditer(text) if not m.group().isspace()]


def type_words(chunk: str, pos: int, lex: Lexicon) -> list[Token]:
    """'혁신연구팀' → unit; '전대성 팀 장' → person (title 팀장); '주택정책과 과장 최바다' →
    unit and person. The whole chunk is tried first (titles may be letter-spaced), then words."""
    whole = type_chunk(chunk, 0, len(chunk), pos, lex)
    if whole:
        return [whole]
    words = [(m.start(), m.end()) for m in lex.WORD_RE.finditer(chunk)]
    out: list[Token] = []
    count = len(words)
    i = 0
    while i < count:
        # A run of words that is all of the chunk's (the three of a three-word chunk, the pair of
        # a two-word one, the one word of a one-word one) spans, trimmed, the whole chunk, which
        # gave None above: it is not typed again (a type_chunk is ~2 us, split_person most of it).
        spaced = letter_spaced_person(chunk, words[i:i + 3], pos, lex) if i or count != 3 else None
        if spaced:
            out.append(spaced)
            i += 3
            continue
        pair = type_chunk(chunk, words[i][0], words[i + 1][1], pos, lex) \
            if i + 1 < count and (i or count != 2) and may_be_person(chunk[words[i][0]:words[i + 1][1]], lex) else None
        if pair and pair.kind == "person":
            out.append(pair)
            i += 2
            continue
        headed = unit_head(chunk, words[i], words[i + 1], pos, lex) if i + 1 < count else None
        if headed:
            out.extend(headed)
            i += 2
            continue
        single = type_chunk(chunk, words[i][0], words[i][1], pos, lex) if count != 1 else None
        if single:
            out.append(single)
        i += 1
    return out


def may_be_person(value: str, lex: Lexicon) -> bool:
    """Whether type_chunk can make a person of `value`: with a title, which holds a title's last
    letter ('장', '관', …), or, untitled, only without a space. A pair of words apart by a space
    and holding none of those letters (a third of the korea.kr pairs typed: '기획팀 이민호' could not
    be one) is passed over without split_person's searches (~3 us a pair)."""
    return " " not in value or not title_last_letters(lex).isdisjoint(value)


@once_per_lexicon
def title_last_letters(lex: Lexicon) -> frozenset[str]:
    """The last letters of the person titles PERSON_TITLE_RE matches (lex.titles['person'])."""
    return frozenset(title[-1] for title in lex.titles["person"] if title)


def letter_spaced_person(chunk: str, words: list[tuple[int, int]], pos: int, lex: Lexicon) -> Token | None:
    """'… 과 장 이강국': a two-letter title spread over two one-letter words, then the name (a
    template's cell spacing). Read as a pair, '장 이강국' would lose the title and '이강국' end
    like a unit ('…국')."""
    if len(words) < 3 or any(b - a != 1 for a, b in words[:2]):
        return None
    token = type_chunk(chunk, words[0][0], words[2][1], pos, lex)
    return token if token and token.kind == "person" and token.extra else None


def unit_head(chunk: str, word: tuple[int, int], name: tuple[int, int], pos: int, lex: Lexicon) -> list[Token] | None:
    """'기술보급본부장 박영희', '운영지원과장 홍길동': a unit's head title glued to the unit, then
    the name → the unit ('기술보급본부') and the person titled '본부장'."""
    text = chunk[word[0]:word[1]]
    person = chunk[name[0]:name[1]]
    for i in range(1, len(text) - 1):
        m = lex.PERSON_TITLE_RE.fullmatch(text, i)
        unit = text[:i] + m.group("title")[:-1] if m else ""
        if m and unit.endswith(unit_suffixes(lex)) and split_person(person, lex.PERSON_TITLE_RE) == (person, None):
            return [Token("unit", unit, Span(pos + word[0], pos + word[0] + len(unit))),
                    Token("person", person, Span(pos + name[0], pos + name[1]), m.group("title"))]
    return None


def type_chunk(chunk: str, start: int, end: int, pos: int, lex: Lexicon) -> Token | None:
    """One value: a person with a title, an organization unit, or a bare name."""
    span = trimmed(chunk, start, end)
    if span.start == span.end:
        return None
    value = chunk[span.start:span.end]
    span = Span(pos + span.start, pos + span.end)
    compact = without_spaces(value)
    name, title = split_person(value, lex.PERSON_TITLE_RE)
    if title and name:
        return Token("person", name, span, title)
    if " " not in value and compact.endswith(unit_suffixes(lex)) and len(compact) >= 2 \
            and not lex.PERSON_TITLE_RE.fullmatch(compact):
        return Token("unit", collapse(value), span)
    if name and len(compact) <= 4 and " " not in value:
        return Token("person", name, span, None)
    return None


@once_per_lexicon
def unit_suffixes(lex: Lexicon) -> tuple[str, ...]:
    """The department and team suffixes, as one tuple for str.endswith (type_chunk asks for it
    of every value)."""
    return tuple(lex.titles["department_suffixes"]) + tuple(lex.titles["team_suffixes"])


# --- grouping and alignment ------------------------------------------------------------

def group_tokens(tokens: list[Token]) -> list[Group]:
    """A unit after people opens a new group (another division of a joint release)."""
    groups = [Group()]
    role: str | None = None
    for i, tok in enumerate(tokens):
        g = groups[-1]
        if tok.kind == "label_block":
            if g.units or g.people or g.phones:
                groups.append(Group())
            role = None
        elif tok.kind in ROLE_OF_LABEL:
            role = ROLE_OF_LABEL[tok.kind]
        elif tok.kind == "unit":
            if g.people or g.phones:
                g, role = Group(), None
                groups.append(g)
            g.units.append(tok)
        elif tok.kind == "person":
            g.people.append((tok, role))
        elif tok.kind == "phone":
            target = g.faxes if previous_label(tokens, i) == "label_fax" else g.phones
            target.append(tok)
            if target is g.phones and g.people and i and tokens[i - 1].kind == "person":
                g.phone_after[len(g.people) - 1] = tok
        elif tok.kind == "email":
            g.emails.append(tok)
    return groups


def previous_label(tokens: list[Token], i: int) -> str | None:
    """The label before the phone at `i`, looking past the phones listed under it."""
    for prev in reversed(tokens[:i]):
        if prev.kind.startswith("label_"):
            return prev.kind
        if prev.kind != "phone":
            return None
    return None


def pick(items: list[Token], k: int, count: int) -> Token | None:
    """The k-th of `count` people gets the k-th item, or the single shared one."""
    if len(items) == count:
        return items[k]
    if len(items) == 1:
        return items[0]
    return items[k] if k < len(items) else None


def split_units(units: list[Token], lex: Lexicon) -> tuple[str | None, str | None, str | None]:
    """['기획재정부', '관세정책관', '산업관세과'] → organization '기획재정부', department
    '산업관세과' (the most specific unit), team None; ['정책연구부', '혁신연구팀'] →
    (None, '정책연구부', '혁신연구팀')."""
    names = [u.value for u in units]
    organization = names.pop(0) if names and without_spaces(names[0]) in lex.issuers else None
    teams = tuple(lex.titles["team_suffixes"])
    team = names.pop() if names and names[-1].endswith(teams) else None
    return organization, (names[-1] if names else None), team


def contact_of(group: Group, k: int | None, issuer: str | None, lex: Lexicon) -> dict[str, Any]:
    """The k-th person of `group` (k None: the group's unit and phone without a person)."""
    count = max(len(group.people), 1)
    person, role = group.people[k] if k is not None else (None, "contact")
    i = k or 0
    phone_tok = group.phone_after.get(i) or (None if group.phone_after else pick(group.phones, i, count))
    email_tok = pick(group.emails, i, count)
    fax_tok = pick(group.faxes, i, count)
    organization, department, team = split_units(group.units, lex)
    phone = format_phone(phone_tok.value) if phone_tok else None
    fax = format_phone(fax_tok.value) if fax_tok else None
    anchor = person or phone_tok or (group.units[0] if group.units else None)
    return {
        "organization": organization or issuer, "department": department, "team": team,
        "name": person.value if person else None, "title": person.extra if person else None, "role": role,
        "phone": phone[0] if phone else None, "phone_e164": phone[1] if phone else None,
        "extension": phone_tok.extra if phone_tok and phone else None,
        "fax": fax[0] if fax else None,
        "email": email_tok.value if email_tok else None,
        "span": anchor.span.to_json() if anchor else None,
    }


def contacts_of_groups(groups: list[Group], issuer: str | None, lex: Lexicon,
                       unnamed: bool) -> list[dict[str, Any]]:
    """One contact per person; with `unnamed`, a unit with a phone but no person counts too."""
    out = []
    for g in groups:
        if g.people:
            out.extend(contact_of(g, k, issuer, lex) for k in range(len(g.people)))
        elif unnamed and g.phones:
            out.append(contact_of(g, None, issuer, lex))
    return out


# --- contact tables read by their cells (HWPX/HWP, HTML tables) -------------------------

ROLE_LABELS = (("manager", "CONTACT_MANAGER_LABEL_RE"), ("staff", "CONTACT_STAFF_LABEL_RE"))


def cell_lines(doc: Document, cell: Any) -> list[Line]:
    return [l for l in doc.lines[cell.first:cell.last] if l.text]


def role_of_cell(lines: list[Line], lex: Lexicon, titled: bool = False) -> str | None:
    """'책임자', '담 당 자', '담당과장' alone in a cell → its role; with `titled` (a table with
    no role labels, as hira 2017's '자료문의 | 약제기준부 | 부 장 | 박 영 미 | 02-…'), a title
    alone → 'contact'."""
    if len(lines) != 1:
        return None
    text = lines[0].text
    for role, name in ROLE_LABELS:
        m = getattr(lex, name).match(text)
        if m and m.end() == len(text):
            return role
    return "contact" if titled and lex.PERSON_TITLE_RE.fullmatch(without_spaces(text)) else None


def table_roles(doc: Document, cells: list[Any], lex: Lexicon, titled: bool = False) -> dict[int, str | None]:
    """role_of_cell of each cell, by the cell's id."""
    return {id(c): role_of_cell(cell_lines(doc, c), lex, titled) for c in cells}


def is_label_cell(lines: list[Line], lex: Lexicon) -> bool:
    """'담당 부서', '자료문의', '배포부서', '<총괄>' — a label, not a unit name."""
    if len(lines) != 1:
        return False
    text = lines[0].text
    label = match_label(text, lex)
    if label and label[1] == len(text):
        return True
    time = lex.TIME_FIELD_RE.match(text)
    if time and time.end() == len(text):
        return True     # '배포일시' in a header table that also holds the contacts
    return bool(lex.HEADER_LABEL_RE.match(text)) and not lex.HEADER_LABEL_RE.match(text).group("value")


def people_of_cells(doc: Document, cells: list[Any], lex: Lexicon) -> list[tuple[Token, Token | None, Token | None]]:
    """The people in a role's value cells, in document order, zipped by position with the
    titles and phones stacked beside them ('사무관 / 주무관', '김○○ / 이○○', '(044-…) / (044-…)');
    'name title(phone)' in one line is one person. Letter-spaced names ('배  인') are names."""
    titles: list[str] = []
    people: list[Token] = []
    phones: list[Token] = []
    emails: list[Token] = []
    title_cells = template_cells(cells, lex.labels["template"]["manager_title"] + lex.labels["template"]["staff_title"])
    if len(cells) >= TITLE_NAME_PHONE and not title_cells and is_title_column(doc, cells[0], lex):
        title_cells = [cells[0]]    # '책임자 | 소 령 | 천병준 | (02-…)': the cell after the role is the title
    for cell in cells:
        for line in cell_lines(doc, cell):
            if cell in title_cells:     # '검사', '대  리': the template names the title cell
                titles.append(without_spaces(line.text))
                continue
            emails += [Token("email", m.group("email"), Span(line.content.start + m.start("email"),
                                                              line.content.start + m.end("email")))
                       for m in lex.EMAIL_RE.finditer(line.text)]
            found = [m for m in lex.PHONE_RE.finditer(line.text) if format_phone(m.group("phone"))]
            phones += [Token("phone", m.group("phone"), Span(line.content.start + m.start("phone"),
                                                              line.content.start + m.end("phone")), m.group("extension"))
                       for m in found]
            rest = lex.PHONE_RE.sub(" ", line.text).replace("(", " ").replace(")", " ").strip(" ,/")
            if not rest or lex.EMAIL_RE.search(rest):
                continue
            name, title = split_person(rest, lex.PERSON_TITLE_RE)
            if name:
                people.append(Token("person", name, line.content, title))
            elif title:
                titles.append(title)
    people = [p if p.extra or k >= len(titles) else Token("person", p.value, p.span, titles[k])
              for k, p in enumerate(people)]
    return [(p, pick(phones, k, len(people)), pick(emails, k, len(people))) for k, p in enumerate(people)]


TITLE_NAME_PHONE = 3     # a role's value cells: title, name, phone (the 2024+ template)
TITLE_MAX = THRESHOLDS["title_max"]


def is_title_column(doc: Document, cell: Any, lex: Lexicon) -> bool:
    """Every line of the cell is one short word and no phone: a title column ('외무사무관')."""
    lines = cell_lines(doc, cell)
    return bool(lines) and all(len(without_spaces(l.text)) <= TITLE_MAX and not lex.PHONE_RE.search(l.text)
                               and "@" not in l.text for l in lines)


def rows_of(cells: list[Any]) -> list[list[Any]]:
    rows: dict[int, list[Any]] = {}
    for c in cells:
        rows.setdefault(c.row, []).append(c)
    return [sorted(r, key=lambda c: c.col) for _, r in sorted(rows.items())]


def contacts_of_row(doc: Document, row: list[Any], units: list[Token], roles: dict[int, str],
                    issuer: str | None, lex: Lexicon, titled: bool = False,
                    role_at: dict[int, str | None] | None = None) -> list[dict[str, Any]]:
    """One row: its role cells split it into (role, value cells); rows without a role cell take
    the roles of the columns above them (a role label spanning rows). `role_at`, when known,
    is role_of_cell of each cell by id (table_roles)."""
    return contacts_of_runs(doc, row, row_runs(doc, row, roles, lex, titled, role_at), units, issuer, lex)


def row_runs(doc: Document, row: list[Any], roles: dict[int, str], lex: Lexicon, titled: bool = False,
             role_at: dict[int, str | None] | None = None) -> list[tuple[str, list[Any]]]:
    """contacts_of_row's (role, value cells) of one row; `roles` (role by column, for the rows
    below) gains the row's role cells."""
    runs: list[tuple[str, list[Any]]] = []
    inherited: dict[int, int] = {}          # run → the role column it inherited
    role_at = table_roles(doc, row, lex, titled) if role_at is None else role_at
    labelled = any(role_at[id(c)] for c in row)
    for cell in row:
        role = role_at[id(cell)]
        if role:
            roles[cell.col] = role
            runs.append((role, []))
        elif labelled and runs:
            runs[-1][1].append(cell)
        elif not labelled and roles and cell.col > min(roles):
            col = max(c for c in roles if c < cell.col)
            if runs and inherited.get(id(runs[-1])) == col:
                runs[-1][1].append(cell)    # title, name and phone under one role label
            else:
                runs.append((roles[col], [cell]))
                inherited[id(runs[-1])] = col
    return runs


def contacts_of_runs(doc: Document, row: list[Any], runs: list[tuple[str, list[Any]]], units: list[Token],
                     issuer: str | None, lex: Lexicon) -> list[dict[str, Any]]:
    """The people of a row's runs (row_runs), each with the row's units."""
    out = []
    for role, cells in runs:
        for person, phone, email in people_of_cells(doc, cells, lex):
            label = role_cell_title(doc, row, cells, lex) if role == "contact" else None
            person = person if person.extra or not label else Token("person", person.value, person.span, label)
            group = Group(units=units, people=[(person, role)], phones=[phone] if phone else [],
                          emails=[email] if email else [])
            out.append(contact_of(group, 0, issuer, lex))
    return out


def holds_line_of(cells: list[Any], indices: set[int]) -> bool:
    """Whether a line of one of `cells` is among `indices`."""
    return any(i in indices for c in cells for i in range(c.first, c.last))


def role_cell_title(doc: Document, row: list[Any], cells: list[Any], lex: Lexicon) -> str | None:
    """The title written in the role cell just before these value cells ('부 장' → '부장')."""
    before = [c for c in row if cells and c.col < cells[0].col]
    lines = cell_lines(doc, before[-1]) if before else []
    return without_spaces(lines[0].text) if len(lines) == 1 else None


def row_units(doc: Document, row: list[Any], lex: Lexicon, titled: bool = False,
              roles: dict[int, str] | None = None, phones: set[int] | None = None,
              role_at: dict[int, str | None] | None = None) -> list[Token]:
    """The organization units in the cells before a row's first role cell: '국가수사본부 수사국 /
    반부패‧공공범죄수사과' → two units, the last the department. `phones`, when given, holds the
    indices of the lines with a phone (phone_lines): a layout table's one cell may hold the
    whole release, and PHONE_RE on each of its lines cost more than the rest of the stage.
    `role_at`, when known, is role_of_cell of each cell by id (table_roles)."""
    units = []
    suffixes = unit_suffixes(lex) + tuple(lex.titles["organization_suffixes"])
    for cell in row:
        lines = cell_lines(doc, cell)
        role = role_of_cell(lines, lex, titled) if role_at is None else role_at[id(cell)]
        if role or roles and cell.col >= min(roles):
            break       # the role cell, or a column under a role label spanning rows
        if is_label_cell(lines, lex):
            continue
        units += [Token("unit", collapse(l.text), l.content) for l in lines
                  if without_spaces(l.text).endswith(suffixes)
                  and not (l.index in phones if phones is not None else lex.PHONE_RE.search(l.text))]
    return units


@dataclass
class Context:
    """What every rule reads, worked out once per document: the issuer, the contact tables read
    by their cells (their contacts and lines) and the phone lines left to the line rules."""
    issuer: str | None
    cell_contacts: list[dict[str, Any]]
    covered: set[int]          # the lines of the tables read by their cells
    lines: list[Line]          # body and appendix lines with a phone or an e-mail, not covered:
                               # the only lines the line rules read
    appendix: set[int] = field(default_factory=set)     # the appendix's line indices (appendix_lines)


def contact_tables(doc: Document, phones: set[int]) -> dict[int, list[Any]]:
    """The tables that may hold contacts: those reaching into a contact block of segment's (a
    contact table's labels make one) or holding a line with a phone or an e-mail (`phones`, line
    indices). A table of neither (a budget table of 57,000 cells) is never read cell by cell:
    the work here is one pass over the cell list comparing line numbers, and the rules'
    patterns run only on the tables chosen."""
    if not doc.cells:
        return {}
    contact_lines = [(b.first, b.last) for b in doc.blocks_of(K.CONTACT)]
    starts = [a for a, _ in contact_lines]
    chosen: set[int] = set()
    for c in doc.cells:
        if c.table in chosen:
            continue
        k = bisect_right(starts, c.last - 1) - 1      # the last contact block starting before the cell ends
        if k >= 0 and contact_lines[k][1] > c.first or any(i in phones for i in range(c.first, c.last)):
            chosen.add(c.table)
    tables: dict[int, list[Any]] = {}
    for c in doc.cells:
        if c.table in chosen:
            tables.setdefault(c.table, []).append(c)
    return tables


def from_cell_tables(doc: Document, lex: Lexicon, issuer: str | None, phones: set[int],
                     with_phone: set[int] | None = None) -> list[dict[str, Any]]:
    """Contact tables read by their cells: '담당 부서 | 국가수사본부 수사국 / 반부패‧공공범죄수사과
    | 책임자 | 총경 | 안찬수 | (02-3150-2626)' then '담당자 | 경정 | 최연석 | (02-3150-2306)'; each
    person gets the units of their row, or of the row above when the unit cell spans both. Each
    contact carries its table's number in `_table` (dropped before output). `phones`: the
    lines with a phone or an e-mail; `with_phone`: those with a phone (phone_lines)."""
    with_phone = phone_lines(doc, lex) if with_phone is None else with_phone
    out = []
    for table, cells in sorted(contact_tables(doc, phones).items()):
        # Each cell's role, asked by the table test, each row's units and each row's runs:
        # worked out once per cell (as titled, when the table has no role label).
        role_at = table_roles(doc, cells, lex)
        titled = not any(role_at.values())
        if titled and not any(is_label_cell(cell_lines(doc, c), lex) for c in cells):
            continue    # neither role labels nor any contact label: not a contact table
        if titled:
            role_at = table_roles(doc, cells, lex, titled)
            if not any(role_at.values()):
                # No role cell, so no run in any row and no person (row_runs): a layout table
                # holding the whole release in one cell is left here, its lines not read.
                continue
        # Each row's runs first, with the roles of the rows above it (what row_units reads of
        # `roles`): the units are read only for a table whose people are read.
        roles: dict[int, str] = {}
        rows = []
        for row in rows_of(cells):
            above = dict(roles)
            rows.append((row, above, row_runs(doc, row, roles, lex, titled, role_at)))
        # Labels in one row and values in the next ('담당과 | 담당자 | 전화번호' over the values,
        # as in the 2004 seed) are not rows of people: the line tokens align those. Such a table
        # holds a phone, none in its people's cells: its contacts would have none and be left,
        # so its people are not read (split_person and the phone and e-mail scans of each cell).
        table_phone = holds_line_of(cells, with_phone)
        if table_phone and not any(holds_line_of(run_cells, with_phone)
                                   for _, _, runs in rows for _, run_cells in runs):
            continue
        units: list[Token] = []
        found = []
        for row, above, runs in rows:
            units = row_units(doc, row, lex, titled, above, with_phone, role_at) or units
            found.extend(contacts_of_runs(doc, row, runs, units, issuer, lex))
        if any(c["phone"] for c in found) or not table_phone:
            out.extend({**c, "_table": table} for c in found)
    return out


# --- rules -----------------------------------------------------------------------------

TOPIC_BRACKETS = (("<", ">"), ("〈", "〉"))     # one character each: a line's first and last are compared


def heading_or_tokens(line: Line, lex: Lexicon) -> list[Token]:
    """A contact line's tokens; a bracketed topic heading over a contact table ('<통관·물류지원
    관련>', '<해운법>', '<제1호안건>') names what the contacts below answer for: it closes the
    group above like a block label ('<총괄>', '<공동>') and gives no unit or person."""
    text = line.text.strip()
    if (text[:1], text[-1:]) in TOPIC_BRACKETS \
            and not lex.CONTACT_BLOCK_LABEL_RE.match(text):
        return [Token("label_block", text, line.content)]
    return tokens_of_line(line, lex)


def from_cells(doc: Document, lex: Lexicon, ctx: Context) -> list[dict[str, Any]]:
    return [{k: v for k, v in c.items() if k != "_table"} for c in ctx.cell_contacts]


def from_tables(doc: Document, lex: Lexicon, ctx: Context) -> list[dict[str, Any]]:
    """The contact table of the release header or the end of the body (lines of a table the
    cells rule read excepted)."""
    out = []
    for block in doc.blocks_of(K.CONTACT):
        # A blank line (a table's empty cell, the blank after a row) gives no token: not read.
        tokens = [t for i in range(block.first, block.last) if doc.lines[i].text and i not in ctx.covered
                  for t in heading_or_tokens(doc.lines[i], lex)]
        out.extend(contacts_of_groups(group_tokens(tokens), ctx.issuer, lex, unnamed=False))
    return out


def is_inquiry_line(line: Line, lex: Lexicon, labelled_only: bool = False) -> bool:
    """'문 의: 운영지원과 윤권상 (044-202-7864)', '* 담당자 : 관리과 심재규(042-481-6020)',
    '…김인철 사무관(☎044-204-7624)에게 연락주시기 바랍니다.' (a line already known to hold a
    phone or an e-mail); a short line that is only a unit and a phone ('기업일자리지원과
    (044-202-7229)') too, unless `labelled_only`."""
    body = strip_marker(line.text, lex)
    return bool(match_label(body, lex) or lex.CONTACT_SENTENCE_RE.search(body)
                or not labelled_only and len(body) <= INQUIRY_LINE_MAX and not lex.SENTENCE_END_RE.search(body))


def strip_marker(text: str, lex: Lexicon) -> str:
    m = lex.MARKER_RE.match(text)
    return text[m.end():].lstrip() if m else text


def inquiry_tokens(line: Line, lex: Lexicon) -> list[Token]:
    """Tokens of a contact line in prose: a bare name counts only right before its phone."""
    tokens = tokens_of_line(line, lex)
    keep = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1].kind if i + 1 < len(tokens) else None
        if tok.kind == "person" and tok.extra is None and (nxt not in ("phone", "email", "label_phone")
                                                           or is_no_name(line, tok, lex)):
            continue
        keep.append(tok)
    return keep


def is_no_name(line: Line, tok: Token, lex: Lexicon) -> bool:
    """A bare 'name' that is a road before its building number ('갈매로 477 정부세종청사 …'), a
    building before its wing or floor ('가온청사 4동'), or a label before its colon ('신고 번호 : ☎…')."""
    after = lex.NOT_A_NAME_AFTER_RE.match(line.text, tok.span.end - line.content.start)
    return bool(after) and (not after.group("number") or bool(after.group("unit"))
                            or bool(lex.ROAD_NAME_RE.search(tok.value)))


def from_inquiry_lines(doc: Document, lex: Lexicon, ctx: Context) -> list[dict[str, Any]]:
    """Contact lines of the body, and of an appendix only when labelled ('문의: …', '담당자 …'):
    an appendix's table of programmes with the unit and phone of each ('고용유지지원금 | … |
    기업일자리지원과 (044-202-7229)') lists who runs what, not whom the press should call."""
    out = []
    for line in ctx.lines:
        if is_inquiry_line(line, lex, labelled_only=line.index in ctx.appendix):
            out.extend(contacts_of_groups(group_tokens(inquiry_tokens(line, lex)), ctx.issuer, lex, unnamed=True))
    return out


def appendix_lines(doc: Document) -> set[int]:
    return {i for block in doc.blocks_of(K.APPENDIX) for i in range(block.first, block.last)}


def match_helpline(line: Line, lex: Lexicon, issuer: str | None) -> list[dict[str, Any]]:
    """'…사전 예약(접수 문의: 043-850-0329)을 하면…', '「상담센터」(042-714-7538)를 운영' — a
    phone in prose with an inquiry cue or a quoted name just before it."""
    found = []
    for m in lex.PHONE_RE.finditer(line.text):
        before = line.text[max(0, m.start() - QUOTED_WINDOW):m.start()]
        quoted = lex.QUOTED_NAME_RE.search(before.rstrip(" ("))
        if not (quoted or lex.HELPLINE_CUE_RE.search(before[-CUE_WINDOW:])):
            continue
        phone = format_phone(m.group("phone"))
        if phone is None:
            continue
        start = line.content.start + m.start("phone")
        found.append({"organization": issuer, "department": quoted.group("name") if quoted else None,
                      "team": None, "name": None, "title": None, "role": "contact",
                      "phone": phone[0], "phone_e164": phone[1], "extension": m.group("extension"),
                      "fax": None, "email": None, "span": [start, start + len(m.group("phone"))]})
    return found


def from_helplines(doc: Document, lex: Lexicon, ctx: Context) -> list[dict[str, Any]]:
    out = []
    for line in ctx.lines:
        if not is_inquiry_line(line, lex, labelled_only=line.index in ctx.appendix):
            out.extend(match_helpline(line, lex, ctx.issuer))
    return out


RULES = (("cells", from_cells), ("table", from_tables), ("inquiry", from_inquiry_lines),
         ("helpline", from_helplines))


def context(doc: Document, lex: Lexicon) -> Context:
    issuer = (doc.release.get("issuer") or {}).get("name")
    with_phone = phone_lines(doc, lex)
    phones = with_phone | email_lines(doc, lex)
    # The few lines with a phone or e-mail, block by block as lines_of gives them (not a walk
    # over every line of the body).
    ordered = sorted(phones)
    found = [doc.lines[i] for kind in (K.BODY, K.APPENDIX) for b in doc.blocks_of(kind)
             for i in ordered if b.first <= i < b.last] if phones else []
    cell_contacts = from_cell_tables(doc, lex, issuer, phones, with_phone)
    tables = {c["_table"] for c in cell_contacts}
    covered = {i for c in doc.cells if c.table in tables for i in range(c.first, c.last)} if tables else set()
    lines = [line for line in found if line.index not in covered]
    # The appendix's lines matter only to the line rules, which read `lines`.
    return Context(issuer, cell_contacts, covered, lines, appendix_lines(doc) if lines else set())


def post_contact(post: dict[str, Any], issuer: str | None) -> dict[str, Any]:
    """A board post's own 부서명/전화번호 fields (page.post_contact): the release's contact when
    the release itself gives no phone — the department that posted it."""
    return {"organization": issuer, "department": post["department"], "team": None, "name": None,
            "title": None, "role": "contact", "phone": post["phone"], "phone_e164": post["phone_e164"],
            "extension": None, "fax": None, "email": None, "span": post["span"]}


def run(doc: Document, lex: Lexicon) -> None:
    ctx = context(doc, lex)
    seen: set[tuple[Any, ...]] = set()
    contacts = []
    for _, rule in RULES:
        for contact in rule(doc, lex, ctx):
            key = (contact["name"], contact["phone"], contact["email"])
            if key not in seen:
                seen.add(key)
                contacts.append(contact)
    post = (doc.page or {}).get("post_contact")
    if post and not any(c["phone"] for c in contacts):
        contacts.append(post_contact(post, ctx.issuer))
    named = {c["phone"] for c in contacts if c["name"] and c["phone"]}
    # A phone a named contact holds, found again without the name by a line rule, is that contact.
    doc.contacts = [c for c in contacts if c["name"] or c["phone"] not in named]
    if not doc.contacts:
        reason = ("the record carries no contact table (the portal's record strips it)" if doc.front_matter
                  else "no contact table, contact line or release phone number in the text")
        doc.warn("contacts", "no_contact", reason)
