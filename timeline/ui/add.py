"""Adding an article in the dashboard: paste, upload or a web address, then confirm the inferred metadata.

Every message that names something the reader typed goes through md_escape; the text itself is never
rendered, only stored and read.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from ..documents import add_document, infer_meta
from ..errors import TimelineError
from ..settings import MAX_ARTICLE_BYTES
from ..text.article import decode
from ..text.langdata import available
from ..text.zones import get_zone
from ..views.safe import md_escape
from .library import remember

SOURCES = ("Paste text", "Upload a file", "Web address")
LONG = 20_000   # characters from which extraction shows its stages


def _draft(text: str, warnings: list[str], extra: dict | None = None) -> None:
    if len(text.encode("utf-8", "surrogatepass")) > MAX_ARTICLE_BYTES:
        st.error(f"The text is over {MAX_ARTICLE_BYTES // 1_000_000} MB, the limit for one article: split it.")
        return
    if not text.strip():
        st.error("There is no text to read: paste or upload the article's text.")
        return
    meta, inferred = infer_meta(text)
    meta.update({k: v for k, v in (extra or {}).items() if v})
    st.session_state["add_draft"] = {"text": text, "meta": meta, "warnings": warnings + inferred}


def _read_upload(upload) -> None:
    raw = upload.getvalue()
    if len(raw) > MAX_ARTICLE_BYTES:
        st.error(f"{md_escape(upload.name)} is {len(raw) / 1e6:.1f} MB; the limit is "
                 f"{MAX_ARTICLE_BYTES // 1_000_000} MB for one article.")
        return
    try:
        text, warnings = decode(raw, upload.name)
    except TimelineError as exc:
        st.error(md_escape(str(exc), 500))
        return
    extra = {}
    if upload.name.lower().endswith((".html", ".htm")) or any("looks like HTML" in w for w in warnings):
        from ..text.fetch import FetchError, read_page        # noqa: PLC0415 - trafilatura loads slowly
        warnings = [f"{upload.name} is a web page: its article text was taken out, markup and scripts left behind"]
        try:
            text, title, published = read_page(raw, None, warnings)     # decoded as a fetched page is
        except FetchError as exc:
            st.error(md_escape(str(exc), 500))
            return
        extra = {"title": title, "published": published}
    _draft(text, warnings, extra)


def _fetch(url: str) -> None:
    from ..text.fetch import FetchError, fetch_article         # noqa: PLC0415 - trafilatura loads slowly
    try:
        with st.spinner("Fetching the page…"):
            got = fetch_article(url.strip())
    except FetchError as exc:
        st.error(md_escape(str(exc), 500))
        return
    _draft(got.text, got.warnings, {"title": got.title, "published": got.published, "url": got.url})


def _date(value):
    return value if isinstance(value, date) else None


def _metadata_form(store) -> None:
    draft = st.session_state["add_draft"]
    meta = draft["meta"]
    st.subheader("What the text says about itself")
    st.caption("Inferred from the text: check it, change what is wrong, then add the article.")
    for warning in draft["warnings"]:
        st.text(f"⚠ {warning}")
    langs = available()
    with st.form("add_meta"):
        title = st.text_input("Title", meta.get("title", ""), max_chars=300)
        source = st.text_input("Published by", meta.get("source", ""), max_chars=200)
        language = st.selectbox("Language", langs, index=langs.index(meta["language"])
                                if meta.get("language") in langs else 0)
        event_date = st.date_input("Day the times refer to", _date(meta.get("event_date")), format="YYYY-MM-DD")
        published = st.date_input("Published on", _date(meta.get("published")), format="YYYY-MM-DD")
        zone = st.text_input("Local zone (IANA name, e.g. America/Anchorage)", meta.get("local_tz") or "",
                             max_chars=64)
        actors = st.text_input("People to show as lanes (optional, separated by ;)", "", max_chars=500)
        go = st.form_submit_button("Add and read it", type="primary")
    if not go:
        return
    try:
        tz = get_zone(zone).zone if zone.strip() else None
    except TimelineError:
        st.error(f"Unknown zone {md_escape(zone)}: give an IANA name such as Europe/Amsterdam.")
        return
    final = {"title": title.strip(), "source": source.strip(), "language": language, "event_date": event_date,
             "published": published, "local_tz": tz, "url": meta.get("url", ""),
             "actors": [a.strip() for a in actors.split(";") if a.strip()]}
    text = draft["text"]
    progress = st.progress(5, text=f"Reading {len(text):,} characters: finding times…") if len(text) > LONG \
        else None
    try:
        with st.spinner("Reading the article…"):
            doc, token, loaded = add_document(store, text, final)
    except TimelineError as exc:
        st.error(md_escape(str(exc), 500))
        return
    if progress is not None:
        progress.progress(100, text=f"Done: {len(loaded.events)} events")
    remember(doc, token)
    st.session_state.update(goto=doc, just_added={"doc": doc, "token": token, "events": len(loaded.events)},
                            page="view")
    del st.session_state["add_draft"]
    st.rerun()


def add_page(store, store_error: str | None) -> None:
    st.header("Add an article")
    if store is None:
        st.error(f"Articles cannot be added while the store is unavailable: {md_escape(store_error or '', 500)}")
        return
    how = st.radio("From", SOURCES, horizontal=True, key="add_how")
    if how == SOURCES[0]:
        text = st.text_area("Article text", key="add_paste", height=260,
                            placeholder="Paste the live blog, chronology or schedule here")
        if st.button("Read this text", key="add_read_paste"):
            _draft(text, [])
    elif how == SOURCES[1]:
        upload = st.file_uploader("Article file (.txt, .md, .html)", type=["txt", "md", "html", "htm"],
                                  key="add_file")
        if upload is not None and st.button("Read this file", key="add_read_file"):
            _read_upload(upload)
    else:
        url = st.text_input("Web address (http or https)", key="add_url", max_chars=2000)
        st.caption("Fetched once by this server, with a time limit; pages on private networks are refused.")
        if st.button("Fetch and read", key="add_fetch") and url.strip():
            _fetch(url)
    if st.session_state.get("add_draft"):
        _metadata_form(store)
    if st.button("Back to the timeline", key="add_cancel"):
        st.session_state.pop("add_draft", None)
        st.session_state["page"] = "view"
        st.rerun()
