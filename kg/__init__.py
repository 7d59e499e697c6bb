"""kg: news articles to a geopolitical knowledge graph."""

__version__ = "0.1.0"
