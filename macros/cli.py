"""Command line: validate the data, export the JSON Schema, scaffold a case.

python -m macros validate [--format github]   # every problem in data/, with file:line
python -m macros schema [--check]             # write (or check) data/schema/*.json
python -m macros scaffold <id> --number N --section S   # write data/cases/<id>.yaml
python -m macros scaffold <id> --source <source id>     # an added case (追加事例) from that source
python -m macros diff <git-ref>               # what changed in data/ since ref (Markdown, in Japanese)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .data import vocab
from .data.load import default_data_dir, load_dataset
from .data.messages import DataInvalid, Problem


def _escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF are encoded (GitHub's escapeData)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """A workflow command's property value: also : and , (GitHub's escapeProperty)."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem) -> str:
    """One problem as a GitHub Actions error annotation on its file and line."""
    props = [f"file={_escape_property(problem.file)}"]
    if problem.line:
        props.append(f"line={problem.line}")
    props.append(f"title={_escape_property(problem.field or '(ファイル全体)')}")
    return f"::error {','.join(props)}::{_escape_data(problem.message)}"


def _validate(args) -> int:
    data_dir = Path(args.data) if args.data else default_data_dir()
    problems: list[Problem] = []
    dataset = None
    try:
        dataset = load_dataset(data_dir)
    except DataInvalid as exc:
        problems = list(exc.problems)
    if problems:
        for problem in problems:
            if args.format == "github":
                print(github_annotation(problem))
            print(problem, file=sys.stderr)
        print(f"\n{len(problems)} 件の問題があります。", file=sys.stderr)
        return 1
    assert dataset is not None  # loaded: only DataInvalid, with its problems, leaves it None
    print(
        f"OK: 事例 {len(dataset.numbered_cases())} 件、コラム {len(dataset.columns())} 件、"
        f"追加事例 {len(dataset.added_cases())} 件、出典 {len(dataset.sources)} 件、"
        f"テーマ {len(dataset.themes)} 件、用語 {len(dataset.terms)} 件"
    )
    return 0


def _schema(args) -> int:
    from .export import schema  # each command imports only what it needs

    stale = schema.write_schemas(check=args.check)
    if args.check and stale:
        print("JSON Schema が古くなっています: " + ", ".join(stale), file=sys.stderr)
        print("python -m macros schema を実行して更新してください。", file=sys.stderr)
        return 1
    return 0


def _scaffold(args) -> int:
    from . import scaffold

    data_dir = Path(args.data) if args.data else default_data_dir()
    kind = args.kind or ("added" if args.source else "case")
    if kind == "case" and not args.section:
        print("事例には --section が必要です（" + ", ".join(vocab.SECTIONS) + "）", file=sys.stderr)
        return 2
    try:
        path = scaffold.scaffold_case(data_dir, args.id, args.number, args.section, kind, args.source)
    except (ValueError, FileExistsError) as exc:
        print(exc, file=sys.stderr)
        return 1
    except DataInvalid as exc:  # data/sources.yaml itself has problems
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    print(f"{path} を作りました。TODO をすべて埋めてから python -m macros validate で確かめてください。")
    return 0


def _problems_text(side: str, exc: DataInvalid) -> str:
    lines = [f"{side}のデータに {len(exc.problems)} 件の問題があるため、比べられません:"]
    return "\n".join(lines + [f"  {problem}" for problem in exc.problems])


def _diff(args) -> int:
    from .export import data_diff
    from .history.git import GitError
    from .history.snapshot import load_at_ref

    data_dir = Path(args.data) if args.data else default_data_dir()
    try:
        commit, old = load_at_ref(args.ref, data_dir)
    except GitError as exc:  # no git, an unknown reference, no data folder at it
        print(f"エラー: {exc}", file=sys.stderr)
        return 2
    except DataInvalid as exc:
        print(_problems_text(f"変更前（{args.ref}）", exc), file=sys.stderr)
        return 1
    try:
        new = load_dataset(data_dir)
    except DataInvalid as exc:
        print(_problems_text("作業ツリー", exc), file=sys.stderr)
        return 1
    files = data_diff.diff_datasets(old, new)
    old_label = args.ref if commit.startswith(args.ref) else f"{args.ref}（{commit[:7]}）"
    print(data_diff.markdown(files, old_label, "作業ツリー"), end="")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros")
    sub = parser.add_subparsers(dest="command", required=True)
    validate = sub.add_parser("validate", help="data/ を検証する")
    validate.add_argument("--data", default=None)
    validate.add_argument(
        "--format",
        choices=("text", "github"),
        default="text",
        help="github: GitHub Actions の注釈（::error file=…,line=…）も標準出力に書く",
    )
    validate.set_defaults(func=_validate)
    schema = sub.add_parser("schema", help="JSON Schema を書き出す")
    schema.add_argument("--check", action="store_true", help="書き出さずに古いかどうかだけ調べる")
    schema.set_defaults(func=_schema)
    new = sub.add_parser("scaffold", help="新しい事例ファイルの雛形を書き出す（上書きはしない）")
    new.add_argument("id", help="事例のID（英小文字・数字・ハイフン。ファイル名にもなる）")
    new.add_argument(
        "--number", type=int, default=None, help="報告書の事例・コラムの番号（追加事例は省略すると次の空き番号）"
    )
    new.add_argument("--section", choices=list(vocab.SECTIONS), default=None, help="報告書の節")
    new.add_argument(
        "--source",
        default=None,
        metavar="出典ID",
        help="data/sources.yaml のこの出典による追加事例（追加事例N、kind: added）の雛形にする",
    )
    new.add_argument(
        "--kind",
        choices=list(vocab.KINDS),
        default=None,
        help="case（事例、既定）か column（コラム）。--source を付けると added（追加事例）",
    )
    new.add_argument("--data", default=None, help="data/ の場所（既定はこのリポジトリの data/）")
    new.set_defaults(func=_scaffold)
    diff = sub.add_parser("diff", help="git の参照（main など）から作業ツリーまでにデータの何が変わったかを書く")
    diff.add_argument("ref", help="比べる元の git の参照（ブランチ・タグ・コミット）")
    diff.add_argument("--data", default=None, help="data/ の場所（既定はこのリポジトリの data/）")
    diff.set_defaults(func=_diff)
    args = parser.parse_args(argv)
    return args.func(args)
