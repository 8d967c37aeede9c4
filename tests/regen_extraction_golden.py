"""Golden extractions of the bundled and evaluation documents: the serialisation and its regeneration.

``tests/golden/extractions/<doc_id>.json`` holds the :class:`~qgraph.model.Extraction` of every
document under ``data/corpus`` and ``data/eval*`` in a stable JSON form (one entity or fact per
line, so a diff shows what changed). ``tests/test_extraction_golden.py`` checks that today's code
still gives exactly these; a change meant to alter the output (a new rule, a lexicon entry)
regenerates them, from the repository root:

    python -m tests.regen_extraction_golden

and the diff of ``tests/golden/extractions/`` is then part of the change, to be read in review.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import sys
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN_DIR = ROOT / "tests" / "golden" / "extractions"
SUFFIXES = (".txt", ".md", ".html", ".htm")


def document_paths() -> list[Path]:
    """Every bundled and evaluation document (``data/corpus``, every ``data/eval*``), in a fixed order."""
    dirs = [ROOT / "data" / "corpus", *sorted(p for p in (ROOT / "data").glob("eval*") if p.is_dir())]
    out: list[Path] = []
    for d in dirs:
        out += sorted(p for p in d.iterdir() if p.suffix in SUFFIXES and p.name != "README.md")
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if type(value).__name__ == "Span":
            return [value.start, value.end, value.text]
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


def serialise(extraction: Any) -> str:
    """The extraction as stable JSON text: the document's metadata, a hash of its text, its sentence
    spans, then every entity and fact, one per line, in the order the extractor gave them."""
    doc = extraction.document
    head = {
        "doc_id": doc.doc_id, "source": doc.source, "title": doc.title, "date": _plain(doc.date),
        "publisher": doc.publisher, "place": doc.place, "url": doc.url,
        "text_sha256": hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
        "sentences": [[s.span.start, s.span.end] for s in doc.sentences],
    }
    dump = lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True)  # noqa: E731
    lines = ["{", f' "document": {dump(head)},']
    parts = [f.name for f in dataclasses.fields(extraction) if f.name != "document"]
    for i, name in enumerate(parts):
        items = [dump(_plain(v)) for v in getattr(extraction, name)]
        body = "".join(f"\n  {item}{',' if j < len(items) - 1 else ''}" for j, item in enumerate(items))
        lines.append(f' "{name}": [{body}{chr(10) + " " if items else ""}]{"," if i < len(parts) - 1 else ""}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def current(path: Path) -> tuple[str, str]:
    """``(doc_id, serialised extraction)`` of the document at ``path`` with today's code."""
    from qgraph.extract import extract
    from qgraph.sources import read_document

    doc = read_document(path, root=ROOT)
    return doc.doc_id, serialise(extract(doc))


def main() -> int:
    GOLDEN_DIR.mkdir(parents=True, exist_ok=True)
    written: set[str] = set()
    for path in document_paths():
        doc_id, text = current(path)
        if doc_id in written:
            raise SystemExit(f"{path}: doc_id {doc_id} used twice")
        written.add(doc_id)
        (GOLDEN_DIR / f"{doc_id}.json").write_text(text, encoding="utf-8")
    for stale in GOLDEN_DIR.glob("*.json"):
        if stale.stem not in written:
            stale.unlink()
    print(f"{len(written)} golden extraction(s) written to {GOLDEN_DIR.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
