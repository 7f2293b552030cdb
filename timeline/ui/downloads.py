"""Made-when-pressed downloads that survive a busy server.

Streamlit 1.67 (pinned) stores the file a pressed `st.download_button` callable makes without tying it to
any session, and its clean-up, run at the end of every script run of every session, deletes such a file at
its second pass. On a busy server two passes can come between the file being made and the browser's GET
for it: with 40 sessions on two cores (benchmarks/load.py) 11 of 40 sessions got "404 Not Found" for their
download. Every stored file's record is stamped when made, and the clean-up leaves files younger than
GRACE_S alone. The stamp is set as the record is made, under the manager's lock, so no pass can come
between the file being stored and its stamp.
"""

from __future__ import annotations

import time

from streamlit.runtime.media_file_manager import MediaFileManager, MediaFileMetadata

GRACE_S = 30.0          # far beyond a browser's GET; a pressed chart page (~5 MB) is held about this long


def keep_pressed_downloads(grace_s: float = GRACE_S) -> None:
    """Wraps Streamlit's media file records and clean-up once per process (idempotent: the script calls
    it on every run)."""
    if getattr(MediaFileManager, "_pressed_grace_s", None) is not None:
        return
    made, inactive = MediaFileMetadata.__init__, MediaFileManager._get_inactive_file_ids

    def stamped(self, *args, **kwargs) -> None:
        made(self, *args, **kwargs)
        self.made_at = time.monotonic()

    def get_inactive_file_ids(self) -> set[str]:
        # Called with the manager's lock held (MediaFileManager.remove_orphaned_files).
        young = time.monotonic() - MediaFileManager._pressed_grace_s

        def old(f: str) -> bool:
            at = getattr(self._file_metadata[f], "made_at", None)
            return at is None or at < young
        return {f for f in inactive(self) if old(f)}

    MediaFileMetadata.__init__ = stamped
    MediaFileManager._get_inactive_file_ids = get_inactive_file_ids
    MediaFileManager._pressed_grace_s = grace_s
