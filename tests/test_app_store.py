"""The dashboard as a place to work (issue 8), through AppTest: add an article, correct it, share it
read-only, stories, and what a bad link or a broken store does. Each test has its own store file.

The pasted article is tests.helpers.LAUNCH, a launch day written for the tests: line 4 "10:52 a.m. EDT" is
the launch the tests correct.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import LAUNCH

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
SEED = "alaska-summit-2025-08-15.nl"

NO_TIMES = "The council met and agreed on nothing, members said afterwards.\n"


@pytest.fixture(autouse=True)
def own_store(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_TIMELINE_DB", str(tmp_path / "store.sqlite3"))


def new(params: dict | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for name, value in (params or {}).items():
        at.query_params[name] = value
    return at.run()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def param(at: AppTest, name: str):
    value = at.query_params.get(name)
    return value[-1] if isinstance(value, list) else value


def button(at: AppTest, label: str):
    hits = [b for b in at.button if b.label == label]
    assert len(hits) == 1, f"want one {label!r} button, got {[b.label for b in at.button]}"
    return hits[0]


def add_pasted(text: str, **meta) -> AppTest:
    """Paste `text`, read it, confirm the metadata form (fields in `meta` changed first)."""
    at = ok(new())
    at.button(key="add_open").click().run()
    at.text_area(key="add_paste").input(text)
    at.button(key="add_read_paste").click().run()
    ok(at)
    boxes = {w.label.split(" (")[0]: w for w in at.text_input}
    for name, value in meta.items():
        boxes[name].input(value)
    button(at, "Add and read it").click().run()
    return ok(at)


def table(at: AppTest):
    assert len(at.dataframe) == 1
    return at.dataframe[0].value


def edit_rows(at: AppTest) -> list[str]:
    return [t.value for t in at.text if t.value.startswith("#")]


def event_id_of(at: AppTest, label: str, status: str = "actual") -> str:
    df = table(at)
    hit = df[(df["event"] == label) & (df["status"] == status)]
    assert len(hit) == 1, df[["event", "status"]].to_string()
    return hit.iloc[0]["id"]


# ----------------------------------------------------------------------------- add

def test_pasted_article_is_added_with_inferred_metadata_and_a_one_time_edit_link():
    at = ok(new())
    at.button(key="add_open").click().run()
    at.text_area(key="add_paste").input(LAUNCH)
    at.button(key="add_read_paste").click().run()
    values = {w.label.split(" (")[0]: w.value for w in at.text_input}
    assert values["Title"] == "Starliner crew launch: live updates"       # its first line
    assert values["Local zone"] == "America/New_York"                      # Cape Canaveral
    dates = {d.label: d.value for d in at.date_input}
    assert str(dates["Day the times refer to"]) == "2024-06-05"             # line 2
    button(at, "Add and read it").click().run()
    ok(at)
    doc = param(at, "doc")
    assert doc and len(doc) == 12
    links = [w for w in at.text_input if w.key == "edit_link_once"]
    assert len(links) == 1 and f"doc={doc}" in links[0].value and "edit=" in links[0].value
    assert "edit=" not in at.text_input(key="share").value
    assert at.selectbox(key="doc").value == doc
    assert at.selectbox(key="tz").value == "America/New_York"
    # The launch at 10:52 EDT (line 4) is on the table, in the article's zone.
    at.radio(key="view").set_value("table").run()
    when = table(at)["when"].tolist()
    assert any(w.startswith("10:52") for w in when), when
    # Shown once: the next run has no edit link any more.
    assert not [w for w in at.text_input if w.key == "edit_link_once"]


def test_the_same_text_added_twice_is_one_document_and_issues_no_new_edit_link():
    first = add_pasted(LAUNCH)
    again = add_pasted(LAUNCH)
    assert param(first, "doc") == param(again, "doc")
    assert not [w for w in again.text_input if w.key == "edit_link_once"]
    assert any("already stored" in s.value for s in again.success)


def test_a_text_without_times_gets_an_empty_state_and_an_event_can_be_added_by_hand():
    at = add_pasted(NO_TIMES, **{"Local zone": "Europe/Amsterdam"})
    assert any("No times were found" in i.value for i in at.info)
    at.toggle(key="editing").set_value(True).run()
    boxes = {w.key: w for w in at.text_input}
    boxes["new_label"].input("Council meets")
    boxes["new_start"].input("2024-03-01 19:30")
    boxes["new_quote"].input("The council met")
    button(at, "Add event").click().run()
    ok(at)
    at.radio(key="view").set_value("table").run()
    df = table(at)
    assert df["event"].tolist() == ["Council meets"]
    assert df["when"].iloc[0].startswith("Fri 1 Mar 19:30") or "19:30" in df["when"].iloc[0]
    assert df["line"].iloc[0] == 1                                  # tied to the quoted span
    assert "edited" in df["how exact"].iloc[0]


# ----------------------------------------------------------------------------- correct, share

def test_a_fixed_time_shows_in_a_read_only_session_that_has_no_way_to_edit():
    at = add_pasted(LAUNCH)
    doc = param(at, "doc")
    at.radio(key="view").set_value("table").run()
    launch = event_id_of(at, "Launch")
    at.selectbox(key="ev").set_value(launch).run()
    at.toggle(key="editing").set_value(True).run()
    start = [w for w in at.text_input if w.key == f"fix_{launch}_start"]
    assert start[0].value == "2024-06-05 10:52"                      # the displayed zone's wall time
    start[0].input("2024-06-05 10:53")
    button(at, "Save correction").click().run()
    ok(at)
    assert any("10:52" in r and "10:53" in r for r in edit_rows(at)), edit_rows(at)

    reader = ok(new({"doc": doc, "view": "table"}))
    assert reader.selectbox(key="doc").value == doc
    df = table(reader)
    row = df[df["id"] == launch]
    assert row["when"].iloc[0].startswith("10:53") and "edited" in row["how exact"].iloc[0]
    assert not [t for t in reader.toggle if t.key == "editing"]
    assert not [b for b in reader.button if b.label in ("Save correction", "Delete document", "Undo")]
    assert any("Read-only" in c.value for c in reader.caption)


def test_undo_puts_the_engine_value_back_and_redo_applies_it_again():
    at = add_pasted(LAUNCH)
    at.radio(key="view").set_value("table").run()
    launch = event_id_of(at, "Launch")
    at.selectbox(key="ev").set_value(launch).run()
    at.toggle(key="editing").set_value(True).run()
    [w for w in at.text_input if w.key == f"fix_{launch}_start"][0].input("2024-06-05 11:30")
    button(at, "Save correction").click().run()
    undo = [b for b in at.button if b.label == "Undo"]
    assert len(undo) == 1
    undo[0].click().run()
    ok(at)
    df = table(at)
    assert df[df["id"] == launch]["when"].iloc[0].startswith("10:52")
    assert any("[undone]" in r for r in edit_rows(at))
    [b for b in at.button if b.label == "Redo"][0].click().run()
    df = table(at)
    assert df[df["id"] == launch]["when"].iloc[0].startswith("11:30")


def test_the_edit_link_opens_editing_in_a_new_session_and_a_wrong_token_does_not():
    at = add_pasted(LAUNCH)
    doc = param(at, "doc")
    token = at.session_state["tokens"][doc]
    editor = ok(new({"doc": doc, "edit": token}))
    assert [t for t in editor.toggle if t.key == "editing"]
    assert "edit" not in editor.query_params                           # dropped from the address bar
    assert token not in editor.text_input(key="share").value
    other = add_pasted(NO_TIMES, **{"Local zone": "UTC"})
    other_token = other.session_state["tokens"][param(other, "doc")]
    for wrong in ("nope", token[:-1] + ("A" if token[-1] != "A" else "B"), other_token, "x" * 5000):
        at = ok(new({"doc": doc, "edit": wrong}))
        assert not [t for t in at.toggle if t.key == "editing"]
        notes = [i.value for i in at.info]
        # One message for every wrong token: nothing says how close a guess was.
        assert notes == ["The link's edit token does not open this document for editing; it is shown read-only."]


def test_two_sessions_editing_one_document_keep_both_edits_and_tell_the_other():
    at = add_pasted(LAUNCH)
    doc = param(at, "doc")
    token = at.session_state["tokens"][doc]
    at.radio(key="view").set_value("table").run()
    launch = event_id_of(at, "Launch")
    at.selectbox(key="ev").set_value(launch).run()
    at.toggle(key="editing").set_value(True).run()           # the first session has the form open...
    other = ok(new({"doc": doc, "edit": token, "ev": launch, "view": "table"}))
    other.toggle(key="editing").set_value(True).run()
    [w for w in other.text_input if w.key == f"fix_{launch}_start"][0].input("2024-06-05 10:55")
    button(other, "Save correction").click().run()            # ...while another session saves
    [w for w in at.text_input if w.key == f"fix_{launch}_start"][0].input("2024-06-05 10:57")
    button(at, "Save correction").click().run()
    ok(at)
    assert any("Another reader edited this document" in i.value for i in at.info)
    assert len(edit_rows(at)) == 2
    df = table(at)
    assert df[df["id"] == launch]["when"].iloc[0].startswith("10:57")          # the later edit
    other.run()
    assert any("Another reader has edited" in i.value for i in other.info)


def test_the_picker_lists_bundled_and_own_documents_never_everyones():
    at = add_pasted(LAUNCH)
    doc = param(at, "doc")
    title = LAUNCH.splitlines()[0]
    assert title in at.selectbox(key="doc").options              # AppTest lists the shown labels
    stranger = ok(new())
    assert stranger.selectbox(key="doc").options == [SEED]
    by_link = ok(new({"doc": doc}))
    assert by_link.selectbox(key="doc").options == [SEED, title] and by_link.selectbox(key="doc").value == doc


def test_the_owner_can_delete_the_document_and_its_link_then_gives_a_notice():
    at = add_pasted(LAUNCH)
    doc = param(at, "doc")
    at.toggle(key="editing").set_value(True).run()
    at.checkbox(key="delete_sure").check().run()
    at.button(key="delete_doc").click().run()
    ok(at)
    assert at.selectbox(key="doc").value == SEED
    gone = ok(new({"doc": doc}))
    assert gone.selectbox(key="doc").value == SEED
    assert any(w.value.startswith("Link parameter ignored: doc:") for w in gone.warning)


# ----------------------------------------------------------------------------- stories, bad links, bad store

def test_a_story_of_two_documents_has_its_own_link_and_lists_every_source():
    at = add_pasted(LAUNCH)
    doc = param(at, "doc")
    at.multiselect(key="story_docs").set_value([SEED, doc]).run()
    at.text_input(key="story_title").input("Two days").run()
    at.button(key="story_make").click().run()
    ok(at)
    story = param(at, "story")
    assert story and story.startswith("s") and param(at, "doc") is None
    other = ok(new({"story": story, "view": "table"}))
    assert other.selectbox(key="doc").value == story
    df = table(other)
    assert {"told by", "disagreement"} <= set(df.columns)
    assert "CBS News" in other.text[0].value


@pytest.mark.parametrize("params, name", [
    ({"doc": "0123456789ab"}, "doc"),
    ({"doc": "../../etc/passwd"}, "doc"),
    ({"story": "s0000000000x"}, "story"),
    ({"story": "<script>alert(1)</script>"}, "story"),
])
def test_unknown_or_malformed_doc_and_story_give_a_notice_and_the_seed(params, name):
    at = ok(new(params))
    assert at.selectbox(key="doc").value == SEED
    notes = [w.value for w in at.warning]
    assert any(n.startswith(f"Link parameter ignored: {name}:") for n in notes), notes
    assert all("<script>" not in n for n in notes)


def test_a_corrupt_store_is_named_and_the_bundled_seed_still_opens(tmp_path, monkeypatch):
    bad = tmp_path / "broken.sqlite3"
    bad.write_bytes(b"this is not a database, just some bytes" * 100)
    monkeypatch.setenv("SUMMIT_TIMELINE_DB", str(bad))
    at = ok(new())
    errors = [e.value for e in at.error]
    assert errors and str(bad) in errors[0].replace("\\", "")          # named (escaped for Markdown)
    assert at.selectbox(key="doc").value == SEED and len(at.get("plotly_chart")) == 1
    at.button(key="add_open").click().run()
    assert any("cannot be added" in e.value for e in at.error)


def test_markdown_typed_into_the_zone_box_is_shown_as_typed():
    at = ok(new())
    at.text_input(key="tz_other").input("![i](http://tracker.invalid/t.png)").run()
    notes = [w.value for w in at.sidebar.warning]
    assert notes and all("![i](" not in n for n in notes)          # escaped: no image, no link


@pytest.mark.parametrize("text, message", [
    ("   \n\t ", "There is no text to read"),
    ("x" * 5_000_001, "the limit for one article"),
])
def test_empty_or_oversized_paste_is_refused_with_a_message(text, message):
    at = ok(new())
    at.button(key="add_open").click().run()
    at.text_area(key="add_paste").input(text)
    at.button(key="add_read_paste").click().run()
    ok(at)
    assert any(message in e.value for e in at.error), [e.value for e in at.error]
    assert not [b for b in at.button if b.label == "Add and read it"]


def test_a_pasted_web_page_is_kept_as_text_and_its_markup_never_rendered():
    page = ("<html><body><p>Polls closed at 9 p.m. local time in Wellington.</p>"
            "<script>alert(1)</script><img src=x onerror=alert(2)></body></html>")
    at = add_pasted(page, **{"Local zone": "Pacific/Auckland"})
    at.radio(key="view").set_value("source").run()
    html = [h.proto.body for h in at.get("html")]
    assert html and "<script>" not in html[0] and "<img" not in html[0]
    assert "Polls closed at" in html[0]


def test_the_summit_story_shows_merged_events_with_every_source_and_a_disagreement():
    """The seed with the two companion reports of tests/stories (written for the tests). Read from them:
    Putin's plane landed "kort voor 11.00 uur" (seed) and "at 10:54 a.m. local time" per TASS (chronology);
    Air Force One landed at 10:22 in both."""
    from timeline.documents import add_document
    from timeline.store import open_store
    from timeline.text.article import load_meta

    store = open_store()
    ids = [SEED]
    for name in ("alaska-chronology-2025-08-15.en", "alaska-schedule-2025-08-15.en"):
        path = ROOT / "tests" / "stories" / f"{name}.txt"
        ids.append(add_document(store, path.read_text(encoding="utf-8"), load_meta(path)[0])[0])
    story = store.add_story("Alaska summit, three reports", ids)
    at = ok(new({"story": story, "view": "table"}))
    assert at.text[0].value.startswith("Alaska summit, three reports\nStory of 3 reports: CBS News")
    df = table(at)
    putin = df[(df["event"] == "Putin arrives") & (df["status"] == "actual")]
    assert len(putin) == 1 and putin["told by"].iloc[0] == 2
    assert "10:54" in putin["disagreement"].iloc[0] and "before 11:00" in putin["disagreement"].iloc[0]
    trump = df[(df["event"] == "Trump arrives") & (df["status"] == "actual") & df["when"].str.startswith("10:22")]
    assert len(trump) == 1 and trump["told by"].iloc[0] >= 2 and trump["disagreement"].iloc[0] == ""
    # The selected event lists every source with its own words. (Chosen by link: AppTest picks options by
    # their shown label, and two events are labelled "Putin arrives".)
    at = ok(new({"story": story, "ev": putin["id"].iloc[0]}))
    told = [t.value for t in at.text if t.value.startswith("Putin arrives · actual")][0]
    assert "CBS News" in told and "TASS" in told and "The reports disagree" in " ".join(t.value for t in at.text)


PAGE = (b"<html><head><title>Polls close in New Zealand</title><script>alert(1)</script></head><body><article>"
        b"<h1>Polls close in New Zealand</h1><p>Wellington, Saturday 14 October 2023</p>"
        b"<p>Voting ended at 7 p.m. local time and the first results were published at 7:30 p.m.</p>"
        b"<p>Counting went on past midnight in Auckland and Christchurch, officials said.</p>"
        b"</article></body></html>")


@pytest.fixture
def web_page():
    """One article page on a loopback server (written for the test: New Zealand's polls closed at 7 p.m. NZDT
    on 14 October 2023)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(PAGE)))
            self.end_headers()
            self.wfile.write(PAGE)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/nz-election"
    server.shutdown()


