"""Made-when-pressed downloads outlive Streamlit's clean-up passes long enough for the browser's GET."""

from __future__ import annotations

import pytest
from streamlit.runtime.media_file_manager import MediaFileManager, MediaFileMetadata
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage, MediaFileStorageError

from timeline.ui.downloads import keep_pressed_downloads

CSV = "event,start\nTrump lands,2025-08-15T18:22:00Z\n"


def pressed(manager: MediaFileManager) -> str:
    """What a pressed download button does: run the callable, store its file, give its URL's file name."""
    placeholder = manager.add_deferred(lambda: CSV, "text/csv", "button-1", "seed.events.csv")
    return manager.execute_deferred(placeholder).rsplit("/", 1)[-1]


@pytest.fixture
def manager():
    keep_pressed_downloads()
    return MediaFileManager(MemoryMediaFileStorage("/media"))


def test_a_pressed_download_survives_other_sessions_runs(manager):
    name = pressed(manager)
    for _ in range(5):          # each other session's finished run is one clean-up pass
        manager.remove_orphaned_files()
    assert manager._storage.get_file(name).content.decode() == CSV


def test_after_the_grace_the_file_is_cleaned_up(manager, monkeypatch):
    monkeypatch.setattr(MediaFileManager, "_pressed_grace_s", 0.0)
    name = pressed(manager)
    manager.remove_orphaned_files()       # marks it
    manager.remove_orphaned_files()       # deletes it
    with pytest.raises(MediaFileStorageError):
        manager._storage.get_file(name)


def test_wrapping_is_done_once():
    keep_pressed_downloads()
    wrapped = MediaFileMetadata.__init__, MediaFileManager._get_inactive_file_ids
    keep_pressed_downloads()
    assert (MediaFileMetadata.__init__, MediaFileManager._get_inactive_file_ids) == wrapped
