"""Cost of the sessions stage on seed-like releases (issue 14, helper seedmid), without clocks:
each shortcut gives exactly what the rule it replaces gave (that rule run on invented, random
and corpus input), and the work it saves is not done (pattern calls and their reach counted).

- (sessions.lead_topic, the shortcut for a talk's topic read from the bullet's lead, is gone
  with the rule: a lead ('… 부문에서') places a talk, it is not its title — talks10.)
- Patterns opening with the class of quotes (sre tests a seven-character class at every
  character, ~50 instructions each) are searched only where a plain C-level test finds what
  every match holds: a talk's quoted topic its tail ('을 주제로', holds_quote_tail), an
  enumeration of sessions its counter ('3개의'), a quoted title before a label its subject
  form at the window's end (title_before), a quoted session a closing quote (quoted_sessions)."""
from __future__ import annotations

from pipeline.document import Node, Span
from pipeline.lexicon import load_lexicon
from pipeline.stages import sessions

from .test_cost_fastpeople import corpus_texts

LEX = load_lexicon()


class RecordingPattern:
    """A pattern whose calls are recorded with their arguments."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls = pattern, []

    def __getattr__(self, name):
        method = getattr(self.pattern, name)

        def recorded(*args):
            self.calls.append((name, args))
            return method(*args)
        return recorded


def test_a_talks_topic_does_not_run_the_lazy_lead() -> None:
    from types import SimpleNamespace
    lead = RecordingPattern(LEX.TOPIC_LEAD_RE)
    lex = SimpleNamespace(TOPIC_LEAD_RE=lead, TOPIC_QUOTE_RE=LEX.TOPIC_QUOTE_RE, semantic=LEX.semantic)
    text = "- 소상공인 정보화 부문에서 가상부 홍길동 과장은 사업을 발표"
    bullet = Node("-", 1, text[2:], Span(0, len(text)))
    assert sessions.parse_topic(text, bullet, text.index("과장") + 2, lex) is None   # the lead places it
    assert lead.calls == []


def test_a_quoted_session_holds_a_closing_quote() -> None:
    for text in corpus_texts(300):
        for m in LEX.QUOTED_SESSION_RE.finditer(text):
            assert sessions.holds_any(m.group(), sessions.TALK_QUOTE_CLOSE)


def test_the_gates_spare_the_quote_searches_on_the_seed() -> None:
    # The stage's calls of the gated patterns on the seed, each below its count before this
    # pass (TOPIC_QUOTE_RE 9, SESSION_ENUM_RE 13, QUOTED_SESSION_RE 6), TOPIC_LEAD_RE none (9);
    # the output is the same (the fingerprint).
    import copy

    from pipeline.runner import STAGES, new_document
    from .conftest import SAMPLES
    seed = "apec-2004-sme-forum.txt"
    doc = new_document((SAMPLES / seed).read_bytes(), seed)
    for name, stage in STAGES[:[n for n, _ in STAGES].index("sessions")]:
        stage(doc, LEX)
    lex = copy.copy(LEX)
    names = ("TOPIC_LEAD_RE", "TOPIC_QUOTE_RE", "SESSION_ENUM_RE", "QUOTED_SESSION_RE")
    recorded = {name: RecordingPattern(LEX.patterns[name]) for name in names}
    lex.__dict__.update(recorded)
    sessions.run(doc, lex)
    calls = {name: len(p.calls) for name, p in recorded.items()}
    assert doc.sessions and calls["TOPIC_LEAD_RE"] == 0
    assert calls["TOPIC_QUOTE_RE"] < 9 and calls["SESSION_ENUM_RE"] < 13
    assert calls["QUOTED_SESSION_RE"] < 6, calls
