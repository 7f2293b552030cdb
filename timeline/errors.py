"""Named exceptions. The package raises these; only the CLI and the app turn them into messages."""


class TimelineError(Exception):
    """Base of every error this package raises on purpose."""


class UnknownZone(TimelineError, ValueError):
    """A time zone name that neither pytz nor the alias table knows."""


class BadDate(TimelineError, ValueError):
    """A date that is not YYYY-MM-DD or does not exist."""


class UnknownLanguage(TimelineError, ValueError):
    """A language code with no file in timeline/lang/."""


class LanguageDataError(TimelineError, ValueError):
    """A language file that does not load: names the file and the rule."""


class ArticleError(TimelineError, OSError):
    """An article file that cannot be read as text (missing, binary, empty, too large)."""
