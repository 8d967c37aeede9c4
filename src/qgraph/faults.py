"""A testing hook: stop a build at a named stage with a real signal.

``QGRAPH_FAULT=after:<stage>[:INT|KILL|TERM]`` (default ``INT``, as Ctrl-C) makes the process send
itself that signal right after ``<stage>`` of a build finished. It exists so that tests can interrupt
a build at every stage in a real subprocess, without relying on timing; it is read here and nowhere
else, and an unset variable costs nothing. The stages, in order, are :data:`STAGES`.
"""

from __future__ import annotations

import os
import signal
import time

STAGES: tuple[str, ...] = (
    "read", "extract", "validate",                    # qgraph.pipeline.build
    "generation", "exports", "void", "store", "manifest", "switch", "links", "cleanup",  # qgraph.generations
)
"""Every point a build can be stopped at: after reading, extracting, validating, creating the new
generation's directory, writing its exports, its VoID file, its store, its manifest, switching
``current`` to it, updating the top-level links, and removing old generations."""

_SIGNALS = {"INT": signal.SIGINT, "KILL": signal.SIGKILL, "TERM": signal.SIGTERM}


def checkpoint(stage: str) -> None:
    """Raise the signal named by ``QGRAPH_FAULT`` if it names ``stage``; otherwise do nothing.

    :raises InputError: ``QGRAPH_FAULT`` is set but malformed, or names an unknown stage.
    """
    spec = os.environ.get("QGRAPH_FAULT")
    if not spec:
        return
    parts = spec.split(":")
    if len(parts) not in (2, 3) or parts[0] != "after" or parts[1] not in STAGES or (
            len(parts) == 3 and parts[2] not in _SIGNALS):
        from .errors import InputError

        raise InputError("QGRAPH_FAULT", f"{spec!r} is not after:<stage>[:INT|KILL|TERM] (a testing hook; "
                                         f"stages {', '.join(STAGES)})")
    if parts[1] != stage:
        return
    os.kill(os.getpid(), _SIGNALS[parts[2] if len(parts) == 3 else "INT"])
    time.sleep(30)  # the signal's handler (KeyboardInterrupt for INT) runs before this returns
    raise RuntimeError(f"QGRAPH_FAULT: the signal for stage {stage} was not delivered")
