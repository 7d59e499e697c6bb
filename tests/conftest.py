"""Shared fixtures: real news the repository holds, the seed articles (read from ../shared, never copied) and a tiny hand-made corpus.

Data outside the repository is reached through `require`, which skips a test with a reason
naming what is missing, so that a clone with no ../shared beside it runs everything else.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from kg.model import Corpus, Document, Entity, Event, Evidence, Mention

# A shell starts a job it puts in the background (`cmd &`, without job control) with Ctrl-C ignored,
# and every process it starts inherits that: the tests that stop kg with SIGINT would then see a
# build that cannot be interrupted. The tests are about kg's own handling, so they start from the default.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

REPO = Path(__file__).resolve().parent.parent
NEWS_SAMPLE = REPO / "tests" / "data" / "wikinews-sample.jsonl"
"""Five real Wikinews articles (CC BY 2.5, credited in tests/data/README.md): real text any clone has."""
EVAL = REPO / "eval"
PLOVER_DEV = EVAL / "plover-dev.jsonl"
NEWS_DEV = EVAL / "news-dev.jsonl"
"""The development gold sets the repository holds (provenance and licences in eval/README.md)."""

# Outside the repository: tests that read these go through require().
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_JSONL = SEEDS / "articles.jsonl"
SEEDS_GOLD = SHARED / "eval" / "seeds-gold.json"


def require(path: Path, what: str) -> Path:
    """`path` if it exists, else skip the calling test (or fixture) with a reason naming what is missing."""
    if not path.exists():
        pytest.skip(f"{what} not found: {path} (kept outside the repository, in the shared/ folder beside it)")
    return path


def news_sample_lines(n: int | None = None) -> list[str]:
    """The first n JSON Lines of the real-news sample (all of them by default), as written in the file."""
    lines = [line for line in NEWS_SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]
    return lines[:n]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/ from the current output")


def write(path: Path, content: str | bytes) -> Path:
    """Write a test input file (text as UTF-8, or raw bytes), making its folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _doc(doc_id: str, text: str, date: str) -> Document:
    return Document(doc_id, text, date)


def make_sample_corpus() -> Corpus:
    """Two short documents, five entities and two events: small enough to check by eye."""
    t1 = "South Korea is weighing supplying arms to Ukraine. Seoul said so."
    t2 = "North Korea sent 12,000 troops to Russia last month."
    docs = (_doc("d1", t1, "2024-11-14"), _doc("d2", t2, "2024-11-01"))
    ents = (
        Entity("KOR", "South Korea", "Country", "KOR", "Q884"),
        Entity("UKR", "Ukraine", "Country", "UKR", "Q212"),
        Entity("PRK", "North Korea", "Country", "PRK", "Q423"),
        Entity("RUS", "Russia", "Country", "RUS", "Q159"),
        Entity("yoon-suk-yeol", "Yoon Suk Yeol", "Person", "KOR"),
    )
    mentions = (
        Mention("d1", 0, 11, "South Korea", "KOR"),
        Mention("d1", 42, 49, "Ukraine", "UKR"),
        Mention("d1", 51, 56, "Seoul", "KOR"),
        Mention("d2", 0, 11, "North Korea", "PRK"),
        Mention("d2", 34, 40, "Russia", "RUS"),
    )
    events = (
        Event("KOR", "SupplyWeapons", "UKR", "considered", None, None, None,
              (Evidence("d1", t1[:50], 0, 50, "supplying"),)),
        Event("PRK", "DeployTroops", "RUS", "asserted", "2024-10", "last month", 12000,
              (Evidence("d2", t2, 0, len(t2), "sent"),)),
    )
    return Corpus(docs, ents, mentions, events)


@pytest.fixture
def sample_corpus() -> Corpus:
    return make_sample_corpus()


@pytest.fixture(scope="session")
def seed_documents() -> list[dict]:
    """The five seed articles as the jsonl records of shared/seeds/articles.jsonl."""
    text = require(SEEDS_JSONL, "the seed articles").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline with the gazetteer ruler, loaded once per test session."""
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True under `pytest --update-golden`: golden files are rewritten instead of compared."""
    return bool(request.config.getoption("--update-golden"))


PAGE_NAV = ("Home", "World", "Sport", "Subscribe to our newsletter", "Japan criticised China over the shoal")
PAGE_FOOTER = ("Copyright 2024 The Daily Example. All rights reserved.", "Read more: Poland accused Russia of sabotage.")
"""Boilerplate of the saved web pages tests write: each line would give an event if it were read as article text."""


def web_page(title: str, paragraphs: list[str], *, date: str | None = None, url: str | None = None,
             site: str | None = "The Daily Example") -> str:
    """A saved web page of the project's own text: a <title> with the site's name, metadata in <meta> tags,
    navigation and a footer around an <article> of headline and paragraphs."""
    meta = []
    if site:
        meta.append(f'<meta property="og:site_name" content="{site}">')
    if url:
        meta.append(f'<link rel="canonical" href="{url}"><meta property="og:url" content="{url}">')
    if date:
        meta.append(f'<meta property="article:published_time" content="{date}T08:30:00Z">')
    nav = "".join(f'<li><a href="/{i}">{item}</a></li>' for i, item in enumerate(PAGE_NAV))
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    footer = "".join(f"<p>{line}</p>" for line in PAGE_FOOTER)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title}{" | " + site if site else ""}'
            f'</title>{"".join(meta)}</head>\n<body><nav><ul>{nav}</ul></nav>\n<article><h1>{title}</h1>{body}</article>\n'
            f"<footer>{footer}</footer></body></html>\n")


TROOPS_PAGE = dict(
    title="North Korea sends troops to Russia",
    paragraphs=[
        "North Korea sent troops to Russia on Monday, officials in Seoul said.",
        "Germany pledged to deploy a brigade to Lithuania next year, the defence ministry in Berlin announced.",
        "Analysts said the deployment would take several months to complete and would need new barracks near the border.",
    ],
    date="2024-10-18",
    url="https://news.example.org/2024/10/troops",
)
"""A page whose article gives events (the first two sentences are rows of tests/test_events.py's kind)."""
