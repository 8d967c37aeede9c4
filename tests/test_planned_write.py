"""graph.nq of an incremental build written from its plan in a thread: the same bytes as writing
it in order, a whole unchanged file linked rather than copied, and a failure reported, not hidden."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qgraph import planned_write
from qgraph.planned_write import PlannedFile


def test_pieces_are_written_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
    assert not planned.linked and os.stat(target).st_ino != os.stat(source).st_ino
    assert os.stat(target).st_mode & 0o777 == 0o640


def test_a_source_shorter_than_its_plan_fails(tmp_path: Path) -> None:
    source = tmp_path / "old.nq"
    source.write_bytes(b"0123456789")
    planned = PlannedFile(tmp_path / "new.nq", source, [(0, 5), (8, 10)])
    with pytest.raises(OSError, match="shorter than its build state says"):
        planned.wait()


def test_an_existing_target_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "old.nq").write_bytes(b"abc")
    (tmp_path / "new.nq").write_bytes(b"kept")
    planned = PlannedFile(tmp_path / "new.nq", tmp_path / "old.nq", [(0, 3)])
    with pytest.raises(FileExistsError):
        planned.wait()
    assert (tmp_path / "new.nq").read_bytes() == b"kept"


def test_a_whole_unchanged_file_is_a_hard_link(tmp_path: Path) -> None:
    source = tmp_path / "old.nq"
    source.write_bytes(b"<s> <p> <o> <g> .\n")
    os.chmod(source, 0o640)
    planned = PlannedFile(tmp_path / "new.nq", source, [(0, source.stat().st_size)], mode=0o640)
    planned.wait()
    assert planned.linked and os.stat(tmp_path / "new.nq").st_ino == os.stat(source).st_ino
    other = PlannedFile(tmp_path / "other.nq", source, [(0, source.stat().st_size)], mode=0o644)  # another mode
    other.wait()
    assert not other.linked and (tmp_path / "other.nq").read_bytes() == source.read_bytes()
    assert os.stat(tmp_path / "other.nq").st_mode & 0o777 == 0o644
