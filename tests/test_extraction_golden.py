"""Extraction of every bundled and evaluation document is exactly the stored golden.

This guards changes that must not alter the output (speed-ups, refactoring): every entity, fact,
span and the order they come in must stay the same. A change *meant* to alter the output (a new
rule, a lexicon entry) regenerates the golden files from the repository root with

    python -m tests.regen_extraction_golden

and commits the diff of ``tests/golden/extractions/`` with the change.
"""

from __future__ import annotations

import difflib

import pytest

from regen_extraction_golden import GOLDEN_DIR, ROOT, current, document_paths

PATHS = document_paths()


def test_every_document_has_a_golden() -> None:
    assert len(PATHS) >= 30
    stems = {p.stem for p in GOLDEN_DIR.glob("*.json")}
    assert len(stems) == len(PATHS), "regenerate: python -m tests.regen_extraction_golden"


@pytest.mark.parametrize("path", PATHS, ids=[p.name for p in PATHS])
def test_extraction_is_the_golden(path) -> None:
    doc_id, got = current(path)
    golden = GOLDEN_DIR / f"{doc_id}.json"
    assert golden.is_file(), f"no golden for {path.relative_to(ROOT)}: python -m tests.regen_extraction_golden"
    want = golden.read_text(encoding="utf-8")
    if got != want:
        diff = "".join(list(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "golden", "now", n=0))[:40])
        pytest.fail(f"extraction of {path.relative_to(ROOT)} differs from {golden.relative_to(ROOT)} "
                    f"(if intended: python -m tests.regen_extraction_golden)\n{diff}")
