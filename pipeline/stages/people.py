"""People: speakers and officials named in the body, contacts and organization heads.

Reads: text, sections, contacts, organizations. Writes: people.
Example: '… 호주 교육부 직업훈련그룹의 저드 국장은 …' → {name: '저드', title: '국장',
affiliation: '호주 교육부 직업훈련그룹', country: 'AU', roles: ['presenter']}.

A mention is anchored on a title (박사, 위원장 …) followed by a particle or a break; the name
is read back from the words before it: one word for a Korean name (서정욱), up to three short
words for a transliterated one (크리스 홀), stopping at a genitive, copula or adnominal
ending (호주의, 교수인, 근무하는). The description between the clause start and the name
gives the country and the affiliation. A later `서 위원장` (surname and title) is a mention of
the earlier `서정욱 위원장`.

A transliterated name needs evidence: a country in its description, a Latin gloss
(`로버트 워드롭(Robert Wardrop)`), or the same words written again before a title
(`브루노 오버레이 사무총장과 … 브루노 오버레이 사무총장은`). Names in Latin letters
(`Angela Ellard 전 WTO 사무차장`) are read by their shape. Roles come from the person's own
sentence (`… 주재로` → moderator, `… 실장을 대표로` → head, `… 기조연설에서 NAME` written before).
Other readers: organization heads in brackets (`산림청(청장 홍길동)`, `금융위원회(손병두 부위원장)`),
`NAME(기관 직함)`, `NAME(기관), NAME(기관) 등` lists, `직함 NAME(61)` lists with ages, names joined
by '·' sharing a title (`가·나·다 작가`), programme lines, and contacts, whose title and
department come from their row (its own team first) when the contact table leaves them out.
A discussion's chair (`… 교수를 좌장으로`) moderates and those named after it discuss. A word
shaped like a name that the release also writes as a noun (`반도체 시장`, `반도체 산업`) and an
office in a head's bracket (`(위원장 부총리)`) are no people; nor is a body's short name shaped
like a name (`국제지식재산 연수원 교육기획과장`, written `…연수원` elsewhere), nor a name and a title
in two cells or paragraphs. A title goes on past its word (`소방청장 직무대행`, `부총리 겸
재정경제부장관`), a former office is written with it (`김평진 전 재일제주개발협회장` → `전 회장`), and
a foreign given name shaped like a Korean one opens a foreign name (`마이클 크레이머`).
"""
from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from itertools import islice
from operator import attrgetter, le
from typing import Any, Callable, Iterator, NamedTuple

from ..document import BlockKind, Cell, Document, Line, Node
from ..lexicon import PROGRAM_LIST_MARKS, QUOTE_CLOSE, Lexicon, load_issuer_evidence, read_toml
from ..semantic import Person, ProgramEntry, country_in, read_program_line
from ..text import SENTENCE_FULL_STOP_RE, collapse, content_start, hanja_readings, is_hangul, read_hanja_name, walk  # noqa: F401 (walk: tests list nodes with it)

DESCRIPTION_WINDOW = 120     # characters before a name searched for the speaker's description
MAX_AFFILIATION_WORDS = 8    # a longer description is prose, not an affiliation
ROLE_WINDOW = 300            # characters after a name searched for what they did
NAME_WINDOW = 40             # characters before a title searched for the name's words
GLOSS_WINDOW = 120           # characters before a title searched for 'name(Latin name)'
GLOSSED_NAME_REACH = 40      # characters after a title searched for a glossed name's bracket
MAX_BODY_WORDS = 3           # words of a body abroad before a title ('주한…회의소(AMCHAM) 이사회 |회장')
# BUILTIN_MAX_NOTE: where a bound is cut to a window for every mention or person, two numbers
# are compared in code, not by max() or min(): the builtin walks an iterator over its arguments,
# ~2,300 instructions a call under callgrind against ~1,400 for the comparison (loop included).
FOREIGN_WORD_SYLLABLES = 6   # '브래드포드': a word of a name read before an affiliation
FOREIGN_GIVEN_SYLLABLES = 3  # '사브리나 반데라': a foreign given name before a Korean-shaped word
AGED_ITEM_REACH = 24        # characters before an age searched for the title and the name
AGE_CHARS = 5               # '(61)', '(68세)'
MARKED_NAME_WORDS = 3       # words of a transliterated name before its last one after a list mark
CHAIR_PARTICLE_REACH = 3     # characters before '좌장으로' searched for its particle
NOUN_USES = 2               # a name-shaped word written twice before other words is a noun
GLUED_NAME_SYLLABLES = 3    # '권덕철장관': a name glued to a title is told by its full three syllables
MIN_GLUED_BODY = 3           # '관세청' + '청장': a body glued to an office has 3 syllables or more
BRACKETED_ORG_AFTER_RE = re.compile(r"\((?P<org>[가-힣A-Za-z·]{2,30})\)")   # '교수(아주대학교)'
QUOTE_CLOSE_ANY_RE = re.compile(f"[{re.escape(QUOTE_CLOSE)}‘]")   # a quoted organization closes with one
LATIN_CAPITAL_RE = re.compile(r"[A-Z]")   # a Latin name needs one: a search skips the costlier match
LATIN_GLOSS_OPEN_RE = re.compile(r"\([A-Z]")   # where LATIN_GLOSS_RE's gloss opens
LATIN_GLOSS_WORD_RE = re.compile(r"\([A-Za-z][A-Za-z&.\- ]*\)")   # a word's gloss: '(KBS)', '(AMCHAM)'
LATIN_ACRONYM_GLOSS_RE = re.compile(r"[\uac00-\ud7a3]\([A-Z]{2,}\)$")   # '세계은행(WB)', '…회의소(BCCK)'
LIST_ITEM_CLOSERS = "),:"    # the word before a list item's name ends so: '(참석자)', '…대사,'
BRACKET_OPENERS = "(["       # a name may open a bracket: '(이민철 철강협회 상근부회장)'
COUNTRY_REACH = 12           # characters before an organization searched for its country
HEAD_WINDOW = 30             # characters after an organization searched for its head's name
COMPANY_FORM_REACH = 8       # characters before a name searched for a company's legal form ('주식회사 ')
# A person's name right after a title ('… 보좌관 존 포데스타(John', '… 과장 ⏎ 박준호 ('): a Hangul
# word closing its run, or Hangul words before a Latin gloss.
NAME_AFTER_TITLE_RE = re.compile(
    r"[ \n]+(?:(?P<gloss>[\uac00-\ud7a3]{1,7}(?: [\uac00-\ud7a3]{1,7}){0,3} ?\([A-Z])"
    r"|(?P<korean>[\uac00-\ud7a3]{2,4})(?![\uac00-\ud7a3]))")


class Mention(NamedTuple):
    """A person's name before a title in the text. A named tuple: a release makes dozens, and a
    frozen dataclass costs about three times as much to build."""
    name: str
    name_hanja: str | None
    title: str
    start: int                  # of the name
    end: int                    # of the title
    short: bool                 # surname only: '서 위원장'
    affiliation: str | None = None   # written between the name and the title
    described: int | None = None     # where the description ends, when not at the name ('가·나 작가')
    continued: str | None = None     # what continues the title past its word ('직무대행', '겸 …장관')
    former: bool = False             # a former office: '김하늘 전 가상협회장'
    after: bool = False              # named after the title ('방송인 설민석'): the affiliation is
                                     # only the body written right before the title, if any
    head: bool = False               # the last item of a bracket, '(…, 회장 루이 포숑)': a head


Words = list[tuple[int, int, str]]     # (start, end, word) of the words before a title


# --- names ---------------------------------------------------------------------------------

class WordMemo:
    """A word check's answers by word (or by a word and its title), kept across releases for one
    lexicon's vocabulary (its `semantic` tables). The same words come back in a release and across releases (korea.kr:
    is_korean_name is asked 9,134 times about 2,666 words in 1,001 records, is_affiliation_word
    3,834 times about 1,755), and a fresh answer costs a few patterns and lookups; a known one
    costs a dict lookup and no call. Cleared when full, so an archive's run holds at most
    MAX_WORDS answers each."""
    MAX_WORDS = 8192

    def __init__(self, check: Callable[[Any, Lexicon], Any]) -> None:
        self.check = check
        self.semantic: dict[str, Any] | None = None
        self.answers: dict[Any, Any] = {}

    def answer(self, word: Any, lex: Lexicon) -> Any:
        """A word not asked yet (or asked of another lexicon): its answer made and kept."""
        if self.semantic is not lex.semantic or len(self.answers) >= self.MAX_WORDS:
            self.semantic, self.answers = lex.semantic, {}
        found = self.answers[word] = self.check(word, lex)
        return found


def is_korean_name(word: str, lex: Lexicon) -> bool:
    """'서정욱', '남궁민수': a surname and a given name of one or two syllables."""
    memo = KOREAN_NAMES
    if memo.semantic is lex.semantic and word in memo.answers:
        return memo.answers[word]
    return memo.answer(word, lex)


def is_korean_name_shape(word: str, lex: Lexicon) -> bool:
    """is_korean_name's answer, made: the word's shape, then the words shaped so that are none."""
    surnames, n = lex.semantic["surname_set"], len(word)
    # The shape first, the cheapest test: a surname of one or two syllables, a given name of one
    # or two; '제1차' holds a number.
    if not ((n <= 3 and word[:1] in surnames) or (3 <= n <= 4 and word[:2] in surnames)) \
            or n < 2 or not word.isalpha():
        return False
    foreign = lex.semantic["people"]["name"]["foreign_syllables"]
    if any(ch in foreign for ch in word[1:]):
        return False            # '사사키', '마이클': a syllable no Korean given name holds
    if lex.KOREAN_NAME_STOP_RE.search(word) or lex.COUNTRY_RE.fullmatch(word) \
            or word in lex.semantic["people"]["name"]["organization_words"]:
        return False            # '라오스' is no 라 + 오스, '유엔' no 유 + 엔
    if is_place_or_derived_noun(word, lex):
        return False            # '서울' is no 서 + 울, '국내산' no 국 + 내산
    titles, name = lex.semantic["person_title_set"], lex.semantic["people"]["name"]
    if word in titles or (word[:-1] in titles and word[-1] in lex.semantic["people"]["extra"]["title_suffixes"]):
        return False            # '장관', '차관보': a title is no name
    # '장관은', '좌장은': a title or a role and its particle ('반장식' is a name); '주민이', '정부는':
    # a word of two syllables or more that is never a name, and its particle ('한 주민이 남원시 …');
    # '위원인': a title and the copula ('… 자문위원회 위원인 홍 교수').
    stem, last = word[:-1], word[-1]
    return not (((stem in titles or stem in name["role_words"] or (n > 2 and stem in lex.semantic["never_names"]))
                 and last in name["title_tail"]) or (stem in titles and last == name["copula"]))


KOREAN_NAMES = WordMemo(is_korean_name_shape)


def is_place_or_derived_noun(word: str, lex: Lexicon) -> bool:
    """'서울', '호치민', '두바이': a place written before a body or a title ('임홍대 서울
    통일교육센터장'); '국내산', '권역별': a never-name of two syllables or more and a noun-making
    ending. Shaped like a name, neither is one (asked once a word: its callers' answers are kept)."""
    name = lex.semantic["people"]["name"]
    return word in name["place_names"] or (len(word) > 2 and word[-1] in name["noun_suffixes"]
                                           and word[:-1] in lex.semantic["never_names"])


def is_organization_name(word: str, lex: Lexicon) -> bool:
    """A word that ends like an organization: '기후부', '고려대', '전기위원회'. A three-syllable
    Korean name ending in a one-syllable organization ending is a name ('이명구 청장', '주성관
    고려대학교 교수'), unless that ending is one of a university or place ('서울대', '경기도')."""
    org = lex.ORG_WORD_RE.search(word)
    if org is None or word in lex.semantic["surname_set"]:
        return False            # '성 장관' is a surname and a title, '성' no ministry
    ending = org.group()
    return not (len(word) == 3 and len(ending) == 1 and is_korean_name(word, lex)
                and ending not in lex.semantic["people"]["name"]["place_endings"])


def is_name_word(word: str, lex: Lexicon, longest: int = 4) -> bool:
    """A word that can be part of a transliterated name: short, no ending, no suffix. Kept by
    word and `longest` (NAME_WORDS): the words before a title are asked again for each reading."""
    memo, key = NAME_WORDS, (word, longest)
    if memo.semantic is lex.semantic and key in memo.answers:
        return memo.answers[key]
    return memo.answer(key, lex)


def is_name_word_made(key: tuple[str, int], lex: Lexicon) -> bool:
    """is_name_word's answer, made."""
    word, longest = key
    org = lex.ORG_WORD_RE.search(word)
    return (len(word) <= longest and word not in lex.semantic["never_names"]
            and not is_place_or_derived_noun(word, lex) and word not in lex.semantic["people"]["name"]["conjunctions"]
            and bool(lex.NAME_TOKEN_RE.match(word)) and not lex.NAME_STOP_RE.search(word)
            and not (org and org.start() > 0)       # '직업훈련그룹'; a bare '반' (응우옌 반 탄) is a name
            and not lex.COUNTRY_RE.fullmatch(word) and not lex.PERSON_TITLE_RE.fullmatch(word))


NAME_WORDS = WordMemo(is_name_word_made)


def is_foreign_word(word: str, lex: Lexicon, glossed: bool = False) -> bool:
    """A word of a transliterated name that other evidence vouches for (a Latin gloss, the
    name written again): '샴페인', '오버레이' end like a copula or a particle and are still names;
    a pronoun, a title, a country or a clause ending ('방문하여') is none, nor a word ending like
    an organization unless the Latin gloss spells it ('트뤼도(Trudeau)'). Kept by word and
    `glossed` (FOREIGN_WORDS): the words before titles come back (korea.kr asks ~2 a release)."""
    memo, key = FOREIGN_WORDS, (word, glossed)
    if memo.semantic is lex.semantic and key in memo.answers:
        return memo.answers[key]
    return memo.answer(key, lex)


def is_foreign_word_made(key: tuple[str, bool], lex: Lexicon) -> bool:
    """is_foreign_word's answer, made."""
    word, glossed = key
    return (len(word) <= FOREIGN_WORD_SYLLABLES and word not in lex.semantic["never_names"]
            and word not in lex.semantic["people"]["name"]["conjunctions"]
            and bool(lex.NAME_TOKEN_RE.match(word)) and not lex.FOREIGN_NAME_STOP_RE.search(word)
            and (glossed or not lex.ORG_WORD_RE.search(word)) and not lex.COUNTRY_RE.fullmatch(word)
            and not lex.PERSON_TITLE_TAIL_RE.search(word))


FOREIGN_WORDS = WordMemo(is_foreign_word_made)


def match_first_word(word: str, title: str, lex: Lexicon) -> tuple[str, str | None] | None:
    """The word right before a title as (name, hanja); None when it cannot be a name."""
    m = lex.NAME_TOKEN_RE.match(word)
    if not m:
        return None
    name, hanja = m.group("name"), m.group("hanja")
    if lex.HANJA_NAME_RE.fullmatch(name):
        return read_hanja_name(name, lex.surnames), name
    if name in lex.semantic["surname_set"]:
        return name, hanja      # '이 위원장': only ever linked to a '이민호 위원장' met before
    if name in lex.semantic["never_names"] or is_place_or_derived_noun(name, lex):
        return None             # '우리 장관', '양국 정상', '정부 관계자', '서울 통일교육센터장'
    if name in lex.semantic["people"]["name"]["conjunctions"]:
        return None             # '부소장 및 |국제안보센터장': two offices joined, no name before the second
    korean = is_korean_name(name, lex)
    if title in lex.semantic["people"]["titles"]["ambiguous"] and not (korean and len(name) >= 3):
        return None
    if not korean and (lex.NAME_STOP_RE.search(name) or lex.ORG_WORD_RE.search(name)
                       or lex.COUNTRY_RE.fullmatch(name)):
        return None
    if not korean and name[1:] and name[-1] in lex.semantic["people"]["name"]["field_endings"]:
        return None             # '주립대학 행정학 |박사': a field of study, no transliterated name
    return name, hanja


