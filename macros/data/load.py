"""Load and validate everything under data/, reporting every problem at once.

Only regular files are data: a symbolic link is reported and never followed
(it could point outside the repository), a folder named like a data file is
reported, and hidden or editor files (.#x.yaml, .x.yaml.swp, x.yaml~) are skipped.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import BaseModel, ValidationError

from . import checks, vocab
from .dataset import Dataset
from .messages import DataInvalid, Problem, printable, problems_from_validation
from .models import Case, GlossaryFile, MetricFile, RegionFile, SourceFile, ThemeFile
from .placeholders import placeholder_problems
from .yaml_source import DataFileError, LoadedYaml, load_yaml

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
DATA_DIR_VARIABLE = "SME_DATA_DIR"  # lets tests and benchmarks build a site from other data

# The files beside the case folders: (file name, model, the list inside it).
LIST_FILES = (
    ("themes.yaml", ThemeFile, "themes"),
    ("glossary.yaml", GlossaryFile, "terms"),
    ("metrics.yaml", MetricFile, "metrics"),
    ("sources.yaml", SourceFile, "sources"),
    ("regions.yaml", RegionFile, "regions"),
)


DATA_SUFFIXES = (".yaml", ".yml")
_LINK_MESSAGE = "シンボリックリンクは使えません（リンク先は読みません）。ファイルそのものを data/ の中に置いてください"
_NOT_A_FILE_MESSAGE = "通常のファイルではありません（フォルダなど）。データは .yaml のファイルにしてください"


def default_data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_VARIABLE) or DATA_DIR)


def _display(path: Path, data_dir: Path) -> str:
    try:
        return printable(path.relative_to(data_dir.parent))
    except ValueError:
        return printable(path)


def case_files(directory: Path) -> list[Path]:
    """The data files of a case folder; hidden and editor files (.x.yaml, .#x.yaml, .x.yaml.swp, x.yaml~) are not."""
    if directory.is_symlink() or not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if not p.name.startswith(".") and p.name.endswith(DATA_SUFFIXES))


def _not_data(path: Path, data_dir: Path) -> Problem | None:
    """Why a path cannot be read as a data file, or None when it is a regular file."""
    if path.is_symlink():
        return Problem(_display(path, data_dir), None, "", _LINK_MESSAGE)
    if not path.exists():
        return Problem(_display(path, data_dir), None, "", "ファイルがありません")
    if not path.is_file():
        return Problem(_display(path, data_dir), None, "", _NOT_A_FILE_MESSAGE)
    return None


def _parse_file(path: Path, model: type[BaseModel], data_dir: Path) -> tuple:
    """(the model or None, the LoadedYaml or None, the problems found in this file)."""
    refused = _not_data(path, data_dir)
    if refused:
        return None, None, [refused]
    try:
        source = load_yaml(path, _display(path, data_dir))
    except DataFileError as exc:
        return None, None, [exc.problem]
    except OSError as exc:  # unreadable: permissions, a file removed while loading
        return None, None, [Problem(_display(path, data_dir), None, "", f"ファイルを読めません（{exc.strerror}）")]
    if not isinstance(source.data, dict):
        return None, source, [Problem(source.path, 1, "", "ファイルの最上位は「キー: 値」の形にしてください")]
    parsed, found = None, []
    try:
        parsed = model.model_validate(source.data)
    except ValidationError as exc:
        found = problems_from_validation(source, exc)
    # A TODO left from `scaffold` in free text passes the schema; report it unless already reported.
    reported = {p.field for p in found}
    found += [p for p in placeholder_problems(source) if p.field not in reported]
    return parsed, source, found


def _list_file(data_dir: Path, name: str, model, attr: str, problems, origins) -> list | None:
    """The items of one list file, or None when the file did not parse."""
    parsed, source, found = _parse_file(data_dir / name, model, data_dir)
    problems.extend(found)
    if parsed is None:
        return None
    items = list(getattr(parsed, attr))
    for index, item in enumerate(items):
        origins[(attr, item.id)] = (source, (attr, index))
    return items


def _load_cases(data_dir: Path, problems: list[Problem], origins: dict) -> tuple[list[Case], set[str]]:
    """Every case and column file; (the valid ones, the ids of files that did not parse)."""
    cases: list[Case] = []
    first_file: dict[str, str] = {}
    unparsed: set[str] = set()
    for folder in dict.fromkeys(vocab.FOLDERS.values()):
        kinds = [kind for kind, its_folder in vocab.FOLDERS.items() if its_folder == folder]
        directory = data_dir / folder
        if directory.is_symlink():
            problems.append(Problem(_display(directory, data_dir), None, "", _LINK_MESSAGE))
        for path in case_files(directory):
            case, source, found = _parse_file(path, Case, data_dir)
            problems.extend(found)
            if case is None:
                unparsed.add(path.stem)
                continue
            if path.stem != case.id:
                problems.append(
                    Problem(source.path, source.line_of(("id",)), "id", f"ファイル名は {case.id}.yaml にしてください")
                )
            if case.kind not in kinds:
                message = f"{folder}/ のファイルは kind: {' か '.join(kinds)} です"
                problems.append(Problem(source.path, source.line_of(("kind",)), "kind", message))
            if case.id in first_file:
                message = f"ID '{case.id}' が重複しています（{first_file[case.id]} と同じ）"
                problems.append(Problem(source.path, source.line_of(("id",)), "id", message))
                continue
            first_file[case.id] = source.path
            cases.append(case)
            origins[("cases", case.id)] = (source, ())
    return sorted(cases, key=lambda c: (vocab.KIND_ORDER[c.kind], c.number)), unparsed


def load_sources(data_dir: Path | None = None) -> list:
    """data/sources.yaml alone, read and validated as load_dataset reads it (DataInvalid with its problems)."""
    data_dir = data_dir or default_data_dir()
    problems: list[Problem] = []
    name, model, attr = next(entry for entry in LIST_FILES if entry[2] == "sources")
    sources = _list_file(data_dir, name, model, attr, problems, {})
    if problems:
        raise DataInvalid(problems)
    assert sources is not None  # a file that did not parse has given its problems
    return sources


def load_dataset(data_dir: Path | None = None) -> Dataset:
    """Validate every file; raise DataInvalid listing all problems, or return the data."""
    data_dir = data_dir or default_data_dir()
    problems: list[Problem] = []
    origins: dict[tuple, tuple[LoadedYaml, tuple]] = {}
    cases, unparsed = _load_cases(data_dir, problems, origins)
    read = {attr: _list_file(data_dir, name, model, attr, problems, origins) for name, model, attr in LIST_FILES}
    unread = {attr for attr, items in read.items() if items is None}
    lists = {attr: items or [] for attr, items in read.items()}
    dataset = Dataset(cases=cases, **lists, origins=origins, unparsed_ids=unparsed, unparsed_lists=unread)
    problems.extend(checks.check_dataset(dataset))
    if problems:
        raise DataInvalid(problems)
    return dataset
