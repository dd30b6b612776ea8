"""The SVG map: one marker per place, every case with a place in its table."""

from __future__ import annotations

import re

from macros.views.map_svg import places, project


def test_every_case_with_a_place_is_on_the_map(dataset):
    japan, abroad = places(dataset)
    on_map = [c.id for p in japan + abroad for c in p.cases]
    assert sorted(on_map) == sorted(c.id for c in dataset.cases if c.place)
    assert [c.id for p in abroad for c in p.cases] == ["silicon-valley"]


def test_places_are_ordered_north_to_south(dataset):
    japan, _ = places(dataset)
    assert [p.y for p in japan] == sorted(p.y for p in japan)
    assert project(141.35, 43.06)[1] < project(130.7, 32.8)[1]  # Sapporo above Kumamoto


def test_map_page_draws_markers_and_lists_them(built_site, dataset):
    page = (built_site / "map" / "index.html").read_text(encoding="utf-8")
    japan, abroad = places(dataset)
    start = page.index('<svg viewBox="0 0', page.index("case-map"))
    svg = page[start : page.index("</svg>", start)]
    assert svg.count("<circle") == len(japan)
    assert len(re.findall(r"<path d=\"M", svg)) > 10  # the coastline
    table = page[page.index("地図のデータ") :]
    assert table.count("<tr>") - 1 == sum(len(p.cases) for p in japan + abroad)
