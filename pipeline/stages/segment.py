"""Lines into blocks: page chrome, page header, release header, contact block, embargo,
title block, body, appendices and page footer. Chrome is marked, never deleted.

Reads: lines, line_hints. Writes: blocks.
Example: '작성자 혁**** 작성일 04/07/23 (12:07) 조회수 6331' → page_header.

`REGIONS` is the table of contents: page, header, title, tail, body chrome — each a named
rule reading the bounds the earlier ones set (`Regions`). Line tests are shared with the
extractors through the lexicon's named patterns (TIME_FIELD_RE for the time fields), and
HWPX/HWP cells are evidence: the header runs to the end of its table, the template's
제목명/부제목명 cells are the title block.

The release is found by anchors, not by position: the page header (board fields) ends the
page region; a kind label or embargo label opens the release header; a `제 목` label or the
first line that no header rule claims opens the title; the first bullet or paragraph after
the title opens the body; chrome and the page's own contact at the end form the footer.

Without a header, the first line is the title only when it reads like a headline (short,
no bullet, not a sentence ending in `다.` unless a `- 부제 -` follows): a false title is worse
than none. The title block holds the title (one line, or two when it wraps), `- 부제 -`
subtitles and ◇ summary lines.

The body's tail is cut from the end: appendix pages (`참고 1`, `<참고>`, `붙임 1` alone on a
line) run to the footer as APPENDIX, one block per page; before them a contact table opened
by a label (`담당 부서 … 책임자 … 담당자 …`) is CONTACT. The list `붙임 1. … 2. … 끝.` before
that stays the body's last lines: the release stage reads attachments from the body.

Cost: a rule asked of every line of a long body is asked only of the lines a scan finds —
one finditer of a hint pattern over the body (hit_lines), or of a class over a string of the
lines' first characters (starting_lines) — and the header rules keep one document's answers
(HeaderFacts). test_segment checks that the scans find every line the rules would.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import groupby
from operator import attrgetter
from typing import Any

from ..document import Block, BlockKind, Cell, Document, Line, Span
from ..lexicon import Lexicon, once_per_lexicon, read_toml, thresholds
from ..text import is_hangul, template_cells, without_spaces

K = BlockKind
# The kinds as module names: reading an Enum member (K.CHROME) costs ~0.25 µs in Python 3.11,
# ten times a global's read, and the region rules read kinds in their per-line loops.
(CHROME, BREADCRUMB, PAGE_HEADER, RELEASE_HEADER, CONTACT, EMBARGO, TITLE, BODY, APPENDIX,
 PAGE_FOOTER) = (K.CHROME, K.BREADCRUMB, K.PAGE_HEADER, K.RELEASE_HEADER, K.CONTACT, K.EMBARGO, K.TITLE,
                 K.BODY, K.APPENDIX, K.PAGE_FOOTER)
THRESHOLDS = thresholds("segment")   # markers.toml [thresholds.segment], each with its reason
SENTENCE_TITLE_MAX = THRESHOLDS["sentence_title_max"]
SHORT_TITLE_LINE = THRESHOLDS["short_title_line"]
HEADER_SCAN_LINES = THRESHOLDS["header_scan_lines"]
SHORT_LINE = THRESHOLDS["short_line"]
TIME_VALUE_RESIDUE_MAX = THRESHOLDS["time_value_residue_max"]
TITLE_MAX = THRESHOLDS["title_max"]
TITLE_MIN_WORDS = THRESHOLDS["title_min_words"]
WRAPPED_TITLE_MAX = THRESHOLDS["wrapped_title_max"]
CONTACT_LINE_MAX = THRESHOLDS["contact_line_max"]
CONTACT_ROWS_MAX = THRESHOLDS["contact_rows_max"]
BODY_FAMILIES = ("square", "circle", "latin_o", "star", "note", "roman", "decimal_dot", "private_use")
LOGO_MAX = THRESHOLDS["logo_max"]
HEADER_TABLE_MAX_LINES = THRESHOLDS["header_table_max_lines"]
QUOTED_VERDICT_MAX = THRESHOLDS["quoted_verdict_max"]
# The longest ending TITLE_WRAP_RE finds (markers.toml [segment] title_wrap_endings). The pattern
# is anchored at the line's end, so it is searched in the line's last that many characters, not
# from every position, where its many first syllables ('는', '을', '의' …) each start a try:
# ~0.6 → ~0.15 µs a headline.
TITLE_WRAP_REACH = max(map(len, read_toml("markers.toml")["segment"]["title_wrap_endings"]))


# --- line predicates -------------------------------------------------------------------

def is_chrome(line: Line, lex: Lexicon) -> bool:
    """'본문 바로가기', '페이지 맨위로 이동', '리스트 상세', '첨부파일', '사진.png(191 kb)'."""
    if line.blank:
        return False        # a third of body lines; no phrase, label or file name is empty
    text = line.text
    if not lex.CHROME_HINT_RE.search(text):
        # No chrome phrase, file-widget label or word anywhere in the line (the hint holds them
        # all, caseless as they are: test_segment): one search instead of four, and only an
        # exact chrome line or a file name ('사진.png(191 kb)', after a dot) is left to ask.
        return text in lex.boilerplate["exact"] or ("." in text and lex.FILE_NAME_RE.search(text) is not None)
    return bool(lex.CHROME_RE.search(text)) or text in lex.boilerplate["exact"] or is_file_widget(text, lex)


def is_file_widget(text: str, lex: Lexicon) -> bool:
    """'첨부파일 2', '사진.png(191 kb)', '[미리보기]'."""
    return bool(lex.FILE_WIDGET_LABEL_RE.match(text) or lex.FILE_NAME_RE.search(text)
                or lex.FILE_WIDGET_WORD_RE.search(text))


def is_breadcrumb(line: Line, lex: Lexicon) -> bool:
    """'알림마당>기정원소식 상세페이지'."""
    return bool(lex.BREADCRUMB_RE.match(line.text))


def page_field_count(line: Line, lex: Lexicon) -> int:
    if not lex.PAGE_FIELD_WORD_RE.search(line.text):
        return 0            # no label, no field: one search instead of three
    pats = (lex.PAGE_AUTHOR_RE, lex.PAGE_POSTED_RE, lex.PAGE_VIEWS_RE)
    return sum(1 for p in pats if p.search(line.text))


def is_page_fields(line: Line, lex: Lexicon) -> bool:
    """'작성자 혁**** 작성일 04/07/23 (12:07) 조회수 6331' (two fields or more)."""
    return page_field_count(line, lex) >= 2


def is_kind_line(line: Line, lex: Lexicon) -> bool:
    """'보도자료', '보 도 참 고 자 료', '[설명자료]', or a masthead holding one."""
    return kind_word(line, lex) is not None


def kind_word(line: Line, lex: Lexicon) -> str | None:
    """The kind as written on a kind line ('보 도 자 료') or in a masthead's kind field."""
    m = lex.KIND_LINE_RE.match(line.text)
    if m:
        return m.group("kind")
    return masthead_kind(masthead_fields(line, lex), lex)


