"""Language-free settings: uncertainty windows and input limits (documented in README and docs/)."""

from datetime import timedelta

# Clock windows per modifier: (earliest offset, latest offset) around the stated instant.
CLOCK_WINDOWS = {
    "exact": (timedelta(0), timedelta(0)),
    "approx": (timedelta(minutes=-15), timedelta(minutes=15)),
    "after": (timedelta(0), timedelta(minutes=30)),
    "before": (timedelta(minutes=-30), timedelta(0)),
}

# Durations: "almost N" is [N - slack, N], "more than N" is [N, N + slack]; slack by unit (minutes).
DURATION_SLACK = {1: 5, 15: 5, 45: 5, 60: 30, 1440: 720, 10080: 1440}
# "about N" is N ± this fraction of N.
DURATION_APPROX_FRACTION = 0.25

# Two halves of a conversion agree when their instants are this close.
PAIR_TOLERANCE = timedelta(minutes=1)

# Largest article accepted, in bytes: a long live blog is under 1 MB.
MAX_ARTICLE_BYTES = 5_000_000

# Planned vs actual (timeline/schedule.py): a difference within this many minutes is "on time";
# beyond it "early" or "late". The point difference is between the middles of the two windows.
ON_TIME_MINUTES = 5

# Stories (timeline/events/story.py): two reports tell the same event when their windows, each widened by
# this many minutes, overlap (reports round "10:54" to "about 11:00").
MERGE_MINUTES = 15
