from ..document import Document
from ..lexicon import Lexicon


def run(doc: Document, lex: Lexicon) -> None:
    return None
