"""A static SVG map of where the cases are, drawn at build time.

Japan's outline comes from macros/views/geo/japan-50m.json (Natural Earth 1:50m via
the world-atlas package). Every case has its own marker, numbered as the site numbers
cases and linked to its page; cases in the same or nearby places are set on a ring around
the spot, with a line to it, so no marker hides another. Cases abroad (Silicon Valley) are
listed beside the map. No map library or tile server is involved, so the map costs no script.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from ..data import vocab
from .facts import page_path

GEO = Path(__file__).resolve().parent / "geo" / "japan-50m.json"
BOUNDS = (128.5, 146.2, 30.5, 45.8)  # lon min, lon max, lat min, lat max
WIDTH = 640
MID_LAT = math.radians(38)


MARKER_RADIUS = 9
MARKER_GAP = 3  # between two markers that had to be moved apart
RING_MAX = 12  # more cases than this near one spot: one marker with their count, linking to the list
CLUSTER_RADIUS = 14


@dataclass
class Place:
    """Where one or more cases stand, as the table names it (prefecture and municipality)."""

    label: str
    cases: list = field(default_factory=list)


@dataclass
class Marker:
    """A case (or, where too many share a spot, a count of cases) drawn at (x, y); (px, py) is
    the spot it stands for when it had to move aside."""

    label: str  # the case's number (5, C1), or the count of a cluster (120件)
    title: str
    href: str  # from the site root, or "#…" within the map page
    x: float
    y: float
    px: float
    py: float
    radius: float = MARKER_RADIUS
    case_id: str = ""
    added: bool = False  # a case from another source than the report (drawn apart)

    @property
    def moved(self) -> bool:
        return (self.x, self.y) != (self.px, self.py)


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


def place_label(case) -> str:
    """The place as the map's table writes it: 大阪府東大阪市, 北海道, カリフォルニア州."""
    return f"{case.place.prefecture or ''}{case.place.municipality or ''}" or case.place.country


def places(dataset) -> tuple[list[Place], list[Place]]:
    """Cases grouped by the place they are in: (in Japan north to south, abroad)."""
    japan: dict[str, Place] = {}
    abroad: dict[str, Place] = {}
    lat: dict[str, float] = {}
    for case in dataset.cases:
        if not case.place:
            continue
        label = place_label(case)
        group = japan if case.place.country == "JP" else abroad
        group.setdefault(label, Place(label)).cases.append(case)
        lat.setdefault(label, case.place.coordinates.lat)
    return sorted(japan.values(), key=lambda p: -lat[p.label]), list(abroad.values())


def _bearing(point: tuple[float, float], centre: tuple[float, float]) -> float:
    """Clockwise from north (y points down); 0 for the centre itself."""
    dx, dy = point[0] - centre[0], point[1] - centre[1]
    return math.atan2(dx, -dy) % (2 * math.pi) if math.hypot(dx, dy) > 0.5 else 0.0


@dataclass
class _Group:
    members: list  # indices into the points
    centre: tuple[float, float]
    reach: float  # from the centre to the outer edge of its markers


def _group(members: list[int], points: list, limits: tuple[float, float]) -> _Group:
    centre = (sum(points[i][0] for i in members) / len(members), sum(points[i][1] for i in members) / len(members))
    if len(members) == 1:
        return _Group(members, points[members[0]], MARKER_RADIUS)
    reach: float  # a cluster's radius (whole pixels), or a ring's (a fraction) and its markers'
    if len(members) > RING_MAX:
        reach = CLUSTER_RADIUS
    else:
        reach = _ring_radius(len(members)) + MARKER_RADIUS
    x = min(max(centre[0], reach + 1), limits[0] - reach - 1)
    y = min(max(centre[1], reach + 1), limits[1] - reach - 1)
    return _Group(members, (x, y), reach)


def _ring_radius(count: int) -> float:
    step = 2 * MARKER_RADIUS + MARKER_GAP
    return max(step, count * step / (2 * math.pi))


