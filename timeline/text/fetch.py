"""Reading an article from a URL, safely: the dashboard lets anyone paste a URL.

Only http and https; every host is resolved once and refused when any of its addresses is not public
(loopback, private, link-local, multicast, reserved...), so the server is never pointed at its own
network (SSRF). The connection goes to the address that was checked, not to a second DNS lookup, and
every redirect is checked again. One deadline covers the whole fetch; the body is capped in bytes.

SUMMIT_TIMELINE_FETCH_ALLOW (comma-separated addresses or host names, e.g. "127.0.0.1") and the
`allow` argument permit those hosts despite the rule. They are for tests only (a local test server);
never set them in production.
"""

from __future__ import annotations

import html as html_lib
import http.client
import ipaddress
import os
import re
import socket
import ssl
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import quote, urljoin, urlsplit

from ..errors import TimelineError
from ..settings import MAX_ARTICLE_BYTES
from .article import blank_html

FETCH_TIMEOUT_S = 10.0
USER_AGENT = "SummitTimeline/0.8 (+article fetch)"
ALLOW_ENV = "SUMMIT_TIMELINE_FETCH_ALLOW"
REDIRECTS = {301, 302, 303, 307, 308}
PASTE = "paste the article's text instead"
NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(TimelineError):
    """A URL that is refused or cannot be read as an article; the message says what to do instead."""


@dataclass
class Fetched:
    url: str                  # final URL after redirects
    text: str                 # plain article text, no markup
    title: str                # "" when unknown
    published: date | None
    warnings: list[str] = field(default_factory=list)


def _size(n: int) -> str:
    return f"{n / 1e6:g} MB" if n >= 1_000_000 else f"{n / 1e3:g} kB" if n >= 1000 else f"{n} bytes"


def _not_public(ip) -> str | None:
    """Why an address is refused ("loopback", ...), or None for a public one; embedded IPv4 counts too."""
    inner = []
    if ip.version == 6:
        inner = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ()),
                 ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in NAT64 else None]
    for a in [*filter(None, inner), ip]:   # the embedded address names the kind best
        for kind in ("unspecified", "loopback", "link_local", "multicast", "private", "reserved"):
            if getattr(a, f"is_{kind}"):
                return kind.replace("_", "-")
        if not a.is_global:
            return "non-public"
    return None


