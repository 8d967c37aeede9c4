"""Runs ``qgraph build`` in forked child processes, each stopped by ``QGRAPH_FAULT`` at one stage.

Used by ``tests/test_interrupt.py``: a fresh interpreter imports qgraph and loads the lexicon
once, makes the first build (``template``) in a forked child, then for every case copies that build
directory and forks a child that runs the real CLI with ``QGRAPH_FAULT`` set, so each child gets a
real signal at an exact point without paying for the imports again. The parent never opens a
store itself: RocksDB starts threads, and a process with threads must not fork. Reads a JSON request on stdin,
prints one JSON object: case directory → the child's exit code (negative: killed by a signal).
"""

from __future__ import annotations

import json
import os
import shutil
import sys


def run_cli(args: list[str]) -> int:
    from qgraph.cli import main

    try:
        main(args=args, prog_name="qgraph")
    except SystemExit as exc:
        return int(exc.code or 0)
    return 0


def fork_build(case: dict[str, object]) -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        child(case)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


def child(case: dict[str, object]) -> None:
    """In the forked child: redirect output, set the fault, run the CLI, never return."""
    code = 70
    try:
        for fd, name in ((1, "stdout"), (2, "stderr")):
            out = os.open(f"{case['dir']}.{name}", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(out, fd)
            os.close(out)
        if case["fault"]:
            os.environ["QGRAPH_FAULT"] = str(case["fault"])
        code = run_cli([*case["args"], "-o", str(case["dir"])])  # type: ignore[misc]
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def main() -> None:
    request = json.load(sys.stdin)
    import qgraph.cli  # noqa: F401 - imported once, before the forks
    import qgraph.pipeline  # noqa: F401
    import qgraph.store  # noqa: F401
    import qgraph.validate  # noqa: F401
    from qgraph.lexicon import load_lexicon

    load_lexicon()
    template = request["template"]
    first = fork_build({"dir": template, "fault": "", "args": request["first"]})
    if first != 0:
        sys.exit(f"the first build failed with exit code {first}")
    codes: dict[str, int] = {}
    for case in request["cases"]:
        shutil.copytree(template, case["dir"], symlinks=True)
        codes[case["dir"]] = fork_build(case)
    print(json.dumps(codes))


if __name__ == "__main__":
    main()
