"""`python -m kg.dictionaries [--out DIR]`: regenerate every table generated from vendor/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.dictionaries import regenerate, vendor_dir
from kg.errors import KgError
from kg.paths import ontology_dir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.dictionaries", description=__doc__.splitlines()[0].split(": ", 1)[1])
    parser.add_argument("--vendor", type=Path, default=vendor_dir(), help="the vendored upstream files (default: vendor/)")
    parser.add_argument("--out", type=Path, default=ontology_dir(), help="where the tables go (default: ontology/)")
    args = parser.parse_args(argv)
    try:
        for path in regenerate(args.vendor, args.out):
            print(f"wrote {path}")
    except KgError as error:
        print(f"Error: {error}", file=sys.stderr)
        return error.exit_code
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
