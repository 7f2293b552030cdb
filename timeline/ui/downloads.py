"""Made-when-pressed downloads that survive a busy server.

Streamlit 1.67 (pinned) stores the file a pressed `st.download_button` callable makes without tying it to
any session, and its clean-up, run at the end of every script run of every session, deletes such a file at
its second pass. On a busy server two passes can come between the file being made and the browser's GET
for it: with 40 sessions on two cores (benchmarks/load.py) 11 of 40 sessions got "404 Not Found" for their
download. Files made for a pressed button are kept out of the clean-up for GRACE_S seconds.
"""

from __future__ import annotations

import time

from streamlit.runtime.media_file_manager import MediaFileManager

GRACE_S = 30.0          # far beyond a browser's GET; a pressed chart page (~5 MB) is held about this long


def keep_pressed_downloads(grace_s: float = GRACE_S) -> None:
    """Wraps Streamlit's media file manager once per process (idempotent: the script calls it every run)."""
    if getattr(MediaFileManager, "_pressed_grace_s", None) is not None:
        return
    execute, inactive = MediaFileManager.execute_deferred, MediaFileManager._get_inactive_file_ids

    def execute_deferred(self, file_id: str) -> str:
        url = execute(self, file_id)
        with self._lock:
            # The stored file's id is the URL's last part without its extension ("/media/<id>.csv").
            self.__dict__.setdefault("_pressed_made", {})[url.rsplit("/", 1)[-1].split(".", 1)[0]] = time.monotonic()
        return url

    def get_inactive_file_ids(self) -> set[str]:
        # Called with the manager's lock held (see MediaFileManager.remove_orphaned_files).
        made = getattr(self, "_pressed_made", {})
        now = time.monotonic()
        for fid in [f for f, at in made.items() if now - at > MediaFileManager._pressed_grace_s]:
            del made[fid]
        return inactive(self) - made.keys()

    MediaFileManager.execute_deferred = execute_deferred
    MediaFileManager._get_inactive_file_ids = get_inactive_file_ids
    MediaFileManager._pressed_grace_s = grace_s
