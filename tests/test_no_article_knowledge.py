"""The product knows no article: no person's name and no phrase of one article in code or language data.

Names may stand in comments and in worked examples of rules (`example*` keys, docstrings); everywhere else
they would be knowledge of one article. The names checked are the people of the seed and of every corpus
article (their gold files and metadata) and the seed's own titles of programmes and groups.
"""

import ast
import csv
import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "timeline"
# Phrases of the seed article that once lived in the product as special cases.
SEED_PHRASES = ["Raging Moderates", "Atlantic Council", "Eurasia Center", "Chatham House", "Arctic Edge",
                "Face the Nation", "Pursuing Peace", "Elmendorf", "Joint Base", "Air Force One", "Hannity",
                "Scavino", "Navalnaya", "Peskov", "Witkoff", "Brennan", "Lavrov", "Ushakov", "Oesjakov"]


def people_names() -> set[str]:
    names = set(SEED_PHRASES)
    for gold in [g for folder in ("corpus", "unseen", "gold") for g in (ROOT / "tests" / folder).glob("*.events.csv")]:
        with gold.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                names |= {a.strip() for a in row["actors"].split(";") if a.strip()}
    for meta in [m for folder in (ROOT / "data", ROOT / "tests" / "corpus", ROOT / "tests" / "unseen")
                 for m in folder.glob("*.meta.toml")]:
        data = tomllib.loads(meta.read_text(encoding="utf-8"))
        names |= set(data.get("actors", []))
        for key, forms in data.get("aliases", {}).items():
            names |= {key, *forms}
    # A person who shares a word with a place of the gazetteer ("Hague", "The Hague") is the place's there.
    with (PACKAGE / "lang" / "places.toml").open("rb") as fh:
        place_words = {w for names_ in tomllib.load(fh).get("cities", {}).values() for n in names_ for w in n.split()}
    return {n for n in names if len(n) > 2 and n not in place_words}


NAMES = sorted(people_names())
PATTERN = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in NAMES) + r")(?!\w)")


def test_the_name_list_is_real():
    assert {"Trump", "Putin", "Xi", "Macron", "Wilmore"} & set(NAMES) >= {"Trump", "Putin", "Macron", "Wilmore"}


def code_strings(path: Path):
    """(line, text) of every string and name in a module, docstrings left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value
        elif isinstance(node, ast.Name):
            yield node.lineno, node.id


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(ROOT)))
def test_no_names_in_code(path):
    found = [(line, PATTERN.search(text).group(0)) for line, text in code_strings(path) if PATTERN.search(text)]
    assert not found, f"{path.name}: names of one article's people in code: {found}"


def data_values(value, key=""):
    """Every string in a TOML value, with its key; worked examples are skipped."""
    if key.startswith("example"):
        return
    if isinstance(value, dict):
        for k, v in value.items():
            if k.startswith("example"):
                continue
            yield k, k
            yield from data_values(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from data_values(v, key)
    elif isinstance(value, str):
        yield key, value


@pytest.mark.parametrize("path", sorted((PACKAGE / "lang").glob("*.toml")), ids=lambda p: p.name)
def test_no_names_in_language_data(path):
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    found = [(k, PATTERN.search(v).group(0)) for k, v in data_values(data) if PATTERN.search(v)]
    assert not found, f"{path.name}: names of one article's people or phrases: {found}"


def test_no_table_of_people():
    assert not (PACKAGE / "lang" / "actors.toml").exists()
