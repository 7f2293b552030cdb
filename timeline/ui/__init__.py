"""Streamlit pieces of the dashboard (app.py wires them): the store and this session's documents, adding
an article, correcting events, stories. Pure logic lives in timeline.documents, events and views."""
