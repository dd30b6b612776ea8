"""The SVG map: a linked marker per case, none hiding another, the list and table naming the same places."""

from __future__ import annotations

import math
import re
from html import unescape

from hypothesis import given, settings
from hypothesis import strategies as st

from macros.views.map_svg import MARKER_RADIUS, RING_MAX, WIDTH, _groups, _spread, height, markers, places, project


def test_every_case_with_a_place_is_on_the_map_once(dataset):
    japan, abroad = places(dataset)
    on_map = [m.case_id for m in markers(dataset)] + [c.id for p in abroad for c in p.cases]
    assert sorted(on_map) == sorted(c.id for c in dataset.cases if c.place)
    assert sorted(c.id for p in japan for c in p.cases) == sorted(m.case_id for m in markers(dataset))
    assert [c.id for p in abroad for c in p.cases] == ["silicon-valley"]


def test_places_are_the_tables_places_north_to_south(dataset):
    japan, _ = places(dataset)
    lats = [p.cases[0].place.coordinates.lat for p in japan]
    assert lats == sorted(lats, reverse=True)
    assert project(141.35, 43.06)[1] < project(130.7, 32.8)[1]  # Sapporo above Kumamoto
    # なにわ夢工房 is in 大阪市: it was counted in the 東大阪市 marker when places were rounded coordinates.
    by_label = {p.label: [c.id for c in p.cases] for p in japan}
    assert "naniwa-yumekobo" in by_label["大阪府大阪市"] and "naniwa-yumekobo" not in by_label["大阪府東大阪市"]


def test_no_marker_hides_another(dataset):
    drawn = markers(dataset)
    for i, a in enumerate(drawn):
        for b in drawn[i + 1 :]:
            assert math.dist((a.x, a.y), (b.x, b.y)) >= 2 * MARKER_RADIUS, (a.label, b.label)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.floats(0, WIDTH), st.floats(0, height())), min_size=1, max_size=60))
def test_grouped_markers_never_overlap_and_stay_on_the_map(points):
    groups = _groups(points, (WIDTH, height()))
    assert sorted(i for g in groups for i in g.members) == list(range(len(points)))
    for g in groups:
        x, y = g.centre
        assert g.reach <= x <= WIDTH - g.reach and g.reach <= y <= height() - g.reach or len(g.members) == 1
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            assert math.dist(a.centre, b.centre) >= a.reach + b.reach
    drawn = _spread(points, (WIDTH, height()))
    for g in groups:
        if len(g.members) <= RING_MAX:  # a ring: its markers apart from each other
            ring = [drawn[i] for i in g.members]
            assert all(math.dist(p, q) >= 2 * MARKER_RADIUS for k, p in enumerate(ring) for q in ring[k + 1 :])


def test_a_thousand_cases_at_a_few_places_make_a_few_count_markers():
    spots = [(250.0, 510.0), (256.8, 510.3), (392.0, 465.0), (464.5, 125.5)]
    points = [spots[i % len(spots)] for i in range(1000)]
    groups = _groups(points, (WIDTH, height()))
    assert len(groups) == 3 and all(len(g.members) > RING_MAX for g in groups)


def test_map_page_links_each_marker_to_its_case_with_the_tables_place(built_site, dataset):
    page = (built_site / "map" / "index.html").read_text(encoding="utf-8")
    start = page.index('<svg viewBox="0 0', page.index("case-map"))
    svg = page[start : page.index("</svg>", start)]
    assert len(re.findall(r"<path d=\"M", svg)) > 10  # the coastline
    links = re.findall(r'<a href="\.\./([^"]+)" class="map-place" data-case="([^"]+)"><title>([^<]*)</title>', svg)
    assert len(links) == len(markers(dataset)) == svg.count('class="map-place"')
    table = page[page.index("地図のデータ") :]
    rows = re.findall(
        r'<tr><td class="nowrap">[^<]*</td><td><a href="\.\./([^"]+)">[^<]*</a></td><td>([^<]*)</td>', table
    )
    place_of = {href: unescape(place) for href, place in rows}
    assert len(rows) == len([c for c in dataset.cases if c.place])
    for href, case_id, title in links:
        case = dataset.case_by_id[case_id]
        assert href.endswith(f"/{case_id}/")
        assert unescape(title).endswith(f"{case.name.short}（{place_of[href]}）"), (title, place_of[href])
