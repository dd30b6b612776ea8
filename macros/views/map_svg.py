"""A static SVG map of where the cases are, drawn at build time.

Japan's outline comes from macros/views/geo/japan-50m.json (Natural Earth 1:50m via
the world-atlas package); cases abroad (Silicon Valley) go into an inset box.
No map library or tile server is involved, so the map costs no script.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

GEO = Path(__file__).resolve().parent / "geo" / "japan-50m.json"
BOUNDS = (128.5, 146.2, 30.5, 45.8)  # lon min, lon max, lat min, lat max
WIDTH = 640
MID_LAT = math.radians(38)


@dataclass
class Place:
    x: float
    y: float
    label: str
    cases: list = field(default_factory=list)


def _scale() -> float:
    lon_min, lon_max, _, _ = BOUNDS
    return WIDTH / ((lon_max - lon_min) * math.cos(MID_LAT))


def project(lon: float, lat: float) -> tuple[float, float]:
    lon_min, _, _, lat_max = BOUNDS
    k = _scale()
    return round((lon - lon_min) * math.cos(MID_LAT) * k, 1), round((lat_max - lat) * k, 1)


def height() -> int:
    _, _, lat_min, lat_max = BOUNDS
    return int((lat_max - lat_min) * _scale())


def outline_paths() -> list[str]:
    rings = json.loads(GEO.read_text(encoding="utf-8"))["rings"]
    paths = []
    for ring in rings:
        points = [project(lon, lat) for lon, lat in ring]
        paths.append("M" + "L".join(f"{x},{y}" for x, y in points) + "Z")
    return paths


def places(dataset) -> tuple[list[Place], list[Place]]:
    """Cases grouped by where they stand: (in Japan, abroad)."""
    groups: dict[tuple, Place] = {}
    abroad: dict[str, Place] = {}
    for case in dataset.cases:
        if not case.place:
            continue
        coords = case.place.coordinates
        label = case.place.municipality or case.place.prefecture or case.place.country
        if case.place.country != "JP":
            abroad.setdefault(label, Place(0, 0, label)).cases.append(case)
            continue
        key = (round(coords.lat / 0.2), round(coords.lon / 0.2))
        if key not in groups:
            groups[key] = Place(*project(coords.lon, coords.lat), label)
        groups[key].cases.append(case)
    # Markers carry a number (north to south); the legend beside the map names
    # each place, so close places such as Kobe, Osaka and Kyoto stay legible.
    return sorted(groups.values(), key=lambda p: p.y), list(abroad.values())


def map_context(dataset) -> dict:
    japan, abroad = places(dataset)
    return {"width": WIDTH, "height": height(), "outline": outline_paths(), "places": japan, "abroad": abroad}