def masthead_kind(fields: list[tuple[str, str, int]] | None, lex: Lexicon) -> str | None:
    """The kind as written in a masthead's kind field, if it has one."""
    return next((lex.KIND_LINE_RE.match(text).group("kind")  # type: ignore[union-attr]
                 for role, text, _ in fields if role == "kind"), None) if fields else None


def is_organization_name(text: str, lex: Lexicon) -> bool:
    """'중소기업정보화경영원', '경 찰 청' — one name ending like an organization; not a label
    ('매수'), a headline ('‘24년 … 감소') or a logo's stray letters ('광부')."""
    compact = without_spaces(text)
    if lex.ISSUER_RE.fullmatch(compact):
        return True
    units = tuple(lex.titles["organization_suffixes"])
    return len(text.split()) <= 3 and compact.endswith(units) and len(compact) >= 3 \
        and all(ch.isalnum() or ch in "·" for ch in compact)


def masthead_fields(line: Line, lex: Lexicon) -> list[tuple[str, str, int]] | None:
    """'보도자료   고용노동부   http://www.moel.go.kr' → [('kind', '보도자료', 0), ('issuer',
    '고용노동부', 10), ('website', 'http://www.moel.go.kr', 18)] (role, text, offset in the line):
    a line made only of two or more masthead fields — the kind word, an organization, a web
    address. Any other line (a field that is none of the three: a headline) gives None."""
    text = line.text
    if len(text) > SHORT_LINE * 2 or not may_split_masthead(text) or not lex.MASTHEAD_SPLIT_RE.search(text):
        return None
    fields, at = [], 0
    for sep in [*lex.MASTHEAD_SPLIT_RE.finditer(text), None]:
        end = sep.start() if sep else len(text)
        piece = text[at:end]
        if piece:
            role = ("kind" if lex.KIND_LINE_RE.match(piece) else "website" if lex.WEBSITE_RE.match(piece)
                    else "issuer" if is_organization_name(piece, lex) else None)
            if role is None:
                return None
            fields.append((role, piece, at))
        at = sep.end() if sep else at
    return fields if len(fields) >= 2 and any(role != "issuer" for role, _, _ in fields) else None


def may_split_masthead(text: str) -> bool:
    """Whether MASTHEAD_SPLIT_RE may find a split in a stripped line: a run of two blanks or a
    tab (then the line is not its own collapse) or a web address. Asked first: the pattern, with
    no first character to skip to, costs 2 µs on a headline, this a fifth of it. A printable
    line holds no white space but the plain space (as in text.collapse), and then it is its own
    collapse unless two spaces run: told by two C scans, without splitting and joining."""
    return "www." in text or "  " in text or not text.isprintable() and " ".join(text.split()) != text


def has_date(text: str, lex: Lexicon) -> bool:
    """A dotted or Korean date ('2025. 5. 21.', '7월 15일') in the line. Both patterns, with no
    first character to skip to, cost ~3 µs on a headline: a line without a digit holds neither,
    nor does one without a dot (between a dotted date's month and day) or without the month word."""
    if not lex.DATE_DIGIT_RE.search(text):
        return False
    return ("." in text and lex.DOTTED_DATE_RE.search(text) is not None) \
        or (lex.labels["dates"]["month"] in text and lex.KOREAN_DATE_RE.search(text) is not None)


def is_embargo(line: Line, lex: Lexicon) -> bool:
    """'이 보도자료는 2004년 7월 15일(목) 조간부터 보도하여 주시기 바랍니다.', '보도시점 …'
    (but not '보 도 참 고 자 료', whose first letters spell a label)."""
    return not is_kind_line(line, lex) and reads_as_embargo(line, lex)


def reads_as_embargo(line: Line, lex: Lexicon) -> bool:
    """is_embargo for a line known to be no kind line."""
    text = line.text
    labelled = lex.EMBARGO_LABEL_START_RE.match(text) is not None and bool(
        lex.EMBARGO_LABEL_RE.match(text) or lex.DISTRIBUTION_LABEL_RE.match(text)
        or lex.EMBARGO_WORD_RE.match(text) or lex.TIME_FIELD_RE.match(text))
    return bool(labelled or lex.EMBARGO_SENTENCE_RE.search(text)) or is_unlabelled_time(line, lex)


def is_unlabelled_time(line: Line, lex: Lexicon) -> bool:
    """'(온라인) 2026. 4. 13.(월) 12:00 / (지 면) 4. 14.(화) 조간', '< 4.14.(화) 조간 >', '즉시 보도':
    a release time without its label — a date with a channel in brackets opening the line, or
    with an edition word, short enough to be a header's line and not a sentence about a paper;
    or a line that is only an immediate release."""
    text = line.text
    if lex.IMMEDIATE_LINE_RE.match(text):      # '즉시 보도', '배포 즉시 보도 가능'
        return True
    if len(text) > SHORT_LINE * 2 or not has_date(text, lex):
        return False
    if lex.CHANNEL_OPEN_RE.match(text):
        return True
    return len(text) <= SHORT_LINE and bool(lex.EDITION_MORNING_RE.search(text) or lex.EDITION_EVENING_RE.search(text)) \
        and not is_sentence(line, lex)


def is_bare_time_label(line: Line, lex: Lexicon) -> bool:
    """'보도시점', '누리망·방송', '배 포 일' alone in a cell: the next line is its value, whatever it
    says ('본회의 통과시(별도통보)')."""
    m = lex.TIME_FIELD_RE.match(line.text)
    return bool(m) and m.end() == len(line.text)


TABLE_LABELS = frozenset(("label_block", "label_department", "label_manager", "label_staff", "label_phone",
                          "label_email", "label_fax"))
OPENING_LABELS = frozenset(("label_department", "label_manager", "label_staff"))


def contact_label(line: Line, lex: Lexicon) -> str | None:
    """The kind of contact label opening the line (CONTACT_LABEL_RE, the pattern the contacts
    stage reads its tokens with). '문의' opens a contact line in the body, not a table row."""
    m = lex.CONTACT_LABEL_RE.match(line.text)
    return m.lastgroup if m else None


def is_contact_label(line: Line, lex: Lexicon) -> bool:
    """'담당과 정책연구부', '담당자', '전화번호', 'E-mail'."""
    return contact_label(line, lex) in TABLE_LABELS


def is_contact_value(line: Line, lex: Lexicon) -> bool:
    """'혁신연구팀', '김종윤 연구원', '02)3787-0433', '(yavis7@kimi.or.kr)'."""
    text = line.text
    if has_email(text, lex) or lex.PHONE_RE.fullmatch(text.strip("() ")):
        return True
    if len(text) > SHORT_LINE or lex.MARKER_RE.match(text):
        return False
    units = tuple(lex.titles["department_suffixes"]) + tuple(lex.titles["team_suffixes"])
    words = text.split()
    return bool(words) and is_unit_name(words[-1], units) or bool(lex.PERSON_TITLE_RE.search(text))


def has_email(text: str, lex: Lexicon) -> bool:
    """An e-mail address in the line. EMAIL_RE opens with a lookbehind and a class, nothing re
    can skip ahead to (~0.6 µs a line): a line without an '@' holds none."""
    return "@" in text and lex.EMAIL_RE.search(text) is not None