def first_word_name(word: str, title: str, lex: Lexicon) -> tuple[str, str | None] | None:
    """match_first_word's (name, hanja) for a word that does not end like an organization, else
    None. Kept by word and title (FIRST_WORD_NAMES): a release names the same people again, and
    releases the same offices ('김정관 장관'); a fresh answer costs five patterns and lookups."""
    memo, key = FIRST_WORD_NAMES, (word, title)
    if memo.semantic is lex.semantic and key in memo.answers:
        return memo.answers[key]
    return memo.answer(key, lex)


def first_word_name_made(key: tuple[str, str], lex: Lexicon) -> tuple[str, str | None] | None:
    """first_word_name's answer, made."""
    word, title = key
    first = match_first_word(word, title, lex)
    return None if first is None or is_organization_name(word, lex) else first


FIRST_WORD_NAMES = WordMemo(first_word_name_made)


def is_affiliation_word(word: str, lex: Lexicon) -> bool:
    """A word of an organization written between a name and a title: no particle or ending
    ('금융위원회', '케임브리지', '대학교', '경영학', 'BIS', '벨기에', '법무법인'), never a title itself."""
    memo = AFFILIATION_WORDS
    if memo.semantic is lex.semantic and word in memo.answers:
        return memo.answers[word]
    return memo.answer(word, lex)


def is_affiliation_word_shape(word: str, lex: Lexicon) -> bool:
    """is_affiliation_word's answer, made. A word glossed in brackets is its word ('케이비에스(KBS)')."""
    if word.endswith(")") and 0 < word.find("(") and ")" not in word[:-1] \
            and LATIN_GLOSS_WORD_RE.fullmatch(word, word.find("(")):
        word = word[:word.find("(")]      # '케이비에스(KBS)', not '서세모(1930~2019년)'
    elif "(" in word or ")" in word:
        # '산업통상자원부(이하 | 산업부) |장관': the body's short name given in an aside, its two
        # words; each is the body's word without the bracket.
        label = lex.semantic["people"]["name"]["short_name_label"]
        if word.endswith("(" + label) and word.count("(") == 1:
            word = word[:-len(label) - 1]
        elif word.endswith(")") and "(" not in word and word.count(")") == 1:
            word = word[:-1].strip(QUOTE_CLOSE + "‘'")
        else:
            return False
        if not word:
            return False
    if word in lex.semantic["never_names"] or not lex.AFFILIATION_WORD_RE.fullmatch(word):
        return False
    if not lex.NAME_STOP_RE.search(word) or is_department_word(word, lex):
        return not lex.PERSON_TITLE_RE.fullmatch(word)
    # An ending that looks like a particle or a copula: still a word of an organization when the
    # word is a country ('벨기에') or ends like an organization ('법무법인').
    country = lex.COUNTRY_RE.fullmatch(word)
    if country is not None and country.group("country") and not country.group("particle"):
        return True
    org = lex.ORG_WORD_RE.search(word)
    return org is not None and len(org.group()) >= 2 and org.start() > 0


AFFILIATION_WORDS = WordMemo(is_affiliation_word_shape)


def is_department_word(word: str, lex: Lexicon) -> bool:
    """'전기공학과', '물관리정책과': a long word whose ending is a department's, not the particle
    it looks like ('장관과' is 'with the minister')."""
    name = lex.semantic["people"]["name"]
    return len(word) >= name["department_min_syllables"] and word.endswith(tuple(name["department_endings"]))


def match_glossed_name(text: str, lo: int, title_start: int, title: str, lex: Lexicon) -> Mention | None:
    """'로버트 워드롭(Robert Wardrop) 케임브리지 대학교 경영학 |교수': the Hangul name has as many
    words as its Latin gloss; the words up to the title are the affiliation."""
    if LATIN_GLOSS_OPEN_RE.search(text, lo, title_start) is None:
        return None             # no '(' before a capital: a search led by '(' skips the costly scan
    found = None
    for found in lex.LATIN_GLOSS_RE.finditer(text, lo, title_start):
        pass
    # '케이티(KT) 김영섭 대표': a gloss of one word in capitals is an organization's acronym.
    if found is None or (" " not in found.group("latin") and found.group("latin").isupper()):
        return None
    # '「프랑수아 필립 샴페인(Francois-Philippe Champagne)」 캐나다 외교장관': the quotes around
    # the name are not words of the affiliation.
    between = text[found.end():title_start].strip(QUOTE_CLOSE + " ").split()
    if len(between) > MAX_AFFILIATION_WORDS or not all(is_affiliation_word(w, lex) for w in between):
        return None
    hangul = [(w.start(), w.group()) for w in lex.WORD_RE.finditer(text, found.start("hangul"), found.end("hangul"))]
    count = len(found.group("latin").replace("-", " ").split())     # 'Francois-Philippe' is two words
    names: list[tuple[int, str]] = []
    for at, w in reversed(hangul[-count:]):     # the words next to the gloss, up to one that is no name's
        if not (is_foreign_word(w, lex, glossed=True) or is_korean_name(w, lex)):
            break
        names.insert(0, (at, w))
    if not names:
        return None
    return Mention(" ".join(w for _, w in names), None, title, names[0][0], title_start + len(title), False,
                   collapse(" ".join(between)) or None)


def match_name_before_affiliation(words: list[tuple[int, int, str]], title_start: int, title: str,
                                  lex: Lexicon) -> Mention | None:
    """'김소영 금융위원회 |부위원장', '신현송 BIS 조사국장': a Korean name, then organization words."""
    last = len(words) - 1
    if last >= 0 and words[last][2] in lex.semantic["people"]["name"]["conjunctions"]:
        return None             # '… 경비 및 |위원장', '부소장 및 |국제안보센터장': the title is joined to
                                # the words before the conjunction, no affiliation closes on it
    stop = last - MAX_AFFILIATION_WORDS     # a comparison, not max(): see BUILTIN_MAX_NOTE
    given = lex.semantic["people"]["name"]["foreign_given_name_set"]
    former_marks = lex.semantic["people"]["name"]["former_marks"]     # '전', '전(前)', '前'
    for k in range(last, stop if stop > -1 else -1, -1):
        start, end, word = words[k]
        if k < last and word[:1] in BRACKET_OPENERS and is_full_korean_name(word[1:], lex):
            # '(이민철 철강협회 상근부회장)': a name opening a bracket, its body and title inside.
            between = [w for _, _, w in words[k + 1:]]
            if title in lex.semantic["people"]["titles"]["everyday"] \
                    and not any(lex.ORG_WORD_RE.search(w) for w in between):
                return None
            return Mention(word[1:], None, title, start + 1, title_start + len(title), False, " ".join(between))
        if word in former_marks and k > 0 and is_full_korean_name(words[k - 1][2], lex):
            # '김평진 전 재일제주개발협회장', '박병헌 전 재일민단 |단장': a former office, its body after
            # the former-office word.
            between = [w for _, _, w in words[k + 1:]]
            if title in lex.semantic["people"]["titles"]["everyday"] \
                    and not any(lex.ORG_WORD_RE.search(w) for w in between):
                return None
            return Mention(words[k - 1][2], None, title, words[k - 1][0], title_start + len(title), False,
                           " ".join(between) or None, former=True)
        if k > 0 and words[k - 1][2] in given and is_foreign_word(word, lex) and not is_korean_name(word, lex):
            # '마이클 크레이머 시카고대 |교수', '마이클 크레인 |교수': a foreign given name shaped like a
            # Korean one opens a name of its word and the next (a family name, which may end like a
            # copula), the words after it the affiliation.
            between = [w for _, _, w in words[k + 1:]]
            return Mention(f"{words[k - 1][2]} {word}", None, title, words[k - 1][0], title_start + len(title),
                           False, " ".join(between) or None)
        if word in given:
            return None
        if k < last and len(word) >= 3 and is_korean_name(word, lex) and not is_organization_name(word, lex):
            between = [w for _, _, w in words[k + 1:]]
            if title in lex.semantic["people"]["titles"]["everyday"] \
                    and not any(lex.ORG_WORD_RE.search(w) for w in between):
                return None     # '유류비 부담 |경감' is a burden eased: an everyday title needs a body
            if len(set(between)) < len(between):
                return None     # '기관명 감시지역 질병관리청 질병관리청 충주시 보건 |환경연구원': a table's
                                # rows flattened onto a line repeat their cells; an affiliation does not
            affiliation = " ".join(between)
            if "(" in affiliation:
                affiliation = lex.SHORT_NAME_ASIDE_RE.sub("", affiliation)   # '산업통상자원부(이하 산업부)'
            return Mention(word, None, title, start, title_start + len(title), False, affiliation)
        if not is_affiliation_word(word, lex):
            return None
        if lex.COUNTRY_RE.fullmatch(word):
            return match_foreign_before(words, k, title_start, title, lex)
    return None


def match_foreign_before(words: list[tuple[int, int, str]], k: int, title_start: int, title: str,
                         lex: Lexicon) -> Mention | None:
    """'아누 브래드포드 | 콜롬비아 로스쿨 |교수': two or three name words right before an affiliation
    that opens with a country's name."""
    former = lex.semantic["people"]["name"]["former"]
    end = k - 1 if k > 0 and words[k - 1][2] == former else k      # '칼슨 전 스웨덴 … 장관'
    names: list[tuple[int, str]] = []
    joiner = lex.semantic["people"]["name"]["name_joiner"]
    for start, _, word in reversed(words[max(0, end - 3):end]):
        # '앙겔라·메르켈 | 독일 |총리': a name's words joined by a middle dot, each a name's word.
        parts = word.split(joiner) if joiner in word else (word,)
        if not all(is_name_word(part, lex, FOREIGN_WORD_SYLLABLES) for part in parts):
            break
        names.insert(0, (start, word))
        if len(parts) > 1:
            break               # a joined name is the name whole
    # One word is a name only where a list item or a label opens: '(참석자) 칼슨 전 스웨덴 …'.
    opens = end - len(names) == 0 or words[end - len(names) - 1][2][-1] in LIST_ITEM_CLOSERS
    if len(names) < 2 and not (names and (opens or joiner in names[0][1])):
        return None
    between = " ".join(w for _, _, w in words[k:])
    written = f"{former} {title}" if end < k else title
    return Mention(" ".join(w for _, w in names), None, written, names[0][0], title_start + len(title), False, between)


def match_foreign_before_body(words: Words, title_start: int, title: str, lex: Lexicon) -> Mention | None:
    """'22일에 비르기니우스 신케비시우스 유럽연합 집행위원회 |환경해양수산위원', '및 맬패스 세계은행(WB)
    |총재': one to three words of a transliterated name (each a foreign name's word, the last holding
    a syllable no hanja reads: is_transcribed), after a clause's end, then a body that is
    international or abroad (people.toml [name] international_prefixes) or glossed by a Latin
    acronym, then the title."""
    prefixes = lex.semantic["people"]["name"]["international_prefixes_tuple"]
    first_body = len(words) - MAX_BODY_WORDS
    for j in range(first_body if first_body > 1 else 1, len(words)):
        body = words[j][2]
        if not (body.startswith(prefixes) or (body.endswith(")") and LATIN_ACRONYM_GLOSS_RE.search(body))):
            continue
        if not all(is_affiliation_word(w, lex) for _, _, w in words[j:]):
            return None
        last = words[j - 1][2]
        loanwords = lex.semantic["people"]["name"]["loanword_set"]
        if not (is_transcribed(last) and is_foreign_word(last, lex)) or is_korean_name(last, lex) \
                or last in loanwords:
            return None
        first = j - 1
        while first > 0 and j - first < MARKED_NAME_WORDS and is_foreign_word(words[first - 1][2], lex) \
                and not is_title_with_particle(words[first - 1][2], lex) and not is_korean_name(words[first - 1][2], lex) \
                and words[first - 1][2] not in loanwords and text_joined(words, first):
            first -= 1
        if first > 0 and not closes_clause(words[first - 1][2], lex):
            return None         # '… 스마트 |그린 국제교류센터': the name must open its clause
        name = " ".join(w for _, _, w in words[first:j])
        return Mention(name, None, title, words[first][0], title_start + len(title), False,
                       " ".join(w for _, _, w in words[j:]))
    return None


def may_name_a_body_abroad(words: Words, openings: frozenset[str]) -> bool:
    """One of the last words before a title (a body's, MAX_BODY_WORDS of them) opens like an
    international prefix or closes a Latin acronym's gloss ('…(WB)'): where
    match_foreign_before_body can apply. Slices and lookups only, no call (asked of every title no
    other reader names)."""
    for _, _, word in words[-MAX_BODY_WORDS:]:      # a loop: no generator made
        if word[:2] in openings or (word[-1:] == ")" and word[-2:-1].isupper()):
            return True
    return False


def text_joined(words: Words, k: int) -> bool:
    """words[k - 1] and words[k] are parted by one blank (a name's words are)."""
    return words[k][0] - words[k - 1][1] == 1


def is_title_with_particle(word: str, lex: Lexicon) -> bool:
    """'장관은', '우리는': a title or a never-name and one particle's letter — a clause's subject, no
    word of a name ('올가' ends like a particle and is one)."""
    stem = word[:-1]
    return stem in lex.semantic["never_names"] or bool(stem and lex.PERSON_TITLE_TAIL_RE.search(stem))


def closes_clause(word: str, lex: Lexicon) -> bool:
    """'22일에', '및', '(17:00),', '(화)': a word after which a name may open (a particle, a list's
    comma, a bracket's close, a conjunction)."""
    return word[-1] in LIST_ITEM_CLOSERS or word in lex.semantic["people"]["name"]["conjunctions"] \
        or bool(lex.NAME_STOP_RE.search(word))


def join_foreign_given_name(words: Words, lex: Lexicon) -> tuple[int, str] | None:
    """'이탈리아 국립행정학교(SNA)의 사브리나 반데라 |국장': a last word shaped like a Korean name
    ('반데라') after a foreign given name ('사브리나', no Korean name's shape) that opens the name
    after a genitive or a country's name, in a description that names a country, is one name."""
    if len(words) < 3:
        return None
    _, _, given = words[-2]
    before = words[-3][2]
    if is_korean_name(given, lex) or len(given) < FOREIGN_GIVEN_SYLLABLES \
            or not is_name_word(given, lex, FOREIGN_WORD_SYLLABLES) \
            or not (before.endswith(lex.semantic["people"]["name"]["genitive"]) or lex.COUNTRY_RE.fullmatch(before)):
        return None
    if not any(country_in(w, lex) for _, _, w in words[:-2]):
        return None             # a foreign name needs a country in its description
    return words[-2][0], f"{given} {words[-1][2]}"


