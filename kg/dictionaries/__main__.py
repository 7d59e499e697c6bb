"""`python -m kg.dictionaries`: regenerate ontology/'s tables from the vendored upstream files."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.dictionaries import cameo, discards
from kg.errors import KgError
from kg.paths import ontology_dir

VENDOR = Path(__file__).resolve().parents[2] / "vendor"
"""The vendored upstream files: in the source tree, beside kg/ (they are not installed with the package)."""


def main(argv: list[str] | None = None) -> int:
    """Regenerate the tables; `--vendor DIR` and `--out DIR` override where they are read and written."""
    args = list(sys.argv[1:] if argv is None else argv)
    vendor, out = VENDOR, ontology_dir()
    while args:
        flag = args.pop(0)
        if flag in ("--vendor", "--out") and args:
            value = Path(args.pop(0))
            vendor, out = (value, out) if flag == "--vendor" else (vendor, value)
        else:
            print("usage: python -m kg.dictionaries [--vendor DIR] [--out DIR]", file=sys.stderr)
            return 2
    try:
        print(cameo.summary(cameo.convert(vendor, out)))
        print(discards.summary(discards.convert(vendor, out)))
    except KgError as error:
        print(f"Error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
