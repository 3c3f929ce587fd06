"""Lines into blocks: page chrome, page header, release header, contact block, embargo,
title block, body, appendices and page footer. Chrome is marked, never deleted.

Reads: lines, line_hints. Writes: blocks.
Example: '작성자 혁**** 작성일 04/07/23 (12:07) 조회수 6331' → page_header.

The release is found by anchors, not by position: the page header (board fields) ends the
page region; a kind label or embargo label opens the release header; a `제 목` label or the
first line that no header rule claims opens the title; the first bullet or paragraph after
the title opens the body; chrome and the page's own contact at the end form the footer.
"""
from __future__ import annotations

from ..document import Block, BlockKind, Document, Line
from ..lexicon import Lexicon
from ..text import trimmed, without_spaces

K = BlockKind
HEADER_SCAN_LINES = 40       # a release header sits within this many non-blank lines
SHORT_LINE = 40              # header values (issuer, department, name) are short


# --- line predicates -------------------------------------------------------------------

def is_chrome(line: Line, lex: Lexicon) -> bool:
    """'본문 바로가기', '페이지 맨위로 이동', '리스트 상세'."""
    return bool(lex.CHROME_RE.search(line.text)) or line.text in lex.boilerplate["exact"]


def is_breadcrumb(line: Line, lex: Lexicon) -> bool:
    """'알림마당>기정원소식 상세페이지'."""
    return bool(lex.BREADCRUMB_RE.match(line.text))


def page_field_count(line: Line, lex: Lexicon) -> int:
    pats = (lex.PAGE_AUTHOR_RE, lex.PAGE_POSTED_RE, lex.PAGE_VIEWS_RE)
    return sum(1 for p in pats if p.search(line.text))


def is_page_fields(line: Line, lex: Lexicon) -> bool:
    """'작성자 혁**** 작성일 04/07/23 (12:07) 조회수 6331' (two fields or more)."""
    return page_field_count(line, lex) >= 2


def is_headline(line: Line, lex: Lexicon) -> bool:
    """'[보도자료] 2004 APEC 중소기업 정보화 정책포럼 -…-'."""
    return bool(lex.HEADLINE_TAG_RE.match(line.text))


def is_kind_line(line: Line, lex: Lexicon) -> bool:
    """'보도자료', '보 도 참 고 자 료', '[설명자료]'."""
    return bool(lex.KIND_LINE_RE.match(line.text))


def is_embargo(line: Line, lex: Lexicon) -> bool:
    """'이 보도자료는 2004년 7월 15일(목) 조간부터 보도하여 주시기 바랍니다.', '보도시점 …'
    (but not '보 도 참 고 자 료', whose first letters spell a label)."""
    if is_kind_line(line, lex):
        return False
    return bool(lex.EMBARGO_SENTENCE_RE.search(line.text) or lex.EMBARGO_LABEL_RE.match(line.text)
                or lex.DISTRIBUTION_LABEL_RE.match(line.text))


def is_contact_label(line: Line, lex: Lexicon) -> bool:
    """'담당과 정책연구부', '담당자', '전화번호', 'E-mail'."""
    pats = (lex.CONTACT_DEPARTMENT_LABEL_RE, lex.CONTACT_MANAGER_LABEL_RE, lex.CONTACT_STAFF_LABEL_RE,
            lex.CONTACT_PHONE_LABEL_RE, lex.CONTACT_EMAIL_LABEL_RE, lex.CONTACT_FAX_LABEL_RE,
            lex.CONTACT_BLOCK_LABEL_RE)
    return any(p.match(line.text) for p in pats)


def is_contact_value(line: Line, lex: Lexicon) -> bool:
    """'혁신연구팀', '김종윤 연구원', '02)3787-0433', '(yavis7@kimi.or.kr)'."""
    text = line.text
    if lex.EMAIL_RE.search(text) or lex.PHONE_RE.fullmatch(text.strip("() ")):
        return True
    if len(text) > SHORT_LINE or lex.MARKER_RE.match(text):
        return False
    compact = without_spaces(text)
    units = tuple(lex.titles["department_suffixes"]) + tuple(lex.titles["team_suffixes"])
    return compact.endswith(units) or bool(lex.PERSON_TITLE_RE.search(text))


