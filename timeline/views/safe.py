"""Text from users, links and articles made inert for Streamlit's Markdown (st.warning, st.error, ...).

Every Markdown and HTML character is backslash-escaped, so `![i](http://x)` shows as typed and loads
nothing; control characters are shown as escapes; long values are cut.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&:=\"'])")
LIMIT = 300


def md_escape(text: str, limit: int = LIMIT) -> str:
    text = str(text)
    cut = len(text) > limit
    text = text[:limit]
    text = "".join(c if c.isprintable() or c == " " else f"\\u{ord(c):04x}" for c in text)
    return _SPECIAL.sub(r"\\\1", text) + ("…" if cut else "")