def is_unit_name(word: str, units: tuple[str, ...]) -> bool:
    """'혁신연구팀', '국립대학정책과' — but not '통과' or '결과': a unit name is longer than its suffix
    by two letters at least."""
    return word[2:].endswith(units)     # ends with a suffix and holds two letters more


def is_website(line: Line, lex: Lexicon) -> bool:
    """'(www.kimi.or.kr)', or a masthead ('고용노동부  www.moel.go.kr')."""
    return bool(lex.WEBSITE_RE.match(line.text)) or masthead_fields(line, lex) is not None


class HeaderFacts:
    """The questions the header rules ask of a line again and again — a kind line? a masthead?
    an embargo? a contact label or value? — answered once per line of one document (the seed's
    header lines were each asked up to five times). Carries the lexicon for the rules that
    take it instead of `lex`."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._masthead: dict[int, list[tuple[str, str, int]] | None] = {}
        self._kind: dict[int, str | None] = {}
        self._embargo: dict[int, bool] = {}
        self._label: dict[int, str | None] = {}
        self._value: dict[int, bool] = {}

    def masthead(self, line: Line) -> list[tuple[str, str, int]] | None:
        if line.index not in self._masthead:
            self._masthead[line.index] = masthead_fields(line, self.lex)
        return self._masthead[line.index]

    def kind_word(self, line: Line) -> str | None:
        if line.index not in self._kind:
            m = self.lex.KIND_LINE_RE.match(line.text)
            self._kind[line.index] = m.group("kind") if m else masthead_kind(self.masthead(line), self.lex)
        return self._kind[line.index]

    def is_kind_line(self, line: Line) -> bool:
        return self.kind_word(line) is not None

    def is_website(self, line: Line) -> bool:
        return bool(self.lex.WEBSITE_RE.match(line.text)) or self.masthead(line) is not None

    def is_embargo(self, line: Line) -> bool:
        if line.index not in self._embargo:
            self._embargo[line.index] = not self.is_kind_line(line) and reads_as_embargo(line, self.lex)
        return self._embargo[line.index]

    def contact_label(self, line: Line) -> str | None:
        if line.index not in self._label:
            self._label[line.index] = contact_label(line, self.lex)
        return self._label[line.index]

    def is_contact_label(self, line: Line) -> bool:
        return self.contact_label(line) in TABLE_LABELS

    def is_contact_value(self, line: Line) -> bool:
        if line.index not in self._value:
            self._value[line.index] = is_contact_value(line, self.lex)
        return self._value[line.index]


def is_header_line(line: Line, facts: HeaderFacts) -> bool:
    """Anything a release header holds: issuer, website, kind, contact table, embargo."""
    lex = facts.lex
    return (line.blank or facts.is_kind_line(line) or facts.is_website(line) or facts.is_embargo(line)
            or facts.is_contact_label(line) or facts.is_contact_value(line) or is_notice(line, lex)
            or is_embargo_value(line, lex) or is_phone_line(line, lex))


def is_phone_line(line: Line, lex: Lexicon) -> bool:
    """'- (T)044-200-7071~3, 7078' — a short line around a phone number."""
    return len(line.text) <= SHORT_LINE and bool(lex.PHONE_RE.search(line.text))


def is_embargo_value(line: Line, lex: Lexicon) -> bool:
    """'2025. 5. 21.(수) 12:00', '< 5.22.(목) 조간 >', '배포 즉시' on the line below a label."""
    text = line.text
    if not text or len(text) > SHORT_LINE or lex.MARKER_RE.match(text):
        return False
    # An immediate release is a value only as the whole line ('배포 즉시', '(즉시 보도 가능)'):
    # a headline below the label may say '즉시 보도' too.
    if lex.IMMEDIATE_LINE_RE.match(text):
        return True
    return bool(has_date(text, lex)
                or lex.EDITION_MORNING_RE.search(text) or lex.EDITION_EVENING_RE.search(text)) \
        and time_residue(text, lex) <= TIME_VALUE_RESIDUE_MAX


def time_residue(text: str, lex: Lexicon) -> int:
    """Hangul letters left once dates, times and edition words are taken out of a line:
    '< 5.22.(목) 조간 >' → 0, '한국일보 12.1일자 … 보도에 대한 설명' → 17."""
    for pattern in (lex.KOREAN_DATE_RE, lex.DOTTED_DATE_RE, lex.TIME_RE, lex.EDITION_MORNING_RE,
                    lex.EDITION_EVENING_RE):
        text = pattern.sub(" ", text)
    return sum(1 for ch in text if is_hangul(ch))


def is_logo_residue(line: Line) -> bool:
    """'광부' — letters of a logo image left above the header of an HWP export."""
    compact = without_spaces(line.text)
    return 0 < len(compact) <= LOGO_MAX and all(is_hangul(ch) for ch in compact)


def is_notice(line: Line, lex: Lexicon) -> bool:
    """'인터넷 홈페이지(http://www.kimi.or.kr)에서도 보도자료를 보실 수 있습니다.'"""
    return bool(lex.URL_RE.search(line.text) and lex.RELEASE_WORD_RE.search(line.text)) \
        and not lex.MARKER_RE.match(line.text)


def is_page_contact(line: Line, lex: Lexicon) -> bool:
    """'담당부서소통홍보팀 담당자김민철 팀장 전화번호 044-300-0720'."""
    return bool(lex.PAGE_CONTACT_RE.match(line.text))


# --- regions ---------------------------------------------------------------------------

def find_page_end(lines: list[Line], kinds: dict[int, BlockKind], lex: Lexicon) -> int:
    """One past the board's field line ('작성자 … 조회수 …'), or 0 when the text has none.

    Read up to the first line opening with a marker that is no field line. A line that sets the
    end sets it one or two past itself, never below what a line before it set, so the end is
    the largest any line sets: the markup's page-header lines (`kinds`) are counted once the
    stop is known, and the loop passes a blank line (a third of the lines; no field, label or
    marker is empty) with one test instead of a lookup."""
    end, stop = 0, len(lines)
    for line in lines:
        if line.blank:
            continue
        text = line.text
        labelled = lex.PAGE_FIELD_WORD_RE.search(text) is not None    # every label holds a field word
        if labelled and is_page_fields(line, lex):
            end = line.index + 1
        elif lex.MARKER_RE.match(text):
            stop = line.index
            break
        elif labelled and kinds.get(line.index) != PAGE_HEADER and lex.PAGE_LABEL_RE.match(text) \
                and line.index + 1 < len(lines):
            end = line.index + 2      # '작성자' / '이하늘': the label's value is the next line
    if kinds:       # a text input has no markup to read
        end = max([end] + [i + 1 for i, kind in kinds.items() if kind == PAGE_HEADER and i < stop])
    return end


def find_footer_start(lines: list[Line], kinds: dict[int, BlockKind], lex: Lexicon) -> int:
    """Index of the first line of the trailing chrome and page contact."""
    start = len(lines)
    for line in reversed(lines):
        if line.blank or kinds.get(line.index) in (CHROME, PAGE_FOOTER) or is_chrome(line, lex) \
                or is_page_contact(line, lex):
            start = line.index
            continue
        break
    return start


def find_header(lines: list[Line], begin: int, stop: int, facts: HeaderFacts) -> tuple[int, int, int] | None:
    """(first, anchor, last) of the release header, when a kind or embargo anchor opens one."""
    lex = facts.lex
    seen = 0
    for line in lines[begin:stop]:
        if line.blank:
            continue
        seen += 1
        if seen > HEADER_SCAN_LINES or opens_prose(line, lex):
            return None
        opens_with_contact = seen <= 2 and facts.is_contact_label(line) and len(line.text) <= SHORT_LINE
        if facts.is_kind_line(line) or lex.EMBARGO_LABEL_RE.match(line.text) or opens_with_contact:
            first = extend_header_back(lines, begin, line.index, facts)
            return first, line.index, extend_header_forward(lines, line.index, stop, facts)
    return None


def opens_prose(line: Line, lex: Lexicon) -> bool:
    """The body has begun: a sentence, or a □/○ bullet. Metadata lines such as
    '- 배포일: 05/21/2025 13:24:54' above a header do not end the search."""
    m = lex.MARKER_RE.match(line.text)
    return is_sentence(line, lex) or bool(m and m.lastgroup in BODY_FAMILIES)


def extend_header_back(lines: list[Line], begin: int, anchor: int, facts: HeaderFacts) -> int:
    """Issuer and website lines just above the kind label belong to the header."""
    lex = facts.lex
    first = anchor
    for line in reversed(lines[begin:anchor]):
        if line.blank or facts.is_website(line) or (len(line.text) <= SHORT_LINE and not is_chrome(line, lex)
                                                   and not lex.MARKER_RE.match(line.text)):
            first = line.index
            continue
        break
    while first < anchor and lines[first].blank:
        first += 1
    return first


def extend_header_forward(lines: list[Line], anchor: int, stop: int, facts: HeaderFacts) -> int:
    """One past the header's last line. A short line counts as a contact value only once a
    contact label opened the table, so that a title such as '원희룡 장관, 협력 강화' is kept;
    a template label such as '페이지 수' brings its value line ('총 2쪽') along."""
    lex = facts.lex
    last = anchor + 1
    in_contact = facts.is_contact_label(lines[anchor])
    pending = False
    for line in lines[anchor + 1:stop]:
        if line.blank:
            continue
        if pending and len(line.text) <= SHORT_LINE:
            pending, last = False, line.index + 1
            continue
        label = lex.HEADER_LABEL_RE.match(line.text)
        if label or is_bare_time_label(line, lex):
            pending, last = not label.group("value") if label else True, line.index + 1
            continue
        if not is_header_line(line, facts) or is_title_label(line, lex):
            break
        in_contact = in_contact or facts.is_contact_label(line)
        if not in_contact and facts.is_contact_value(line) and len(line.text.split()) > 1 \
                and not is_header_line_besides_contact(line, facts):
            break
        last = line.index + 1
    return last


def is_header_line_besides_contact(line: Line, facts: HeaderFacts) -> bool:
    """A header line for a reason other than looking like a contact value."""
    lex = facts.lex
    return (facts.is_kind_line(line) or facts.is_website(line) or facts.is_embargo(line)
            or is_embargo_value(line, lex) or is_notice(line, lex)
            or has_email(line.text, lex) or bool(lex.PHONE_RE.search(line.text)))


def is_title_label(line: Line, lex: Lexicon) -> bool:
    """'제 목' alone, or '제목: …'."""
    m = lex.TITLE_LABEL_RE.match(line.text)
    return bool(m) and (not m.group("rest") or line.text[:2] != m.group("rest")[:2])


def find_title(lines: list[Line], begin: int, stop: int, lex: Lexicon,
               hints: dict[int, BlockKind] | None = None) -> tuple[int, int]:
    """[first, last) of the title block: the title line(s), '- 부제 -' lines, ◇ summary lines."""
    hints = hints or {}
    i = skip_blank(lines, begin, stop, lex, hints)
    labelled = i < stop and is_title_label(lines[i], lex) and not lex.TITLE_LABEL_RE.match(lines[i].text).group("rest")
    if labelled:
        i = skip_blank(lines, i + 1, stop, lex, hints)
    first = i
    if i >= stop or lex.MARKER_RE.match(lines[i].text) and not is_subtitle(lines[i], lex):
        return first, first
    second = next_line(lines, i + 1, stop)
    kicker = not labelled and second is not None and is_kicker(lines[i], lex) \
        and is_title_start(lines, second, stop, lex)
    if not labelled and not kicker and not is_title_start(lines, i, stop, lex):
        return first, first
    last = i + 1
    if kicker or second is not None and is_wrapped_title(lines, i, second, stop, lex):
        last = second + 1
    return first, extend_title_block(lines, last, stop, lex)


def extend_title_block(lines: list[Line], last: int, stop: int, lex: Lexicon) -> int:
    """One past the '- 부제 -' and '◇ 요약' lines that follow the title."""
    for line in lines[last:stop]:
        if line.blank:
            continue
        if not (is_subtitle(line, lex) or is_summary(line, lex)):
            break
        last = line.index + 1
    return last


def skip_blank(lines: list[Line], i: int, stop: int, lex: Lexicon, hints: dict[int, BlockKind]) -> int:
    """The first line at or after i that is neither blank nor chrome (by its text, or by what
    render learnt from the markup)."""
    while i < stop and (lines[i].blank or is_chrome(lines[i], lex) or hints.get(i) == CHROME):
        i += 1
    return i


def next_line(lines: list[Line], i: int, stop: int) -> int | None:
    """Index of the first non-blank line at or after i, or None."""
    while i < stop and lines[i].blank:
        i += 1
    return i if i < stop else None


def previous_line(lines: list[Line], begin: int, i: int) -> int | None:
    """Index of the last non-blank line before i (not before begin), or None."""
    i -= 1
    while i >= begin and lines[i].blank:
        i -= 1
    return i if i >= begin else None


def is_headline_like(line: Line, lex: Lexicon) -> bool:
    """'양식 전략품목을 선정하여 세계적인 품목으로 육성한다' — short, no bullet, no label."""
    text = line.text
    if not text or len(text) > TITLE_MAX or lex.MARKER_RE.match(text) or lex.PAGE_NUMBER_RE.match(text):
        return False
    if len(text.split()) < TITLE_MIN_WORDS:
        return False  # '홍보담당관실', '뉴스배포정보': a cell of a header table
    return not (lex.NOTICE_RE.search(text) or lex.CAPTION_RE.match(text) or lex.APPENDIX_HEAD_RE.match(text)
                or lex.KICKER_RE.match(text) or lex.PROSE_SIGNAL_RE.search(text)
                or is_contact_label(line, lex) or is_kind_line(line, lex) or reads_as_embargo(line, lex)
                or lex.PIPE_ROW_RE.match(text))   # is_embargo or is_kind_line, asking the kind once


def is_kicker(line: Line, lex: Lexicon) -> bool:
    """'[모두발언]', '(충청권질병대응센터)' — a bracketed tag on its own line above the headline."""
    return bool(lex.KICKER_RE.match(line.text)) and not (
        is_kind_line(line, lex) or lex.APPENDIX_HEAD_RE.match(line.text) or lex.NOTICE_RE.search(line.text))


def is_sentence(line: Line, lex: Lexicon) -> bool:
    """'환경부는 21일 설명회를 개최한다고 밝혔다.' — ends like a sentence."""
    text = line.text
    # A headline, label or cell ends in a letter no ending ends in: one match of the last
    # character spares the search, which tries every position of the line.
    return lex.SENTENCE_TAIL_CHAR_RE.fullmatch(text[-1:]) is not None and lex.SENTENCE_END_RE.search(text) is not None


def is_title_start(lines: list[Line], i: int, stop: int, lex: Lexicon) -> bool:
    """A headline, or a sentence-like headline that a '- 부제 -' line follows, or the portal's
    stub '… 관련 보도자료 내용입니다.' that restates the title."""
    line = lines[i]
    if not is_headline_like(line, lex) or is_sentence_fragment(lines, i, stop, lex):
        return False
    if not is_sentence(line, lex) or lex.TITLE_STUB_RE.search(line.text):
        return True
    after = next_line(lines, i + 1, stop)
    if lex.POLITE_END_RE.search(line.text) and not lex.QUOTE_OPEN_RE.match(line.text):
        if after is not None and lex.COPULA_END_RE.search(line.text) and len(line.text) <= SENTENCE_TITLE_MAX \
                and lex.NOTICE_RE.search(lines[after].text):
            return True   # '… 연동계수입니다.' over '자세한 사항은 붙임을 참고 …': the attached release's title
        return after is not None and opens_title_tail(lines[after], lex)   # '…동향입니다.': a notice
    if len(line.text) <= SENTENCE_TITLE_MAX:
        return True   # '유전자치료제 개발 쉬워진다.': too short for a lead sentence, a headline
    verdict = lex.QUOTED_VERDICT_RE.match(line.text)
    if verdict and len(verdict.group("verdict")) <= QUOTED_VERDICT_MAX:
        return True   # '“… 추진”보도는 사실이 아닙니다.': an explanation's title, a quoted report and a verdict
    after = next_line(lines, i + 1, stop)
    return after is not None and opens_title_tail(lines[after], lex)


def opens_title_tail(line: Line, lex: Lexicon) -> bool:
    """'- 부제 -' or '▸ 요약': a line that only ever follows a title, so the sentence-like line
    above it is one ('… 점검 회의를 개최하였습니다.' over '▸금융당국은 …')."""
    return is_subtitle(line, lex) or is_summary(line, lex)


def is_sentence_fragment(lines: list[Line], i: int, stop: int, lex: Lexicon) -> bool:
    """'지난 10년간 … 참여한 사업규모는' / '연평균 423억 원이며 … 나타났다.': a line that breaks
    mid-phrase over a line finishing a sentence too long for a headline."""
    if lex.TITLE_WRAP_RE.search(lines[i].text[-TITLE_WRAP_REACH:]) is None:     # see TITLE_WRAP_REACH
        return False
    after = next_line(lines, i + 1, stop)
    return after is not None and is_sentence(lines[after], lex) \
        and len(lines[i].text) + len(lines[after].text) > WRAPPED_TITLE_MAX


def is_wrapped_title(lines: list[Line], first: int, second: int, stop: int, lex: Lexicon) -> bool:
    """'국가자원안보 컨트롤타워 출범,' / '종합적 위기대응역량 강화': a short second line continues
    the title when the first breaks mid-phrase, or when a subtitle or summary follows it."""
    line = lines[second]
    if line.text.startswith("(") and line.text.endswith(")") and len(line.text) <= SHORT_TITLE_LINE * 3 \
            and not lex.UNIT_LINE_RE.match(line.text):
        return True   # '(2월 4일 14시, 2보)': the edition note belongs to the headline
    wraps = lex.TITLE_WRAP_RE.search(lines[first].text[-TITLE_WRAP_REACH:]) is not None     # see TITLE_WRAP_REACH
    if wraps and len(line.text.split()) == 1 and len(line.text) <= SHORT_TITLE_LINE * 2 \
            and not lex.MARKER_RE.match(line.text) and not is_contact_label(line, lex) and not is_sentence(line, lex):
        return True   # '주차장 뺑소니 CCTV 영상 확보 못한' / '경찰관…“직무태만”'
    if len(line.text) > WRAPPED_TITLE_MAX or not is_headline_like(line, lex) or is_subtitle(line, lex):
        return False
    joined = len(lines[first].text) + len(line.text)
    if len(lines[first].text) < SHORT_TITLE_LINE and not is_sentence(line, lex):
        return True   # '권기섭 위원장' / '그리스 … 국제컨퍼런스 참석': too short to stand alone
    if wraps:
        return joined <= (WRAPPED_TITLE_MAX if is_sentence(line, lex) else TITLE_MAX)
    if is_sentence(lines[first], lex) or is_sentence(line, lex):
        return False
    after = next_line(lines, second + 1, stop)
    if after is None:
        return False
    if is_subtitle(lines[after], lex) or is_summary(lines[after], lex):
        return True
    return joined <= TITLE_MAX and (is_sentence(lines[after], lex) or not is_headline_like(lines[after], lex))


def template_title(doc: Document, begin: int, stop: int, lex: Lexicon) -> tuple[int, int] | None:
    """[first, last) of the template's 제목명 and 부제목명 cells (HWPX/HWP), when they hold text
    after the header: a title of two paragraphs is one title, whatever its lines look like."""
    if not doc.cells:
        return None     # a text, a record or a page without tables: no template
    names = lex.labels["template"]
    named = [c for c in doc.cells if c.name]     # a few of a budget annex's 19,000 cells
    title = [c for c in template_cells(named, names["title"])
             if begin <= c.first < stop and any(l.text for l in doc.lines[c.first:c.last])]
    if not title:
        return None
    first = title[0]
    subtitle = [c for c in template_cells(named, names["subtitle"])
                if c.table == first.table and c.first >= first.last and c.last <= stop]
    return first.first, max([first.last] + [c.last for c in subtitle])


def trailing_time_fields(lines: list[Line], begin: int, stop: int, kinds: list[BlockKind], lex: Lexicon) -> int:
    """Time cells that follow the title ('보도자료' / title box / '보도시점 | … | 배포 | …', as
    in the 2024-25 statistics releases) are the header's: EMBARGO; returns where the body starts."""
    i = next_line(lines, begin, stop)
    if i is None or not is_bare_time_label(lines[i], lex) and not lex.EMBARGO_LABEL_RE.match(lines[i].text):
        return begin
    last = begin
    awaits = False
    for line in lines[i:stop]:
        if line.blank:
            continue
        if not (awaits or is_embargo(line, lex) or is_embargo_value(line, lex)):
            break
        awaits = is_bare_time_label(line, lex)
        last = line.index + 1
    for k in range(begin, last):
        kinds[k] = EMBARGO
    return last


