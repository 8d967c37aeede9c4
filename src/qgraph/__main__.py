"""``python -m qgraph …``: the same command line as ``qgraph …``."""

from .cli import main

if __name__ == "__main__":
    main(prog_name="qgraph")
