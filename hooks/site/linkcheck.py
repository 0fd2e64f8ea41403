"""Link check of a built site, offline: every internal link, anchor and resource exists.

    .venv/bin/python -m hooks.site.linkcheck site [--report external-links.txt]

Reads every ``*.html`` file (and sitemap.xml) of the built site with BeautifulSoup and
resolves each ``href``/``src``/``srcset``/``action`` against the page's own URL:

* internal links (relative, site-absolute, or under ``site_url`` such as canonical and
  Open Graph URLs) must reach a file of the site (``dir/`` means ``dir/index.html``), and a
  ``#fragment`` must be an ``id`` (or ``<a name>``) in the target page;
* ``javascript:`` and other script-like schemes are errors;
* external ``http(s)`` links are never fetched: they are listed for the report.

Why not LinkChecker (PyPI)? On local files it lists a directory instead of opening its
index.html, and its AnchorCheck plugin cannot check anchors behind directory URLs
(linkchecker issues #678 and #851) — every page of this site is a directory URL, so it
would need a web server and still miss broken anchors. This checker is exact and small.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

LINK_ATTRS = (("a", "href"), ("area", "href"), ("link", "href"), ("img", "src"), ("script", "src"),
              ("iframe", "src"), ("source", "src"), ("video", "src"), ("audio", "src"),
              ("track", "src"), ("embed", "src"), ("object", "data"), ("form", "action"),
              ("video", "poster"))
SRCSET = (("img", "srcset"), ("source", "srcset"))
META_URLS = ("og:image", "og:url", "twitter:image")
IGNORED_SCHEMES = ("mailto", "tel", "sms")
HOST = "http://zb.invalid"  # stand-in origin for resolving site paths


@dataclass
class Result:
    pages: int = 0
    checked: int = 0
    errors: list = field(default_factory=list)                    # "page: message"
    external: dict = field(default_factory=lambda: defaultdict(set))  # url -> pages
    seen: list = field(default_factory=list)                      # (page, tag, url) internal links

    def report(self) -> str:
        lines = [f"External links ({len(self.external)}), not fetched:"]
        for url in sorted(self.external):
            pages = sorted(self.external[url])
            lines.append(f"  {url}  ({len(pages)} page(s), e.g. {pages[0]})")
        return "\n".join(lines)


class Site:
    def __init__(self, root: Path, site_url: str = ""):
        self.root = Path(root)
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self._ids: dict = {}

    def page_url(self, path: Path) -> str:
        return "/" + path.relative_to(self.root).as_posix()

    def file_for(self, url_path: str) -> Path | None:
        """The file a site path resolves to, as a static server would serve it."""
        rel = unquote(url_path).lstrip("/")
        if ".." in PurePosixPath(rel).parts:
            return None
        target = self.root / rel
        if url_path.endswith("/") or rel == "":
            target = target / "index.html"
        elif target.is_dir():
            return None  # /dir without a slash: the static host would redirect; we write dir/
        return target if target.is_file() else None

    def ids(self, path: Path) -> set:
        if path not in self._ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
            found = {el["id"] for el in soup.find_all(id=True)}
            found |= {el["name"] for el in soup.find_all("a", attrs={"name": True})}
            self._ids[path] = found
        return self._ids[path]


def _urls(soup) -> list[tuple[str, str]]:
    out = []
    for tag, attr in LINK_ATTRS:
        for el in soup.find_all(tag):
            value = el.get(attr)
            if value is not None:
                out.append((f"{tag}[{attr}]", value))
    for tag, attr in SRCSET:
        for el in soup.find_all(tag):
            for candidate in (el.get(attr) or "").split(","):
                if candidate.strip():
                    out.append((f"{tag}[{attr}]", candidate.strip().split()[0]))
    for el in soup.find_all("meta"):
        if el.get("property") in META_URLS or el.get("name") in META_URLS:
            out.append((f"meta[{el.get('property') or el.get('name')}]", el.get("content", "")))
    return out


def check_url(site: Site, result: Result, page_rel: str, page_url: str, where: str, raw: str,
              fragment_ids: set | None) -> None:
    url = raw.strip()
    scheme = urlsplit(url).scheme.lower()
    if re.sub(r"[\x00-\x20]", "", url).lower().startswith(("javascript:", "vbscript:", "data:text/html")):
        result.errors.append(f"{page_rel}: {where} '{url[:80]}' is a script URL")
        return
    if scheme in IGNORED_SCHEMES or scheme == "data":
        return
    if site.site_url and url.startswith(site.site_url):
        url = "/" + url[len(site.site_url):]
        scheme = ""
    if scheme in ("http", "https") or url.startswith("//"):
        result.external[url].add(page_rel)
        return
    if scheme:
        result.errors.append(f"{page_rel}: {where} '{url[:80]}' has an unknown scheme")
        return
    result.checked += 1
    parts = urlsplit(urljoin(HOST + page_url, url))
    if not url.startswith("#") and parts.path != urlsplit(HOST + page_url).path:
        target = site.file_for(parts.path)
        if target is None:
            result.errors.append(f"{page_rel}: {where} '{raw}' -> {parts.path} does not exist")
            return
        result.seen.append((page_rel, where, parts.path))
    else:
        target = site.root / page_rel
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html":
        ids = fragment_ids if target == site.root / page_rel and fragment_ids is not None else site.ids(target)
        if fragment not in ids:
            result.errors.append(f"{page_rel}: {where} '{raw}' -> no id=\"{fragment}\" in "
                                 f"{target.relative_to(site.root).as_posix()}")


def check_site(root: Path, site_url: str = "") -> Result:
    site = Site(root, site_url)
    result = Result()
    for path in sorted(site.root.rglob("*.html")):
        result.pages += 1
        page_rel = path.relative_to(site.root).as_posix()
        soup = BeautifulSoup(path.read_text(encoding="utf-8", errors="replace"), "html.parser")
        own_ids = {el["id"] for el in soup.find_all(id=True)} | \
                  {el["name"] for el in soup.find_all("a", attrs={"name": True})}
        site._ids[path] = own_ids
        base = soup.find("base", href=True)
        page_url = site.page_url(path)
        if base is not None:
            page_url = urlsplit(urljoin(HOST + page_url, base["href"])).path
        for where, url in _urls(soup):
            check_url(site, result, page_rel, page_url, where, url, own_ids)
    sitemap = site.root / "sitemap.xml"
    if sitemap.is_file():
        for loc in re.findall(r"<loc>\s*([^<\s]+)\s*</loc>", sitemap.read_text(encoding="utf-8")):
            check_url(site, result, "sitemap.xml", "/sitemap.xml", "loc", loc, None)
        for href in re.findall(r'<xhtml:link[^>]*href="([^"]+)"', sitemap.read_text(encoding="utf-8")):
            check_url(site, result, "sitemap.xml", "/sitemap.xml", "xhtml:link", href, None)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.site.linkcheck", description="Offline link check of a built site.")
    parser.add_argument("site", type=Path)
    parser.add_argument("--site-url", default="", help="the site's public URL (default: from mkdocs.yml)")
    parser.add_argument("--report", type=Path, help="write the external links to this file")
    args = parser.parse_args(argv)
    site_url = args.site_url
    if not site_url:
        text = (Path(__file__).resolve().parents[2] / "mkdocs.yml").read_text(encoding="utf-8")
        m = re.search(r"^site_url:\s*(\S+)", text, re.M)
        site_url = m.group(1) if m else ""
    result = check_site(args.site, site_url)
    for error in result.errors:
        print(f"BROKEN  {error}")
    if args.report:
        args.report.write_text(result.report() + "\n", encoding="utf-8")
    print(f"linkcheck: {result.pages} pages, {result.checked} internal links, "
          f"{len(result.errors)} broken, {len(result.external)} external (not fetched)")
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
