"""Benchmark corpora: the seed articles' sentences mixed into a corpus of any size (deterministic), and real news.

The real news is ../shared/corpora/wikinews-2019-2020.jsonl: 260 Wikinews
articles of 2019-2020 (about 201,000 words, CC BY 2.5), taken as they are.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEEDS = SHARED / "seeds" / "articles.jsonl"
WIKINEWS = SHARED / "corpora" / "wikinews-2019-2020.jsonl"


def _read(path: Path) -> str:
    """A shared data file's text; a one-line exit when the shared folder is not beside the repository."""
    if not path.is_file():
        raise SystemExit(f"benchmarks need {path} (../shared beside the repository): not found")
    return path.read_text(encoding="utf-8")
_SENTENCE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")


def seed_sentences(path: Path = SEEDS) -> list[str]:
    """Every sentence of the seed articles' paragraphs, in file order; a one-line exit if they are not there."""
    if not path.is_file():
        raise SystemExit(f"benchmarks: {path} not found: the seed articles are kept outside the repository, "
                         "in the shared/ folder beside it")
    out: list[str] = []
    for line in _read(path).splitlines():
        if line.strip():
            for paragraph in json.loads(line)["text"].split("\n"):
                out.extend(s.strip() for s in _SENTENCE.split(paragraph) if len(s.split()) >= 4)
    return out


def make_documents(n_words: int, *, seed: int = 0, doc_words: int = 500, prefix: str = "bench") -> list[dict]:
    """Articles of about `doc_words` words (3-sentence paragraphs of random seed sentences) totalling `n_words`."""
    rng = random.Random(seed)
    sentences = seed_sentences()
    docs: list[dict] = []
    total = 0
    while total < n_words:
        words, paragraphs = 0, []
        while words < doc_words:
            paragraph = " ".join(rng.choice(sentences) for _ in range(3))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        text = "\n\n".join(paragraphs)
        date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        docs.append({"id": f"{prefix}-{len(docs):06d}", "text": text, "date": date})
        total += words
    return docs


def real_documents(n_words: int | None = None, path: Path = WIKINEWS) -> list[dict]:
    """The real news articles in file order, as many as make `n_words` (None: all of them; never repeated,
    since kg drops a repeated article)."""
    docs: list[dict] = []
    total = 0
    for line in _read(path).splitlines():
        if line.strip() and (n_words is None or total < n_words):
            d = json.loads(line)
            docs.append({k: d[k] for k in ("id", "text", "date", "title", "url", "source") if d.get(k)})
            total += len(d["text"].split())
    return docs


def one_document(n_chars: int, path: Path = WIKINEWS) -> dict:
    """A single document of at least `n_chars` characters: real news paragraphs one after another, cycling
    through the articles (each pass numbered, so no paragraph is a repeat kg would mask)."""
    paragraphs = [p for line in _read(path).splitlines() if line.strip()
                  for p in json.loads(line)["text"].split("\n") if p.strip()]
    out: list[str] = []
    size, i = 0, 0
    while size < n_chars:
        p = paragraphs[i % len(paragraphs)]
        if i >= len(paragraphs):
            p = f"({i // len(paragraphs) + 1}) {p}"
        out.append(p)
        size += len(p) + 2
        i += 1
    return {"id": f"long-{n_chars}", "text": "\n\n".join(out), "date": "2020-06-01"}


def words(docs: list[dict]) -> int:
    """Whitespace-separated words in the documents' texts."""
    return sum(len(d["text"].split()) for d in docs)


def write_jsonl(docs: list[dict], path: Path) -> Path:
    """One JSON object per line, the format `kg build` reads."""
    with path.open("w", encoding="utf-8") as handle:
        for d in docs:
            handle.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path
