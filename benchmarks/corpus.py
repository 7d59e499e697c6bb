"""Make a benchmark corpus of any size by mixing the seed articles' sentences (deterministic)."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds" / "articles.jsonl"
_SENTENCE = re.compile(r"(?<=[.!?\u201d\"])\s+(?=[A-Z\u201c\"])")


def seed_sentences(path: Path = SEEDS) -> list[str]:
    """Every sentence of the seed articles' paragraphs, in file order; a one-line exit if they are not there."""
    if not path.is_file():
        raise SystemExit(f"benchmarks: {path} not found: the seed articles are kept outside the repository, "
                         "in the shared/ folder beside it")
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
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


def words(docs: list[dict]) -> int:
    """Whitespace-separated words in the documents' texts."""
    return sum(len(d["text"].split()) for d in docs)


def write_jsonl(docs: list[dict], path: Path) -> Path:
    """One JSON object per line, the format `kg build` reads."""
    with path.open("w", encoding="utf-8") as handle:
        for d in docs:
            handle.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path