# --- the body's tail: contact table, appendix pages ------------------------------------

def is_appendix_heading(lines: list[Line], i: int, stop: int, lex: Lexicon) -> bool:
    """'참고 1', '<참고>', '[참고 2] 세부 일정', '붙임 1' alone — but '<붙임>' over '1. …' is a list."""
    line = lines[i]
    m = lex.APPENDIX_HEAD_RE.match(line.text)
    if not m:
        return False
    boxed = bool(m.group("close") or m.group("number") or line.text[0] in "<[〈【(") \
        or bool(m.group("rest")) and is_appendix_box(lines, i, stop, lex)    # '참고  현장 점검 개요'
    listed = bool(lex.ATTACHMENT_LIST_RE.match(line.text)) and not is_appendix_box(lines, i, stop, lex)
    if m.group("rest"):   # '[참고] … 관련 보도자료 내용입니다.': a kind tag over the portal's stub
        return boxed and not listed and not (lex.NOTICE_RE.search(line.text) or lex.TITLE_STUB_RE.search(line.text))
    after = next_line(lines, i + 1, stop)
    if after is None:
        return False
    if not lex.ATTACHMENT_LABEL_RE.match(line.text):
        return True
    following = lines[after].text
    return not (lex.NUMBERED_LINE_RE.match(following) or following.startswith("-"))