def _ring(group: _Group, points: list) -> dict[int, tuple[float, float]]:
    """The group's markers on a ring around its centre, in the order of their spots around
    the centre (so leader lines do not cross)."""
    if len(group.members) == 1:
        return {group.members[0]: group.centre}
    order = sorted(group.members, key=lambda i: (_bearing(points[i], group.centre), i))
    start = _bearing(points[order[0]], group.centre)
    radius = _ring_radius(len(order))
    cx, cy = group.centre
    placed = {}
    for k, i in enumerate(order):
        angle = start + 2 * math.pi * k / len(order)
        placed[i] = (round(cx + radius * math.sin(angle), 1), round(cy - radius * math.cos(angle), 1))
    return placed


def _groups(points: list[tuple[float, float]], limits: tuple[float, float]) -> list[_Group]:
    """Markers grouped so that no two groups' markers overlap: markers closer than a marker's
    width start in one group; groups whose rings then touch merge, until none do. Only
    distinct spots are compared, so a thousand cases at a few dozen places stay cheap."""
    spots: dict[tuple[float, float], list[int]] = {}
    for i, point in enumerate(points):
        spots.setdefault(point, []).append(i)
    groups = [_group(members, points, limits) for members in spots.values()]
    while True:
        clash = next(
            (
                (a, b)
                for a in range(len(groups))
                for b in range(a + 1, len(groups))
                if math.dist(groups[a].centre, groups[b].centre) < groups[a].reach + groups[b].reach + MARKER_GAP
            ),
            None,
        )
        if clash is None:
            return groups
        a, b = clash
        merged = groups[a].members + groups.pop(b).members
        groups[a] = _group(merged, points, limits)


def _spread(points: list[tuple[float, float]], limits: tuple[float, float]) -> list[tuple[float, float]]:
    """Where each marker is drawn (groups too big for a ring: all at the group's centre)."""
    placed = {}
    for group in _groups(points, limits):
        if len(group.members) > RING_MAX:
            placed.update({i: group.centre for i in group.members})
        else:
            placed.update(_ring(group, points))
    return [placed[i] for i in range(len(points))]


def markers(dataset) -> list[Marker]:
    """A marker per case in Japan, numbered as the site numbers cases (5, C1) and linked to its
    page; where more than RING_MAX cases crowd one spot, one marker with their count."""
    cases = [c for c in dataset.cases if c.place and c.place.country == "JP"]
    where = [project(c.place.coordinates.lon, c.place.coordinates.lat) for c in cases]
    limits = (WIDTH, height())
    drawn = []
    for group in _groups(where, limits):
        if len(group.members) > RING_MAX:
            names = list(dict.fromkeys(place_label(cases[i]) for i in group.members))
            title = f"{'・'.join(names[:3])}{'など' if len(names) > 3 else ''}の{len(group.members)}件（一覧を見る）"
            x, y = group.centre
            drawn.append(Marker(f"{len(group.members)}件", title, "#map-list", x, y, x, y, CLUSTER_RADIUS))
            continue
        for i, (x, y) in _ring(group, where).items():
            case = cases[i]
            title = f"{vocab.KINDS[case.kind]}{case.number} {case.name.short}（{place_label(case)}）"
            added = case.kind == "added"
            drawn.append(
                Marker(case_number(case), title, page_path(case), x, y, *where[i], case_id=case.id, added=added)
            )
    return sorted(drawn, key=lambda m: m.y)


def case_number(case) -> str:
    """5, C1 (a column), 追1 (a case added from another source)."""
    return f"{vocab.KIND_MARKS[case.kind]}{case.number}"


def map_context(dataset) -> dict:
    japan, abroad = places(dataset)
    return {
        "width": WIDTH,
        "height": height(),
        "outline": outline_paths(),
        "markers": markers(dataset),
        "places": japan,
        "abroad": abroad,
        "has_added": bool(dataset.added_cases()),
    }
