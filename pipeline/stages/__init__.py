"""One module per stage; each exposes `run(doc, lex)` and a RULES table where it has rules."""