def is_appendix_box(lines: list[Line], i: int, stop: int, lex: Lexicon) -> bool:
    """'붙임 1  세부 통계표', '참고  현장 점검 개요' (a box flattened: label, number, title; a tab or a
    run of spaces between them, or one space when a page's outline follows) — not the listing
    '붙임 1. 세부 계획 1부.', which has a period after the number or ends with a counter."""
    box = lex.APPENDIX_BOX_RE.match(lines[i].text)
    if not box or lex.LISTING_END_RE.search(lines[i].text):
        return False
    numbered = box.group("number") is not None
    if not numbered and not is_unnumbered_box(box, lex):
        return False
    # A listing's label without a number ('붙임 「…」 추진 개요') opens a page only over its
    # outline; one space (a tab folds to one) likewise.
    if box.group("gap") != " " and (numbered or box.group("page_label")):
        return True
    after = next_line(lines, i + 1, stop)
    if after is None:
        return False
    # '1.' under a numbered '붙임 1 …' may be the listing's next item; under an unnumbered box
    # it opens the page.
    m = lex.MARKER_RE.match(lines[after].text)
    return bool(m and m.lastgroup in BODY_FAMILIES and (m.lastgroup != "decimal_dot" or not numbered))


def is_unnumbered_box(box: re.Match[str], lex: Lexicon) -> bool:
    """'참고  현장 점검 개요', '붙임 「카페마을 사업」 추진 개요': without a number, a box is bare
    (a bracketed '<별첨> …' is a listing or a table of contents) and holds a short title that
    is no sentence ('참고 자료는 누리집에서 볼 수 있습니다'), no list item ('1. 사진 자료.') and
    no listing's end ('관련 사진 2매(별첨).  끝.')."""
    title = box.group("title")
    return box.group(0)[0] not in "<[〈【(" and len(title) <= SHORT_LINE \
        and not (lex.SENTENCE_END_RE.search(title) or lex.POLITE_END_RE.search(title)
                 or lex.MARKER_RE.match(title) or lex.END_MARK_RE.search(title))


