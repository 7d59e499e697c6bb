"""No network at run time: build, query and render work with every socket refused, and the page loads nothing remote.

The build runs in a fresh interpreter whose socket functions refuse and record
every attempt before anything (spaCy, the model, rdflib, pyvis) is imported,
so a download or version check anywhere on the path would show up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import REPO, news_sample_lines

GUARD = r'''
import socket, sys
attempts = []

def refuse(*args, **kwargs):
    attempts.append(repr(args[:2])[:200])
    raise OSError("network access attempted during a kg run")

local_connect, local_connect_ex = socket.socket.connect, socket.socket.connect_ex

def connect(self, *args):  # a Unix socket (a query's child process) is not the network
    return local_connect(self, *args) if self.family == socket.AF_UNIX else refuse(self, *args)

def connect_ex(self, *args):
    return local_connect_ex(self, *args) if self.family == socket.AF_UNIX else refuse(self, *args)

socket.socket.connect = connect
socket.socket.connect_ex = connect_ex
socket.socket.sendto = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
socket.gethostbyname = refuse

from kg.cli import main

codes = []
for argv in {runs!r}:
    sys.argv = ["kg", *argv]
    try:
        main()
        codes.append(0)
    except SystemExit as exit:
        codes.append(exit.code or 0)
print("RESULT " + __import__("json").dumps({{"codes": codes, "attempts": attempts}}))
'''


@pytest.fixture(scope="module")
def offline_run(tmp_path_factory):
    """`kg build` of a real article as a .txt file, `kg query` and `kg render`, with the network refused."""
    article = json.loads(news_sample_lines(1)[0])
    source = tmp_path_factory.mktemp("offline-in") / f"{article['id']}.txt"
    source.write_text(article["text"], encoding="utf-8")
    out = tmp_path_factory.mktemp("offline")
    runs = [
        ["build", str(source), "-o", str(out), "--date", article["date"], "--no-cache", "-q"],
        ["query", "who-did-what", "--store", str(out / "store"), "-f", "csv"],
        ["render", str(out / "graph.ttl"), "-o", str(out / "again.html")],
    ]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(out), "KG_MODEL": "",
           # a proxy would be the first thing a downloader tries; make sure none is configured
           "NO_PROXY": "*", "HTTP_PROXY": "", "HTTPS_PROXY": ""}
    proc = subprocess.run([sys.executable, "-c", GUARD.format(runs=runs)], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=300)
    line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
    assert line, proc.stdout[-2000:] + proc.stderr[-2000:]
    return out, json.loads(line[len("RESULT "):]), proc


def test_build_query_and_render_never_touch_the_network(offline_run):
    out, result, proc = offline_run
    assert result["attempts"] == []
    assert result["codes"] == [0, 0, 0], proc.stderr
    assert "Traceback" not in proc.stderr
    events = [json.loads(line) for line in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(e["type"] == "event" for e in events), "the article should give events offline too"
    assert (out / "graph.html").stat().st_size > 0 and (out / "again.html").stat().st_size > 0


def test_saved_web_pages_are_read_without_the_network(tmp_path):
    """trafilatura can fetch (its date finder takes a string that starts with "http" for a URL to download): kg gives
    it the bytes it read, parsed, so a page, a page naming URLs everywhere, and a "page" that is only a URL are all
    read, or skipped, with every socket refused."""
    from tests.conftest import TROOPS_PAGE, web_page

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "troops.html").write_text(web_page(**TROOPS_PAGE), encoding="utf-8")
    (pages / "link.html").write_text("https://news.example.org/2024/10/troops", encoding="utf-8")
    out = tmp_path / "out"
    runs = [["build", str(pages), "-o", str(out), "--no-cache", "-q"]]
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "KG_MODEL": "", "NO_PROXY": "*", "HTTP_PROXY": "", "HTTPS_PROXY": ""}
    proc = subprocess.run([sys.executable, "-c", GUARD.format(runs=runs)], capture_output=True, text=True,
                          cwd=REPO, env=env, timeout=300)
    line = next((l for l in proc.stdout.splitlines() if l.startswith("RESULT ")), None)
    assert line, proc.stdout[-2000:] + proc.stderr[-2000:]
    result = json.loads(line[len("RESULT "):])
    assert result == {"codes": [0], "attempts": []}, proc.stderr
    assert f"{pages / 'link.html'}: skipped: not an HTML page" in proc.stderr
    records = [json.loads(l) for l in (out / "events.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(r["type"] == "event" for r in records)


class Resources(HTMLParser):
    """Every URL the page would fetch: script/img/iframe src, stylesheet/preload/icon links, CSS url() and @import."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.scripts = 0
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in ("script", "img", "iframe", "embed", "source", "audio", "video") and a.get("src"):
            self.urls.append(a["src"])
        if tag == "link" and a.get("href"):
            self.urls.append(a["href"])
        if tag == "object" and a.get("data"):
            self.urls.append(a["data"])
        if a.get("style"):
            self._css(a["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self._css(data)

    def _css(self, css: str) -> None:
        import re

        self.urls += re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+['\"]([^'\"]+)", css)


def remote(url: str) -> bool:
    return url.strip().lower().startswith(("http:", "https:", "//", "ftp:"))


@pytest.mark.parametrize("name", ["graph.html", "again.html"])
def test_page_loads_no_remote_script_style_or_font(offline_run, name):
    out, _, _ = offline_run
    page = (out / name).read_text(encoding="utf-8")
    parser = Resources()
    parser.feed(page)
    assert parser.scripts > 0, "the page should carry its scripts in-line"
    assert [u for u in parser.urls if remote(u)] == []


def test_page_policy_forbids_remote_loads(offline_run):
    """The Content-Security-Policy keeps scripts, styles and connections to the page itself."""
    import html
    import re

    out, _, _ = offline_run
    page = (out / "graph.html").read_text(encoding="utf-8")
    match = re.search(r'http-equiv="Content-Security-Policy"\s+content="([^"]+)"', page)
    assert match, "graph.html should carry a Content-Security-Policy"
    policy = {d.split()[0]: d.split()[1:] for d in html.unescape(match.group(1)).split(";") if d.strip()}
    assert policy["default-src"] == ["'none'"] and policy.get("connect-src", ["'none'"]) == ["'none'"]
    for directive in ("script-src", "style-src", "connect-src", "default-src"):
        for source in policy.get(directive, []):
            assert not remote(source) and source != "*", (directive, source)


def test_gazetteer_and_model_are_local_files():
    """What the build reads is installed with kg and spaCy: the gazetteer under ontology/, the model as a package."""
    import importlib.util

    from kg.nlp import DEFAULT_MODEL
    from kg.paths import ontology_dir

    assert any(Path(ontology_dir()).glob("*.yaml"))
    spec = importlib.util.find_spec(DEFAULT_MODEL)
    assert spec is not None and spec.origin and Path(spec.origin).exists()
