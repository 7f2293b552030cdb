"""Summit Timeline: time references in news text, resolved to a timezone-aware timeline."""

from .errors import (ArticleError, BadDate, LanguageDataError, TimelineError, UnknownLanguage,
                     UnknownZone)
from .extract import extract
from .mention import Mention

__all__ = ["extract", "Mention", "TimelineError", "UnknownZone", "BadDate", "UnknownLanguage",
           "LanguageDataError", "ArticleError"]