def match_name(text: str, words: Words, title_start: int, title: str, lex: Lexicon,
               gloss_lo: int) -> Mention | None:
    """'호주의 크리스 홀 |박사' → Mention('크리스 홀'); '역임한 서 |위원장' → short Mention('서');
    '김소영 금융위원회 |부위원장' → Mention('김소영', affiliation '금융위원회')."""
    if not words:
        return None
    glossed = match_glossed_name(text, gloss_lo, title_start, title, lex)
    if glossed is not None:
        return glossed
    start, end, word = words[-1]
    if word in lex.semantic["people"]["name"]["former_marks"] and words[1:] and is_full_korean_name(words[-2][2], lex):
        return match_name_before_affiliation(words, title_start, title, lex)   # '김평진 전 |…협회장': no 전 회장
    first = first_word_name(word, title, lex)
    if first is None:
        return match_name_before_affiliation(words, title_start, title, lex)
    name, hanja = first
    if name in lex.semantic["surname_set"] and hanja is None:
        return Mention(name, None, title, start, title_start + len(title), True)
    korean = is_korean_name(name, lex)
    # '박정성 국조실 |산업과학중기정책관': a word shaped like a name that ends like an organization,
    # after a full Korean name, is that person's body written short. The last character first (a
    # slice and a lookup, no call): most names end otherwise.
    if korean and not hanja and word[-1:] in lex.semantic["people"]["org_suffix_ends"] and words[1:] \
            and lex.ORG_WORD_RE.search(word) and ends_full_name(words[-2][2], lex):
        before = match_name_before_affiliation(words, title_start, title, lex)
        if before is not None:
            return before
    joined = join_foreign_given_name(words, lex) if korean and not hanja else None
    if joined is not None:
        return Mention(joined[1], None, title, joined[0], title_start + len(title), False)
    if not korean and not hanja:
        for w_start, _, w in reversed(words[-lex.semantic["people"]["name"]["max_words"]:-1]):
            if not is_name_word(w, lex) or len(name) > 4:
                break
            name, start = f"{w} {name}", w_start
        if " " not in name or (is_full_korean_name(name.split(" ", 1)[0], lex)
                               and not is_transliterated(name.split(" ", 1)[0], lex)
                               and not name.startswith(foreign_given_name(words, lex) or "\0")
                               and not any(lex.COUNTRY_RE.fullmatch(w) for _, _, w in words)):
            # '최석영 법무법인 광장 |고문', '최장혁 개인정보위 |부위원장': one word that is no Korean
            # name, after a Korean name and words of an organization, is the organization's; so are
            # the words after a full Korean name where no country vouches for a foreign one ('정재승
            # 카이스트 |교수', '이정희 대광위 광역교통정책|국장').
            korean = match_name_before_affiliation(words, title_start, title, lex)
            if korean is not None and (" " not in name or not (
                    written_as_noun(korean.name, korean.start, text, lex)
                    or named_after_title(title_start + len(title), text, lex))):
                return korean   # not '이공계 진학자나 |연구원' ('이공계에'), '한국사 스타 |강사 최태성'
    return Mention(name, hanja, title, start, title_start + len(title), False)


def is_full_korean_name(word: str, lex: Lexicon) -> bool:
    """'정재승': a Korean name of three syllables or more, no body's word."""
    return len(word) >= GLUED_NAME_SYLLABLES and is_korean_name(word, lex) and not is_organization_name(word, lex)


def is_transliterated(word: str, lex: Lexicon) -> bool:
    """'사미르', '마누엘': a word shaped like a Korean name whose given name holds a syllable that
    transliterates a foreign sound ('르', '엘'; people.toml [name] transliteration_syllables) — a
    foreign given name more likely than a Korean one, so the words after it are no body's."""
    syllables = lex.semantic["people"]["name"]["transliteration_syllables"]
    return any(ch in syllables for ch in word[1:])


def foreign_given_name(words: Words, lex: Lexicon) -> str | None:
    """The first of the words that is a foreign given name shaped like a Korean name ('마이클'),
    if any (people.toml [name] foreign_given_names)."""
    given = lex.semantic["people"]["name"]["foreign_given_name_set"]
    for _, _, word in words:
        if word in given:
            return word
    return None


def ends_full_name(word: str, lex: Lexicon) -> bool:
    """'박정성': a full Korean name (three syllables or more) that ends neither like an organization
    nor like a verb's adnominal form ('… 북한군을 연기한 양경원 배우', '… 회의를 주재한 이흥교 청장')."""
    return len(word) >= GLUED_NAME_SYLLABLES and word[-1:] not in lex.semantic["people"]["not_a_person"]["adnominal_endings"] \
        and is_korean_name(word, lex) and not is_organization_name(word, lex)


def is_written_again(name: str, start: int, text: str, lex: Lexicon) -> bool:
    """A transliterated name of two words or more written again elsewhere in the release right
    before a title: '브루노 오버레이 사무총장과 … 브루노 오버레이 사무총장은' — how releases report a
    meeting. Everyday words before a title ('다자 계기 장관') are not written so twice."""
    if " " not in name:
        return False
    at = text.find(name)
    while at >= 0:
        if at != start:
            title = lex.PERSON_MENTION_RE.match(text, at + len(name))
            if title is not None and not title.group("glued"):
                return True
        at = text.find(name, at + len(name))
    return False


def match_repeated_name(text: str, words: Words, title_start: int, title: str, lex: Lexicon) -> Mention | None:
    """'세계자연보전연맹 브루노 오버레이 |사무총장', '패트리샤 에스피노자 유엔기후변화협약 |사무총장':
    two or three words of a transliterated name (each may end like a particle: '오버레이'), then
    the words of an affiliation, before a title; only a name the release writes again."""
    # The words closing the description that can be an affiliation's, leftwards (a clause word
    # closes it), at most MAX_AFFILIATION_WORDS: the name ends where they begin (`cut`).
    lowest = floor = len(words)
    floor -= MAX_AFFILIATION_WORDS          # comparisons, not max(): see BUILTIN_MAX_NOTE
    while lowest > 0 and lowest > floor and is_affiliation_word(words[lowest - 1][2], lex):
        lowest -= 1
    everyday = lex.semantic["people"]["titles"]["everyday"]
    # Each word that can end a name asked once whether it can be a name's (the runs tried
    # overlap: a word is in up to five of them); then a run is a slice of the answers.
    first = lowest - 3 if lowest > 3 else 0
    foreign = [is_foreign_word(w, lex) for _, _, w in words[first:]]
    for cut in range(len(words), lowest - 1, -1):
        for size in (3, 2):
            if cut < size or not all(foreign[cut - size - first:cut - first]):
                continue
            run = words[cut - size:cut]
            if any(text[a[1]:b[0]] != " " for a, b in zip(run, run[1:])):
                continue
            name = " ".join(w for _, _, w in run)
            if title in everyday and not any(lex.ORG_WORD_RE.search(w) for _, _, w in words[cut:]):
                continue        # '관광·콘텐츠 등 산업 피해 |경감' written twice is a burden eased
            if is_written_again(name, run[0][0], text, lex):
                return Mention(name, None, title, run[0][0], title_start + len(title), False,
                               collapse(" ".join(w for _, _, w in words[cut:])) or None)
    return None


def match_latin_name(text: str, words: Words, title_start: int, title: str, lex: Lexicon) -> Mention | None:
    """'Angela Ellard 전 WTO |사무차장' → Mention('Angela Ellard', title '전 사무차장', affiliation
    'WTO'): a name of two or three Latin words (one written like a given name), then an
    affiliation or the former-office word; a longer capitalised run is an organization's name."""
    name_words = lex.semantic["people"]["name"]
    former = name_words["former"]
    latin = [bool(lex.LATIN_NAME_WORD_RE.fullmatch(w)) for _, _, w in words]
    k = len(words)
    # Back over the affiliation to the name's last word: Hangul words, the former-office word and
    # a Latin word standing alone ('전 WTO'), for a name is two Latin words or more.
    while k > 0 and not (k > 1 and latin[k - 1] and latin[k - 2]):
        if not (is_affiliation_word(words[k - 1][2], lex) or words[k - 1][2] == former
                or words[k - 1][2] in name_words["title_prefixes"]):
            return None
        k -= 1
    run = k
    while run > 0 and latin[run - 1]:
        run -= 1
    names, between = words[run:k], [w for _, _, w in words[k:]]
    if len(names) not in name_words["latin_name_words"] or not between \
            or not any(lex.LATIN_GIVEN_NAME_RE.fullmatch(w) for _, _, w in names):
        return None
    if between[0] == former:
        between, title = between[1:], f"{former} {title}"
    elif between == [w for w in between if w in name_words["title_prefixes"]]:
        between, title = [], f"{' '.join(between)} {title}"      # 'Fernando Cruz 선임 고문'
    return Mention(" ".join(w for _, _, w in names), None, title, names[0][0], title_start + len(title.split()[-1]),
                   False, collapse(" ".join(between)) or None)


# --- descriptions --------------------------------------------------------------------------

def clause_start(text: str, node: Node, name_start: int, lex: Lexicon, backwards: str) -> int:
    """Where the speaker's description begins: after the bullet's lead ('… 부문에서') and
    after the last clause break before the name (read back from the name in `backwards`, the
    text written backwards)."""
    start = content_start(text, node)
    # The lead ends in a locative ('부문에서', '사례에서는'): without the word every locative holds
    # ('에서'), a plain find skips the lazy pattern.
    for root in lex.semantic["people"]["lead_locative_roots"]:    # a loop: no generator made
        if text.find(root, start, name_start) >= 0:
            lead = lex.TOPIC_LEAD_RE.match(text, start, name_start)
            if lead and lead.end() <= name_start:
                start = lead.end()
            break
    last, reach = len(text), name_start - DESCRIPTION_WINDOW      # comparisons, not max(): see BUILTIN_MAX_NOTE
    for m in lex.CLAUSE_BREAK_REVERSED_RE.finditer(backwards, last - name_start,
                                                   last - (reach if reach > start else start)):
        if m.group("joiner"):
            # '… 정제영 교수와 |…': a joiner closes a clause only after a person's title.
            joiner = last - m.end("joiner")
            word = text[text.rfind(" ", 0, joiner) + 1:joiner]
            if not lex.PERSON_TITLE_TAIL_RE.search(word):
                continue
        start = last - m.start()    # just after the blank
        break
    # Nor across a line: the bullet above ('- … 방안 논의') says nothing of the person — unless
    # the name opens its line under a line that only names an organization (a table's cells:
    # '소진공 금융지원실' ⏎ '양숙경 실장').
    line_start = text.rfind("\n", start, name_start) + 1
    if line_start and not text[line_start:name_start].strip():
        above = text[start:line_start].strip().rsplit("\n", 1)[-1].split()
        if 0 < len(above) <= ROW_DEPARTMENT_WORDS and lex.ORG_WORD_RE.search(above[-1]):
            row = text.rfind(above[0], start, line_start)
            return row if row > start else start
    return line_start if line_start > start else start


def parse_affiliation(description: str, lex: Lexicon) -> str | None:
    """'한국 정보통신부 인터넷정책과의' → '한국 정보통신부 인터넷정책과';
    'PECC(…)에서 … 활약하는 호주의' → 'PECC(…)'; '호주의' → None."""
    located = None
    # Plain tests before the patterns: most descriptions hold no locative, bracket, tag or genitive.
    if lex.semantic["people"]["name"]["locative"] in description:
        for located in lex.LOCATIVE_ORG_RE.finditer(description):
            pass
    # 'INADEM에서 근무하는', 'PECC에서 … 활약하는': where someone works; '정부대전청사에서 |이명구
    # 청장 주재로' is where the meeting was, said right before the name.
    if located and description[located.end():].strip():
        # '이번 경연에서 |산림교육원 김용경 주무관': an organization written whole after the
        # locative is the person's, the locative names the occasion.
        after = collapse(description[located.end():])
        if " " not in after.strip() and lex.ORG_WORD_RE.search(after) and organization_tail(after, lex) == after:
            return after
        return collapse(located.group("org"))
    lead = lex.COUNTRY_RE.match(description)
    rest = description
    if lead and lead.group("particle") and lex.SUBJECT_PARTICLE_RE.match(lead.group("particle")):
        rest = description[lead.end():]
    if "[" in rest:
        rest = lex.BRACKET_TAG_RE.sub("", rest)
    rest = after_unopened(rest)
    if rest.rstrip().endswith(lex.semantic["people"]["name"]["copula"]):
        rest = strip_title_copula(rest, lex)
    if lex.semantic["people"]["name"]["genitive"] in rest:
        rest = lex.GENITIVE_RE.sub("", rest)
    rest = collapse(rest).strip(" ,")
    if rest[-1:] in lex.semantic["people"]["title_last_letters"] \
            and rest[rest.rfind(" ") + 1:] in lex.semantic["person_title_set"]:
        # '해양경찰청 홍보대사 |양정원 경사': a title written before the name is no body's word; the
        # words before it are (a slice and a lookup first: most descriptions end otherwise).
        words = rest.split()
        while words and words[-1] in lex.semantic["person_title_set"]:
            words.pop()
        # '연락: 구진경 과장 |김태우 서기관': a title after a name is that person's, and no body is written.
        rest = "" if words and words[-1] != rest and is_full_korean_name(words[-1], lex) else " ".join(words)
    rest = organization_tail(rest, lex, own_bracket=True)
    if not rest or lex.COUNTRY_RE.fullmatch(rest) or rest.count(" ") >= MAX_AFFILIATION_WORDS:
        return None
    return rest


def bracket_affiliation(bracket: str, lex: Lexicon) -> str | None:
    """'(민간조직위원장 직방 ' of '컴업 조직위원회(민간조직위원장 직방 ' → '직방': a person named inside a
    bracket that the description opens and leaves open, after an office (the head's of the body
    outside): the body written after the office is the person's own. None when the bracket holds
    no body ('(본부장 : ') or opens with no office ('서울대학교병원(연구책임자 ': the body outside is
    theirs)."""
    words = bracket.strip().lstrip("(").split()
    office = 0
    while office < len(words) and lex.PERSON_TITLE_TAIL_RE.search(words[office].rstrip(":：")):
        office += 1             # '민간조직위원장': the office held in the body outside
    words = words[office:]
    if not office or not words:
        return None             # '서울대학교병원(연구책임자 ': no office opens it, the body outside is theirs
    own = organization_tail(" ".join(words), lex)
    return own if own is not None and lex.COUNTRY_RE.fullmatch(own) is None else None


def strip_title_copula(value: str, lex: Lexicon) -> str:
    """'한국 숙명여대의 … 센터장인 ' → '한국 숙명여대의 … ': what TITLE_COPULA_RE.sub removes. Its one
    match ends the text, so it starts at one of the last words (as many as a title holds blanks,
    and one more): searched from there, it is not tried at every word of the description."""
    last_words = lex.semantic["people"]["title_blanks"] + 1
    parts = value.rsplit(None, last_words)
    # rsplit keeps the text before the last words whole: its length is where they begin.
    m = lex.TITLE_COPULA_RE.search(value, len(parts[0]) if len(parts) > last_words else 0)
    return value if m is None else value[:m.start()] + value[m.end():]


def organization_tail(value: str, lex: Lexicon, own_bracket: bool = False) -> str | None:
    """The words of an organization that close a description: '… 원하시면 중소벤처기업부
    창업정책총괄과' → '중소벤처기업부 창업정책총괄과'; '질병관리청 중앙방역대책본부(본부장 :' →
    '질병관리청 중앙방역대책본부'; '이번 포럼에는', '지난해 1월', '연락:' → None. With `own_bracket`,
    a body written in a bracket left open, after an office, comes first (bracket_affiliation)."""
    if "(" in value or ")" in value:
        unclosed = lex.UNCLOSED_BRACKET_RE.search(value)
        if unclosed is not None:
            if own_bracket:
                inside = bracket_affiliation(value[unclosed.start():], lex)
                if inside is not None:
                    return inside
            value = value[:unclosed.start()]    # what UNCLOSED_BRACKET_RE.sub("", value) leaves
        words = [m.group() for m in lex.BRACKETED_WORD_RE.finditer(value)]
    else:
        words = value.split()   # no bracket: the words are what split() gives, without the pattern
    k = len(words)
    while k > 0 and is_organization_word(lex.AFFILIATION_BRACKETS_RE.sub("", words[k - 1])
                                         if "(" in words[k - 1] else words[k - 1], lex):
        k -= 1
    return " ".join(words[k:]) or None


def is_organization_word(word: str, lex: Lexicon) -> bool:
    """A word of an organization: no clause ending, no date, not a person's title ('연락: 구진경 과장').
    Its answers are kept by word (ORGANIZATION_WORDS): a description's words come back in a
    release and across releases, and a fresh answer costs three patterns (seed text: 24 asks)."""
    memo = ORGANIZATION_WORDS
    if memo.semantic is lex.semantic and word in memo.answers:
        return memo.answers[word]
    return memo.answer(word, lex)


def is_organization_word_shape(word: str, lex: Lexicon) -> bool:
    """is_organization_word's answer, made."""
    return not word or (bool(lex.AFFILIATION_WORD_RE.fullmatch(word)) and not lex.NOT_AFFILIATION_WORD_RE.match(word)
                        and not lex.PERSON_TITLE_RE.fullmatch(word) and word not in lex.semantic["person_title_set"])


ORGANIZATION_WORDS = WordMemo(is_organization_word_shape)


