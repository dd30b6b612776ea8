"""Files for tools: each case's JSON, JSON-LD whose URLs resolve inside the built site, CITATION.cff."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import jsonschema
import pytest

from macros.export.linked_data import case_json_path
from tests.conftest import ROOT
from tests.site.conftest import SITE_URL, site_pages

LOCAL = "http://site.invalid/"  # stands in for the site root when resolving relative URLs


def _json_ld(page: str) -> list[dict]:
    return [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)]


def _urls(value) -> list[str]:
    """Every url and contentUrl anywhere in a JSON-LD object."""
    if isinstance(value, dict):
        found = [v for k, v in value.items() if k in ("url", "contentUrl")]
        return found + [u for v in value.values() for u in _urls(v)]
    if isinstance(value, list):
        return [u for v in value for u in _urls(v)]
    return []


def _file_for(site: Path, url: str, root: str) -> Path:
    assert url.startswith(root), url
    path = urlsplit(url).path[len(urlsplit(root).path) :]
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def test_each_case_json_validates_against_the_schema_and_equals_the_download(built_site, dataset):
    schema = json.loads((ROOT / "data" / "schema" / "case.schema.json").read_text(encoding="utf-8"))
    download = json.loads((built_site / "downloads" / "sme-networks.json").read_text(encoding="utf-8"))
    in_download = {c["id"]: c for c in download["cases"]}
    for case in dataset.cases:
        data = json.loads((built_site / case_json_path(case)).read_text(encoding="utf-8"))
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
        assert data == in_download[case.id]


def test_each_case_page_links_its_json(built_site, dataset):
    pages = site_pages(built_site)
    for case in dataset.cases:
        url = f"{case_json_path(case).removesuffix('.json')}/"
        assert f'href="../../{case_json_path(case)}"' in pages[url], case.id


@pytest.mark.parametrize("with_url", [False, True], ids=["relative", "absolute"])
def test_json_ld_urls_resolve_inside_the_built_site(built_site, site_with_url, dataset, with_url):
    site = site_with_url[0] if with_url else built_site
    root = SITE_URL if with_url else LOCAL
    checked = 0
    pages_with_ld = set()
    for url, page in site_pages(site).items():
        for block in _json_ld(page):
            pages_with_ld.add(url)
            for target in _urls(block):
                if with_url:
                    assert target.startswith(SITE_URL), (url, target)
                resolved = urljoin(root + url, target)
                assert _file_for(site, resolved, root).is_file(), (url, target)
                checked += 1
    assert "data/" in pages_with_ld
    assert {f"{case_json_path(c).removesuffix('.json')}/" for c in dataset.cases} <= pages_with_ld
    assert checked > len(dataset.cases) * 3


def test_download_page_json_ld_lists_every_download(built_site):
    (block,) = _json_ld((built_site / "data" / "index.html").read_text(encoding="utf-8"))
    listed = {urlsplit(urljoin(LOCAL + "data/", d["contentUrl"])).path for d in block["distribution"]}
    files = {"/downloads/" + p.name for p in (built_site / "downloads").iterdir()}
    assert listed == files


def test_citation_cff_is_served_at_the_root(built_site):
    assert (built_site / "CITATION.cff").read_bytes() == (ROOT / "CITATION.cff").read_bytes()
    assert 'href="../CITATION.cff"' in (built_site / "data" / "index.html").read_text(encoding="utf-8")
