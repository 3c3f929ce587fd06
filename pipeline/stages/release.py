"""Release metadata: kind, issuer, title, subtitle, summary, embargo, distribution time,
attachments — and the verdict when the text is not a press release at all.

Reads: text, lines, blocks, page, front_matter. Writes: release.
Example: '이 보도자료는 2004년 7월 15일(목) 조간부터 보도하여 주시기 바랍니다.'
         → embargo {date '2004-07-15', weekday '목', edition 'morning'}.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from datetime import date
from itertools import islice
from typing import Any, NamedTuple

from ..document import Block, BlockKind, Document, Line, Span
from ..issuer_names import chairs_in, name_as_of, parse_day, supervisors
from ..lexicon import Lexicon, department_words, load_issuer_evidence, once_per_lexicon, phone_prefix, thresholds
from ..phones import LINE_START, phone_lines
from ..text import collapse, has_hangul, template_cells, trimmed, without_spaces
from .segment import is_organization_name, is_unlabelled_time, kind_word, masthead_fields

K = BlockKind
THRESHOLDS = thresholds("release")   # markers.toml [thresholds.release], each with its reason
PROSE_MIN = THRESHOLDS["prose_min"]
SHORT_TITLE = THRESHOLDS["short_title"]
TITLE_MIN = THRESHOLDS["title_min"]
TWO_LINE_TITLE_MAX = THRESHOLDS["two_line_title_max"]


def lines_in(doc: Document, *kinds: BlockKind) -> list[Line]:
    """doc.lines_of(kinds[0]) + doc.lines_of(kinds[1]) + …: the same lines in the same order,
    made by one comprehension. lines_of makes a list of blocks and then one of lines for each
    kind, and release asks for some kind's lines ~15 times a document (most often of a kind the
    document has none of)."""
    lines = doc.lines
    return [lines[i] for kind in kinds for b in doc.blocks if b.kind == kind for i in range(b.first, b.last)]


# --- kind and issuer -------------------------------------------------------------------

def match_kind(doc: Document, lex: Lexicon, title: str | None) -> tuple[str | None, str | None]:
    """(kind, where from): '보 도 자 료' in the header → '보도자료' ('header'); else the board
    headline's '[보도자료]' tag or the title's '(설명자료)' prefix ('title'); else the record's
    own title in its metadata ('metadata')."""
    lasts = kind_last_letters(lex)
    for line in lines_in(doc, K.RELEASE_HEADER, K.TITLE):
        # A kind word ends with one of `lasts`: a line holding none (a blank line, most headlines)
        # holds no kind word, and neither KIND_LINE_RE nor the masthead split is asked of it.
        # Asked by one C-level `in` a letter (all kinds end in '료'), not by a set's isdisjoint,
        # which makes and hashes a string of each Hangul character of the line.
        word = kind_word(line, lex) if line.text and any(map(line.text.__contains__, lasts)) else None
        if word:
            return lex.kinds.get(without_spaces(word)), "header"
    for line in lines_in(doc, K.PAGE_HEADER):
        m = lex.HEADLINE_TAG_RE.match(line.text) if line.text[:1] == "[" else None     # the tag opens the line
        if m:
            return lex.kinds.get(without_spaces(m.group("kind"))), "title"
    kind = kind_of_tag(title, lex)
    if kind:
        return kind, "title"
    kind = kind_of_tag((doc.page or {}).get("headline") or doc.front_matter.get("title"), lex)
    return (kind, "metadata") if kind else (kind_of_metadata(doc, lex), "metadata")


@once_per_lexicon
def kind_last_letters(lex: Lexicon) -> frozenset[str]:
    """The last letters of the kind words ('보도자료' → '료'; KIND_LINE_RE's words, also a
    masthead's kind field, end with one, letter-spaced or not). A line is tested against them
    by one C-level `in` each (whichever order they come in, the answer is the same)."""
    return frozenset(kind[-1] for kind in lex.kinds)


def kind_of_metadata(doc: Document, lex: Lexicon) -> str | None:
    """A korea.kr press-release record ('grouping_code: brief', pressReleaseView URL) or a
    board named for a kind ('보도자료', '보도자료/해명'; the board field or the trail's last
    step) is a release of that kind."""
    meta = lex.labels["kind_metadata"]
    fm = doc.front_matter
    url = str(fm.get("original_url") or fm.get("source_url") or "")
    if fm.get("grouping_code") in meta["press_release_groupings"] or any(u in url for u in meta["press_release_urls"]):
        return meta["kind"]
    page = doc.page or {}
    for name in [page.get("board") or "", *(page.get("breadcrumbs") or [])[-1:]]:
        m = lex.BOARD_KIND_RE.search(without_spaces(name))
        if m:
            return lex.kinds.get(m.group("kind"))
    return None


def kind_of_tag(title: str | None, lex: Lexicon) -> str | None:
    """'(설명자료)사용후핵연료 …' → '설명자료'; '[보도참고] …' → '보도참고자료'; '[부처합동] …' → None."""
    m = lex.TITLE_KIND_TAG_RE.match(title or "")
    if not m:
        return None
    tag = without_spaces(m.group("tag"))
    return lex.labels["kind_tags"].get(tag) or lex.kinds.get(tag)


ISSUER_MAX = THRESHOLDS["issuer_max"]


def issuer_name(text: str, lex: Lexicon) -> str:
    """A known issuer letter-spaced in a logo box ('경 찰 청') reads as written without spaces."""
    compact = without_spaces(text)
    return compact if lex.ISSUER_RE.fullmatch(compact) else collapse(text)


def issuer_from_header(doc: Document, lex: Lexicon) -> tuple[str | None, str | None, Span | None]:
    """'중소기업정보화경영원' / '(www.kimi.or.kr)' above the kind label. A known issuer wins over
    another organization's name; a line that names no organization is never the issuer."""
    candidates: list[tuple[str, Span]] = []
    website = None
    for line in lines_in(doc, K.RELEASE_HEADER):
        if not line.text or lex.KIND_LINE_RE.match(line.text):
            continue
        m = lex.WEBSITE_RE.match(line.text)
        fields = None if m else masthead_fields(line, lex)
        if m:
            website = website or m.group("url")
        elif fields:        # '보도자료   고용노동부   www.moel.go.kr': each field for itself
            for role, text, at in fields:
                if role == "website":
                    website = website or lex.WEBSITE_RE.match(text).group("url")  # type: ignore[union-attr]
                elif role == "issuer" and len(text) <= ISSUER_MAX:
                    start = line.content.start + at
                    candidates.append((text, Span(start, start + len(text))))
        elif len(line.text) <= ISSUER_MAX and is_organization_name(line.text, lex) \
                and find_edition(line.text, lex)[0] is None:     # '즉시 보도' is a release time, not a '…도'
            candidates.append((line.text, line.content))
    known = [c for c in candidates if lex.ISSUER_RE.fullmatch(without_spaces(c[0]))]
    chosen = (known or candidates or [None])[0]
    if chosen is None:
        return None, website, None
    return issuer_name(chosen[0], lex), website, chosen[1]


def issuer_from_template(doc: Document, lex: Lexicon, visible: bool = True) -> tuple[str, Span] | None:
    """The text of the template's 기관명 cell: visible text first; white template leftovers
    behind the logo ('고용노동부', also '광부') only as a last resort, and only a known name."""
    if not doc.cells:
        return None     # no tables (texts, records, most pages): no template cell to read
    for cell in template_cells(doc.cells, lex.labels["template"]["issuer"]):
        if bool(getattr(cell, "invisible", False)) == visible:
            continue
        for line in doc.lines[cell.first:cell.last]:
            if line.text and is_organization_name(line.text, lex) \
                    and (visible or lex.ISSUER_RE.fullmatch(without_spaces(line.text))):
                # White leftovers of an older template ('노동부') are renamed by match_issuer.
                return issuer_name(line.text, lex), line.content
    return None


def contact_lines(doc: Document, lex: Lexicon) -> list[Line]:
    """The contact blocks' lines, then the body's lines holding a phone (found by one scan)."""
    phones = sorted(phone_lines(doc, lex))
    # The few phone lines picked block by block, as lines_of orders them (no walk over the body).
    return [l for l in lines_in(doc, K.CONTACT) if l.text] \
        + [doc.lines[i] for b in doc.blocks_of(K.BODY) for i in phones if b.first <= i < b.last]


def issuer_from_contacts(doc: Document, lex: Lexicon) -> tuple[str, Span] | None:
    """A known issuer in the contact table or a contact line ('문의: 기획재정부 …과 …'), searched
    with ISSUER_SCAN_RE (ISSUER_RE's matches, its names in a trie)."""
    search = lex.ISSUER_SCAN_RE.search
    for line in contact_lines(doc, lex):
        m = search(line.text)
        if m:
            return m.group("issuer"), Span(line.content.start + m.start(), line.content.start + m.end())
    return None


def issuer_from_pictures(doc: Document, lex: Lexicon) -> tuple[str, None] | None:
    """A logo above the body whose description names a known issuer or its short form
    ('…원본 그림의 이름: 방위사업청_국_좌우.png', '…행안부_로고.jpg'), as the logo names it
    (match_issuer gives the full name). The logo is no text, so the issuer has no span."""
    if not doc.pictures:
        return None     # no pictures (all but HWPX/HWP): no logo, and the body's start is not needed
    body = doc.blocks_of(K.BODY)
    first_body = body[0].first if body else len(doc.lines)
    for anchor, description in doc.pictures:
        m = lex.ISSUER_RE.search(without_spaces(description)) if anchor <= first_body else None
        if m:
            return m.group("issuer"), None
    return None


def issuer_from_signature(doc: Document, lex: Lexicon) -> tuple[str, Span] | None:
    """A sign-off line of the issuer's press office: '기획재정부 대변인'."""
    ends = tuple(lex.labels["issuer"]["signature"])     # the pattern's line ends with one
    if not any(word in doc.text for word in signature_cores(lex)):
        return None     # no signature word anywhere (most releases): no line ends with one, no walk
    for line in lines_in(doc, K.BODY, K.CONTACT):
        m = lex.ISSUER_SIGNATURE_RE.match(line.text) if line.text.endswith(ends) else None
        if m:
            return m.group("issuer"), Span(line.content.start, line.content.start + m.end("issuer"))
    return None


@once_per_lexicon
def signature_cores(lex: Lexicon) -> tuple[str, ...]:
    """The signature words holding no other one ('대변인', not '대변인실'): a text holding none of
    them holds no signature word. (Each `in` over a korea.kr record's text is ~1 us.)"""
    words = lex.labels["issuer"]["signature"]
    return tuple(w for w in words if not any(other != w and other in w for other in words))


def issuer_from_evidence(doc: Document, lex: Lexicon) -> tuple[tuple[str, Span], str] | None:
    """A phone prefix ('044-215-7…') or a department ('대외경제국') of the contact lines that the
    korea.kr records tie to one issuer (data/issuer_evidence.tsv), when every such clue names the
    same issuer (by its current name): a contact block of two ministries, or a clue of each,
    names none. The name is the table's, as of its data ('기획재정부'); match_issuer gives the
    body of the release's date."""
    table = load_issuer_evidence()
    clues: list[tuple[str, Span, str]] = []
    for line in contact_lines(doc, lex):
        for m in lex.PHONE_RE.finditer(line.text):
            name = table.phone_prefix.get(phone_prefix(m.group("phone")) or "")
            if name:
                start = line.content.start + m.start("phone")
                clues.append((name, Span(start, start + len(m.group("phone"))), "phone_prefix"))
        for offset, word in department_words(line.text, table.department_suffixes):
            name = table.department.get(word)
            if name:
                start = line.content.start + offset
                clues.append((name, Span(start, start + len(word)), "department"))
    if not clues or len({lex.issuers.get(name, name) for name, _, _ in clues}) > 1:
        return None
    clues.sort(key=lambda c: c[1].start)
    name, span, source = clues[0]
    return (name, span), source


def speaker_of(line: Line, lex: Lexicon) -> tuple[str, Span, dict[str, Any]] | None:
    """Remarks whose title names the speaker's office: '부총리 겸 재정경제부장관 모두발언' → the
    office's ministry (a known issuer directly followed by a head's title)."""
    for m in lex.ISSUER_RE.finditer(line.text):
        title = lex.PERSON_TITLE_RE.match(line.text[m.end():].lstrip())
        if title:
            start = line.content.start + m.start()
            return m.group("issuer"), Span(start, start + len(m.group("issuer"))), \
                {"office": collapse(m.group("issuer") + title.group("title"))}
    return None


def issuer_from_remarks(doc: Document, lex: Lexicon, day: date | None) -> tuple[str, Span, dict[str, Any]] | None:
    """Opening remarks named in the title: the speaker's ministry when the title names the
    speaker's office ('… 재정경제부장관 모두발언'); else, at a meeting whose chair a regulation
    fixes ('제266차 대외경제장관회의 … 모두발언(4.13일)'), the chair's ministry as of the release's
    date (data/meeting_chairs.tsv), with the chair and the row's source. Meetings of two
    chairs' ministries in one title name none."""
    remarks = lex.labels["issuer"]["remarks"]
    for line in lines_in(doc, K.TITLE, K.RELEASE_HEADER):
        if not line.text or not any(word in line.text for word in remarks):
            continue
        speaker = speaker_of(line, lex)
        if speaker:
            return speaker
        found = chairs_in(line.text, day)
        if not found or len({row.ministry for row, _ in found}) > 1:
            continue
        row, at = min(found, key=lambda f: f[1])
        start = line.content.start + at
        chair = {"meeting": row.meeting, "office": row.chair, "reference": row.source}
        return row.ministry, Span(start, start + len(row.meeting)), chair
    return None


def issuer_from_page_logo(doc: Document, lex: Lexicon) -> tuple[str, dict[str, str]] | None:
    """The page's own metadata: the site's logo whose alt text is an organization's name
    (<img src="…/head_logo.png" alt="강진군">, '1004 신안군' past its slogan number). The alt is
    no text of the release: no span; the logo's src is kept as its provenance."""
    for logo in (doc.page or {}).get("logos", ()):
        words = logo["alt"].split()
        while words and not has_hangul(words[0]):
            words.pop(0)
        alt = " ".join(words)
        if alt and len(alt) <= ISSUER_MAX and is_organization_name(alt, lex):
            return issuer_name(alt, lex), logo
    return None


LEAD_REACH = THRESHOLDS["lead_reach"]
LEAD_LINES = THRESHOLDS["lead_lines"]
SUBJECT_LINES = THRESHOLDS["subject_lines"]
HEADED_REACH = THRESHOLDS["headed_reach"]
LOCAL_ORG_MIN = THRESHOLDS["local_org_min"]
EMPTY_MATCH = re.compile("").match("")


def first_sentence_end(text: str, lex: Lexicon) -> int:
    """Where the subject search stops: the first sentence's end, at most LEAD_REACH."""
    m = lex.SENTENCE_CLOSE_RE.search(text, 0, LEAD_REACH)
    return m.start() if m else LEAD_REACH


def lead_subjects(text: str, end: int, lex: Lexicon) -> list[re.Match[str]]:
    """The matches LEAD_ISSUER_RE.finditer(text, 0, end) gives, found faster: the one at the
    line's start, then LEAD_ISSUER_AFTER_BLANK_RE's, whose scan skips in C to a blank or marker
    (the subject in its lookahead, so the match is that one character and no subject is passed
    over). A subject overlapping the one before it is dropped, as finditer's would never be
    tried. Read the groups by name: the whole match is the blank, group 'subject' the rest."""
    first = lex.LEAD_ISSUER_RE.match(text, 0, end)
    found = [first] if first else []
    reach = first.end() if first else 0
    for m in lex.LEAD_ISSUER_AFTER_BLANK_RE.finditer(text, 0, end):
        if m.end() >= reach:
            found.append(m)
            reach = m.end("subject")
    return found


def issuer_from_lead(doc: Document, lex: Lexicon) -> tuple[str, Span] | None:
    """The subject of the lead sentence: '방위사업청(청장 석종건)은 …', '김정관 산업통상부 장관은',
    also an agency the lexicon does not know when its head follows it: '국가기술표준원(원장 …)은'.
    An organization that is only the object ('… 산업통상부 국가기술표준원 과장에 임용') is not one."""
    lines = lead_lines(doc, lex)
    for line, m in lead_subject(lines, lex):
        group = "issuer" if m.group("issuer") else "org"
        start = line.content.start + m.start(group)
        return m.group(group), Span(start, start + len(m.group(group)))
    first = lines[0] if lines else None
    marker = lex.MARKER_RE.match(first.text) if first else None
    rest = first.text[marker.end() if marker else 0:].lstrip() if first else ""
    m = lex.ISSUER_RE.match(rest)
    if m:   # '원자력안전위원회' / '(위원장 …)는': the subject broken over two lines
        start = first.content.start + len(first.text) - len(rest)
        return m.group("issuer"), Span(start, start + len(m.group("issuer")))
    match_line = lex.LEAD_LINE_ISSUER_RE.match
    for line in islice(body_lines(doc), SUBJECT_LINES):
        # A lead after a summary box or a quoted report: '□ 행정안전부(장관 윤호중)는 …' further down:
        # a known issuer as the subject past the line's marker, one match a line (it gives the
        # issuer LEAD_ISSUER_RE.match would give the rest after the marker).
        m = match_line(line.text)
        if m:
            start = line.content.start + m.start("issuer")
            return m.group("issuer"), Span(start, start + len(m.group("issuer")))
    for line in lines:
        rest = line.text[(lex.MARKER_RE.match(line.text) or EMPTY_MATCH).end():].lstrip()
        m = lex.LEAD_ORG_START_RE.match(rest)
        if m and len(m.group("org")) >= LOCAL_ORG_MIN:
            start = line.content.start + len(line.text) - len(rest)
            return m.group("org"), Span(start, start + len(m.group("org")))
    return headed_subject(lines, lex)


def lead_subject(lines: list[Line], lex: Lexicon) -> list[tuple[Line, re.Match[str]]]:
    """The lead lines' first subject that is a known issuer, else their first subject at all
    (a known issuer before another organization), as [(line, match)] or []. The lines are read
    in order and a known issuer ends the reading: the lines after it cannot change the answer."""
    first: list[tuple[Line, re.Match[str]]] = []
    for line in lines:
        for m in lead_subjects(line.text, first_sentence_end(line.text, lex), lex):
            if m.group("issuer"):
                return [(line, m)]
            first = first or [(line, m)]
    return first


@once_per_lexicon
def issuer_firsts(lex: Lexicon) -> frozenset[str]:
    """The first letters of the known issuers' names."""
    return frozenset(name[0] for name in lex.issuers if name)


def body_lines(doc: Document) -> Iterator[Line]:
    """The body's lines that are not blank, in order, made as they are asked for: the lead
    rules read the first few of a body that may run to hundreds. (The kind and the lines are
    read once: an enum member's attribute read costs ~4× a local's, once per block.)"""
    body, lines = K.BODY, doc.lines
    return (lines[i] for b in doc.blocks if b.kind == body for i in range(b.first, b.last) if lines[i].text)


def lead_lines(doc: Document, lex: Lexicon) -> list[Line]:
    """The body's first LEAD_LINES lines, past short headline lines that open it (a subtitle
    left in the body, '관광·MICE 전문가들 1박2일 강진 매력 체험', is no lead). (At most
    LEAD_LINES are skipped, so the first 2 × LEAD_LINES + 1 lines decide.)"""
    lines = list(islice(body_lines(doc), 2 * LEAD_LINES + 1))
    skip = 0
    while skip < min(LEAD_LINES, len(lines) - 1) and is_headline_line(lines[skip], lex):
        skip += 1
    return lines[skip:skip + LEAD_LINES]


def is_headline_line(line: Line, lex: Lexicon) -> bool:
    """A short line with no marker and no sentence end: a headline."""
    text = line.text.strip()
    return len(text) < PROSE_MIN and not lex.MARKER_RE.match(text) and not lex.SENTENCE_CLOSE_RE.search(text)


def headed_subject(lines: list[Line], lex: Lexicon) -> tuple[str, Span] | None:
    """An organization with its head in parentheses as a subject, further into a lead that
    came flattened onto one line: '… 마련했다. 나주시(시장 윤병태)는 …'."""
    for line in lines[:1]:
        # Only a subject with its head in parentheses counts: a line where HEAD_RE finds no head
        # ('(' with a title and a name) holds none, and the subject search is not made.
        heads = "(" in line.text and lex.HEAD_RE.search(line.text) is not None
        for m in lead_subjects(line.text, HEADED_REACH, lex) if heads else ():
            group = "issuer" if m.group("issuer") else "org"
            if m.group("head") and lex.HEAD_RE.fullmatch(m.group("head")):
                start = line.content.start + m.start(group)
                return m.group(group), Span(start, start + len(m.group(group)))
    return None


def match_issuer(doc: Document, lex: Lexicon, day: date | None = None) -> dict[str, Any] | None:
    """The issuer by order of evidence: the header's own text, the lead sentence's subject, the
    contact table's organization, the record's ministry. `source` says which; a short name, or a
    name the body no longer bore on the release's date `day`, gets the body's full name as of
    that day in `canonical` (today's name when undated); a public body gets its supervising
    ministry in `supervisor`."""
    name, website, span = issuer_from_header(doc, lex)
    source = "header" if name else None
    for finder, where in ((issuer_from_template, "template"), (issuer_from_pictures, "logo"),
                          (issuer_from_lead, "lead"), (issuer_from_contacts, "contacts"),
                          (issuer_from_signature, "signature")):
        found = finder(doc, lex) if name is None else None
        if found:
            (name, span), source = found, where
    chair_row: dict[str, Any] | None = None
    remarks = issuer_from_remarks(doc, lex, day) if name is None else None
    if remarks:
        name, span, chair_row = remarks
        source = "chair" if "meeting" in chair_row else "speaker"
    if name is None and doc.front_matter.get("ministry"):
        name, source = collapse(doc.front_matter["ministry"]), "metadata"
    found = issuer_from_evidence(doc, lex) if name is None else None
    if found:
        (name, span), source = found
    unwritten = source in ("logo", "phone_prefix", "department")
    found = issuer_from_template(doc, lex, visible=False) if name is None else None
    if found:
        (name, span), source, unwritten = found, "template", True
    page_logo = issuer_from_page_logo(doc, lex) if name is None else None
    if page_logo:
        (name, logo), source, unwritten = page_logo, "page", True
    if unwritten and name:
        # A logo's file name, a template's hidden leftover ('행안부', '노동부') or a clue the
        # evidence table names by the records' date ('국제금융국' → 기획재정부) is no issuer's
        # name written in the release: the issuer is that line of bodies (the lexicon's, as the
        # table was counted) by its full name as of the release's date.
        name = name_as_of(name, lex.issuers.get(name), day) or lex.issuers.get(name, name)
    if name is None and website is None:
        return None
    issuer: dict[str, Any] = {"name": name, "website": website}
    if chair_row:
        issuer[source] = chair_row
    if page_logo:
        issuer["page_logo"] = logo
    if span and source != "metadata":
        issuer["span"] = span.to_json()
    if source:
        issuer["source"] = source
    written = without_spaces(name) if name else None
    canonical = name_as_of(written, lex.issuers.get(written), day) if written else None
    if canonical:
        issuer["canonical"] = canonical
    supervisor = supervisor_of(doc, written, lex, day) if written else None
    if supervisor:
        issuer["supervisor"] = supervisor
    return issuer


@once_per_lexicon
def supervision_reach(lex: Lexicon) -> int:
    """How far before a body's name its ministry and '소속' can start: '환경부 소속 ' at the
    longest (worked out once, not over every issuer name per release)."""
    return max(map(len, lex.issuers)) + max(map(len, lex.labels["issuer"]["supervised_by"])) + 2


def supervisor_in_text(doc: Document, body: str, lex: Lexicon, day: date | None) -> dict[str, Any] | None:
    """'환경부 소속 국립환경과학원', '환경부 산하 국립생태원': the release itself says which known
    ministry the body belongs to; the span is the ministry's name there."""
    words = lex.labels["issuer"]["supervised_by"]
    if not any(word in doc.text for word in words):
        return None     # no '소속' or '산하' anywhere: no occurrence of the body can have one before it
    reach = supervision_reach(lex)
    at = doc.text.find(body)
    while at > 0:
        before = doc.text[max(0, at - reach):at].split()
        if len(before) >= 2 and before[-1] in words and before[-2] in lex.issuers:
            ministry = before[-2]
            start = doc.text.rfind(ministry, 0, at)
            name = name_as_of(ministry, lex.issuers.get(ministry), day)
            if name:
                return {"name": name, "listed": ministry, "reference": "text", "span": [start, start + len(ministry)]}
        at = doc.text.find(body, at + len(body))
    return None


def supervisor_of(doc: Document, body: str, lex: Lexicon, day: date | None) -> dict[str, Any] | None:
    """The ministry that supervises a public body (data/supervisors.tsv, else the release's own
    words), as of the release's date: '한국고용노동교육원' → 고용노동부. The row's ministry is as of its source's date; the
    lexicon's eras carry it to the release's date, and a row they cannot carry (a split) gives
    none."""
    row = supervisors().get(body)
    if row is None:
        return supervisor_in_text(doc, body, lex, day)
    name = name_as_of(row.ministry, lex.issuers.get(row.ministry), day)
    if name is None:
        return None
    return {"name": name, "listed": row.ministry, "listed_as_of": row.as_of, "reference": row.source}


def release_day(doc: Document, embargo: dict[str, Any] | None, distributed: str | None) -> date | None:
    """The release's date, for names that changed over time: the embargo, the distribution, the
    page's or the record's posting date; None when the document carries none."""
    for value in ((embargo or {}).get("date"), distributed, (doc.page or {}).get("posted_at"),
                  doc.front_matter.get("approve_date")):
        day = parse_day(value) if isinstance(value, str) else None     # parse_day(None) is None
        if day:
            return day
    return None


# --- title block -----------------------------------------------------------------------

def template_title_lines(doc: Document, lex: Lexicon) -> tuple[list[Line], list[Line]] | None:
    """The lines of the template's 제목명 cell and of its 부제목명 cells, when segment made them
    the title block."""
    if not doc.cells:
        return None     # no tables, no template (and no title lines to gather)
    names = lex.labels["template"]
    title_lines = {l.index for l in lines_in(doc, K.TITLE) if l.text}
    cells = [c for c in template_cells(doc.cells, names["title"]) if c.first in title_lines]
    if not cells:
        return None
    lines = [l for l in doc.lines[cells[0].first:cells[0].last] if l.text]
    dashed = next((k for k, l in enumerate(lines) if k and lex.SUBTITLE_RE.match(l.text)), len(lines))
    subtitles = lines[dashed:] + [l for c in template_cells(doc.cells, names["subtitle"]) if c.first in title_lines
                                  for l in doc.lines[c.first:c.last] if l.text]
    return lines[:dashed], subtitles


def parse_title_block(doc: Document, lex: Lexicon) -> dict[str, Any]:
    """'제 목' / '2004 APEC …' / '- … 모색 -' → title, subtitle; '◇ …' lines → summary. The
    template's 제목명 cell is the title whatever its lines look like, its 부제목명 cell the subtitle."""
    title_lines: list[Line] = []
    subtitles: list[Line] = []
    summary: list[str] = []
    cells = template_title_lines(doc, lex)
    if cells:
        title_lines, subtitles = cells
    two_headlines = not cells and is_two_line_headline(doc, lex)
    for line in lines_in(doc, K.TITLE) if not cells else []:
        # The title's one line written again below it (a record's quoted headline, then the
        # body's own) is the title again, never its subtitle. (Written out, not a predicate:
        # asked of every title line, a call each was a cost.)
        if not line.text or is_title_label_only(line, lex) or \
                title_lines and not title_lines[1:] and line.text == title_lines[0].text:
            continue
        marker = lex.MARKER_RE.match(line.text)
        if lex.SUBTITLE_RE.match(line.text) and line.text.endswith(("-", "―")) and title_lines:
            subtitles.append(line)
        elif marker and lex.SUMMARY_MARKER_RE.match(line.text):
            summary.append(collapse(line.text[marker.end():]))
        elif not subtitles and not summary and (not title_lines or continues_title(title_lines[-1], line, lex)
                                                 or same_cell(doc, title_lines[-1], line) or two_headlines):
            title_lines.append(line)
        elif not summary:
            subtitles.append(line)   # a second headline line that does not continue the first
    out: dict[str, Any] = {"title": None, "subtitle": None, "summary": [s for s in summary if s]}
    spans: dict[str, list[int]] = {}
    if title_lines:
        title = collapse(" ".join(strip_title_label(l, lex) for l in title_lines))
        stub = lex.TITLE_STUB_RE.search(title)
        out["title"] = collapse(title[:stub.start()]) if stub else title
        spans["title"] = trimmed(doc.text, title_lines[0].content.start, title_lines[-1].content.end).to_json()
    if subtitles:
        texts = [subtitle_text(l, lex) for l in subtitles]
        out["subtitle"] = strip_dashes(collapse(" ".join(texts)), lex)
        spans["subtitle"] = trimmed(doc.text, subtitles[0].content.start, subtitles[-1].content.end).to_json()
    out["spans"] = spans
    return out


def continues_title(previous: Line, line: Line, lex: Lexicon) -> bool:
    """`line` continues the title above it: '국가자원안보 컨트롤타워 출범,' breaks mid-phrase,
    '[모두발언]' is a kicker over its headline, '권기섭 위원장' is too short to be one, and
    '(2월 4일 14시, 2보)' is the headline's own note."""
    return bool(lex.TITLE_WRAP_RE.search(previous.text) or lex.KICKER_RE.match(previous.text)
                or len(previous.text) < SHORT_TITLE or lex.UNCLOSED_QUOTE_RE.search(previous.text)
                or is_title_kicker(previous, lex) and not lex.MARKER_RE.match(line.text)
                or line.text.startswith("(") and line.text.endswith(")"))


def is_two_line_headline(doc: Document, lex: Lexicon) -> bool:
    """'2030 세계박람회 개최지, 이틀 뒤 결판' / '정부 대표단 최종투표 위해 26일 출국' over an open
    '- 한국·이탈리아·사우디 격돌…' line: when the dashed lines under a two-line title block carry
    the subtitle, the block's second plain line is the headline's second half, not a subtitle.
    (On korea.kr, a plain second line over an open dash line is part of the portal's title in every
    body measured; over '□' prose or nothing it is a subtitle as often as not.)"""
    block = [l for l in lines_in(doc, K.TITLE) if l.text]
    if len(block) != 2 or lex.MARKER_RE.match(block[1].text) \
            or len(block[0].text) + len(block[1].text) > TWO_LINE_TITLE_MAX:
        return False
    after = next((l for l in doc.lines[block[-1].index + 1:] if l.text), None)
    return after is not None and bool(lex.SUBTITLE_RE.match(after.text)) and not after.text.endswith(("-", "―"))


def is_title_kicker(line: Line, lex: Lexicon) -> bool:
    """'“역대급 추석 연휴, 민원 발생도 역대급?”', '재도전의 기회를 잡아라!' — a quoted or exclaimed
    line over the headline; '…주인공을 찾습니다!' is a whole polite sentence, no kicker."""
    m = lex.TITLE_KICKER_LINE_RE.search(line.text)
    return bool(m) and not (m.group("exclamation") and lex.POLITE_END_RE.search(line.text[:m.start()]))


def same_cell(doc: Document, a: Line, b: Line) -> bool:
    """Two paragraphs of one table cell: a title box's title over two lines."""
    return any(c.first <= a.index and b.index < c.last for c in doc.cells)


def subtitle_text(line: Line, lex: Lexicon) -> str:
    """'- 충전소 50곳 추가 설치 -' → '충전소 50곳 추가 설치'; an undashed line stays as it is."""
    m = lex.SUBTITLE_RE.match(line.text)
    return m.group("text") if m and line.text.endswith(("-", "―")) else line.text


def strip_dashes(value: str, lex: Lexicon) -> str:
    """'- 정부 손잡고 … 본격화 -' split over cell lines ('-' / '정부 … -') → '정부 … 본격화'."""
    m = lex.SUBTITLE_RE.match(value)
    return m.group("text") if m else value


def is_title_label_only(line: Line, lex: Lexicon) -> bool:
    m = lex.TITLE_LABEL_RE.match(line.text)
    return bool(m) and not m.group("rest")


def strip_title_label(line: Line, lex: Lexicon) -> str:
    """'제목: 누리호 발사' → '누리호 발사'."""
    m = lex.TITLE_LABEL_RE.match(line.text)
    return m.group("rest") if m and m.group("rest") and ":" in line.text[:6] else line.text


def metadata_title(doc: Document, lex: Lexicon, block: dict[str, Any]) -> None:
    """A record whose body carries no title takes the one its metadata gives (korea.kr front
    matter, a JSON record's title), its kind tag dropped; `source` says which it was."""
    block["source"] = "text" if block["title"] else None
    headline = doc.front_matter.get("title") or (doc.page or {}).get("headline")
    if block["title"] or not isinstance(headline, str) or not headline.strip():
        return
    headline = collapse(headline)
    m = lex.TITLE_KIND_TAG_RE.match(headline)
    bare = headline[m.end():].strip() if m and kind_of_tag(headline, lex) else headline
    block["title"], block["source"] = collapse(bare) or headline, "metadata"
    # collapse never lengthens a line: one shorter than the headline is not it.
    line = next((l for l in lines_in(doc, K.PAGE_HEADER)
                 if len(l.text) >= len(headline) and collapse(l.text) == headline), None)
    span = line.content.to_json() if line else ((doc.page or {}).get("spans") or {}).get("headline")
    if span:
        block["spans"]["title"] = span


# --- embargo ---------------------------------------------------------------------------

def year_hint(doc: Document) -> int | None:
    """The year for dates written without one: the page's posting date."""
    posted = (doc.page or {}).get("posted_at")
    return int(posted[:4]) if posted else None


def full_year(written: str | None, default: int | None) -> int | None:
    """'2024' → 2024, "'24" → 2024, "'99" → 1999, None → default."""
    if not written:
        return default
    digits = int(written.lstrip("'‘’´"))
    return digits if digits > 99 else (2000 + digits if digits < 50 else 1900 + digits)


def find_dates(value: str, lex: Lexicon, default_year: int | None) -> list[tuple[int, str, str | None]]:
    """Every date in `value` as (offset, ISO date, weekday), in text order. A date without a
    year takes the year of the date before it (or `default_year`), rolling over December."""
    matches = []
    for pattern in (lex.KOREAN_DATE_RE, lex.DOTTED_DATE_RE):
        for m in pattern.finditer(value):
            if not any(a <= m.start() < b for a, b, _ in matches):
                matches.append((m.start(), m.end(), m))
    found: list[tuple[int, str, str | None]] = []
    year = default_year
    for start, _, m in sorted(matches, key=lambda t: t[0]):
        y = full_year(m.group("year"), year)
        month, day = int(m.group("month")), int(m.group("day"))
        if y is None:
            continue
        if not m.group("year") and found and month < int(found[-1][1][5:7]):
            y += 1
        try:
            found.append((start, date(y, month, day).isoformat(), m.group("weekday")))
        except ValueError:
            continue
        year = y
    return found


def parse_time(value: str, lex: Lexicon) -> str | None:
    """'12:00 이후' → '12:00'; '14시' → '14:00'; dates are not times."""
    for m in lex.TIME_RE.finditer(value):
        hour, minute = int(m.group("hour")), int(m.group("minute") or 0)
        if hour <= 24 and minute <= 59:
            return f"{hour % 24:02d}:{minute:02d}"
    return None


def find_edition(value: str, lex: Lexicon) -> tuple[str | None, int]:
    """('morning', offset) for '… 조간', likewise evening and immediate; (None, -1) otherwise."""
    for edition, pattern in (("morning", lex.EDITION_MORNING_RE), ("evening", lex.EDITION_EVENING_RE),
                             ("immediate", lex.EDITION_IMMEDIATE_RE)):
        m = pattern.search(value)
        if m:
            return edition, m.start()
    return None, -1


class Piece(NamedTuple):
    """A stretch [start, end) of one header line's text holding one time field's value."""
    role: str            # 'release' or 'distribution'
    line: Line
    start: int
    end: int

    @property
    def value(self) -> str:
        return self.line.text[self.start:self.end]


def is_field_label(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """A label found by TIME_FIELD_RE opens a field: at the line's start unless it is the first
    word of a value ('배포 즉시', '배포 시점'); inside the line only after a separator
    ('… / 배포 : …') or right before a value ('… 12:00   배포 2025. 6. 9.'), so that
    '배포 즉시 보도 가능' stays one value."""
    E = lex.labels["embargo"]
    value = text[m.end():]
    if m.lastgroup == "distribution" and (lex.EDITION_IMMEDIATE_RE.match(text, m.start())
                                           or lex.EDITION_IMMEDIATE_RE.match(value)):
        return False
    if m.start() == 0:
        return True
    before = text[:m.start()].rstrip()
    return before.endswith(tuple(E["field_separators"])) or value[:1] in E["value_openers"]


def time_fields(line: Line, lex: Lexicon) -> list[tuple[str | None, int, int]]:
    """(role, start, end) of each value in the line, in order; role None for text before the
    first label (the value of the label on an earlier line)."""
    text = line.text
    labels = [m for m in lex.TIME_FIELD_RE.finditer(text) if is_field_label(text, m, lex)]
    out: list[tuple[str | None, int, int]] = []
    if not labels or labels[0].start() > 0:
        out.append((None, 0, labels[0].start() if labels else len(text)))
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        role = "distribution" if m.lastgroup == "distribution" else "release"
        out.append((role, m.end(), end))
    return out


def embargo_pieces(doc: Document, lex: Lexicon) -> tuple[list[Piece], list[Piece]]:
    """The release-time and distribution-time values of the embargo block. A value runs to the
    next label, on its line or a later one, never past it."""
    release: list[Piece] = []
    distribution: list[Piece] = []
    current: list[Piece] | None = None
    for line in lines_in(doc, K.EMBARGO):
        if not line.text or lex.KIND_LINE_RE.match(line.text):
            continue
        for role, start, end in time_fields(line, lex):
            # A time written without its label ('(온라인) … / (지 면) … 조간', '배포 즉시 보도 가능')
            # is the release time.
            if role is None and current is None and (lex.EMBARGO_SENTENCE_RE.search(line.text)
                                                     or is_unlabelled_time(line, lex)):
                role = "release"
            if role is not None:
                current = release if role == "release" else distribution
            if current is not None and line.text[start:end].strip(" /|"):
                current.append(Piece(role or "", line, start, end))
    return release, distribution


def value_text(pieces: list[Piece]) -> str:
    return collapse(" ".join(p.value.strip(" /|") for p in pieces))


def pieces_span(doc: Document, pieces: list[Piece]) -> Span:
    first, last = pieces[0], pieces[-1]
    return trimmed(doc.text, first.line.content.start + first.start, last.line.content.start + last.end)


def explicit_year(pieces: list[Piece], lex: Lexicon) -> int | None:
    """The first year written in these values: '< 4.14.(화) 조간 >' takes it from the header's
    other date."""
    for piece in pieces:
        for pattern in (lex.DOTTED_DATE_RE, lex.KOREAN_DATE_RE):
            m = pattern.search(piece.value)
            if m and m.group("year"):
                return full_year(m.group("year"), None)
    return None


def parse_embargo(doc: Document, pieces: list[Piece], lex: Lexicon, distributed: str | None,
                  default_year: int | None) -> dict[str, Any] | None:
    """'2025. 5. 21.(수) 12:00 < 5.22.(목) 조간 >' → date 2025-05-21, time 12:00, edition
    morning, edition_date 2025-05-22. With an online and a paper time the earlier (online) one
    is the embargo and the paper's date its edition_date. Conditions such as '본회의
    통과시(별도통보)' stay in `text`, with no date."""
    if not pieces:
        return None
    value = value_text(pieces)
    span = pieces_span(doc, pieces)
    dates = find_dates(value, lex, default_year)
    edition, at = find_edition(value, lex)
    first = min(dates, key=lambda d: d[1]) if dates else None
    embargo: dict[str, Any] = {
        "date": first[1] if first else None,
        "time": parse_time(strip_dates(value, lex), lex),
        "weekday": first[2] if first else None,
        "edition": edition,
        "text": value or collapse(span.slice(doc.text)),
        "span": span.to_json(),
    }
    before = [d for d in dates if d[0] < at] if edition in ("morning", "evening") else []
    if before and first and before[-1][1] != first[1]:
        embargo["edition_date"] = before[-1][1]
    if edition == "immediate" and not first and distributed:
        embargo["date"] = distributed[:10]
    for _, day, weekday in dates:
        check_weekday(doc, day, weekday, span, lex)
    return embargo


def year_of(when: str | None) -> int | None:
    return int(when[:4]) if when else None


def strip_dates(value: str, lex: Lexicon) -> str:
    """Remove dates so that '7. 15' is not read as a time."""
    return lex.DOTTED_DATE_RE.sub(" ", lex.KOREAN_DATE_RE.sub(" ", value))


def check_weekday(doc: Document, day: str, weekday: str | None, span: Span, lex: Lexicon) -> None:
    """'2024. 3. 5.(수)' — 5 March 2024 was a Tuesday: keep both, warn."""
    if weekday:
        actual = lex.labels["dates"]["weekdays"][date.fromisoformat(day).weekday()]
        if actual != weekday:
            doc.warn("release", "weekday_mismatch", f"{day} falls on ({actual}), the text says ({weekday})", span)


def parse_distribution(doc: Document, pieces: list[Piece], lex: Lexicon, default_year: int | None) -> str | None:
    """'배포 2024. 3. 4.(월) 10:00' → '2024-03-04T10:00:00+09:00'."""
    if not pieces:
        return None
    value = value_text(pieces)
    dates = find_dates(value, lex, default_year)
    if not dates:
        return None
    span = pieces_span(doc, pieces)
    for _, day, weekday in dates:
        check_weekday(doc, day, weekday, span, lex)
    time = parse_time(strip_dates(value, lex), lex)
    return f"{dates[0][1]}T{time}:00+09:00" if time else dates[0][1]


# --- attachments -----------------------------------------------------------------------

def inline_attachments(doc: Document, lex: Lexicon,
                       body: list[Block] | None = None) -> dict[int, list[tuple[str, str, int, int]]]:
    """'… 다음과 같음(요약문 별첨 자료)' → ('별첨', '요약문 별첨 자료', start, end) by body line
    index, offsets in the line. One scan of each body block (INLINE_ATTACHMENT_RE opens with a
    literal '(', which `re` skips ahead to, and never crosses a line end), not a search on
    every line; a match's line is found by bisecting the lines by their start (no list of
    every line's start for the few matches a body has)."""
    found: dict[int, list[tuple[str, str, int, int]]] = {}
    for block in doc.blocks_of(K.BODY) if body is None else body:
        for m in lex.INLINE_ATTACHMENT_RE.finditer(doc.text, block.span.start, block.span.end):
            line = doc.lines[bisect_right(doc.lines, m.start(), key=LINE_START) - 1]
            at = line.content.start
            found.setdefault(line.index, []).append(
                (m.group("label"), m.group("text"), m.start("text") - at, m.end("text") - at))
    return found


def match_listing(line: Line, lex: Lexicon, open_listing: tuple[str, int] | None,
                  firsts: str | None = None) -> tuple[str, str, int, int] | None:
    """'붙임 1. 세부 추진계획 1부.' → ('붙임 1', '세부 추진계획', …); '<붙임> 1. 행사 개요' and
    '붙임 : 1. 회의 사진' → ('붙임 1', …); a following '2. 참고자료 1부.' continues an open listing
    as ('붙임 2', …) when it is the next number (LISTING_RULES). `open_listing`: the open
    listing's label and its last number (1 for an unnumbered '붙임 : 행사 사진'). `firsts`,
    when given, holds the first characters a listing's first line may open with."""
    m = lex.ATTACHMENT_LINE_RE.match(line.text) if firsts is None or line.text[:1] in firsts else None
    if m:
        label = without_spaces(m.group("label"))
        number = m.group("number") or m.group("item")
        label = f"{label} {number}" if number else label
        return label, m.group("text"), m.start("text"), m.end("text")
    m = lex.ATTACHMENT_MORE_RE.match(line.text) if open_listing else None
    if m is None:
        return None
    for _name, rule in LISTING_RULES:
        if not rule(open_listing, m):
            return None
    return f"{open_listing[0]} {m.group('number')}", m.group("text"), m.start("text"), m.end("text")


def split_items(item: tuple[str, str, int, int], lex: Lexicon) -> list[tuple[str, str, int, int]]:
    """A listing line holding several items, each the next number: '붙임 1. 행사 계획 2. 행사
    포스터' → ('붙임 1', '행사 계획', …), ('붙임 2', '행사 포스터', …); an unnumbered label's
    item, or one holding no next number, alone."""
    label, text, start, end = item
    base, _, number = label.partition(" ")
    if not number or lex.LISTING_ITEM_NUMBER_RE.search(text) is None:
        return [item]
    items: list[tuple[str, str, int, int]] = []
    expected, at = int(number) + 1, 0
    for m in lex.LISTING_ITEM_NUMBER_RE.finditer(text):
        if int(m.group("number")) != expected:
            continue
        piece = text[at:m.start()].rstrip(" .")
        if piece:
            items.append((label, piece, start + at, start + at + len(piece)))
        label, at, expected = f"{base} {expected}", m.end(), expected + 1
    items.append((label, text[at:], start + at, end))
    return items


def is_next_number(open_listing: tuple[str, int], more: re.Match[str]) -> bool:
    """'2. 비편 판독문' continues '붙임 1. 사진 자료'; '1. 개 요' under the appendix page's head
    '붙임1 포럼 개요' is that page's first section, not a second attachment numbered 1."""
    return int(more.group("number")) == open_listing[1] + 1


# Whether a numbered line ('2. …') continues the open listing; every rule must agree.
LISTING_RULES = (
    ("next_number", is_next_number),
)


def bare_label(line: Line, lex: Lexicon) -> tuple[str, int] | None:
    """'<붙임>' or '붙임' alone on its line opens a listing its next lines number from 1
    ('1. 행사 개요', '2. 행사 사진'): ('붙임', 0). A numbered label alone ('붙임1', an appendix
    page's head) is that attachment: its page's own '1. 개 요' numbers no second one. (Asked
    only of a line opening with a listing's first character.)"""
    m = lex.ATTACHMENT_LABEL_LINE_RE.match(line.text)
    if m is None:
        return None
    return without_spaces(m.group("label")), int(m.group("number") or 0)


def listing_state(label: str) -> tuple[str, int]:
    """'붙임 2' → ('붙임', 2); '붙임' → ('붙임', 1): the label and last number of an open listing."""
    base, _, number = label.partition(" ")
    return base, int(number) if number else 1


def is_heading_word(text: str, lex: Lexicon) -> bool:
    """'개 요', '목  차' after a label: a letter-spaced heading word (labels.toml [attachment]
    heading_words) heads an appendix page or its first section; it names no attachment."""
    return " " in text and "".join(text.split()) in heading_words(lex)


@once_per_lexicon
def heading_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.labels["attachment"]["heading_words"])


def once_per_number(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A numbered label found again (the appendix page's head '붙임1 포럼 개요' after the listing's
    '붙임 1. 토론회(포럼) 개요') is the same attachment: the first kept. An unnumbered label
    ('붙임') may stand for several and is left alone."""
    kept: list[dict[str, Any]] = []
    at: dict[str, int] = {}         # a numbered label's place in `kept`
    for item in found:
        label = item["label"]
        if " " in label:
            if label in at:
                if kept[at[label]]["text"] is None and item["text"] is not None:
                    kept[at[label]] = item      # a name for what was only pointed at or headed
                continue
            at[label] = len(kept)
        kept.append(item)
    return kept


def listing_may_open(doc: Document, firsts: str, lex: Lexicon, body: list[Block] | None = None) -> bool:
    """Whether a body line opens with a listing label's first letter, or with the bracket a
    label may stand in and then the label ('<붙임> …'), as match_listing needs of a listing's
    first line: one search of each body block for such a line (LISTING_LINE_START_RE, from the
    line end before it), no step per line. (`firsts`, listing_firsts, is what the pattern was
    built from; callers pass it as before.)"""
    for block in doc.blocks_of(K.BODY) if body is None else body:
        first = doc.lines[block.first]
        if first.start == 0 and first.text and lex.LISTING_LINE_START_RE.match("\n" + first.text):
            return True         # the text's first line: no line end before it
        if lex.LISTING_LINE_START_RE.search(doc.text, first.start - 1 if first.start else first.end, block.span.end):
            return True
    return False


@once_per_lexicon
def listing_firsts(lex: Lexicon) -> str:
    """The first letters of the listing labels ('붙임' → '붙'), worked out once, not per document."""
    return "".join(word.strip()[:1] for word in lex.labels["attachment"]["listing"]) \
        + "".join(pair[0] for pair in lex.labels["attachment"]["listing_brackets"])


@once_per_lexicon
def attachment_letters(lex: Lexicon) -> str:
    """The first letters of the listing labels and of the inline words ('붙', '첨', '별'): a
    listing's line opens with the first, an inline mention holds its whole word. A text holding
    none has no attachment, told by a C-level 'in' a letter (~0.1 us on a korea.kr record)."""
    words = lex.labels["attachment"]["listing"] + lex.labels["attachment"]["inline"]
    return "".join(sorted({word.strip()[:1] for word in words if word.strip()}))


ASCII_DIGITS = "0123456789"
BARE_LABEL_MAX = THRESHOLDS["bare_label_max"]
HEADING_WORD_MAX = THRESHOLDS["heading_word_max"]


def body_attachments(doc: Document, lex: Lexicon) -> list[dict[str, Any]]:
    """Attachments listed ('붙임 1. …', then '2. …') or named inline ('(… 별첨 자료)') in the body.
    Only three kinds of line can hold one: a line opening with a listing label's first letter
    or the bracket a label stands in, picked out before any pattern runs; the numbered lines
    right below a listing's line (its next items, read from there); and a line the scan for
    inline mentions found."""
    found: list[dict[str, Any]] = []
    blocks = doc.blocks_of(K.BODY)      # asked once for both scans
    inline = inline_attachments(doc, lex, blocks)
    firsts = listing_firsts(lex)
    if not listing_may_open(doc, firsts, lex, blocks):
        # No listing opens, so none continues either: only the inline mentions' lines, in order.
        body = [doc.lines[i] for i in inline]
        if not body:
            return found
    else:
        body = [line for line in lines_in(doc, K.BODY) if line.text]
    # A listing opens on a line whose first character is one of `firsts` (a label's first letter,
    # the bracket a label may stand in); its next items are the numbered lines right below it,
    # read from there (continued_items), so no other line opening with a digit is looked at.
    starts = [k for k, line in enumerate(body) if line.text[0] in firsts or line.index in inline]
    pointers: list[int] = []            # the indices of inline mentions that only point at one
    consumed = -1                       # the last line a listing's next item took
    for k in starts:
        if k <= consumed:
            continue
        line = body[k]
        item = match_listing(line, lex, None, firsts)
        items = (split_items(item, lex) if "." in item[1] else [item]) if item else \
            inline[line.index] if line.index in inline else ()
        listing = listing_state(items[-1][0]) if item else \
            bare_label(line, lex) if line.text[0] in firsts and not line.text[BARE_LABEL_MAX:] else None
        if item and not item[1][HEADING_WORD_MAX:]:
            items = heading_item(item, lex) or items
        if items:
            add_found(doc, lex, found, pointers, line, items, item is not None)
        if listing is not None:
            consumed = continued_items(doc, lex, body, k, listing, found, pointers)
    found = without_named_pointers(found, pointers) if pointers else found
    return once_per_number(found) if found[1:] else found


def heading_item(item: tuple[str, str, int, int] | None, lex: Lexicon) -> list[tuple[str, str, int, int]] | None:
    """A listing item whose text is a letter-spaced heading word ('붙임 1 개  요'): the label alone
    (its page's heading follows), spanned on the label; None for any other item. (Callers ask it
    only of a short text: a heading word is.)"""
    if item and is_heading_word(item[1], lex):
        return [(item[0], "", 0, item[2])]
    return None


def continued_items(doc: Document, lex: Lexicon, body: list[Line], k: int, listing: tuple[str, int],
                    found: list[dict[str, Any]], pointers: list[int]) -> int:
    """The numbered lines right below a listing's line (body[k]) that continue it ('2. 비편
    판독문' after '붙임 1. 사진 자료'), each added to `found`; the index of the last one taken (k
    when none). The first line that does not continue the listing ends it."""
    firsts = listing_firsts(lex)
    while k + 1 < len(body) and body[k + 1].text[0] in ASCII_DIGITS:
        line = body[k + 1]
        item = match_listing(line, lex, listing, firsts)
        if item is None:
            break
        items = split_items(item, lex) if "." in item[1] else [item]
        listing = listing_state(items[-1][0])
        if not item[1][HEADING_WORD_MAX:]:
            items = heading_item(item, lex) or items
        add_found(doc, lex, found, pointers, line, items, True)
        k += 1
    return k


def add_found(doc: Document, lex: Lexicon, found: list[dict[str, Any]], pointers: list[int], line: Line,
              items: Any, listed: bool) -> None:
    """Each item of a line (label, text, start, end in the line) as an attachment; an inline
    mention that only points at one (`listed` false: '(붙임 1 참고)') is the label alone, its
    index kept in `pointers`."""
    for label, text, start, end in items:
        span = trimmed(doc.text, line.content.start + start, line.content.start + end)
        # A pointer is short ('「붙임 1」 참조'): a longer mention is tried by no pattern.
        pointer = None if listed or text[POINTER_MAX:] else lex.ATTACHMENT_REFERENCE_RE.fullmatch(text)
        if pointer:
            pointers.append(len(found))
            label, text = reference_label(pointer), None
        found.append({"label": label, "text": collapse(text) if text else None, "span": span.to_json()})


POINTER_MAX = THRESHOLDS["pointer_max"]


def reference_label(pointer: re.Match[str]) -> str:
    """'붙임 1 참고' → '붙임 1', '「붙임」참조' → '붙임': the attachment an inline pointer names."""
    label = without_spaces(pointer.group("label"))
    return f"{label} {pointer.group('number')}" if pointer.group("number") else label


def without_named_pointers(found: list[dict[str, Any]], pointers: list[int]) -> list[dict[str, Any]]:
    """`found` without the pointers ('(붙임 1 참고)', at the indices `pointers`) to an attachment
    the body names otherwise (its listing '붙임 1. 세부 계획'; for a bare '(붙임)', any '붙임 …') or
    pointed at before: each pointer left stands for an attachment listed nowhere, by label only."""
    pointing = set(pointers)
    named = [a["label"] for k, a in enumerate(found) if k not in pointing]
    kept: list[dict[str, Any]] = []
    seen: set[str] = set()
    for k, item in enumerate(found):
        label = item["label"]
        if k in pointing:
            if label in seen or any(n == label or n.split(" ")[0] == label for n in named):
                continue
            seen.add(label)
        kept.append(item)
    return kept


# The blocks outside the release's own text where a post lists the files it offers: a record's
# header items and trailer, a board's file box (chrome or the page's header and footer).
OFFERED_FILE_KINDS = frozenset((K.PAGE_HEADER, K.CHROME, K.PAGE_FOOTER))
FILE_LIST_GAP = THRESHOLDS["file_list_gap"]


def file_named(line: Line, lex: Lexicon) -> tuple[int, int] | None:
    """Where the file an item line names is written, in the line: '- 공고문.hwpx' → '공고문.hwpx';
    '공고문.hwp (87 kb)', '공고문.hwp [미리보기]' → '공고문.hwp'; '공고문 (https://…/a.pdf)' → the
    link's text, '공고문'. A link whose text and path name no file ('www.moel.go.kr
    (http://www.moel.go.kr)', a search page) is a link, not a file: None. (A line without a file
    name's end anywhere is none, told by one search, before the item is read.)"""
    if lex.FILE_NAME_END_RE.search(line.text) is None:
        return None
    m = lex.FILE_ITEM_RE.match(line.text)
    if not m:
        return None
    end = lex.FILE_NAME_END_RE.search(line.text, m.start("text"), m.end("text"))
    if end:
        return m.start("text"), end.end()
    url = m.group("url")
    if url and lex.FILE_NAME_END_RE.search(url.split("?", 1)[0].split("#", 1)[0]):
        return m.start("text"), m.end("text")
    return None


def section_files(doc: Document, k: int, at: int, label: str, lex: Lexicon) -> Iterator[dict[str, Any]]:
    """The files listed under a section line (doc.lines[at], '첨부파일' / '첨부/링크' in
    doc.blocks[k]), one an item line, through the offered-file blocks that follow it: the list
    ends at the release's own text, at another section line ('출처'), at the board's navigation
    ('이전글', '목록': FILE_LIST_STOP_RE) or after FILE_LIST_GAP lines in a row that name no file
    (a board's '다운로드', '바로보기' stand between its files)."""
    run = []
    for block in islice(doc.blocks, k, None):
        if block.kind not in OFFERED_FILE_KINDS:
            break           # the release's own text: its list is the body's (body_attachments)
        run.append(block)
    if lex.FILE_NAME_END_RE.search(doc.text, doc.lines[at].end, run[-1].span.end) is None:
        return              # no file name's end below the section line: links only, or nothing
    gap = 0
    for block in run:
        for line in islice(doc.lines, max(block.first, at + 1), block.last):
            if not line.text:
                continue
            where = file_named(line, lex)
            if where is None:
                if lex.FILE_LIST_STOP_RE.match(line.text):
                    return      # another section ('출처'), or the board's navigation ('이전글 …', '목록')
                gap += 1
                if gap >= FILE_LIST_GAP:
                    return
                continue
            gap = 0
            span = trimmed(doc.text, line.content.start + where[0], line.content.start + where[1])
            yield {"label": label, "text": collapse(doc.text[span.start:span.end]), "span": span.to_json()}


def offered_files(doc: Document, lex: Lexicon) -> list[dict[str, Any]]:
    """The files the post offers, outside the release's text: a header item naming one after
    its format ('HWPX 첨부: 260410_보도자료.hwpx' → label 'HWPX 첨부'), and each file listed
    under a section line ('첨부파일' / '공고문.hwp (87 kb)' / '다운로드' → label '첨부파일').
    A text holding no section word offers none: one scan, opening with a literal that `re`
    skips ahead to, settles most releases. Else each offered block (OFFERED_FILE_KINDS: a
    mention in the body is no file list) is searched for one, and only its lines holding one
    are looked at."""
    found: list[dict[str, Any]] = []
    if lex.FILE_SECTION_WORD_RE.search(doc.text) is None:
        return found
    for k, block in enumerate(doc.blocks):
        if block.kind not in OFFERED_FILE_KINDS:
            continue
        m = lex.FILE_SECTION_WORD_RE.search(doc.text, block.span.start, block.span.end)
        while m:
            line = doc.lines[bisect_right(doc.lines, m.start(), key=LINE_START) - 1]
            found += line_files(doc, k, line, lex)
            m = lex.FILE_SECTION_WORD_RE.search(doc.text, line.end + 1, block.span.end)
    return found


def line_files(doc: Document, k: int, line: Line, lex: Lexicon) -> list[dict[str, Any]]:
    """The files a line holding a section word (in doc.blocks[k]) names: its own, as a header
    item, or those of the list it opens."""
    item = lex.FILE_HEADER_ITEM_RE.match(line.text)
    if item:
        name = lex.FILE_NAME_END_RE.search(line.text, item.start("text"))
        if name is None:
            return []
        span = trimmed(doc.text, line.content.start + item.start("text"), line.content.start + name.end())
        return [{"label": collapse(item.group("label")), "text": collapse(doc.text[span.start:span.end]),
                 "span": span.to_json()}]
    heading = lex.FILE_SECTION_LINE_RE.match(line.text)
    if heading:
        return list(section_files(doc, k, line.index, collapse(heading.group("label")), lex))
    return []


def attachment_key(text: str, lex: Lexicon) -> tuple[str, str]:
    """(the name, its stem): the name without white space and underscores, and the same without
    a file's extension ('행사 사진.jpg' → ('행사사진.jpg', '행사사진')). A file is named again when
    its name was ('공고.pdf' in a header item and in the trailer) or when its stem is the name of
    an attachment the body lists ('붙임 행사사진' and '행사_사진.jpg'); 'a.pdf' and 'a.hwpx' are
    two renditions, each a file."""
    name = "".join(text.split()).replace("_", "")
    end = lex.FILE_NAME_END_RE.search(name, max(0, len(name) - 6)) if "." in name[-6:] else None
    return name, (name[:end.start()] if end and end.end() == len(name) else name)


def once_each(found: list[dict[str, Any]], files: bool, lex: Lexicon) -> list[dict[str, Any]]:
    """`found` with each attachment named again left out, the first kept. Without offered
    files (`files` false: the body's attachments alone, most releases) a name repeats as it
    was written (a listing's line and its appendix page's head), so the names are compared as
    they are; with files, by attachment_key."""
    kept: list[dict[str, Any]] = []
    seen: set[str] = set()
    if not files:
        for item in found:
            text = item["text"]
            if text is None or text not in seen:    # a pointer (no text) is kept once by label already
                if text is not None:
                    seen.add(text)
                kept.append(item)
        return kept
    for item in found:
        name, stem = attachment_key(item["text"] or "", lex)
        if name and (name in seen or stem in seen):
            continue
        seen.add(name)
        kept.append(item)
    return kept


def match_attachments(doc: Document, lex: Lexicon) -> list[dict[str, Any]]:
    """The release's attachments, by ATTACHMENT_RULES in order: those its body names, then the
    files its post offers. One named twice (a listing line and its appendix page's head, a file
    in a header item and again in the trailer, a file the body's listing already names) is kept
    once, where it is first found."""
    found: list[dict[str, Any]] = []
    if not any(map(doc.text.__contains__, attachment_letters(lex))):
        return found        # a third of korea.kr records: no letter any attachment opens with
    files = False       # whether a rule of the post's files found any (once_each compares them by stem)
    for _name, rule, offers_files in ATTACHMENT_RULES:
        items = rule(doc, lex)
        if items:
            found += items
            files = files or offers_files
    return once_each(found, files, lex) if found[1:] else found     # (a slice, not a len() call)


# (name, rule, whether its items are the post's files), in order: the body's first, so that a
# file the body's listing names is kept as the listing's item.
ATTACHMENT_RULES = (
    ("body", body_attachments, False),
    ("offered_files", offered_files, True),
)


# --- is this a release at all? ---------------------------------------------------------

# --- release or not: evidence that a release is present ---------------------------------
# Each rule names one kind of evidence; any one is enough. A Korean headline alone is none:
# a menu page has one too. A kind label alone is none either: menus list 보도자료.

def has_release_time(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    return bool(release["embargo"] or release["distributed_at"])


def has_contact_table(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    return bool(doc.blocks_of(K.CONTACT))


def is_portal_record(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """A korea.kr record: the portal lists it as a ministry's release."""
    return bool(doc.front_matter.get("title") and doc.front_matter.get("ministry"))


def has_issuer(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """An issuer read from the document itself (not the record's metadata)."""
    issuer = release["issuer"] or {}
    return bool(issuer.get("name")) and issuer.get("source") != "metadata"


def has_prose(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """Official prose: a long body line, mostly Hangul."""
    return any(hangul_share(line.text, PROSE_MIN) for line in lines_in(doc, K.BODY) if line.text)


def has_body_markers(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """A numbered or bulleted outline ('□ 1분기 수출 증가', '1. 조사 개요'), not bare markers."""
    E = lex.labels["release_evidence"]
    marked = 0
    for line in lines_in(doc, K.BODY, K.APPENDIX):
        m = lex.MARKER_RE.match(line.text) if line.text else None
        marked += bool(m) and hangul_count(line.text[m.end():]) >= E["marked_text_min"]
    return marked >= E["marked_lines"]


def is_personnel_notice(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """'국민권익위원회 인사', '과장급 인사발령 (2025.8.14.자)': a personnel notice over its list."""
    title = release["title"] or ""
    return bool(title) and bool(lex.PERSONNEL_TITLE_RE.search(title))


def has_headline_structure(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """A Korean title with its subtitle or summary lines: a release's headline block."""
    return is_korean_headline(release["title"] or "", TITLE_MIN) and bool(release["subtitle"] or release["summary"])


def has_cover_note(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """A note pointing at the attached release: '* 자세한 내용은 붙임의 보도자료를 참고 …', or the
    portal's stub '… 관련 보도자료 내용입니다.'."""
    return any(lex.NOTICE_RE.search(line.text) or lex.TITLE_STUB_RE.search(line.text)
               for line in lines_in(doc, K.RELEASE_HEADER, K.TITLE, K.BODY) if line.text)


def is_headline_stub(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    """A Korean headline that is the whole document, bar a line or two: a portal's stub for a
    release held in its attachment. (A menu page's headline stands over many short lines.)"""
    body = [line for line in lines_in(doc, K.BODY, K.APPENDIX) if line.text]
    return is_korean_headline(release["title"] or "", TITLE_MIN) \
        and len(body) <= lex.labels["release_evidence"]["stub_lines"]


RELEASE_EVIDENCE = (
    ("release time", has_release_time),
    ("contact table", has_contact_table),
    ("portal record", is_portal_record),
    ("issuer", has_issuer),
    ("official prose", has_prose),
    ("body markers", has_body_markers),
    ("personnel notice", is_personnel_notice),
    ("headline block", has_headline_structure),
    ("cover note", has_cover_note),
    ("headline stub", is_headline_stub),
)


def looks_like_release(doc: Document, lex: Lexicon, release: dict[str, Any]) -> bool:
    # A loop, not any() over a generator: every document asks, most are settled by the third rule.
    for _, rule in RELEASE_EVIDENCE:
        if rule(doc, lex, release):
            return True
    return False


def hangul_count(text: str) -> int:
    return sum(1 for ch in text if "\uac00" <= ch <= "\ud7a3")


def hangul_share(text: str, min_length: int) -> bool:
    """At least `min_length` characters, half of them (spaces aside) Hangul."""
    return len(text) >= min_length and hangul_count(text) * 2 >= len(text.replace(" ", ""))


def is_korean_headline(text: str, min_length: int) -> bool:
    """At least `min_length` characters, half of its letters Hangul (digits and signs aside:
    '외국인 백신접종 1차 77.6%, 완료 72.2%' is a Korean headline)."""
    letters = sum(1 for ch in text if ch.isalpha())
    return len(text) >= min_length and hangul_count(text) * 2 >= letters > 0


def run(doc: Document, lex: Lexicon) -> None:
    release_pieces, distribution_pieces = embargo_pieces(doc, lex)
    title = parse_title_block(doc, lex)
    year = explicit_year(release_pieces + distribution_pieces, lex) or year_hint(doc)
    distributed = parse_distribution(doc, distribution_pieces, lex, year)
    metadata_title(doc, lex, title)
    kind, kind_source = match_kind(doc, lex, title["title"])
    kind_source = kind_source if kind else None
    embargo = parse_embargo(doc, release_pieces, lex, distributed, year or year_of(distributed))
    release: dict[str, Any] = {
        "kind": kind,
        "issuer": match_issuer(doc, lex, release_day(doc, embargo, distributed)),
        "title": title["title"],
        "subtitle": title["subtitle"],
        "summary": title["summary"],
        "embargo": embargo,
        "distributed_at": distributed,
        "attachments": match_attachments(doc, lex),
        "spans": title["spans"],
        "provenance": {k: v for k, v in (("kind", kind_source), ("title", title["source"])) if v},
    }
    evident = looks_like_release(doc, lex, release)     # asked once: the rules read only `release`
    if release["kind"] is None and evident:
        doc.warn("release", "no_kind_label", "no kind word in the header (it may be an image), no kind tag "
                 "in the title and none in the record's or page's metadata")
    if not evident:
        doc.warn("release", "not_a_press_release",
                 "no evidence of a release (" + ", ".join(name for name, _ in RELEASE_EVIDENCE)
                 + "): not a press release")
        release.update(kind=None, title=None, subtitle=None, summary=[], issuer=None, attachments=[], spans={},
                       provenance={})
    doc.release = release