# The first role whose words follow the name wins; the pattern is named in the lexicon.
ROLE_RULES = (
    ("keynote", "KEYNOTE_RE"),
    ("moderator", "MODERATOR_RE"),
    ("panelist", "PANELIST_RE"),
    ("presenter", "PRESENTER_RE"),
)


def after_unopened(value: str) -> str:
    """'약 20,000㎡) 국토교통부 도로정책과' → ' 국토교통부 도로정책과': text after a bracket that
    closes something opened before the description began."""
    if ")" not in value and "]" not in value:
        return value            # nothing closes: no character-by-character walk
    depth, cut = 0, 0
    for i, ch in enumerate(value):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth -= 1
            if depth < 0:
                depth, cut = 0, i + 1
    return value[cut:]


def chairs(text: str, end: int, node_end: int, lex: Lexicon) -> bool:
    """'이명구 청장 주재로 … 개최', '구윤철 부총리는 … 회의를 주재하였다': the person chairs or
    convenes; the verb must close a sentence whose subject the person is."""
    if text.find(lex.semantic["people"]["chair"]["stem"], end, node_end) < 0:
        return False            # no chair word in the rest of the bullet: a plain find skips the patterns
    if lex.CHAIR_AFTER_RE.match(text, end, node_end):
        return True
    concurrent = lex.CONCURRENT_OFFICE_RE.match(text, end, node_end)
    end = concurrent.end() if concurrent else end      # '부총리 겸 재정경제부장관은 …'
    if not lex.CHAIR_SUBJECT_RE.match(text, end, node_end):
        return False
    stop = SENTENCE_FULL_STOP_RE.search(text, end, node_end)
    return bool(lex.CHAIR_VERB_RE.search(text, end, stop.start() if stop else node_end))


def parse_roles(text: str, end: int, node_end: int, lex: Lexicon) -> list[str]:
    """What the clause after the name says: '… 위원장이 기조연설에서' → keynote; '… 청장 주재로'
    → moderator (a chair)."""
    if chairs(text, end, node_end, lex):
        return ["moderator"]
    if lex.HEAD_AFTER_RE.match(text, end, node_end):
        return ["head"]         # '… 실장을 대표로': the delegation's head
    # The sentence about the person: '… 참여하였다. 이들은 … 해법을 제시하였다' says nothing of
    # what each one presented.
    reach = end + ROLE_WINDOW
    if reach > node_end:        # a comparison, not min(): see BUILTIN_MAX_NOTE
        reach = node_end
    stop = SENTENCE_FULL_STOP_RE.search(text, end, reach)
    window_end = stop.start() if stop else reach
    # Every rule's pattern opens with a role word: one search for any of them rules out a window
    # without one (most), and the rules need not look before the first.
    first = lex.ROLE_WORD_RE.search(text, end, window_end)
    if first is None:
        return []
    for role, pattern in ROLE_RULES:
        if getattr(lex, pattern).search(text, first.start(), window_end):
            return [role]
    return []


# --- the stage -----------------------------------------------------------------------------

def joined_mentions(word: tuple[int, int, str], title: str, end: int, lex: Lexicon) -> Iterator[Mention]:
    """'이가온·나도윤·다하람' before '작가' → three mentions; '정규직·일용직' (no full names) → none."""
    joiner = lex.semantic["people"]["name"]["name_joiner"]
    names = word[2].split(joiner)
    if not all(is_korean_name(n, lex) and len(n) >= GLUED_NAME_SYLLABLES and not is_organization_name(n, lex)
               for n in names):
        return
    at = word[0]
    for name in names:
        yield Mention(name, None, title, at, end, False, described=word[0])
        at += len(name) + len(joiner)


def matches_at(pattern: re.Pattern[str], text: str, lo: int, end: int, starts: list[int]) -> Iterator[re.Match[str]]:
    """What pattern.finditer(text, lo, end) finds when a match can only start at one of
    `starts` (sorted): the pattern is tried there, not at every character."""
    resume = lo
    for i in range(bisect_left(starts, lo), bisect_left(starts, end)):
        if starts[i] >= resume:
            m = pattern.match(text, starts[i], end)
            if m is not None:
                resume = m.end()    # finditer goes on after a match, which may cover later starts
                yield m


class Starts(NamedTuple):
    """Where the stage's costlier patterns can start a match, found once per document by two
    scans of the text written backwards (lexicon TITLE_WORD_REVERSED_RE and
    BRACKET_WORDS_REVERSED_RE) and, at each '(' the second finds, one try of each reader's bracket
    pattern: each pattern is then tried at those offsets only."""
    mention: list[int]      # PERSON_MENTION_RE: the blank before a word holding a title
    head: list[int]         # ORG_HEAD_PERSON_RE: a word of 2-30 letters glued to a HEAD_BRACKET_RE
    paren: list[int]        # PERSON_PAREN_RE: 2-4 syllables glued to a PAREN_BRACKET_RE
    item: list[int]         # PERSON_ORG_ITEM_RE: 2-4 syllables before an ORG_ITEM_BRACKET_RE
    aged: list[int]         # AGE_BRACKET_RE after two letters: an aged list's item ('고하늘(61)')
    backwards: str          # the text written backwards, for clause_start


def find_starts(text: str, lex: Lexicon, lo: int = 0, hi: int | None = None) -> Starts:
    """The starts in text[lo:hi], where the bullets are (a release's header and its contact rows
    are not scanned: a third of a korea.kr record). A pattern tried at a start checks the words
    around it in the whole text, so a word cut at `lo` gives no start it would not give."""
    backwards, last = text[::-1], len(text) - 1
    scope = (len(text) - (len(text) if hi is None else hi), len(text) - lo)
    # Measured (callgrind, krpeople8): this function is a third of the stage on korea.kr (269k of
    # 782k instructions a record: the title scan 127k, the bracket scan 25k, HEAD_BRACKET_RE 25k,
    # ORG_ITEM_BRACKET_RE 14k, PAREN_BRACKET_RE 13k). The title scan is bound by sre's per-character
    # test of its 28 first characters (a BIGCHARSET call, ~50 instructions a character) and by the
    # entry into a match at each of them (~200): ordering the trie's branches by the characters'
    # frequency (127.1k -> 126.2k) or leading its wide nodes with a class of their children
    # (-> 127.8k) changes nothing. What would pay is fewer characters scanned, or a lead that is a
    # literal (sre skips to one at ~4 instructions a character).
    mention = {last - m.start("blank") for m in lex.TITLE_WORD_REVERSED_RE.finditer(backwards, *scope)}
    head: list[int] = []
    paren: list[int] = []
    item: list[int] = []
    aged: list[int] = []
    # The patterns read into locals once: an attribute lookup per bracket each otherwise.
    heads, items, parens, ages = lex.HEAD_BRACKET_RE, lex.ORG_ITEM_BRACKET_RE, lex.PAREN_BRACKET_RE, lex.AGE_BRACKET_RE
    for m in lex.BRACKET_WORDS_REVERSED_RE.finditer(backwards, *scope):
        # The groups open at the '(' (lookaheads): their lengths are where they end, read from
        # the match's spans (Match.regs: an attribute, not a call per group).
        (at, _), (_, hangul_end), (_, word_end) = m.regs
        bracket, hangul, word = last - at, hangul_end - at - 1, word_end - at - 1
        # A start is kept only when its pattern's bracket matches at this '(': the word before it
        # reaches the '(' one way only, so the pattern can match nowhere else. Most brackets
        # ('(금)', '(SDGs)') close none, and their up to five starts are never tried.
        if 2 <= word <= 30 and heads.match(text, bracket):
            head.append(bracket - word)
        if hangul >= 2 and items.match(text, bracket):
            item += range(bracket - 2, bracket - min(hangul, 4) - 1, -1)
        if 2 <= hangul <= 4 and parens.match(text, bracket):
            paren.append(bracket - hangul)
        if text[bracket + 1:bracket + 3].isdigit() and ages.match(text, bracket):
            aged.append(bracket)
    # Found back to front: reversed, each list runs in the text's order.
    return Starts(sorted(mention), head[::-1], paren[::-1], item[::-1], aged[::-1], backwards)


def words_between(text: str, start: int, end: int) -> Words:
    """The words of text[start:end] with their offsets: what lexicon WORD_RE (a run of non-blanks)
    finds there. str.split and the pattern's \\s test a character the same way (CPython's
    Py_UNICODE_ISSPACE); a split and a find per word cost about two thirds of a match's three
    method calls per word."""
    words: Words = []
    chunk = text[start:end]
    if chunk.isprintable():
        # No blank but ' ' (every other blank is a separator or a control character, which
        # isprintable refuses): each word's offset follows from the lengths, no find needed.
        for word in chunk.split(" "):
            end = start + len(word)
            if word:
                words.append((start, end, word))
            start = end + 1
        return words
    for word in chunk.split():
        # Only blanks lie between the last word's end and this word: its first occurrence is it.
        start = text.find(word, start)
        words.append((start, start + len(word), word))
        start += len(word)
    return words


def mentions_in(text: str, node: Node, lex: Lexicon, blanks: list[int]) -> Iterator[Mention]:
    lo, end = content_start(text, node), node.span.end
    ambiguous = lex.semantic["people"]["titles"]["ambiguous"]
    joiner = lex.semantic["people"]["name"]["name_joiner"]      # read once a bullet, not once a match
    organization_titles = lex.semantic["people"]["not_a_person"]["organization_titles"]
    title_prefixes = lex.semantic["people"]["name"]["title_prefixes"]
    place_endings = lex.semantic["people"]["name"]["place_endings"]
    continuation_letters = lex.semantic["people"]["title_continuation"]["first_letters"]
    before_words = lex.semantic["people"]["title_before_words"]
    openings = lex.semantic["people"]["name"]["international_openings"]
    pattern, resume = lex.PERSON_MENTION_RE, lo - 1
    # matches_at, inlined: a generator per bullet and a resume per match cost more than this loop.
    # From the blank before the content: a title opening it ('※ 가수 |서태지, …') names no one before
    # it, and may name someone after it (name_after_title).
    for i in range(bisect_left(blanks, lo - 1), bisect_left(blanks, end)):
        if blanks[i] < resume:
            continue
        m = pattern.match(text, blanks[i], end)
        if m is None:
            continue
        # The match's spans in one attribute (Match.regs): no call per group read. An unmatched
        # 'glued' is (-1, -1); a matched one holds a character at least.
        # resume: finditer goes on after a match, which may cover later blanks.
        (_, resume), (glued_start, glued_end), (title_start, title_end) = m.regs
        glued = text[glued_start:glued_end] if glued_start >= 0 else None
        if glued and lex.NAME_STOP_RE.search(glued) \
                and not (text[title_start] not in place_endings
                         and lex.ORG_WORD_RE.search(glued + text[title_start:title_start + 1])):
            continue            # '역임한서장' is no word; '직업능력심사평가|원장' is a body's ('…평가원')
                                # head, '국가대표' no university's ('…대')
        if glued and text[title_start:title_end] in organization_titles and glued not in title_prefixes:
            continue            # '국가안보전략연구원 수석연구위원': an office that is an organization's
                                # ending, glued to the words before it, names the organization (people.toml
                                # [not_a_person] organization_titles); the person's title follows
        at = glued_start if glued else title_start
        written = text[at:title_end]
        if text[title_end:title_end + 1] == " " and (
                text[title_start:title_end] in before_words or text[at - 2:at] == ", "
                or "(" in text[title_end:title_end + GLOSSED_NAME_REACH]):
            # Slices and lookups first (no call): most titles are followed by a particle, and the
            # rest by no occupation's name, no bracket's close and no gloss.
            after = name_after_title(text, at, title_start, title_end, end, lex)
            if after is not None:
                yield after
                if after.after and text.startswith(", ", after.end) and not after.head:
                    yield from listed_after(text, after, end, lex)    # '가수 서태지, |윤도현 등은'
        # The windows before the title, cut at the bullet's content: comparisons, not max() (see
        # BUILTIN_MAX_NOTE).
        start, gloss_lo = at - NAME_WINDOW, at - GLOSS_WINDOW
        if start < lo:
            start = lo
        if gloss_lo < lo:
            gloss_lo = lo
        # The words before the title, read once for every way a name is written.
        words = words_between(text, start, at)
        if glued and text[title_start:title_end] in ambiguous and not glued[-1].isdigit() \
                and not is_division_head(glued, text[title_start:title_end], lex):
            # ('국무1차장', '제2차장': an ordinal glued before the title makes it an office; so does a
            # division whose head it names, '함정사업부장'.)
            # '주식시장' is no title; '김진해 외교부 카리콤정부대표' is one, after a name and a body,
            # '김하늘 MBC 북한전문기자' after a body's acronym.
            mention = (match_name_before_affiliation(words, at, written, lex)
                       or (match_foreign_before_body(words, at, written, lex)
                           if may_name_a_body_abroad(words, openings) else None)) \
                if len(words) >= 2 else None
            if mention is not None and mention.affiliation \
                    and any((lex.ORG_WORD_RE.search(w) and not lex.COUNTRY_RE.fullmatch(w))
                            or (w[1:] and w.isascii() and w.isupper() and w.isalpha())
                            for w in mention.affiliation.split()):
                yield continued(mention, text, lex)
            continue
        joined = list(joined_mentions(words[-1], written, title_end, lex)) \
            if not glued and words and joiner in words[-1][2] else []
        if joined:
            # '이가온·나도윤·다하람 |작가': names joined by '·' share the title, each a full Korean name.
            yield from joined
            continue
        mention = match_name(text, words, at, written, lex, gloss_lo) \
            or match_repeated_name(text, words, at, written, lex) \
            or (LATIN_CAPITAL_RE.search(text, start, at) and match_latin_name(text, words, at, written, lex)) \
            or (match_foreign_before_body(words, at, written, lex)
                if len(words) >= 2 and may_name_a_body_abroad(words, openings) else None)
        if mention is not None and (not glued or mention.name_hanja or is_korean_name(mention.name, lex)
                                    or mention.affiliation or " " in mention.name):
            # The letter after the title, or after its blank, can open a continuation: a slice and
            # a lookup first (no call), for most titles are followed by a particle or a blank and
            # another word.
            after = mention.end
            if text[after:after + 1] in continuation_letters or \
                    (text[after:after + 1] == " " and text[after + 1:after + 2] in continuation_letters):
                mention = continued(mention, text, lex)
            yield mention
            if text[mention.start - 2:mention.start] == ", " and mention.affiliation is None \
                    and not mention.short and mention.described is None:
                yield from listed_before(text, mention, lo, lex)     # '이원진, |한금상 대표'


def name_after_title(text: str, at: int, title_start: int, title_end: int, end: int,
                     lex: Lexicon) -> Mention | None:
    """'역사강사이자 방송인 |설민석, …', '가수 |서태지, 윤도현 등은', '美 백악관 국가기후보좌관 |존
    포데스타(John Podesta)': a person named after their occupation (people.toml [title_before]), a
    full Korean name closed by no title; or after any office, a transliterated name glossed in
    Latin letters. The description before the occupation is theirs (Mention.described)."""
    title = text[title_start:title_end]
    if title in lex.semantic["people"]["title_before_words"]:
        m = lex.NAME_AFTER_OCCUPATION_RE.match(text, title_end, end)
        if m is None or not is_full_korean_name(m.group("name"), lex) \
                or m.group("name") in lex.semantic["never_names"]:
            return None
        return Mention(m.group("name"), None, text[at:title_end], m.start("name"), m.end("name"), False,
                       body_before(text, at, lex), described=at, after=True)
    if text[at - 2:at] == ", " and text.rfind("(", 0, at) > text.rfind(")", 0, at):
        return bracket_head(text, at, title_end, end, lex)
    m = lex.LATIN_GLOSS_RE.match(text, title_end + 1, end)
    if m is None or (" " not in m.group("latin") and m.group("latin").isupper()):
        return None             # '… 위원장 한국무역협회(KITA)': an acronym glosses a body
    names = m.group("hangul").split()
    if len(names) != len(m.group("latin").replace("-", " ").split()) \
            or not all(is_foreign_word(w, lex, glossed=True) for w in names) \
            or lex.PERSON_MENTION_RE.match(text, m.end(), end) is not None:
        return None             # a title after the gloss: the name is read back from it
    return Mention(m.group("hangul"), None, text[at:title_end], m.start("hangul"), m.end("hangul"), False,
                   body_before(text, at, lex), described=at, after=True)


