from pathlib import Path

import pipeline

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_seed_parses_and_validates():
    record = pipeline.parse_file(SAMPLES / "apec-2004-sme-forum.txt")
    assert pipeline.validate(record) == []
    assert len(record["sections"]) == 4
