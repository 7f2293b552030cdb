"""From mentions to events: evidence, cues, people, grouping, derived times, schedule and board.

`events_from_mentions(article, mentions)` gives the event table (timeline.schema).
"""

from .grouping import events_from_mentions

__all__ = ["events_from_mentions"]