def bracket_head(text: str, at: int, title_end: int, end: int, lex: Lexicon) -> Mention | None:
    """'세계 최대 국제기구(‘96년 설립, 회장 |루이 포숑)', '안전보건공단(KOSHA, 이사장 |김현중)': a title and
    a name closing a bracket, after its other items: the head of what the bracket describes (a full
    Korean name, or the words of a transliterated one)."""
    m = lex.BRACKET_LAST_NAME_RE.match(text, title_end, end)
    if m is None:
        return None
    name = m.group("name")
    if " " not in name:
        if not is_full_korean_name(name, lex):
            return None
    elif not (is_bracketed_foreign_name(name, lex) and any(is_transcribed(w) for w in name.split())):
        return None             # '(…, 회장 선출 예정)': Sino-Korean words, no transliterated name
    return Mention(name, None, text[at:title_end], m.start("name"), m.end("name"), False, None,
                   described=at, after=True, head=True)


def is_transcribed(word: str) -> bool:
    """'포숑', '궈잉', '레밍': a word holding a syllable that no hanja reads (data/hanja.tsv) is no
    Sino-Korean noun ('선출', '예정'); a transliterated name's words mostly hold one."""
    sino = sino_syllables()
    for ch in word:             # a loop: no generator made
        if ch not in sino:
            return True
    return False


@functools.cache
@functools.cache
def sino_syllables() -> frozenset[str]:
    """The Hangul syllables that read a hanja (483 of them), built once per process."""
    return frozenset(hanja_readings().values())


def body_before(text: str, at: int, lex: Lexicon) -> str | None:
    """'재외동포청 |홍보대사', '美 백악관 |국가기후보좌관': the words right before a title that end like
    a body (or are a Latin acronym), if any; '디지털윤리 |홍보대사', '역사강사이자 |방송인' name none."""
    words = text[text.rfind("\n", 0, at) + 1:at].split()[-MAX_AFFILIATION_WORDS:]
    k = len(words)
    while k > 0 and (is_listed_organization_word(words[k - 1], lex)
                     or (words[k - 1][1:] and words[k - 1].isascii() and words[k - 1].isalpha() and words[k - 1].isupper())):
        k -= 1
    return " ".join(words[k:]) or None


def listed_before(text: str, mention: Mention, lo: int, lex: Lexicon) -> Iterator[Mention]:
    """'장희나, 이래숙, |강승탁 작가', '이원진, |한금상 대표': full Korean names listed, comma after comma,
    before the one a title follows share its title. Each item is one word, the name whole."""
    if not is_full_korean_name(mention.name, lex):
        return
    listed: list[Mention] = []
    at = mention.start
    while text[at - 2:at] == ", ":
        stop = at - 2
        start = stop
        while start > lo and is_hangul(text[start - 1]):
            start -= 1
        word = text[start:stop]
        if not is_full_korean_name(word, lex) or word in lex.semantic["never_names"] \
                or lex.NAME_STOP_RE.search(word) or lex.NOT_AFFILIATION_WORD_RE.match(word) \
                or (start > lo and not text[start - 1].isspace() and text[start - 1] not in LIST_ITEM_CLOSERS):
            break               # '… 사회로 나서며, |김기정 …원장': a clause's end, no name
        listed.append(Mention(word, None, mention.title, start, stop, False, described=start, after=True))
        at = start
    yield from reversed(listed)


def listed_after(text: str, first: Mention, end: int, lex: Lexicon) -> Iterator[Mention]:
    """'가수 서태지, |윤도현 등은', '배우 이세진, |손호태가': full Korean names listed after the first one
    an occupation names share it; the list ends at a word that is no full name."""
    at = first.end
    while text.startswith(", ", at):
        m = lex.NAME_AFTER_OCCUPATION_RE.match(text, at + 1, end)
        if m is None or not is_full_korean_name(m.group("name"), lex) \
                or m.group("name") in lex.semantic["never_names"]:
            return
        yield Mention(m.group("name"), None, first.title, m.start("name"), m.end("name"), False,
                      first.affiliation, described=first.described, after=True)
        at = m.end("name")


def continued(mention: Mention, text: str, lex: Lexicon) -> Mention:
    """'김승룡 소방청장 |직무대행은', '구윤철 부총리 |겸 재정경제부장관은': the title goes on past its
    word (an acting office, a second office held at once); the mention ends where it does."""
    end = mention.end
    more = lex.TITLE_CONTINUATION_RE.match(text, end)
    if more is None:
        return mention
    return mention._replace(end=more.end(), continued=collapse(more.group()).strip())


def is_division_head(glued: str, title: str, lex: Lexicon) -> bool:
    """'함정사업부장', '기술지원부장': a title that is an everyday noun ('부장', '소장') glued to words that
    with its first syllable name a division ('함정사업부') is the division's head, not a noun; '주식시장'
    ('주식시' is no body) and '국가대표' (a university's '…대' ending) are none."""
    body = glued + title[:1]
    org = lex.ORG_WORD_RE.search(body)
    return org is not None and org.group() == title[:1] and len(body) >= MIN_GLUED_BODY + 1 \
        and title[:1] in lex.semantic["people"]["name"]["division_endings"]


def split_glued_title(title: str, lex: Lexicon) -> tuple[str, str] | None:
    """'관세청장' → ('관세청', '청장'), '한국경제학회장' → ('한국경제학회', '회장'), '재정경제부장관' →
    ('재정경제부', '장관'): an office glued to its body, the body's last syllables shared or not.
    '부위원장', '사무총장' hold no body. Kept by title (GLUED_TITLES): a release's few titles
    come back in every release, and each head and person without an affiliation asks."""
    memo = GLUED_TITLES
    if memo.semantic is lex.semantic and title in memo.answers:
        return memo.answers[title]
    return memo.answer(title, lex)


def split_glued_title_made(title: str, lex: Lexicon) -> tuple[str, str] | None:
    """split_glued_title's answer, made."""
    titles = lex.semantic["person_title_set"]
    if title in titles:
        return None             # '부위원장' is an office of its own
    # The longest office only: '국민권익위원장' is 위원장 of a body written short, never 원장 of
    # '국민권익위원'.
    for k in range(1, len(title)):      # a loop, not next() over a generator: asked of every head
        if title[k:] in titles:
            break
    else:
        return None
    office, prefix = title[k:], title[:k]
    for body in (prefix + office[:-1], prefix):
        m = lex.ORG_WORD_RE.search(body)
        # The body's own suffix must reach into the shared syllables: '관세|청' + '청장'.
        if len(body) >= MIN_GLUED_BODY and m and 0 < m.start() <= len(prefix):
            return body, office
    # '외교부장관': the longest office ('부장관', a deputy minister) holds the last syllable of a
    # ministry the issuers table names ('외교부'), and the office is the shorter one after it;
    # '경제부총리' is still a 부총리 (no body '경제부').
    known = issuer_names()
    for j in range(k + 1, len(title) - 1):
        if title[j:] in titles and title[:j] in known and lex.ORG_WORD_RE.search(title[:j]):
            return title[:j], title[j:]     # not '금융위' + '원장' of '금융위원장': '위' ends no body
    return None


@functools.cache
def issuer_names() -> frozenset[str]:
    """Every name, short form and former name of the bodies of data/issuers.toml."""
    return frozenset(name for entry in read_toml("issuers.toml")["issuer"]
                     for name in [entry["name"], *entry.get("aliases", ()), *entry.get("former", ())])


GLUED_TITLES = WordMemo(split_glued_title_made)


def parse_person(text: str, node: Node, mention: Mention, lex: Lexicon, backwards: str) -> Person:
    described = mention.start if mention.described is None else mention.described
    start = clause_start(text, node, described, lex, backwards)
    description = text[start:described]
    quoted = lex.QUOTED_ORG_BEFORE_RE.search(description) if QUOTE_CLOSE_ANY_RE.search(description) else None
    if mention.after:
        affiliation = mention.affiliation
    else:
        affiliation = mention.affiliation or (collapse(quoted.group("org")) if quoted else None) \
            or parse_affiliation(description, lex)
    title = mention.title
    glued = split_glued_title(title, lex) if title and affiliation is None else None
    if glued is not None:
        affiliation, title = glued
    if mention.former:
        title = f"{lex.semantic['people']['name']['former']} {title}"
    if mention.continued:
        # '부총리 겸 재정경제부장관': the second office's body is the person's when none is written.
        affiliation = affiliation or continued_body(mention.continued, lex)
        title = f"{title} {mention.continued}"
    if affiliation is None:
        # '이순영 교수(아주대학교)의 기조강연': the organization in brackets after the title.
        after = BRACKETED_ORG_AFTER_RE.match(text, mention.end)
        if after is not None and lex.ORG_WORD_RE.search(after.group("org")):
            affiliation = after.group("org")
    country = country_in(affiliation, lex) or description_country(description, lex)
    if country is None and affiliation and affiliation[:2] in lex.semantic["people"]["bodies_abroad_openings"]:
        country = body_country(affiliation, lex)        # a slice and a lookup first: most open otherwise
    before = role_before(description, lex)
    roles = [before] if before else parse_roles(text, mention.end, node.span.end, lex)
    if mention.head:
        roles = ["head", *roles]
    return Person(mention.name, mention.name_hanja, title, affiliation, country, roles,
                  (mention.start, mention.end), stated=before is not None, former=mention.former)


def description_country(description: str, lex: Lexicon) -> str | None:
    """country_in over a person's description, but a country closed by a particle of place or of
    an object ('독일을 방문 중인 |강경화 외교장관', '미국에서 열린') is where they went, not theirs
    (people.toml [name] place_particles)."""
    if not description:
        return None
    names = lex.semantic["country_table"]["names"]
    ambiguous = lex.semantic["countries"]["ambiguous"]["names"]
    places = lex.semantic["people"]["name"]["place_particles"]
    for m in lex.COUNTRY_RE.finditer(description):
        country = m.group("country")
        if country and country not in ambiguous:
            # The particle, when the match ends with it, from the spans (attributes, no call).
            particle = description[m.regs[m.lastindex][0]:m.end()] if m.lastgroup == "particle" else None
            if particle not in places:
                return names[country]
    return None


def body_country(affiliation: str | None, lex: Lexicon) -> str | None:
    """'국무부 경제 비즈니스' → 'US': a body abroad that names its country without it, opening the
    affiliation (people.toml [bodies_abroad])."""
    if not affiliation:
        return None
    return lex.semantic["people"]["bodies_abroad"].get(affiliation.split(" ", 1)[0])


def continued_body(continuation: str, lex: Lexicon) -> str | None:
    """'겸 재정경제부장관' → '재정경제부', '겸 기획재정부 장관' → '기획재정부': the body of a second
    office held at once; an acting office names none."""
    words = continuation.split()
    concurrent = lex.semantic["people"]["title_continuation"]["concurrent"]
    if concurrent not in words:
        return None
    for word in words[words.index(concurrent) + 1:]:
        glued = split_glued_title(word, lex)
        if glued is not None:
            return glued[0]
        if lex.ORG_WORD_RE.search(word) and not lex.PERSON_TITLE_TAIL_RE.search(word):
            return word         # '기획재정부'; '가상경제부장관' ends in an office, no body
    return None


def role_before(description: str, lex: Lexicon) -> str | None:
    """'두 번째 기조연설에서 ' → keynote, '발표를 맡은 경북소방본부 ' → presenter: the role the words
    before the name give, the last one written."""
    found = None
    for found in lex.ROLE_BEFORE_RE.finditer(description):
        pass
    return lex.semantic["program"]["role_of"].get(found.group("word")) if found else None


def is_plausible(person: Person, lex: Lexicon) -> bool:
    """A name that is not Korean-shaped ('저드', '크리스 홀') needs a country in its description:
    '담당자 사무관', '경영학 교수' and '역대 군수' have none."""
    return bool(person.name_hanja or is_korean_name(person.name, lex) or person.country
                or all(lex.LATIN_NAME_WORD_RE.fullmatch(w) for w in person.name.split())
                or person.name.split(" ", 1)[0] in lex.semantic["people"]["name"]["foreign_given_name_set"])


def is_everyday_noun(person: Person, doc: Document, lex: Lexicon) -> bool:
    """'부동산 |시장이 과열', '동남아 |시장 진출', '일부 소규모 |시장': a title that is an everyday noun
    ('시장' market, '공사' works, '경감' easing) names an office only with the body it belongs to
    ('여주시 이항진 |시장', '해양경찰청 홍보대사 양정원 |경사') or for a head the release names
    ('나주시(시장 윤병태)' … '윤병태 |시장은'); without either the word before is no name."""
    if person.title not in lex.semantic["people"]["titles"]["everyday"]:
        return False
    if person.affiliation and any(is_listed_organization_word(w, lex) and not lex.COUNTRY_RE.fullmatch(w)
                                  for w in person.affiliation.split()):
        return False
    return not any((org.get("head") or {}).get("name") == person.name for org in doc.organizations)


def is_common_noun(mention: Mention, doc: Document, lex: Lexicon) -> bool:
    """'반도체 시장', '전망 위원': a word shaped like a Korean name before a title that is also an
    everyday noun (or a two-syllable one before any title) is a noun when the release writes it
    elsewhere before words that are no title and no organization ('반도체 산업', '반도체 기업들이'),
    or — a two-syllable one — closed by a case particle ('기업의', '진영을': a name is followed by its
    title). A three-syllable one ending like a topic or subject particle is a noun and its particle
    when the release writes the noun so too ('소통은 조달청장이' beside '소통을', '소통의')."""
    name, text = mention.name, doc.text
    if mention.name_hanja or mention.affiliation or " " in name or not is_korean_name(name, lex):
        return False
    not_a_person = lex.semantic["people"]["not_a_person"]
    if not (len(name) == 2 or mention.title in lex.semantic["people"]["titles"]["ambiguous"]):
        # A slice and a lookup first (no call): most names end otherwise.
        return not name[3:] and name[2:3] in not_a_person["particle_ends"] \
            and written_with_particle(name[:2], mention, text, lex)
    particles = not_a_person["case_particles"] if len(name) == 2 else ()
    uses, at = 0, text.find(name)
    while at >= 0:
        start, end, at = at, at + len(name), text.find(name, at + 1)
        if start == mention.start:
            continue
        if particles and not text[start - 1:start].isalpha():
            for particle in particles:      # a loop: no generator made
                if text.startswith(particle, end) and not text[end + len(particle):end + len(particle) + 1].isalpha():
                    return True
        after = lex.WORD_RE.match(text, end + 1) if text[end:end + 1] == " " else None
        org = lex.ORG_WORD_RE.search(after.group()) if after is not None else None
        if org is not None and len(org.group()) == 1 and not is_department_word(after.group(), lex):
            org = None          # '보급과', '충전이': a particle, not an organization's ending
        if after is not None and not lex.PERSON_TITLE_RE.match(after.group()) and org is None \
                and not text[start - 1:start].strip():
            uses += 1
            if uses >= NOUN_USES:
                return True
    return False


def is_verb_form(mention: Mention, doc: Document, lex: Lexicon) -> bool:
    """'기반을 마련한 보훈단체협력담당관실 |사무관', '정보를 공개한 제약회사 |대표': a word shaped like a
    Korean name, two syllables and an adnominal ending ('-한', '-된'), right after a word closing
    with a particle the verb governs, is the verb ('…를 공개한'), not a name."""
    name = mention.name
    # Slices and a membership test first (no call): most names are no such word.
    if name[3:] or name[2:] not in lex.semantic["people"]["not_a_person"]["adnominal_endings"] \
            or mention.name_hanja:
        return False
    lo = mention.start - NAME_WINDOW
    before = doc.text[lo if lo > 0 else 0:mention.start].split()
    return bool(before) and lex.VERB_ARGUMENT_RE.search(before[-1]) is not None