def check_url(url: str, allow=None) -> list[str]:
    """The addresses to connect to for `url`; FetchError when its scheme, host or any address is refused."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        raise FetchError(f"refusing {url[:100]!r}: not a valid web address") from None
    if parts.scheme.lower() not in ("http", "https"):
        shown = f"not {parts.scheme}:" if parts.scheme else "start it with https://"
        raise FetchError(f"refusing {url[:100]!r}: only http:// and https:// addresses can be fetched ({shown})")
    try:
        host, port = (parts.hostname or "").rstrip("."), parts.port
    except ValueError:
        raise FetchError(f"refusing {url[:100]!r}: the port is not a number from 0 to 65535") from None
    if not host:
        raise FetchError(f"refusing {url[:100]!r}: there is no host name")
    if allow is None:
        allow = frozenset(a.strip().lower() for a in os.environ.get(ALLOW_ENV, "").split(",") if a.strip())
    try:
        infos = socket.getaddrinfo(host, port or 80, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"could not reach {host} (the name does not resolve: {exc}); "
                         f"check the address, or {PASTE}") from None
    ips = list(dict.fromkeys(info[4][0] for info in infos))   # in resolver order, without repeats
    for ip in ips:
        kind = _not_public(ipaddress.ip_address(ip.split("%")[0]))
        if kind and host.lower() not in allow and ip not in allow:
            article = "an" if kind[0] in "aeiou" else "a"
            raise FetchError(f"refusing {url[:100]}: {ip} is {article} {kind} address "
                             f"(the server does not fetch from its own network); {PASTE}")
    return ips


class _PinnedHTTPS(http.client.HTTPSConnection):
    """HTTPS to a checked address, with the certificate checked against the host name (SNI)."""

    def __init__(self, ip, port, host, timeout):
        super().__init__(ip, port, timeout=timeout, context=ssl.create_default_context())
        self._sni = host

    def connect(self):
        http.client.HTTPConnection.connect(self)
        self.sock = self._context.wrap_socket(self.sock, server_hostname=self._sni)


def _decode(raw: bytes, charset: str | None, warnings: list[str]) -> str:
    if charset:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            warnings.append(f"the page says it is {charset} but is not; read as UTF-8 or Windows-1252")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        if not charset:
            warnings.append("the page names no encoding and is not UTF-8; read as Windows-1252")
        return raw.decode("cp1252", errors="replace")


def _shut(conn) -> None:
    conn.expired = True
    try:
        if conn.sock:
            conn.sock.shutdown(socket.SHUT_RDWR)   # wakes a blocked recv, unlike close()
    except OSError:
        pass


def _get(url: str, ips: list[str], deadline: float, max_bytes: int):
    """(status, reason, headers, body) of one GET to the first checked address that answers."""
    parts = urlsplit(url.strip())
    host, port = parts.hostname.rstrip("."), parts.port or (443 if parts.scheme.lower() == "https" else 80)
    target = quote((parts.path or "/") + (f"?{parts.query}" if parts.query else ""), safe="!#$%&'()*+,/:;=?@[]~")
    headers = {"Host": host.encode("idna").decode() + (f":{parts.port}" if parts.port else ""),
               "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9",
               "Accept-Encoding": "identity", "Connection": "close"}
    failure = None
    for ip in ips:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        conn = (_PinnedHTTPS(ip, port, host, remaining) if parts.scheme.lower() == "https"
                else http.client.HTTPConnection(ip, port, timeout=remaining))
        # A server that trickles bytes must not outlive the deadline: shut the socket when it passes.
        watchdog = threading.Timer(remaining, _shut, (conn,))
        watchdog.daemon = True
        watchdog.start()
        try:
            conn.connect()
            conn.request("GET", target, headers=headers)
            resp = conn.getresponse()
            too_big = FetchError(f"{url[:100]} is larger than {_size(max_bytes)}, the limit for one article")
            length = resp.getheader("Content-Length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise too_big
            chunks, size = [], 0
            while chunk := resp.read1(65536):   # read1: one recv at a time, so the checks below run often
                size += len(chunk)
                if size > max_bytes:
                    raise too_big
                if time.monotonic() > deadline:
                    break
                chunks.append(chunk)
            if getattr(conn, "expired", False) or time.monotonic() > deadline:   # cut short, not complete
                raise TimeoutError
            return resp.status, resp.reason, resp.headers, b"".join(chunks)
        except (OSError, http.client.HTTPException) as exc:
            late = getattr(conn, "expired", False) or time.monotonic() > deadline
            failure = "no complete answer in time" if late else str(exc) or type(exc).__name__
        finally:
            watchdog.cancel()
            conn.close()
    raise FetchError(f"could not reach {host} ({failure or 'no complete answer in time'}); "
                     f"check the address, or {PASTE}")


def fetch_article(url: str, *, timeout: float = FETCH_TIMEOUT_S, max_bytes: int = MAX_ARTICLE_BYTES,
                  max_redirects: int = 5, allow: frozenset[str] | None = None) -> Fetched:
    """The article at `url` as plain text; FetchError with a one-line message for anything refused or failed."""
    deadline = time.monotonic() + timeout
    for _ in range(max_redirects + 1):
        ips = check_url(url, allow)
        status, reason, headers, body = _get(url, ips, deadline, max_bytes)
        if status not in REDIRECTS:
            break
        location = headers.get("Location")
        if not location:
            raise FetchError(f"{url[:100]} redirects (HTTP {status}) but names no new address")
        url = urljoin(url, location.strip())
    else:
        raise FetchError(f"too many redirects (more than {max_redirects}), last to {url[:100]}; {PASTE}")
    if not 200 <= status < 300:
        raise FetchError(f"{url[:100]} answered HTTP {status} {reason}".rstrip() + f"; check the address, or {PASTE}")
    warnings: list[str] = []
    kind = headers.get_content_type() if headers.get("Content-Type") else None
    if kind is None:   # no Content-Type: guess from the first bytes
        kind = "text/html" if re.match(rb"\s*<", body) else "text/plain"
    if kind == "text/plain":
        return Fetched(url, _decode(body, headers.get_content_charset(), warnings), "", None, warnings)
    if kind not in ("text/html", "application/xhtml+xml"):
        raise FetchError(f"{url[:100]} is {kind}, not a web page or text; {PASTE}")
    text, title, published = read_page(body, headers.get_content_charset(), warnings, url)
    return Fetched(url, text, title, published, warnings)


def read_page(body: bytes, charset: str | None, warnings: list[str], url: str = "") -> tuple[str, str, date | None]:
    """A web page's bytes (fetched or uploaded) as (text, title, published): decoded by the charset given,
    else the one its <meta> names near the top, else UTF-8 or Windows-1252 with a warning."""
    if not charset:
        m = re.search(rb"""<meta[^>]{0,200}charset=["']?([\w.:-]+)""", body[:4096], re.IGNORECASE)
        charset = m.group(1).decode("ascii") if m else None
    return html_to_text(_decode(body, charset, warnings), url)


def html_to_text(html: str, url: str = "") -> tuple[str, str, date | None]:
    """(text, title, published) of a web page; the text is plain, never markup from the page."""
    import trafilatura  # ~0.9 s to import: only when a page is fetched

    text = trafilatura.extract(html, url=url or None, favor_recall=True, include_comments=False,
                               include_tables=True, output_format="txt") if html.strip() else None
    if not text or not text.strip():   # too little for trafilatura: strip the markup ourselves
        lines = (re.sub(r"\s+", " ", line).strip() for line in html_lib.unescape(blank_html(html)).splitlines())
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        if not re.search(r"[^\W\d_]", text):
            raise FetchError("no article text found on the page; paste the text instead")
    title, published = "", None
    try:
        meta = trafilatura.extract_metadata(html) if html.strip() else None
        title = (getattr(meta, "title", None) or "").strip()
        raw = getattr(meta, "date", None)
        published = date.fromisoformat(raw[:10]) if raw else None
    except (ValueError, TypeError, AttributeError):
        pass
    return text.strip(), title, published