def is_website(line: Line, lex: Lexicon) -> bool:
    """'(www.kimi.or.kr)'."""
    return bool(lex.WEBSITE_RE.match(line.text))


def is_header_line(line: Line, lex: Lexicon) -> bool:
    """Anything a release header holds: issuer, website, kind, contact table, embargo."""
    return (line.blank or is_kind_line(line, lex) or is_website(line, lex) or is_embargo(line, lex)
            or is_contact_label(line, lex) or is_contact_value(line, lex) or is_notice(line, lex))


def is_notice(line: Line, lex: Lexicon) -> bool:
    """'인터넷 홈페이지(http://www.kimi.or.kr)에서도 보도자료를 보실 수 있습니다.'"""
    return bool(lex.URL_RE.search(line.text)) and "보도자료" in line.text and not lex.MARKER_RE.match(line.text)


def is_page_contact(line: Line, lex: Lexicon) -> bool:
    """'담당부서소통홍보팀 담당자김민철 팀장 전화번호 044-300-0720'."""
    return bool(lex.PAGE_CONTACT_RE.match(line.text))


# --- regions ---------------------------------------------------------------------------

def find_page_end(lines: list[Line], kinds: dict[int, BlockKind], lex: Lexicon) -> int:
    """One past the board's field line ('작성자 … 조회수 …'), or 0 when the text has none."""
    end = 0
    for line in lines:
        if lex.MARKER_RE.match(line.text) and not is_page_fields(line, lex):
            break
        if is_page_fields(line, lex) or kinds.get(line.index) == K.PAGE_HEADER:
            end = line.index + 1
        elif lex.PAGE_LABEL_RE.match(line.text) and line.index + 1 < len(lines):
            end = line.index + 2      # '작성자' / '이하늘': the label's value is the next line
    return end


def find_footer_start(lines: list[Line], kinds: dict[int, BlockKind], lex: Lexicon) -> int:
    """Index of the first line of the trailing chrome and page contact."""
    start = len(lines)
    for line in reversed(lines):
        hinted = kinds.get(line.index) in (K.CHROME, K.PAGE_FOOTER)
        if line.blank or hinted or is_chrome(line, lex) or is_page_contact(line, lex):
            start = line.index
            continue
        break
    return start


def find_header(lines: list[Line], begin: int, stop: int, lex: Lexicon) -> tuple[int, int, int] | None:
    """(first, anchor, last) of the release header, when a kind or embargo anchor opens one."""
    seen = 0
    for line in lines[begin:stop]:
        if line.blank:
            continue
        seen += 1
        if seen > HEADER_SCAN_LINES or lex.MARKER_RE.match(line.text):
            return None
        if is_kind_line(line, lex) or lex.EMBARGO_LABEL_RE.match(line.text):
            first = extend_header_back(lines, begin, line.index, lex)
            return first, line.index, extend_header_forward(lines, line.index, stop, lex)
    return None


def extend_header_back(lines: list[Line], begin: int, anchor: int, lex: Lexicon) -> int:
    """Issuer and website lines just above the kind label belong to the header."""
    first = anchor
    for line in reversed(lines[begin:anchor]):
        if line.blank or is_website(line, lex) or (len(line.text) <= SHORT_LINE and not is_chrome(line, lex)
                                                   and not lex.MARKER_RE.match(line.text)):
            first = line.index
            continue
        break
    while first < anchor and lines[first].blank:
        first += 1
    return first


def extend_header_forward(lines: list[Line], anchor: int, stop: int, lex: Lexicon) -> int:
    last = anchor + 1
    for line in lines[anchor + 1:stop]:
        if not is_header_line(line, lex) or lex.TITLE_LABEL_RE.match(line.text) and not line.blank \
                and is_title_label(line, lex):
            break
        last = line.index + 1
    while last > anchor + 1 and lines[last - 1].blank:
        last -= 1
    return last


def is_title_label(line: Line, lex: Lexicon) -> bool:
    """'제 목' alone, or '제목: …'."""
    m = lex.TITLE_LABEL_RE.match(line.text)
    return bool(m) and (not m.group("rest") or line.text[:2] != m.group("rest")[:2])