def fetch_in_app(url: str) -> AppTest:
    at = ok(new())
    at.button(key="add_open").click().run()
    at.radio(key="add_how").set_value("Web address").run()
    at.text_input(key="add_url").input(url)
    at.button(key="add_fetch").click().run()
    return ok(at)


def test_a_web_address_is_fetched_reduced_to_its_text_and_added(web_page, monkeypatch):
    monkeypatch.setenv("SUMMIT_TIMELINE_FETCH_ALLOW", "127.0.0.1")        # the test-only allow-list
    at = fetch_in_app(web_page)
    values = {w.label.split(" (")[0]: w.value for w in at.text_input}
    assert values["Title"] == "Polls close in New Zealand"
    assert values["Local zone"] == "Pacific/Auckland"
    button(at, "Add and read it").click().run()
    ok(at)
    at.radio(key="view").set_value("table").run()
    assert any(w.startswith("19:00") for w in table(at)["when"])        # 7 p.m. local time
    at.radio(key="view").set_value("source").run()
    assert "alert(1)" not in at.get("html")[0].proto.body


def test_a_web_address_on_the_servers_own_network_is_refused_with_a_hint_to_paste(web_page, monkeypatch):
    monkeypatch.delenv("SUMMIT_TIMELINE_FETCH_ALLOW", raising=False)
    at = fetch_in_app(web_page)
    errors = [e.value for e in at.error]
    assert errors and "loopback" in errors[0] and "paste the article" in errors[0]
    assert not [b for b in at.button if b.label == "Add and read it"]


def test_the_schedule_of_a_text_with_no_plan_says_so_instead_of_failing():
    # One landing and no planned time: nothing to set against it. The board used to raise KeyError 'verdict'.
    at = add_pasted("Anchorage, Friday, August 15, 2025\nAir Force One landed at 10:22 a.m. local time.\n",
                    **{"Local zone": "America/Anchorage"})
    at.radio(key="view").set_value("schedule").run()
    ok(at)
    assert any("no planned times" in i.value for i in at.info), [i.value for i in at.info]
    assert not at.get("table")