def is_office_taken(mention: Mention, doc: Document, lex: Lexicon) -> bool:
    """'… 산업부 국표원 기술규제협력과장|으로 발탁', '하와이 대학교 의대 교수|로 재직': a title closed by
    the particle of the office someone is made or serves as names the office, no one holding it.
    A mention's title ends its word or is closed by one particle (lexicon PERSON_MENTION_RE): the
    one or two characters after it are the particle itself, looked up without a call."""
    text, end = doc.text, mention.end
    particles = lex.semantic["people"]["not_a_person"]["office_particle_set"]
    return text[end:end + 1] in particles or text[end:end + 2] in particles


def is_company_name(mention: Mention, doc: Document, lex: Lexicon) -> bool:
    """'주식회사 한우연 |대표': the word after a company's legal form standing alone is the company's
    name, not its head's ('영림목재(주) 이승환 |대표' names him)."""
    start = mention.start
    # The forms' last characters first (a slice and a membership test, no call): most names
    # follow other words.
    if doc.text[start - 2:start - 1] not in lex.semantic["people"]["not_a_person"]["company_form_ends"]:
        return False
    lo = start - COMPANY_FORM_REACH
    return lex.COMPANY_FORM_BEFORE_RE.search(doc.text, lo if lo > 0 else 0, start) is not None


def spans_table_rows(mention: Mention, doc: Document, lex: Lexicon) -> bool:
    """'기관명 ⏎ 세부 기관명 ⏎ … ⏎ 질병관리청 ⏎ 보건 ⏎ 환경연구원': words read from a table's header row
    as a name and from a row below as a title are two cells' words, no person (a person's name
    and title share a row: '양숙경 ⏎ 실장' in one cell, or in two of one row)."""
    # No table, or the name and the title on one line: no cell lookup (most mentions).
    if not doc.cells or "\n" not in doc.text[mention.start:mention.end]:
        return False
    first, last = cell_at(doc, mention.start), cell_at(doc, mention.end - 1)
    return first is not None and last is not None and first.table == last.table \
        and (first.row + first.rowspan <= last.row or last.row + last.rowspan <= first.row)


def cell_at(doc: Document, offset: int) -> Cell | None:
    """The innermost table cell whose lines hold `offset`, if any (asked only of a mention across
    lines in a release with tables)."""
    line = bisect_right([line.start for line in doc.lines], offset) - 1
    found = None
    for cell in doc.cells:
        if cell.first <= line < cell.last and (found is None or cell.depth >= found.depth):
            found = cell
    return found


def written_with_particle(stem: str, mention: Mention, text: str, lex: Lexicon) -> bool:
    """'소통' of '민생 현장 |소통은 조달청장이': the release writes the stem elsewhere, at a word's
    start, closed by a case particle ('소통을', '소통의') NOUN_USES times — the name's own topic or
    subject ending is a particle too. A name's first syllables make such a noun now and then
    ('조성을' beside '조성은 사무처장'), so once is not enough. Not the name itself, here or written
    again ('박지은 작가' … '박지은(76)' holds '박지' + '은')."""
    particles, needed = lex.semantic["people"]["not_a_person"]["case_particles"], NOUN_USES
    at = text.find(stem)
    while at >= 0:
        end = at + len(stem)
        if at != mention.start and not (at and text[at - 1].isalpha()) and not text.startswith(mention.name, at):
            for particle in particles:
                if text.startswith(particle, end) and not text[end + len(particle):end + len(particle) + 1].isalpha():
                    needed -= 1
                    if not needed:
                        return True
                    break
        at = text.find(stem, end)
    return False


def is_body_word(mention: Mention, doc: Document, lex: Lexicon) -> bool:
    """'국제지식재산 연수원 교육기획과장', '美 백악관 국가기후보좌관 존 포데스타': a word of three
    syllables shaped like a Korean name and ending like a body ('…관', '…실', '…원') is the body
    whose office the title names when the release writes the word as a noun elsewhere — glued to
    the end of a longer name ('국제지식재산연수원') or closed by a case particle ('연수원에서') —
    or when a person's name follows the title ('… 보좌관 존 포데스타(John Podesta)', '… 과장 ⏎
    박준호'). A name is written with its title, neither glued into a word nor after an office."""
    name = mention.name
    # Slices and a lookup first (no call): most names are no three-syllable word ending so.
    if name[3:] or not name[2:] or name[-1] not in lex.semantic["people"]["org_suffix_ends"] \
            or mention.name_hanja or mention.affiliation or mention.described is not None:
        return False
    org = lex.ORG_WORD_RE.search(name)
    if org is None or len(org.group()) != 1:
        return False
    return written_as_noun(name, mention.start, doc.text, lex) or named_after_title(mention.end, doc.text, lex)


def written_as_noun(word: str, start: int, text: str, lex: Lexicon) -> bool:
    """The word written elsewhere glued after Hangul letters ('국제지식재산연수원') or closed by a case
    particle ('연수원에서', '백악관은')."""
    particles = lex.semantic["people"]["not_a_person"]["case_particles"]
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if at != start:
            if at and is_hangul(text[at - 1]):
                return True
            for particle in particles:      # a loop: no generator made
                if text.startswith(particle, end) and not text[end + len(particle):end + len(particle) + 1].isalpha():
                    return True
        at = text.find(word, end)
    return False


def named_after_title(end: int, text: str, lex: Lexicon) -> bool:
    """A person's name right after the title, a blank or a line break between: a full Korean name
    closing its word ('예산총괄과장 ⏎ 박준호 (044-…)') or words glossed in Latin letters ('보좌관 존
    포데스타(John Podesta)')."""
    after = NAME_AFTER_TITLE_RE.match(text, end)
    if after is None:
        return False
    if after.group("gloss"):
        return True
    word = after.group("korean")
    return len(word) >= GLUED_NAME_SYLLABLES and is_korean_name(word, lex) and not is_organization_name(word, lex)


def crosses_lines(mention: Mention, doc: Document, lex: Lexicon) -> bool:
    """'17:20~17:30 ⏎ 마무리 발언 ⏎ 중기부 차관', '특허심판원 심판관 ⏎⏎ 지식재산처 기획조정관': a name
    whose line goes on with words that are no organization's, a blank line between the name and
    its title, or a name and a title in two rows of a table (spans_table_rows) put two cells or two
    paragraphs together; a name is written on the title's line, or alone on the line above it
    ('양숙경 ⏎ 실장')."""
    text, start = doc.text, mention.start
    # A membership test first (no call): most mentions lie on one line.
    if "\n" not in text[start:mention.end]:
        return False
    if spans_table_rows(mention, doc, lex):
        return True
    brk = text.find("\n", start, mention.end)
    # The lines after the name's, the title's last: a blank one among them parts two paragraphs.
    if any(not line.strip() for line in text[brk + 1:mention.end].split("\n")[:-1]):
        return True
    name_end = start + len(mention.name)
    between = text[name_end:brk].split()
    return any(not lex.ORG_WORD_RE.search(w) for w in between)


# A mention the body's reader finds that is no person, in order (data/people.toml [not_a_person]).
# Each rule opens with tests that make no call: it is asked of every new person in the body.
NOT_A_PERSON_RULES: tuple[tuple[str, Callable[[Mention, Document, Lexicon], bool]], ...] = (
    ("common_noun", is_common_noun),
    ("verb_form", is_verb_form),
    ("office_taken", is_office_taken),
    ("company_name", is_company_name),
    ("across_lines", crosses_lines),
    ("body_word", is_body_word),
)


class Registry:
    """The people met so far, found again by full name or by surname and title."""

    def __init__(self) -> None:
        self.people: list[Person] = []
        self.by_name: dict[str, Person] = {}
        self.by_short: dict[tuple[str, str | None], Person] = {}
        self.by_word: dict[tuple[str, str | None], Person] = {}

    def add(self, person: Person) -> None:
        self.people.append(person)
        self.by_name.setdefault(person.name, person)
        # '김승룡 소방청장 직무대행' is '김 청장' later: the title's first word names the office too.
        title = person.title
        office = title.split(" ", 1)[0] if title and " " in title else None     # no call for most titles
        for k in (1, 2):            # one- and two-syllable surnames: 서, 남궁
            self.by_short.setdefault((person.name[:k], title), person)
            if office:
                self.by_short.setdefault((person.name[:k], office), person)
        words = person.name.split()
        for word in words if len(words) > 1 else ():   # a foreign name of several words
            self.by_word.setdefault((word, person.title), person)

    def find(self, mention: Mention) -> Person | None:
        """'서 위원장' → the '서정욱 위원장' met before; a repeated full name → that person;
        '에스피노사 외교차관' → the '마리아 에스피노사 외교차관' met before (one word of a foreign
        name, with the same title)."""
        if mention.short:
            return self.by_short.get((mention.name, mention.title))
        return self.by_name.get(mention.name) or self.by_word.get((mention.name, mention.title))


def nodes_holding(nodes: list[Node], offsets: list[int]) -> list[Node]:
    """The nodes, in their order, whose span holds one of the sorted `offsets`."""
    if not offsets:
        return []
    # One loop over the nodes and one bisect (in C) each: sorting the nodes' starts to bisect
    # each offset into them cost a list, a set and a call per node more.
    held: list[Node] = []
    last = len(offsets)
    for node in nodes:
        span = node.span
        i = bisect_left(offsets, span.start)
        if i < last and offsets[i] < span.end:
            held.append(node)
    return held


class Bullets(NamedTuple):
    """The bullets the readers visit, flattened once per release: the body's (the first `body`
    nodes), then the appendix pages'; with their spans' starts and ends for bullets_holding."""
    nodes: list[Node]
    body: int
    starts: list[int]
    ends: list[int]
    in_order: bool          # starts ascending, as segment lists a tree's nodes (text order)


def flattened(nodes: list[Node], into: list[Node]) -> list[Node]:
    """Every node of a bullet tree, parents before their children (text.walk's order), added to
    `into`: a call per parent, where walk's generator costs a resume, a pop and an extend a node."""
    for node in nodes:
        into.append(node)
        if node.children:
            flattened(node.children, into)
    return into


def bullets_of(doc: Document) -> Bullets:
    nodes = flattened(doc.sections, [])
    body = len(nodes)
    for appendix in doc.appendices:
        flattened(appendix["sections"], nodes)
    starts = [node.span.start for node in nodes]
    ends = [node.span.end for node in nodes]
    return Bullets(nodes, body, starts, ends, in_text_order(starts, ends))


def in_text_order(starts: list[int], ends: list[int]) -> bool:
    """Each span ends at or before the next one starts: what bullets_holding's bisect needs.
    Sorted starts are not enough: an empty span after a longer one at the same start ('(5, 11),
    (5, 5)') would hide the longer one from the bisect."""
    return all(map(le, ends, islice(starts, 1, None)))


def bullets_holding(bullets: Bullets, offsets: list[int], body_only: bool = False) -> list[Node]:
    """nodes_holding over the bullets (the body's only, with `body_only`). A node's own span
    leaves out its children's, so the spans do not overlap, and the node that may hold an offset
    is the last one starting at or before it: one bisect per offset (a release has a few),
    instead of one per node."""
    count = bullets.body if body_only else len(bullets.nodes)
    if not offsets:
        return []
    if not bullets.in_order:        # a bisect needs the starts in order
        return nodes_holding(bullets.nodes[:count], offsets)
    held: list[Node] = []
    starts, ends, nodes, last = bullets.starts, bullets.ends, bullets.nodes, -1
    for offset in offsets:
        k = bisect_right(starts, offset) - 1
        if last < k < count and offset < ends[k]:
            held.append(nodes[k])
            last = k
    return held


def from_body(doc: Document, lex: Lexicon, starts: Starts, bullets: Bullets) -> list[Person]:
    """The people named before a title in the body's bullets, then the appendix pages' (in that
    order): a 참고/붙임 page lists attendees as 'NAME 기관 직함'."""
    seen = Registry()
    blanks = starts.mention
    everyday = lex.semantic["people"]["titles"]["everyday"]    # is_everyday_noun asked only of these
    for node in bullets_holding(bullets, blanks):
        for mention in mentions_in(doc.text, node, lex, blanks):
            earlier = seen.find(mention)
            if earlier is not None:
                earlier.mentions.append((mention.start, mention.end))
                if earlier.country is None and " " in earlier.name and not mention.short:
                    # '대니얼 호(Daniel Ho) 스탠포드 교수와의 면담' then '미국 … 위원인 대니얼 호 … 교수':
                    # a later description names the foreign person's country.
                    clause = clause_start(doc.text, node, mention.start, lex, starts.backwards)
                    earlier.country = description_country(doc.text[clause:mention.start], lex)
                if earlier.former and not mention.short and not mention.former:
                    # '윤주환 전 한화솔루션 상무를 … 과장으로 발탁' then '윤주환 과장은': the office held
                    # now is the person's title, its body the affiliation.
                    now = parse_person(doc.text, node, mention, lex, starts.backwards)
                    earlier.title, earlier.affiliation, earlier.former = now.title, now.affiliation, False
                    earlier.country = earlier.country or now.country
                if earlier.affiliation is None and not mention.short:
                    # '김정관 장관 방중' then '김정관 산업통상부 장관은', '이명구 관세청장은': the later
                    # mention knows the body, written between the name and the title or glued to it.
                    glued = split_glued_title(mention.title, lex)
                    before = doc.text[max(node.span.start, mention.start - NAME_WINDOW):mention.start].split()
                    body = mention.affiliation or (glued[0] if glued else None) \
                        or (before[-1] if before and is_organization_name(before[-1], lex) else None)
                    if body and lex.ORG_WORD_RE.search(body) and not any(ch.isdigit() for ch in body):
                        earlier.affiliation = body
                        earlier.country = earlier.country or country_in(body, lex)
                clause = clause_start(doc.text, node, mention.start, lex, starts.backwards)
                before = role_before(doc.text[clause:mention.start], lex)
                if before is not None:      # '특히, 발표를 맡은 … 손용원 소방교는': said of this one
                    earlier.stated = True
                    if before not in earlier.roles:
                        earlier.roles.append(before)
                for role in parse_roles(doc.text, mention.end, node.span.end, lex):
                    if role not in earlier.roles and role != "presenter":
                        earlier.roles.append(role)
            elif not mention.short:
                for _, rule in NOT_A_PERSON_RULES:
                    if rule(mention, doc, lex):
                        break
                else:
                    rule = None
                if rule is not None:
                    continue
                person = parse_person(doc.text, node, mention, lex, starts.backwards)
                # An affiliation written between the name and the title vouches for it too, and so
                # does a name read after its title (a Latin gloss, a bracket's last item).
                if (is_plausible(person, lex) or mention.affiliation or mention.after
                        or is_written_again(person.name, mention.start, doc.text, lex)) \
                        and not (person.title in everyday and is_everyday_noun(person, doc, lex)):
                    seen.add(person)
    return seen.people


def span_of(item: dict[str, Any], name: str, text: str) -> tuple[int, int] | None:
    if item.get("span"):
        return tuple(item["span"])
    at = text.find(name)
    return (at, at + len(name)) if at >= 0 else None


def head_span(org: dict[str, Any], head: dict[str, Any], text: str) -> list[int] | None:
    """Where the head's name is written after the organization: '중소기업청(廳長: 柳昌茂)' → 柳昌茂."""
    written = head.get("name_hanja") or head["name"]
    start = org["span"][1] if org.get("span") else 0
    at = text.find(written, start, start + HEAD_WINDOW)
    return [at, at + len(written)] if at >= 0 else None


CONTACT_EVIDENCE = ("title", "phone", "email", "role")
MIN_TEAM_CHARS = 3          # 'F팀' of '110T/F팀' is a cut name, no team
CONTACT_TITLE_REACH = 16     # characters before a contact's name searched for the title its row writes
ROW_DEPARTMENT_WORDS = 4     # a line above a contact naming its department holds only that
# What parts the cells of a flattened contact row: '담당자: 사무관 / 우지완', '<대경장>'.
ROW_SEPARATOR_RE = re.compile(r"[/:：|,<>()\[\]\-·]")
ROW_LABEL_RE = re.compile(r"^[^:：]{1,12}[:：]")


