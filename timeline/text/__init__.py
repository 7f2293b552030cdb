"""Reading text: scanning for times, resolving zones and dates, language data, loading articles.

`extract(text, ...)` gives the mentions; `load_article(path, ...)` reads a file with its metadata.
"""

from .article import Article, load_article
from .extract import extract
from .mention import Mention

__all__ = ["Article", "load_article", "extract", "Mention"]