def opens_contact(line: Line, lex: Lexicon) -> bool:
    """'담당 부서', '책임자', '담당자' opening the contact table. (A line or sentence naming whom
    to call — '문 의: …(044-202-7458)', '… 취재를 원하시면 …' — stays in the body, where the
    contacts stage reads it.)"""
    # The label first: one match, while is_contact_row asks a dozen questions of the line.
    return contact_label(line, lex) in OPENING_LABELS and is_contact_row(line, lex)


def is_contact_row(line: Line, lex: Lexicon) -> bool:
    """A cell or a flattened row of the contact table: short, or holding a phone or e-mail."""
    # The page's own contact sits among chrome ('담당부서 소통홍보팀 … 목록'): no row. Asked last,
    # since most lines asked (the body's last) are too long to be a row anyway.
    return looks_like_contact_row(line, lex) and not is_chrome(line, lex)


def looks_like_contact_row(line: Line, lex: Lexicon) -> bool:
    """is_contact_row but for chrome."""
    text = line.text
    if len(text) > 2 * CONTACT_LINE_MAX:
        return False    # too long for a row with a phone or e-mail, and so for any: no search
    if lex.PHONE_RE.search(text) or has_email(text, lex):
        return len(text) <= 2 * CONTACT_LINE_MAX
    if len(text) > CONTACT_LINE_MAX or lex.MARKER_RE.match(text) or is_sentence(line, lex):
        return False
    return is_contact_label(line, lex) or is_contact_value(line, lex) or len(text) <= SHORT_LINE


def find_contact_start(lines: list[Line], begin: int, stop: int, lex: Lexicon) -> int:
    """First line of the contact table that closes the body: every line from it on is a row."""
    start = stop
    rows = 0
    for line in reversed(lines[begin:stop]):
        if line.blank:
            continue
        rows += 1
        if rows > CONTACT_ROWS_MAX or not is_contact_row(line, lex):
            break
        if opens_contact(line, lex):
            start = line.index
    return start


def is_subtitle(line: Line, lex: Lexicon) -> bool:
    """'- 중소기업 정보화 촉진을 위한 APEC 차원의 공동 방안 모색 -'."""
    # The closing dash first (a line's text is stripped): SUBTITLE_RE's lazy run costs ~1 µs on a
    # long '- …' item line.
    return line.text.endswith(("-", "―")) and lex.SUBTITLE_RE.match(line.text) is not None


def is_summary(line: Line, lex: Lexicon) -> bool:
    """'◇ 설 명절 기간 … 예방수칙 준수', '▴ 9월 가계대출 +1.1조원' under the title."""
    return bool(lex.SUMMARY_MARKER_RE.match(line.text))


# --- assignment ------------------------------------------------------------------------

def classify_page(line: Line, lex: Lexicon) -> BlockKind:
    if line.blank:
        return PAGE_HEADER    # no breadcrumb or chrome is empty (test_segment checks it)
    if is_breadcrumb(line, lex):
        return BREADCRUMB
    if is_chrome(line, lex):
        return CHROME
    return PAGE_HEADER


def classify_header(line: Line, anchor: int, facts: HeaderFacts) -> BlockKind:
    """Above the kind label sit the issuer and its website; below it the contact table."""
    lex = facts.lex
    if facts.is_embargo(line):
        return EMBARGO
    if line.index <= anchor and not (line.index == anchor and facts.is_contact_label(line)):
        return RELEASE_HEADER
    if lex.ISSUER_RE.fullmatch(without_spaces(line.text)):
        return RELEASE_HEADER   # '보 도 자 료' / '산림청': the issuer's own line, not a contact unit
    if facts.is_contact_label(line) or facts.is_contact_value(line) or is_phone_line(line, lex):
        return CONTACT
    return RELEASE_HEADER


def cell_starts(doc: Document, first: int = 0, last: int | None = None) -> dict[int, int]:
    """Line index → the first line of the table cell holding it (lines outside cells absent),
    for the lines [first, last) (all by default). A budget annex has 19,000 cells: only the
    cells reaching into the range are expanded."""
    last = len(doc.lines) if last is None else last
    return {i: c.first for c in doc.cells if c.first < last and c.last > first
            for i in range(max(c.first, first), min(c.last, last))}


