"""graph.nq of an incremental build written from its plan in a thread and hashed as it passes:
the same bytes and SHA-256 as writing it in order, and a failure reported, not hidden."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from qgraph import planned_write
from qgraph.planned_write import PlannedFile


def test_pieces_are_written_in_order_and_hashed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(planned_write, "BLOCK", 7)           # ranges cut into many blocks
    source = tmp_path / "old.nq"
    old = b"".join(f"<s{i}> <p> <o{i}> <g{i % 5}> .\n".encode() for i in range(200))
    source.write_bytes(old)
    pieces = [(0, 100), b"new lines\n", (100, 0), (150, 1000), b"", b"last\n", (len(old) - 30, 30)]
    expected = old[:100] + b"new lines\n" + old[150:1150] + b"last\n" + old[-30:]
    target = tmp_path / "new.nq"
    planned = PlannedFile(target, source, pieces, mode=0o640)
    planned.wait()
    assert target.read_bytes() == expected
    assert planned.digests() == {"new.nq": hashlib.sha256(expected).hexdigest()}
    assert os.stat(target).st_mode & 0o777 == 0o640


def test_a_source_shorter_than_its_plan_fails(tmp_path: Path) -> None:
    source = tmp_path / "old.nq"
    source.write_bytes(b"0123456789")
    planned = PlannedFile(tmp_path / "new.nq", source, [(0, 5), (8, 10)])
    with pytest.raises(OSError, match="shorter than its build state says"):
        planned.wait()
    assert planned.digests() == {}


def test_an_existing_target_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "old.nq").write_bytes(b"abc")
    (tmp_path / "new.nq").write_bytes(b"kept")
    planned = PlannedFile(tmp_path / "new.nq", tmp_path / "old.nq", [(0, 3)])
    with pytest.raises(FileExistsError):
        planned.wait()
    assert (tmp_path / "new.nq").read_bytes() == b"kept" and planned.digests() == {}