def row_title(text: str, start: int, lex: Lexicon) -> str | None:
    """The title a contact row writes right before the name, letter-spaced or not: '사무관 ⏎
    문경필', '책임자 과 장 김덕구', '담당자: 사무관 / 우지완'. A title closing an earlier
    'NAME TITLE' pair ('김덕구 과장 / 문경필') is that person's."""
    words = ROW_SEPARATOR_RE.sub(" ", text[max(0, start - CONTACT_TITLE_REACH):start]).split()
    titles = lex.semantic["person_title_set"]
    for k in (1, 2):
        if len(words) < k or (k == 2 and not all(len(w) == 1 for w in words[-2:])):
            continue
        title = "".join(words[-k:])
        if title in titles:
            before = words[-k - 1] if len(words) > k else ""
            return None if is_korean_name(before, lex) else title
    return None


def row_department(doc: Document, line_index: int, lex: Lexicon) -> str | None:
    """The department a contact's own line names ('담당: 경찰청 교통안전과 경정 김철수'), else
    the line above it when that line names only a department ('- 담당: 산업통상부 미주통상과' over
    '- 연락: 구진경 과장 …')."""
    suffixes = load_issuer_evidence().department_suffixes
    own = doc.lines[line_index]
    above = next((doc.lines[i] for i in range(line_index - 1, -1, -1) if not doc.lines[i].blank), None)
    for line, whole in ((own, False), (above, True)):
        if line is None:
            continue
        words = ROW_SEPARATOR_RE.sub(" ", ROW_LABEL_RE.sub("", line.text)).split()
        if whole and not (0 < len(words) <= ROW_DEPARTMENT_WORDS
                          and all(lex.ORG_WORD_RE.search(w) for w in words)):
            continue
        last = max((i for i, w in enumerate(words) if len(w) >= 3 and w.endswith(suffixes)
                    and w not in lex.semantic["person_title_set"]), default=None)     # '사무관' is no department
        if last is None:
            continue
        first = last
        while first > 0 and len(words[first - 1]) >= 3 and lex.ORG_WORD_RE.search(words[first - 1]):
            first -= 1
        return " ".join(words[first:last + 1])
    return None


def is_contact_person(contact: dict[str, Any], lex: Lexicon) -> bool:
    """A contact is a person when the table says how to reach or rank them, or when a Korean-shaped
    name sits under its department ('감사총괄담당관 과장 최기수'); a bare word of a heading
    ('<운임특례 지원 관련>') is none."""
    name = collapse(contact["name"])
    if not (contact.get("name_hanja") or " " in name or name.isascii() or (
            (name[:1] in lex.semantic["surname_set"] or name[:2] in lex.semantic["surname_set"])
            and name not in lex.semantic["person_title_set"] and name not in lex.semantic["never_names"])):
        return False            # '분양', '소방위': a word of a note or a rank, whatever the row holds
    labels = lex.semantic["people"]["contact_labels"]
    if name in labels or (name[3:] and (name[:2] in labels or name[-2:] in labels)):
        return False            # '다누리콜센터 : (전화) 1577-1366', '통합 신고전화 ☎ …', '…에 문의가능(☎ …)':
                                # a label, or a phrase of four syllables or more opened or closed by one
    if any(contact.get(key) for key in CONTACT_EVIDENCE):
        return True
    department = contact.get("department") or ""
    # '<공급망 위기관리 관련>' read as the name '공급망' under '지원': a department ends like one.
    return department.endswith(load_issuer_evidence().department_suffixes) \
        and is_korean_name(collapse(contact["name"]), lex)


def short_form(name: str | None, lex: Lexicon) -> str | None:
    """'중기부' → '중소벤처기업부': an issuer's short form read into its full name (former names
    stay as written: they were the name when the release was written)."""
    return issuer_aliases().get(name, name) if name else name


@functools.cache
def issuer_aliases() -> dict[str, str]:
    return {alias: entry["name"] for entry in read_toml("issuers.toml")["issuer"] for alias in entry.get("aliases", ())}


def from_header(doc: Document, lex: Lexicon, people: list[Person]) -> None:
    """Contacts (role contact) and organization heads (role head) are people too."""
    found: list[tuple[dict[str, Any], str, str | None]] = []
    starts: list[int] = []      # of the lines, made when a contact's row is read
    for contact in doc.contacts:
        if contact.get("name") and is_contact_person(contact, lex):
            # The person's own row: its team ('국제협력정보화팀'), else its department; the 국/실
            # written on a line above names a larger unit.
            team = contact.get("team")
            department = (team if team and len(team) >= MIN_TEAM_CHARS else None) or contact.get("department")
            if not department and contact.get("span"):
                starts = starts or [line.start for line in doc.lines]
                department = row_department(doc, bisect_right(starts, contact["span"][0]) - 1, lex)
            if not contact.get("title") and contact.get("span"):
                contact = {**contact, "title": row_title(doc.text, contact["span"][0], lex)}
            found.append((contact, "contact", department or short_form(contact.get("organization"), lex)))
    for org in doc.organizations:
        head = org.get("head") or {}
        if head.get("name"):
            found.append(({**head, "span": head_span(org, head, doc.text)}, "head", org.get("name")))
    for item, role, affiliation in found:
        name = head_name(collapse(item["name"]), lex)
        if name is None:
            continue            # '(위원장 국토부장관)', '(본부장 : 국무총리)': an office holds it, no person
        known = None
        for person in people:       # a loop, not next() over a generator: a release has few people
            if person.name == name:
                known = person
                break
        if known is not None:
            if role not in known.roles:
                known.roles.append(role)
            # '김성환 장관' in the body is '기후에너지환경부(장관 김성환)': the header knows the body.
            known.affiliation = known.affiliation or affiliation
            continue
        span = span_of(item, item.get("name_hanja") or name, doc.text)
        if span is not None:
            people.append(Person(name, item.get("name_hanja"), item.get("title"), affiliation, None,
                                 [role], span))


def head_name(name: str, lex: Lexicon) -> str | None:
    """The person a head's bracket names: '권덕철' of '장관권덕철' and '권덕철장관' (a title glued to
    the name where blanks were dropped); None when the bracket names an office, not a person
    ('부총리', '국토부장관', '통일부장관')."""
    titles = lex.semantic["person_title_set"]
    if name in titles or split_glued_title(name, lex) is not None:
        return None
    for k in range(2, len(name) - 1):
        head, tail = name[:k], name[k:]
        if head in titles and is_korean_name(tail, lex) and len(tail) >= GLUED_NAME_SYLLABLES:
            return tail
        if tail in titles:      # '국토부장관': no name before the office
            return head if is_korean_name(head, lex) and len(head) >= GLUED_NAME_SYLLABLES else None
    return name


def body_lines(doc: Document) -> list[Line]:
    wanted = {BlockKind.BODY, BlockKind.APPENDIX}
    return [doc.lines[i] for b in doc.blocks if b.kind in wanted for i in range(b.first, b.last)
            if not doc.lines[i].blank]


def from_program(doc: Document, lex: Lexicon, people: list[Person]) -> None:
    """Speakers of programme lines: '좌장 : 이승주(중앙대 교수)' → 이승주, 교수, 중앙대, moderator."""
    # A line is a programme's when it lists talks (a list mark), opens with a role ('좌장 :') or
    # goes on under the role above. Plain finds give the marks and one scan the lines that may open
    # with a role (role_lines, by their start; the text's first line has no newline before it):
    # PROGRAM_ROLE_RE is tried on those only, and a release with neither has no programme line.
    # `in` first (no call): most releases hold none of the marks.
    text = doc.text
    marks = [at for mark in PROGRAM_LIST_MARKS if mark in text for at in occurrences(text, mark)]
    # (The scan over the whole text, not only from the first body line to the last: bounding it by
    # the body blocks cost more than the header's few lines it skips, 88.8k -> 92.5k a record.)
    role_lines = role_line_starts(text, lex)
    if not marks and role_lines == {0} and not (doc.lines and is_role_line(doc, doc.lines[0], lex)):
        return
    # The lines holding a mark, by their start (a mark is no blank: it lies in its line's
    # content): a set lookup a line, not a bisect into the marks.
    marked = {text.rfind("\n", 0, at) + 1 for at in marks}
    known = {p.name: p for p in people}
    role = None
    for line in body_lines(doc):
        if role is None and line.start not in marked \
                and not (line.start in role_lines and is_role_line(doc, line, lex)):
            continue
        start, end = line.content.start, line.content.end
        role, entries = read_program_line(doc.text, start, end, lex, role)
        for e in entries:
            if e.speaker is None or e.speaker_span is None:
                continue
            person = known.get(e.speaker)
            if person is None and not is_program_speaker(e, lex):
                continue
            if person is None:
                person = Person(e.speaker, None, e.title, e.affiliation, e.country, [], e.speaker_span)
                known[e.speaker] = person
                people.append(person)
            if e.role not in person.roles:
                person.roles.append(e.role)


def is_program_speaker(entry: ProgramEntry, lex: Lexicon) -> bool:
    """'(윤재운, 대구대)', '(성제훈 농촌진흥청 디지털추진단장)', '(강동석, 동국대학교WISE캠퍼스)': a
    speaker has a title, an organization, or a full name written as a person's; '(안전 경영)',
    '(구속 25명)', '(ISO, IEC)', '(강원대, 건국대, …)' name a topic, a count or organizations. A figure
    is never an affiliation."""
    name, affiliation = entry.speaker or "", (entry.affiliation or "").split()
    if is_organization_name(name, lex) or any(w[:1].isdigit() for w in affiliation):
        return False
    if entry.title or any(is_listed_organization_word(w, lex) or lex.COUNTRY_RE.fullmatch(w) for w in affiliation):
        return True
    words = name.split()
    return (len(name) >= GLUED_NAME_SYLLABLES and is_korean_name(name, lex)) \
        or (len(words) > 1 and all(lex.LATIN_NAME_WORD_RE.fullmatch(w) for w in words))


def is_listed_organization_word(word: str, lex: Lexicon) -> bool:
    """'대구대', '이순신연구소', '역사박물관': a word that ends like an organization and is long enough
    for the ending to be one; '표시' (… 시) and '미부과' (… 과, a particle's shape under four
    syllables) are none."""
    org = lex.ORG_WORD_RE.search(word)
    if org is None:
        return False
    ending = org.group()
    if len(ending) > 1:
        return True
    return len(word) >= GLUED_NAME_SYLLABLES and (ending not in lex.semantic["people"]["name"]["department_endings"]
                                                  or is_department_word(word, lex))


def role_line_starts(text: str, lex: Lexicon) -> set[int]:
    """The starts of the lines that may open with a programme role: those PROGRAM_ROLE_RE matches
    at (and a few more), and the text's first line, which no newline opens."""
    return {m.start() + 1 for m in lex.PROGRAM_ROLE_LINE_RE.finditer(text)} | {0}


def is_role_line(doc: Document, line: Line, lex: Lexicon) -> bool:
    """'좌장 : 이승주(…)', '(발표1) …': the line opens with a programme role."""
    return lex.PROGRAM_ROLE_RE.match(doc.text, line.content.start, line.content.end) is not None


def opens_item(text: str, start: int, lex: Lexicon) -> bool:
    """The name opens its list item: only a mark, a comma, a colon or a blank before it on its line."""
    before = text[text.rfind("\n", 0, start) + 1:start].rstrip()
    return not before or before[-1] in ",:：·" or before[-1] in "".join(lex.semantic["people"]["name"]["item_marks"])


def marked_foreign_name(text: str, start: int, last: str, lex: Lexicon) -> tuple[int, str] | None:
    """'△타일러 라시(방송인)': the words between a list mark and the bracketed word's last word are a
    transliterated name's when each is one (no Korean name's shape before the last)."""
    line_start = text.rfind("\n", 0, start) + 1
    mark = max(text.rfind(ch, line_start, start) for ch in lex.semantic["people"]["name"]["item_marks"])
    if mark < 0:
        return None
    words = text[mark + 1:start].split()
    if not 1 <= len(words) <= MARKED_NAME_WORDS \
            or not (is_foreign_word(last, lex, glossed=True) or is_korean_name(last, lex)) \
            or not all(is_foreign_word(w, lex) for w in words) \
            or all(is_korean_name(w, lex) for w in words + [last]):
        return None             # '△김하늘 이도윤(…)' would be two Korean names, no one's
    return text.index(words[0], mark), " ".join(words + [last])


def from_parentheses(doc: Document, lex: Lexicon, people: list[Person], bullets: Bullets,
                     starts: Starts) -> None:
    """'김소영(금융위원회 부위원장)', '황윤재(한국경제학회장)': a Korean name and, in brackets, an
    organization closed by a title."""
    known = {p.name for p in people}
    for node in bullets_holding(bullets, starts.paren, body_only=True):
        for m in matches_at(lex.PERSON_PAREN_RE, doc.text, node.span.start, node.span.end, starts.paren):
            name, start = m.group("name"), m.start("name")
            marked = marked_foreign_name(doc.text, start, name, lex)
            if marked is not None:
                start, name = marked         # '△타일러 라시(방송인)': the whole name after the mark
            elif not is_korean_name(name, lex):
                continue
            if name in known or name in lex.semantic["never_names"]:
                continue
            words = m.group("inside").split()
            if len(words) == 1 and (words[0] in lex.semantic["person_title_set"] or len(name) < GLUED_NAME_SYLLABLES) \
                    and marked is None and not opens_item(doc.text, start, lex):
                continue        # '△… 강화(기자)', '… 설명(에너지경제연구원)': the name must open its item
            if len(words) > 1 and len(words[0]) >= GLUED_NAME_SYLLABLES and is_korean_name(words[0], lex) \
                    and not is_organization_name(words[0], lex):
                continue        # '△… 현황 및 전망(성하람 가상청 단장)', '한수원(이희환 방사선안전실장)':
                                # the bracket names its own person ('(서울대 교수)' names a body)
            affiliation = collapse(" ".join(words[:-1])) or None
            known.add(name)
            # The title as written, glued to its organization or not: '한국경제학회장', '부원장보'.
            people.append(Person(name, None, words[-1], affiliation,
                                 country_in(affiliation, lex), [],
                                 (start, m.end("name"))))