def header_table_end(doc: Document, first: int, last: int, stop: int, facts: HeaderFacts) -> int:
    """One past the header, extended to the end of the table holding its kind or time cells:
    '보도일시 | 2020. 9. 1.(화) 08:30 / (국무회의 개회 시)' and the contact rows below it in one
    table are header lines whatever they look like."""
    if not doc.cells:
        return last     # a text or HTML input: no table to extend to
    anchors = [i for i in range(first, last) if facts.is_kind_line(doc.lines[i]) or facts.is_embargo(doc.lines[i])]
    if not anchors:
        return last
    low, high = anchors[0], anchors[-1]
    # The range test first: it settles all but the few cells near the header without a loop.
    tables = {c.table for c in doc.cells if c.first <= high and c.last > low
              and any(c.first <= i < c.last for i in anchors)}
    for table in sorted(tables):
        cells = [c for c in doc.cells if c.table == table]
        end = max(c.last for c in cells)
        if end - min(c.first for c in cells) <= HEADER_TABLE_MAX_LINES and end <= stop:
            last = max(last, end)
    return last


def classify_header_lines(lines: list[Line], first: int, last: int, anchor: int,
                          kinds: list[BlockKind], facts: HeaderFacts, cells: dict[int, int] | None = None) -> None:
    """Each header line by itself, except that value lines below an embargo label
    ('2025. 5. 21.(수) 12:00', '< 5.22.(목) 조간 >') join the embargo, and so does a line
    in the same table cell as an embargo value ('(국무회의 개회 시)')."""
    lex = facts.lex
    cells = cells or {}
    in_embargo = awaits_value = False
    for line in lines[first:last]:
        kind = classify_header(line, anchor, facts)
        same_cell = line.index in cells and cells.get(line.index - 1) == cells[line.index]
        if line.index == first < anchor and is_logo_residue(line) and not facts.is_kind_line(line):
            kind = CHROME
        elif kind == EMBARGO:
            in_embargo = True
        elif in_embargo and same_cell and kinds[line.index - 1] == EMBARGO and len(line.text) <= SHORT_LINE \
                and not is_notice(line, lex):
            kind = EMBARGO
        elif in_embargo and (awaits_value or is_embargo_value(line, lex)) and len(line.text) <= SHORT_LINE:
            kind = EMBARGO
        elif not line.blank:
            in_embargo = False
        if not line.blank:
            awaits_value = kind == EMBARGO and is_bare_time_label(line, lex)
        kinds[line.index] = kind


def assign_tail(lines: list[Line], begin: int, stop: int, kinds: list[BlockKind], lex: Lexicon,
                candidates: Iterable[int] | None = None, openers: list[int] | None = None) -> set[int]:
    """Appendix pages and the contact table before them; returns the first line of each
    appendix page. The attachment list ('붙임 1. … 끝.') stays at the body's tail, where the
    release stage reads it. `candidates`: the lines that may be headings (all by default);
    `openers`: the lines that may open a contact table, in order (all by default)."""
    candidates = range(begin, stop) if candidates is None else candidates
    headings = [i for i in candidates if not lines[i].blank and is_appendix_heading(lines, i, stop, lex)]
    appendix = headings[0] if headings else stop
    pages = set(headings)
    # A contact table begins at a line that opens it: with none before the appendix (most
    # korea.kr records), the walk up from the body's end could only find none.
    may_open = openers is None or bisect.bisect_left(openers, begin) < bisect.bisect_left(openers, appendix)
    contact = find_contact_start(lines, begin, appendix, lex) if may_open else appendix
    before = previous_line(lines, begin, contact) if contact < appendix else None
    # Under the board's '목록' button the table is the web page's contact, not the release's.
    contact_kind = PAGE_FOOTER if before is not None and is_chrome(lines[before], lex) else CONTACT
    for first, last, kind in ((contact, appendix, contact_kind), (appendix, stop, APPENDIX)):
        for i in range(first, last):
            kinds[i] = kind
    return pages


@dataclass
class Regions:
    """What the region rules have found so far: every line's kind and the region bounds."""
    kinds: list[BlockKind]
    page_end: int = 0           # one past the board's fields
    footer: int = 0             # first line of the trailing chrome
    title_from: int = 0         # where the title search starts (one past the header)
    body_from: int = 0          # one past the title block (and time cells after it)
    pages: set[int] = field(default_factory=set)     # first lines of appendix pages
    firsts: str = ""        # each line's first character (a blank line's: a newline), for starting_lines


def starting_lines(doc: Document, r: Regions, pattern: re.Pattern[str], first: int, last: int) -> list[int]:
    """The lines in [first, last) whose first character `pattern` matches: one finditer over
    a string of one character per line, instead of a call per line. A guard for the patterns
    anchored at a line's start."""
    if not r.firsts:
        r.firsts = "".join([(line.text or "\n")[0] for line in doc.lines])
    return [m.start() for m in pattern.finditer(r.firsts, first, last)]


def hit_lines(doc: Document, r: Regions, patterns: tuple[re.Pattern[str], ...], first: int, last: int) -> list[int]:
    """The lines in [first, last) where any of `patterns` finds a match, in order.

    One finditer per pattern over the run of lines instead of a call per line; each match is
    put to its line by counting the line ends since the last match (one C scan over the run in
    all, and no list of every line's start to build for a few matches). Only for patterns whose
    matches never hold a line end (literals): then a line holding a match always gets one,
    whatever the lines before it held."""
    if first >= last:
        return []
    text = doc.text
    begin, end = doc.lines[first].start, doc.lines[last - 1].end
    found = set()
    for pattern in patterns:
        line, at = first, begin
        for m in pattern.finditer(text, begin, end):
            line += text.count("\n", at, m.start())
            at = m.start()
            found.add(line)
    return sorted(found)


def page_region(doc: Document, r: Regions, lex: Lexicon) -> None:
    """The board page's header ('작성자 … 조회수 …') and its trailing chrome and contact."""
    lines, hints = doc.lines, doc.line_hints
    r.page_end = find_page_end(lines, hints, lex)
    r.footer = max(find_footer_start(lines, hints, lex), r.page_end)
    # A hint is a kind (never empty): `in` asks for it without a call. A blank line is
    # PAGE_HEADER (classify_page), told without the call.
    for i in range(r.page_end):
        r.kinds[i] = hints[i] if i in hints else (PAGE_HEADER if lines[i].blank else classify_page(lines[i], lex))
    for i in range(r.footer, len(lines)):
        r.kinds[i] = hints[i] if i in hints else (PAGE_FOOTER if not lines[i].blank and is_page_contact(lines[i], lex)
                                                  else CHROME)
    r.title_from = r.page_end


def header_region(doc: Document, r: Regions, lex: Lexicon) -> None:
    """The release header from its kind or time anchor, to the end of its table."""
    lines, hints = doc.lines, doc.line_hints
    facts = HeaderFacts(lex)
    header = find_header(lines, r.page_end, r.footer, facts)
    if not header:
        return
    first, anchor, last = header
    for i in range(r.page_end, first):
        r.kinds[i] = hints[i] if i in hints else (CHROME if lines[i].text else PAGE_HEADER)
    last = header_table_end(doc, first, last, r.footer, facts)
    classify_header_lines(lines, first, last, anchor, r.kinds, facts, cell_starts(doc, first - 1, last))
    for i in range(first, last) if hints else ():    # a text input has no hints to read
        if hints.get(i) == CHROME:    # e.g. white template text behind an HWP logo
            r.kinds[i] = CHROME
    r.title_from = last


