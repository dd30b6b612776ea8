"""Command line: validate the data, export the JSON Schema, scaffold a case.

    python -m macros validate            # every problem in data/, with file:line
    python -m macros schema [--check]    # write (or check) data/schema/*.json
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import schema_export
from .load import DataInvalid, default_data_dir, load_dataset


def _validate(args) -> int:
    try:
        dataset = load_dataset(Path(args.data) if args.data else default_data_dir())
    except DataInvalid as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(f"\n{len(exc.problems)} 件の問題があります。", file=sys.stderr)
        return 1
    print(f"OK: 事例 {len(dataset.numbered_cases())} 件、コラム {len(dataset.columns())} 件、"
          f"テーマ {len(dataset.themes)} 件、用語 {len(dataset.terms)} 件")
    return 0


def _schema(args) -> int:
    stale = schema_export.write_schemas(check=args.check)
    if args.check and stale:
        print("JSON Schema が古くなっています: " + ", ".join(stale), file=sys.stderr)
        print("python -m macros schema を実行して更新してください。", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="data/ を検証する")
    validate.add_argument("--data", default=None)
    validate.set_defaults(func=_validate)
    schema = sub.add_parser("schema", help="JSON Schema を書き出す")
    schema.add_argument("--check", action="store_true", help="書き出さずに古いかどうかだけ調べる")
    schema.set_defaults(func=_schema)
    args = parser.parse_args(argv)
    return args.func(args)