def from_aged_list(doc: Document, lex: Lexicon, people: list[Person], nodes: list[Node]) -> None:
    """'※ 올해의 인물: 가상협의회 전(前) 사무처장 고하늘(61), 방송작가 나별(76)': a list of people,
    each a description, a title, a name and a two-digit age; the description since the list's
    separator is the affiliation ('전(前)' marks a former office, no organization's word). run
    calls it only when the bracket scan met an age after a name (Starts.aged)."""
    known = {p.name for p in people}
    marks = tuple(lex.semantic["people"]["name"]["former_marks"])
    descriptions: list[tuple[int, int]] = []
    for node in (node for node in nodes if doc.text.find("(", node.span.start, node.span.end) >= 0):
        ages = [a.start() for a in lex.AGE_BRACKET_RE.finditer(doc.text, node.span.start, node.span.end)]
        if not ages:
            continue
        # The item the age closes: the last match of the window before it ends there.
        found = ([m for m in lex.AGED_PERSON_RE.finditer(doc.text, max(node.span.start, at - AGED_ITEM_REACH),
                                                         at + AGE_CHARS) if m.start("age") - 1 == at]
                 for at in ages)
        for m in (ms[-1] for ms in found if ms):
            name = m.group("name")
            if name in known or not is_korean_name(name, lex) or len(name) < GLUED_NAME_SYLLABLES:
                continue
            lo = max(node.span.start, m.start() - DESCRIPTION_WINDOW // 2)
            description = doc.text[lo:m.start()]
            cut = max(description.rfind(sep) for sep in ",:：※")
            words = [w for w in description[cut + 1:].split() if w not in marks]
            affiliation = organization_tail(" ".join(words), lex) if words else None
            descriptions.append((lo + cut + 1, m.start("name")))
            known.add(name)
            people.append(Person(name, None, m.group("title"), affiliation, country_in(affiliation, lex), [],
                                 (m.start("name"), m.end("name"))))
    if descriptions:
        # '호치민 국제학교 ⏎ 교사 김태기(76)': a word the body read as a name before the item's title
        # is a word of the item's description.
        people[:] = [p for p in people if not any(a <= p.span[0] < b for a, b in descriptions)]


def is_listed_organization(org: str, lex: Lexicon) -> bool:
    """'고려대', '한국게임산업협회': an organization, not a city or a province ('부산시')."""
    return (bool(lex.ORG_WORD_RE.search(org)) and not lex.COUNTRY_RE.fullmatch(org)
            and not org.endswith(tuple(lex.semantic["people"]["name"]["region_endings"])))


def closes_list_item(text: str, end: int) -> bool:
    """A comma or '등' after the bracket: the item is one of a list ('허진(가상대), …'); an item
    closing its line ('목록(환경부)') is a name's only with a full name's three syllables."""
    rest = text[end:end + 3].lstrip()
    return rest.startswith((",", "등"))


def from_organization_list(doc: Document, lex: Lexicon, people: list[Person], bullets: Bullets,
                           starts: Starts) -> None:
    """'강문성(고려대), 정철(KERI) 등': names listed with their organization in brackets. A Latin
    acronym ('KERI') counts in a list that also names a Hangul organization: alone, '서비스(SNS)'
    and '위기(EN)' are a gloss and a code."""
    known = {p.name for p in people}
    for node in bullets_holding(bullets, starts.item, body_only=True):
        items = [m for m in matches_at(lex.PERSON_ORG_ITEM_RE, doc.text, node.span.start, node.span.end, starts.item)
                 if is_korean_name(m.group("name"), lex) and m.group("name") not in lex.semantic["never_names"]
                 and (len(m.group("name")) >= GLUED_NAME_SYLLABLES or closes_list_item(doc.text, m.end()))]
        listed = [m for m in items if is_listed_organization(m.group("org"), lex)]
        if listed:
            listed = [m for m in items if m in listed or (m.group("org").isascii() and m.group("org").isupper())]
        if not any(len(m.group("name")) >= GLUED_NAME_SYLLABLES for m in listed):
            continue            # '소득 공제(중기부), … 지원(산업부)': a list of two-syllable words alone
                                # names no one; one beside full names does ('정철(KERI), 장상식(KITA)')
        for m in listed:
            if m.group("name") in known:
                continue
            known.add(m.group("name"))
            people.append(Person(m.group("name"), None, None, m.group("org"), country_in(m.group("org"), lex),
                                 [], (m.start("name"), m.end("name"))))


def from_org_heads(doc: Document, lex: Lexicon, people: list[Person], bullets: Bullets,
                   starts: Starts) -> None:
    """'지식재산처(처장 김용선)는' → 김용선, 처장, 지식재산처, head — the heads the organizations
    stage leaves out (titles it does not know, '(장관 김정관, 이하 산업부)')."""
    known = {p.name for p in people} | {o["head"]["name"] for o in doc.organizations if o.get("head")}
    for node in bullets_holding(bullets, starts.head, body_only=True):
        for m in matches_at(lex.ORG_HEAD_PERSON_RE, doc.text, node.span.start, node.span.end, starts.head):
            if m.group("after_name"):
                named_after(m, lex, people, known)
                continue
            name, title, name_start = m.group("name"), None, m.start("name")
            if m.end("title") == name_start and is_glued_in_spaced_line(doc.text, name_start):
                continue        # '매출발생국(시장소재국)': an office glued to the word after it is one noun
            # '사원(배우자 포함)': a title glued to the words after it is no head's title.
            foreign = " " in name and is_bracketed_foreign_name(name, lex) \
                and not doc.text[m.end("title"):m.end("title") + 1].isalpha()
            own = None          # the head's own body, written in the bracket ('직방')
            if " " in name and not foreign:
                # '(본부장: 국무총리 김부겸)', '(부총리 겸 교육부장관 유은혜)', '(민간조직위원장 직방 안성우
                # 대표)': one full Korean name among an office's or a body's words.
                inside = head_in_words(name, lex)
                if inside is None:
                    continue
                offset, name, more, own = inside
                name_start += offset
                title = f"{m.group('title')} {more}" if more else None
            if not (is_korean_name(name, lex) or foreign) \
                    or not (lex.ORG_WORD_RE.search(m.group("org")) or is_head_body(m.group("org"), name, lex)):
                continue
            if name in known:
                # '김정관 장관은 …' met first: he is the head, his organization is his affiliation.
                for person in people:
                    if person.name == name:
                        person.affiliation = person.affiliation or own or m.group("org")
                        if "head" not in person.roles:
                            person.roles.append("head")
                continue
            known.add(name)
            # '중국 수리부(장관 리 궈잉)': the country written before the organization is part of it.
            org, org_start = m.group("org"), m.start()
            if org in lex.semantic["people"]["not_a_person"]["company_forms"] and doc.text[org_start - 1:org_start] == " ":
                # '에스엘 주식회사(대표 …)': the legal form names the company with the word before it.
                before = doc.text[max(node.span.start, org_start - COMPANY_FORM_REACH):org_start].split()
                if before:
                    org_start = doc.text.rfind(before[-1], 0, org_start)
                    org = f"{before[-1]} {org}"
            country = None
            for country in lex.COUNTRY_RE.finditer(doc.text, max(node.span.start, org_start - COUNTRY_REACH), org_start):
                pass
            if country is not None and country.group("country") and not country.group("particle") \
                    and not doc.text[country.end():org_start].strip():
                org = f"{country.group('country')} {org}"
            people.append(Person(name, None, title or m.group("title"), org, country_in(org, lex), ["head"],
                                 (name_start, name_start + len(name))))


def is_head_body(org: str, name: str, lex: Lexicon) -> bool:
    """A word glued to a head's bracket that does not end like a body ('지식재산처(처장 …)': the
    caller's test) names one still when it is a company's or a body's own name and a full Korean
    name heads it ('㈜강원랜드(사장 이삼걸)', '덕수궁관리소(소장 권점수)', 'KOTRA(사장 권평오)'); an office
    ('기술기획본부장(수석연구원 …)') or a word that is never a name's ('(대표자명)') is none."""
    return is_full_korean_name(name, lex) and org not in lex.semantic["never_names"] \
        and not lex.PERSON_TITLE_TAIL_RE.search(org)


def is_bracketed_foreign_name(name: str, lex: Lexicon) -> bool:
    """'리 궈잉', '코야리 타카시' in a head's bracket: words of a transliterated name; the last may end
    like a one-syllable body ('타카시': …시), for the bracket says a person holds the office."""
    words = name.split()
    if not all(is_foreign_word(w, lex) for w in words[:-1]) or all(is_full_korean_name(w, lex) for w in words):
        return False            # '(위원장 오하늘 한바다)' would be two Korean names, no one's
    last = words[-1]
    if is_foreign_word(last, lex):
        return True
    org = lex.ORG_WORD_RE.search(last)
    return org is not None and len(org.group()) == 1 and is_foreign_word(last, lex, glossed=True) \
        and not is_korean_name(last, lex)


def head_in_words(words_written: str, lex: Lexicon) -> tuple[int, str, str | None, str | None] | None:
    """A head's bracket that holds more than the name: (where the name starts in the words, the name,
    what continues the head's title, the head's own body). '국무총리 김부겸' (an office, then the
    name), '겸 교육부장관 유은혜' (a second office: the title goes on), '직방 안성우 대표' (the body
    and the title of the person's own), '김인현 고려대 교수'. One word only may be a full Korean name."""
    words = words_written.split()
    full = [k for k, w in enumerate(words) if is_full_korean_name(w, lex) and not lex.PERSON_TITLE_TAIL_RE.search(w)]
    if len(full) != 1:
        return None
    k = full[0]
    before, after = words[:k], words[k + 1:]
    if after and not lex.PERSON_TITLE_TAIL_RE.search(after[-1]):
        return None             # the name's own title closes what follows it
    more = own = None
    if before:
        if before[0] == lex.semantic["people"]["title_continuation"]["concurrent"]:
            more = " ".join(before)                     # '겸 교육부장관'
        elif lex.PERSON_TITLE_TAIL_RE.search(before[-1]):
            pass                                        # '국무총리', '행정안전부장관': the office held
        elif all(is_affiliation_word(w, lex) for w in before):
            own = " ".join(before)                      # '직방', '외교부'
        else:
            return None
    return len(" ".join(before)) + (1 if before else 0), words[k], more, own


def is_glued_in_spaced_line(text: str, at: int) -> bool:
    """A head's name glued to its title ('(장관권칠승)') is one only where the line was written
    without blanks (a rendering that dropped them all): on a line with blanks, '(시장소재국)' and
    '(시장점유율, …)' are nouns that open with an office's word."""
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text.find(" ", start, end if end >= 0 else len(text)) >= 0


def named_after(m: re.Match[str], lex: Lexicon, people: list[Person], known: set[str]) -> None:
    """'금융위원회(손병두 부위원장)는' → 손병두, 부위원장, 금융위원회: a person named in brackets after
    the organization, the title after the name (no head: the title says who they are)."""
    name = m.group("after_name")
    if name in known or not is_korean_name(name, lex) or name in lex.semantic["never_names"] \
            or not lex.ORG_WORD_RE.search(m.group("org")):
        return
    known.add(name)
    people.append(Person(name, None, m.group("after_title"), m.group("org"), None, [],
                         (m.start("after_name"), m.end("after_name"))))


def has_offset(offsets: list[int], start: int, end: int) -> bool:
    """One of the sorted `offsets` lies in [start, end)."""
    i = bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < end


def occurrences(text: str, word: str) -> list[int]:
    """Where `word` starts in text, overlaps included; a list (a generator would cost a resume,
    a Python call, per occurrence)."""
    found: list[int] = []
    at = text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def chair_word_starts(text: str, lex: Lexicon) -> list[int]:
    """Where a chair word ('좌장', '사회') starts, sorted. A word is looked for only when each of its
    characters is written: a one-character `in` is a fast scan in C (~0.1-0.3 us a korea.kr
    record), a two-character find a slower one (~1.5 us), and most records lack '좌' or '회'."""
    return sorted([i for w in lex.semantic["people"]["discussion"]["chair_words"]
                   if all([ch in text for ch in w]) for i in occurrences(text, w)])


def discussants(doc: Document, lex: Lexicon, people: list[Person]) -> None:
    """'A 교수를 좌장으로 B 명예교수, C 교수 등 전문가들이 참여하여 … 논의': A moderates, B and C
    discuss (panelist, not the presenters a later '발표자들' would make them). When the sentence
    first names presentations of theirs ('B 교수, C 실장의 주제발표'), their roles stay."""
    if not people:
        return
    # Every chair phrase opens with a chair word ('좌장으로'): the pattern is tried where a plain
    # find meets one, not through the whole text.
    at = chair_word_starts(doc.text, lex)
    if not at:
        return                  # no chair word: no phrase (most releases)
    for phrase in matches_at(lex.CHAIR_PHRASE_RE, doc.text, 0, len(doc.text), at):
        # The particle before the phrase: '… 교수를 |좌장으로', '… 교수의 |사회로'.
        m = lex.CHAIRED_BY_RE.search(doc.text, max(0, phrase.start() - CHAIR_PARTICLE_REACH), phrase.end())
        if m is None or m.end() != phrase.end():
            continue
        stop = SENTENCE_FULL_STOP_RE.search(doc.text, m.end())
        end = stop.start() if stop else len(doc.text)
        verb = lex.DISCUSSION_VERB_RE.search(doc.text, m.end(), end)
        discussed = verb is not None and not verb.group("presented")
        for person in people:
            spans = [person.span, *person.mentions]
            # The chair's name and title right before the phrase ('… 교수(한라대)를 좌장으로').
            if any(lex.CHAIR_GAP_RE.fullmatch(doc.text, b, m.start()) for _, b in spans):
                person.roles = ["moderator"] + [r for r in person.roles if r == "head"]
            elif discussed and any(m.end() <= a < verb.start() for a, _ in spans):
                person.roles = ["panelist"] + [r for r in person.roles if r not in ("presenter", "panelist")]


def issuer_heads(doc: Document, lex: Lexicon, people: list[Person]) -> None:
    """'이명구 청장은 “…”라고 말했다' in a 관세청 release: the person quoted with the head's title of
    the issuer's kind of body, and the issuer or no organization written, is the issuer's head."""
    if not any(person.title for person in people):
        return                  # nobody to make the head: the issuer's kind of body is not sought
    issuer = (doc.release.get("issuer") or {}) if isinstance(doc.release, dict) else {}
    names = {n for n in (issuer.get("name"), issuer.get("canonical")) if n}
    if not names:
        return
    heads = lex.semantic["people"]["issuer_head"]
    name = max(names, key=len)
    # A few hundred issuers write every release: the ending is looked up once an issuer.
    memo = ISSUER_ENDINGS
    ending = memo.answers[name] if memo.semantic is lex.semantic and name in memo.answers \
        else memo.answer(name, lex)
    if ending is None:
        return
    for person in people:
        office = person.title
        if office and " " in office:
            office = office.split(" ", 1)[0]        # '청장 직무대행': 청장
        if office in heads[ending] and "head" not in person.roles and "contact" not in person.roles \
                and (person.affiliation is None or person.affiliation in names
                     or short_form(person.affiliation, lex) in names) \
                and any(lex.QUOTED_AFTER_RE.match(doc.text, end) for _, end in [person.span, *person.mentions]):
            person.affiliation = person.affiliation or name
            person.roles.append("head")


def longest_ending(name: str, endings: dict[str, Any]) -> str | None:
    """The longest of `endings` that `name` ends with ('위원회' before '회'): its suffixes looked up,
    the longest first, not every ending sorted and tried (a release asks once)."""
    longest = max(map(len, endings), default=0)
    return next((name[-k:] for k in range(min(longest, len(name)), 0, -1) if name[-k:] in endings), None)


def issuer_ending_made(name: str, lex: Lexicon) -> str | None:
    return longest_ending(name, lex.semantic["people"]["issuer_head"])


ISSUER_ENDINGS = WordMemo(issuer_ending_made)


def home_countries(people: list[Person], lex: Lexicon) -> None:
    """'김소영 금융위원회 부위원장' → KR: a Korean name with no other country in its description.
    On the same pass (one loop over the people), a title glued to its body from a reader that keeps
    the title as written (brackets, programme lines: '황윤재(한국경제학회장)') is split as the body's
    reader splits it (parse_person) when no affiliation is known: 회장 of 한국경제학회."""
    home = lex.semantic["people"]["home_country"]
    for person in people:
        title = person.title
        if person.affiliation is None and title and " " not in title:
            glued = split_glued_title(title, lex)
            if glued is not None:
                person.affiliation, person.title = glued
        if person.country is None and "contact" not in person.roles \
                and (person.name_hanja or is_korean_name(person.name, lex)):
            person.country, person.home = home, True


def run(doc: Document, lex: Lexicon) -> None:
    bullets = bullets_of(doc)
    # min and max over lists: over generators each node would cost a resume (a Python call).
    starts = find_starts(doc.text, lex, min(bullets.starts, default=0), max(bullets.ends, default=0))
    people = from_body(doc, lex, starts, bullets)
    # The readers of brackets visit the body's bullets that hold one of their starts: most
    # releases give them none (their brackets close no reader's match).
    if starts.head:
        from_org_heads(doc, lex, people, bullets, starts)
    if starts.paren:
        from_parentheses(doc, lex, people, bullets, starts)
    if starts.aged:
        from_aged_list(doc, lex, people, bullets.nodes[:bullets.body])
    if starts.item:
        from_organization_list(doc, lex, people, bullets, starts)
    from_program(doc, lex, people)
    from_header(doc, lex, people)   # contacts and heads join the people met in the body
    discussants(doc, lex, people)
    issuer_heads(doc, lex, people)
    home_countries(people, lex)
    people.sort(key=attrgetter("span"))     # in C: a lambda is a Python call per person
    doc.people = people
