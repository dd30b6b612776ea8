"""Every internal link and resource of the built site points at a file that exists, and every
#fragment at an id (or name) in the target page. Reads the built files; no browser needed."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

BASE = "http://site.invalid/"
EXTERNAL_SCHEMES = {"http", "https", "mailto", "tel", "data", "javascript", "blob"}
URL_ATTRS = {"href", "src", "data", "poster", "action", "formaction"}


@dataclass
class ParsedPage:
    anchors: set[str] = field(default_factory=set)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attribute, value)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ParsedPage()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and (name == "id" or tag in ("a", "map")):
                self.page.anchors.add(value)
            elif name in URL_ATTRS:
                self.page.links.append((tag, name, value))
            elif name in ("srcset", "imagesrcset"):
                for candidate in value.split(","):
                    if candidate.strip():
                        self.page.links.append((tag, name, candidate.split()[0]))

    handle_startendtag = handle_starttag


def parse(file: Path) -> ParsedPage:
    collector = _Collector()
    collector.feed(file.read_text(encoding="utf-8"))
    collector.close()
    return collector.page


def page_url(site: Path, file: Path) -> str:
    rel = file.relative_to(site).as_posix()
    return BASE + (rel.removesuffix("index.html"))


def target_file(site: Path, url: str) -> Path | None:
    """The file an internal URL is served from (directory URLs serve their index.html)."""
    path = unquote(urlsplit(url).path)
    candidate = site / path.lstrip("/")
    if path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    try:
        candidate.resolve().relative_to(site.resolve())
    except ValueError:
        return None  # escapes the site
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> tuple[list[str], int]:
    """All broken internal links of the site (as readable lines) and how many links were checked."""
    pages = {file: parse(file) for file in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    checked = 0
    for file, parsed in pages.items():
        base = page_url(site, file)
        where = file.relative_to(site).as_posix()
        for tag, attr, value in parsed.links:
            value = value.strip()
            if not value or value == "#":
                continue
            scheme = urlsplit(value).scheme.lower()
            if scheme in EXTERNAL_SCHEMES or value.startswith("//"):
                continue
            if scheme:
                problems.append(f"{where}: <{tag} {attr}={value!r}>: unknown URL scheme")
                continue
            checked += 1
            url = urljoin(base, value)
            if not url.startswith(BASE):
                problems.append(f"{where}: <{tag} {attr}={value!r}>: points outside the site")
                continue
            target = target_file(site, url)
            if target is None:
                problems.append(f"{where}: <{tag} {attr}={value!r}>: no such file {urlsplit(url).path}")
                continue
            fragment = unquote(urlsplit(url).fragment)
            if fragment and target.suffix == ".html":
                anchors = pages[target].anchors if target in pages else parse(target).anchors
                if fragment not in anchors:
                    problems.append(
                        f"{where}: <{tag} {attr}={value!r}>: no id={fragment!r} in "
                        f"{target.relative_to(site).as_posix()}"
                    )
    return problems, checked


def test_every_internal_link_and_fragment_resolves(built_site):
    problems, checked = broken_links(built_site)
    assert checked > 1000, checked  # nav, cross-links, glossary terms, assets on 40+ pages
    assert not problems, f"{len(problems)} broken internal links:\n" + "\n".join(problems)


def test_the_link_checker_finds_broken_links(tmp_path):
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "assets").mkdir()
    (site / "assets" / "x.css").write_text("", encoding="utf-8")
    (site / "index.html").write_text(
        '<link href="assets/x.css"><a href="#top" id="top">ok</a><a href="a/">ok</a>'
        '<a href="a/#%E7%94%A8%E8%AA%9E">ok</a><a href="https://example.com/">ext</a><a href="#">top</a>'
        '<a href="missing/">1</a><a href="a/#nowhere">2</a><img src="assets/y.png"><a href="#gone">3</a>'
        '<script src="/assets/z.js"></script><a href="../../etc/passwd">5</a>',
        encoding="utf-8",
    )
    (site / "a" / "index.html").write_text('<h2 id="用語">t</h2><a href="../index.html#top">ok</a>', encoding="utf-8")
    problems, checked = broken_links(site)
    assert checked == 11
    assert len(problems) == 6, problems
    text = "\n".join(problems)
    for bad in ("missing/", "nowhere", "y.png", "#gone", "z.js", "etc/passwd"):
        assert bad in text, bad