def find_title(lines: list[Line], begin: int, stop: int, lex: Lexicon) -> tuple[int, int]:
    """[first, last) of the title block: the title line, '- 부제 -' lines, ◇ summary lines."""
    i = begin
    while i < stop and (lines[i].blank or is_chrome(lines[i], lex)):
        i += 1
    if i < stop and is_title_label(lines[i], lex) and not lex.TITLE_LABEL_RE.match(lines[i].text).group("rest"):
        i += 1
        while i < stop and lines[i].blank:
            i += 1
    first = i
    if i >= stop or lex.MARKER_RE.match(lines[i].text) and not is_subtitle(lines[i], lex):
        return first, first
    last = i + 1
    for line in lines[i + 1:stop]:
        if line.blank:
            continue
        if is_subtitle(line, lex) or is_summary(line, lex):
            last = line.index + 1
            continue
        break
    return first, last


def is_subtitle(line: Line, lex: Lexicon) -> bool:
    """'- 중소기업 정보화 촉진을 위한 APEC 차원의 공동 방안 모색 -'."""
    return bool(lex.SUBTITLE_RE.match(line.text)) and line.text.rstrip().endswith(("-", "―"))


def is_summary(line: Line, lex: Lexicon) -> bool:
    """'◇ 설 명절 기간 … 예방수칙 준수' under the title."""
    m = lex.MARKER_RE.match(line.text)
    return bool(m) and m.lastgroup == "diamond"


# --- assignment ------------------------------------------------------------------------

def classify_page(line: Line, lex: Lexicon) -> BlockKind:
    if is_breadcrumb(line, lex):
        return K.BREADCRUMB
    if is_chrome(line, lex):
        return K.CHROME
    return K.PAGE_HEADER


def classify_header(line: Line, anchor: int, lex: Lexicon) -> BlockKind:
    """Above the kind label sit the issuer and its website; below it the contact table."""
    if is_embargo(line, lex):
        return K.EMBARGO
    if line.index <= anchor:
        return K.RELEASE_HEADER
    if is_contact_label(line, lex) or is_contact_value(line, lex):
        return K.CONTACT
    return K.RELEASE_HEADER


def assign(doc: Document, lex: Lexicon) -> list[BlockKind]:
    lines, hints = doc.lines, doc.line_hints
    kinds: list[BlockKind] = [K.BODY] * len(lines)
    page_end = find_page_end(lines, hints, lex)
    footer = max(find_footer_start(lines, hints, lex), page_end)
    for i in range(page_end):
        kinds[i] = hints.get(i) or classify_page(lines[i], lex)
    for i in range(footer, len(lines)):
        kinds[i] = hints.get(i) or (K.PAGE_FOOTER if is_page_contact(lines[i], lex) else K.CHROME)
    header = find_header(lines, page_end, footer, lex)
    title_from = page_end
    if header:
        first, anchor, last = header
        for i in range(page_end, first):
            kinds[i] = hints.get(i) or (K.CHROME if lines[i].text else K.PAGE_HEADER)
        for i in range(first, last):
            kinds[i] = classify_header(lines[i], anchor, lex)
        title_from = last
    t_first, t_last = find_title(lines, title_from, footer, lex)
    for i in range(title_from, t_last):
        kinds[i] = K.TITLE if i >= t_first or lines[i].text else kinds[i]
        if i < t_first and lines[i].text and is_chrome(lines[i], lex):
            kinds[i] = K.CHROME
    for i in range(t_last, footer):
        if hints.get(i) in (K.CHROME, K.PAGE_FOOTER):
            kinds[i] = hints[i]
        elif is_chrome(lines[i], lex):
            kinds[i] = K.CHROME
    return kinds


def to_blocks(doc: Document, kinds: list[BlockKind]) -> list[Block]:
    """Runs of one kind; blank lines join the run before them."""
    blocks: list[Block] = []
    start = 0
    for i in range(1, len(kinds) + 1):
        if i == len(kinds) or (kinds[i] != kinds[start] and not doc.lines[i].blank):
            first, last = doc.lines[start], doc.lines[i - 1]
            if any(not line.blank for line in doc.lines[start:i]):
                blocks.append(Block(kinds[start], start, i, trimmed(doc.text, first.start, last.end)))
            start = i
        elif doc.lines[i].blank:
            kinds[i] = kinds[start]
    return blocks


def run(doc: Document, lex: Lexicon) -> None:
    doc.blocks = to_blocks(doc, assign(doc, lex))
