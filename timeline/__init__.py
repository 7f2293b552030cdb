"""Summit Timeline: time references in news text, resolved to a timezone-aware timeline."""

from .errors import (ArticleError, BadDate, LanguageDataError, TimelineError, UnknownLanguage,
                     UnknownZone)
from .text.article import load_article
from .text.extract import extract
from .text.mention import Mention

__all__ = ["extract", "load_article", "Mention", "TimelineError", "UnknownZone", "BadDate", "UnknownLanguage",
           "LanguageDataError", "ArticleError"]