def title_region(doc: Document, r: Regions, lex: Lexicon) -> None:
    """The template's title cells, else the headline rules; time cells after the title box."""
    lines = doc.lines
    t_first, t_last = template_title(doc, r.page_end, r.footer, lex) \
        or find_title(lines, r.title_from, r.footer, lex, doc.line_hints)
    r.title_from = min(r.title_from, t_first)   # a header that ran into the template's title cell gives it back
    for i in range(r.title_from, t_last):
        r.kinds[i] = TITLE if i >= t_first or lines[i].text else r.kinds[i]
        if i < t_first and lines[i].text and is_chrome(lines[i], lex):
            r.kinds[i] = CHROME
    r.body_from = trailing_time_fields(lines, t_last, r.footer, r.kinds, lex)


def tail_region(doc: Document, r: Regions, lex: Lexicon) -> None:
    """Appendix pages and the contact table before them, cut from the body's end."""
    headings = starting_lines(doc, r, lex.APPENDIX_HEAD_START_RE, r.body_from, r.footer)
    openers = starting_lines(doc, r, lex.CONTACT_OPENING_START_RE, r.body_from, r.footer)
    r.pages = assign_tail(doc.lines, r.body_from, r.footer, r.kinds, lex, headings, openers)


FIRST, LAST, TABLE = attrgetter("first"), attrgetter("last"), attrgetter("table")


def cells_by_table(cells: list[Cell], begin: int, end: int) -> list[tuple[list[Cell], int, int]]:
    """The cells within lines [begin, end), by table, with the first and last line they reach;
    the tables in the order of their first such cell. Read a run of one table's cells at a time
    (a table's cells mostly follow each other): a run wholly inside, as most are, is taken
    without a test per cell."""
    found: dict[int, list[Any]] = {}     # table → [cells, first line, last line]
    for table, group in groupby(cells, key=TABLE):
        run = list(group)
        low, high = min(map(FIRST, run)), max(map(LAST, run))
        if low < begin or high > end:
            run = [c for c in run if begin <= c.first and c.last <= end]
            if not run:
                continue
            low, high = min(map(FIRST, run)), max(map(LAST, run))
        if table in found:
            kept = found[table]
            kept[0].extend(run)
            kept[1], kept[2] = min(kept[1], low), max(kept[2], high)
        else:
            found[table] = [run, low, high]
    return [(kept, low, high) for kept, low, high in found.values()]


def contact_tables(doc: Document, r: Regions, lex: Lexicon) -> None:
    """A contact table standing inside the body — after a short lead, before a long outline, as
    some templates place it: a table one of whose cells opens with a contact label ('담당 부서',
    '책임자') and one of whose cells holds a phone or e-mail is contact, wherever it stands."""
    lines = doc.lines
    if not doc.cells:
        return
    # The body's lines that open a contact table, found first: most bodies have none, and
    # then no table needs reading (a budget annex has 200 small tables).
    openers = [i for i in starting_lines(doc, r, lex.CONTACT_OPENING_START_RE, r.body_from, r.footer)
               if opens_contact(lines[i], lex)]
    if not openers:
        return
    for cells, low, high in cells_by_table(doc.cells, r.body_from, r.footer):
        # A table with no opener between its first and last line is no contact table; nor is
        # one spanning more lines than CONTACT_ROWS_MAX: a bigger table (a budget annex of
        # 19,000 cells) is never read line by line here.
        if bisect.bisect_left(openers, low) == bisect.bisect_left(openers, high) \
                or sum(map(LAST, cells)) - sum(map(FIRST, cells)) > CONTACT_ROWS_MAX:
            continue
        texts = [lines[i] for c in cells for i in range(c.first, c.last) if not lines[i].blank]
        if any(opens_contact(line, lex) for line in texts) and any(is_phone_line(line, lex) for line in texts) \
                and all(r.kinds[line.index] == BODY for line in texts):
            for line in texts:
                r.kinds[line.index] = CONTACT


@once_per_lexicon
def exact_chrome(lex: Lexicon) -> frozenset[str]:
    """The exact chrome lines ('목록', '인쇄') as a set, made once: body_chrome made it anew for
    every document (~4.6k instructions of a korea.kr record's ~5.4M)."""
    return frozenset(lex.boilerplate["exact"])


def body_chrome(doc: Document, r: Regions, lex: Lexicon) -> None:
    """Chrome inside the body, by its text or by what render learnt from the markup.

    is_chrome is asked only of the lines the chrome hints hit (a few in a body of hundreds)."""
    lines, exact = doc.lines, exact_chrome(lex)
    hit = hit_lines(doc, r, (lex.CHROME_HINT_RE, lex.FILE_DOT_HINT_RE), r.body_from, r.footer)
    hit += [i for i in starting_lines(doc, r, lex.CHROME_EXACT_START_RE, r.body_from, r.footer)
            if lines[i].text in exact]
    for i in hit:
        if is_chrome(lines[i], lex):
            r.kinds[i] = CHROME
    for i, hint in doc.line_hints.items():     # the markup's word wins over the text's
        if r.body_from <= i < r.footer and hint in (CHROME, PAGE_FOOTER):
            r.kinds[i] = hint


# The regions in the order they are found; each reads the bounds the earlier ones set.
REGIONS = (
    ("page", page_region),
    ("header", header_region),
    ("title", title_region),
    ("tail", tail_region),
    ("contact tables", contact_tables),
    ("body chrome", body_chrome),
)


def assign(doc: Document, lex: Lexicon) -> tuple[list[BlockKind], set[int]]:
    """The kind of every line, and the lines that open an appendix page."""
    regions = Regions(kinds=[BODY] * len(doc.lines))
    for _, rule in REGIONS:
        rule(doc, regions, lex)
    return regions.kinds, regions.pages


def to_blocks(doc: Document, kinds: list[BlockKind], pages: set[int] = frozenset()) -> list[Block]:
    """Runs of one kind; blank lines join the run before them; each appendix page is a block.

    A block's span runs from the content of its first line with content to the end of that of
    its last: what trimming the run's text gives, since a blank line is all white space (the
    same white space as str.strip's), and no character-by-character trim is needed."""
    blocks: list[Block] = []
    lines = doc.lines
    start = 0               # the open run's first line
    first = last = -1       # its first and last lines with content (-1: none yet)
    for i, line in enumerate(lines):
        if line.blank:
            continue
        if i and (kinds[i] != kinds[start] or i in pages):
            if first >= 0:  # only the first run can be all blank lines: then it is no block
                blocks.append(Block(kinds[start], start, i, Span(lines[first].content.start, lines[last].content.end)))
            start = first = i
        elif first < 0:
            first = i
        last = i
    if first >= 0:
        blocks.append(Block(kinds[start], start, len(lines), Span(lines[first].content.start, lines[last].content.end)))
    return blocks


def run(doc: Document, lex: Lexicon) -> None:
    kinds, pages = assign(doc, lex)
    doc.blocks = to_blocks(doc, kinds, pages)
