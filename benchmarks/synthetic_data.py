"""Write a synthetic data set of N cases (copies of the real ones under new ids).

    python benchmarks/synthetic_data.py 1000 /tmp/data-1000

Used by benchmarks/build_time.py to see how the build grows with the data.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def write_synthetic(count: int, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "data", target)
    real = sorted((target / "cases").glob("*.yaml"))
    for number in range(17, count + 1):
        source = real[(number - 17) % len(real)]
        case = yaml.safe_load(source.read_text(encoding="utf-8"))
        case["id"] = f"{case['id']}-copy-{number}"
        case["number"] = number
        case["relations"] = []  # relations point at the real cases only
        case["name"] = dict(
            case["name"], ja=f"{case['name']['ja']}（複製{number}）", short=f"{case['name']['short']}{number}"
        )
        (target / "cases" / f"{case['id']}.yaml").write_text(
            yaml.safe_dump(case, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return target


if __name__ == "__main__":
    write_synthetic(int(sys.argv[1]), Path(sys.argv[2]))
