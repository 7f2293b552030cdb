"""timeline.text.fetch against a local server on 127.0.0.1: article text, redirects, limits and SSRF refusals."""

import socket
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from timeline.errors import TimelineError
from timeline.text.fetch import Fetched, FetchError, check_url, fetch_article, html_to_text

LOCAL = frozenset({"127.0.0.1"})
PASTE = "paste the article's text instead"

ARTICLE = b"""<!doctype html><html><head><title>Summit day live: talks run late</title>
<meta property="article:published_time" content="2025-08-15T09:00:00Z">
<script>alert(1)</script></head><body><article><h1>Summit day live: talks run late</h1>
<p>The leaders met at 11:30 local time and talked until 14:45, when the press was called in.</p>
<p><img src=x onerror=alert(1)> Officials said a second session would start at 16:00.
<a href="javascript:alert(1)">Click here</a> for more.</p>
</article></body></html>"""
PLAIN = "Caf\u00e9 talks \u2013 the delegations met at 10:30.\n".encode("cp1252")
REDIRECTS = {"/redirect": "/article", "/loop": "/loop", "/to-file": "file:///etc/passwd",
             "/to-metadata": "http://169.254.169.254/latest/meta-data/"}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send(self, status, ctype, body, length=True):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = self.path
        if path == "/article":
            self.send(200, "text/html; charset=utf-8", ARTICLE)
        elif path == "/plain":
            self.send(200, "text/plain", PLAIN)
        elif path == "/plain-cp1252":
            self.send(200, "text/plain; charset=windows-1252", PLAIN)
        elif path == "/echo":
            seen = f"{self.headers['Host']}|{self.headers['User-Agent']}"
            self.send(200, "text/plain; charset=utf-8", seen.encode())
        elif path in REDIRECTS:
            self.send_response(302)
            self.send_header("Location", REDIRECTS[path])
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/huge":
            self.send(200, "text/plain", b"x" * 100_000)
        elif path == "/huge-unsized":
            self.send(200, "text/plain", b"x" * 100_000, length=False)
        elif path == "/slow":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.trickle(b"x")
        elif path == "/slow-headers":
            self.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
            self.trickle(b"a")
        elif path == "/image":
            self.send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        elif path == "/empty-page":
            self.send(200, "text/html", b"<html><head><script>alert(1)</script></head><body></body></html>")
        else:
            self.send(404, "text/plain", b"not here")

    def trickle(self, byte):
        for _ in range(50):   # at most 10 s; the client hangs up long before
            try:
                self.wfile.write(byte)
                self.wfile.flush()
            except OSError:
                return
            time.sleep(0.2)


@pytest.fixture(scope="module")
def base():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def no_connect(monkeypatch):
    """Any attempt to open a connection fails the test: refusals must come before connecting."""
    def boom(*args, **kwargs):
        raise AssertionError("a connection was attempted")
    monkeypatch.setattr(socket, "create_connection", boom)
    monkeypatch.setattr(socket.socket, "connect", boom)


def refused(url, fragment, **kwargs):
    with pytest.raises(FetchError) as info:
        fetch_article(url, allow=LOCAL, **kwargs)
    message = str(info.value)
    assert fragment in message and "\n" not in message
    return message


def test_article_text_without_markup(base):
    got = fetch_article(f"{base}/article", allow=LOCAL)
    assert isinstance(got, Fetched) and got.url == f"{base}/article"
    assert "leaders met at 11:30" in got.text and "14:45" in got.text and "16:00" in got.text
    for bad in ("<script", "onerror", "javascript:", "alert(", "<img", "<a ", "<"):
        assert bad not in got.text
    assert got.title == "Summit day live: talks run late"
    assert got.published == date(2025, 8, 15)
    assert got.warnings == []


def test_plain_text_in_cp1252(base):
    named = fetch_article(f"{base}/plain-cp1252", allow=LOCAL)
    assert named.text == PLAIN.decode("cp1252") and named.warnings == []
    assert (named.title, named.published) == ("", None)
    unnamed = fetch_article(f"{base}/plain", allow=LOCAL)
    assert unnamed.text == "Caf\u00e9 talks \u2013 the delegations met at 10:30.\n"
    assert any("Windows-1252" in w for w in unnamed.warnings)


def test_host_header_and_user_agent(base):
    host, agent = fetch_article(f"{base}/echo", allow=LOCAL).text.split("|")
    assert host == base.removeprefix("http://")
    assert agent.startswith("SummitTimeline/")


def test_redirect_followed(base):
    got = fetch_article(f"{base}/redirect", allow=LOCAL)
    assert got.url == f"{base}/article" and "leaders met" in got.text


def test_redirects_refused(base):
    assert "more than 3" in refused(f"{base}/loop", "too many redirects", max_redirects=3)
    assert "file:" in refused(f"{base}/to-file", "only http:// and https://")
    assert "169.254.169.254 is a link-local address" in refused(f"{base}/to-metadata", PASTE)


def test_http_errors_and_wrong_content(base):
    assert "404" in refused(f"{base}/missing", "HTTP 404")
    assert "image/png" in refused(f"{base}/image", "not a web page or text")
    refused(f"{base}/empty-page", "no article text found on the page")


def test_size_limit(base):
    refused(f"{base}/huge", "is larger than 10 kB, the limit for one article", max_bytes=10_000)
    refused(f"{base}/huge-unsized", "is larger than 10 kB, the limit for one article", max_bytes=10_000)


@pytest.mark.parametrize("path", ["/slow", "/slow-headers"])
def test_trickling_server_hits_the_deadline(base, path):
    start = time.monotonic()
    refused(f"{base}{path}", PASTE, timeout=1)
    assert time.monotonic() - start < 3


def test_loopback_refused_without_allow_list(base, monkeypatch):
    monkeypatch.delenv("SUMMIT_TIMELINE_FETCH_ALLOW", raising=False)
    with pytest.raises(FetchError, match=r"127\.0\.0\.1 is a loopback address .*paste the article's text"):
        fetch_article(f"{base}/article")


def test_env_allow_list(base, monkeypatch):
    monkeypatch.setenv("SUMMIT_TIMELINE_FETCH_ALLOW", " 127.0.0.1 , ")
    assert "leaders met" in fetch_article(f"{base}/article").text
    monkeypatch.setenv("SUMMIT_TIMELINE_FETCH_ALLOW", "localhost")
    assert "127.0.0.1" in check_url(base.replace("127.0.0.1", "localhost"))
    with pytest.raises(FetchError, match="loopback"):
        check_url(base)


@pytest.mark.parametrize("url, kind", [
    ("http://localhost/", "loopback"),
    ("http://[::1]/", "loopback"),
    ("http://[::ffff:127.0.0.1]/", "loopback"),
    ("http://10.0.0.1/", "private"),
    ("http://192.168.1.1:8080/x", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://0.0.0.0/", "unspecified"),
    ("http://224.0.0.1/", "multicast"),
    ("http://100.64.0.1/", "non-public"),
    ("http://2130706433/", "loopback"),
    ("http://0x7f000001/", "loopback"),
    ("http://017700000001/", "loopback"),
])
def test_internal_addresses_refused_before_connecting(url, kind, no_connect, monkeypatch):
    monkeypatch.delenv("SUMMIT_TIMELINE_FETCH_ALLOW", raising=False)
    for call in (check_url, fetch_article):
        with pytest.raises(FetchError, match=f"is an? {kind} address .*does not fetch from its own network"):
            call(url)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/a.txt", "javascript:alert(1)",
                                 "data:text/html,<p>hi</p>", "example.com/article", "http:///nohost",
                                 "http://example.com:99999/"])
def test_bad_addresses_refused(url, no_connect):
    with pytest.raises(FetchError) as info:
        fetch_article(url)
    assert str(info.value).startswith("refusing") and "\n" not in str(info.value)
    assert isinstance(info.value, TimelineError)


def test_unreachable_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(FetchError, match="could not reach 127.0.0.1 .*check the address, or paste the article's text"):
        fetch_article(f"http://127.0.0.1:{port}/", allow=LOCAL, timeout=2)


def test_https_is_tls_to_the_checked_address(base):
    # The local server speaks plain HTTP, so the TLS handshake fails: reported, not crashed.
    refused(base.replace("http:", "https:") + "/article", PASTE, timeout=2)


def test_html_to_text_fallback_and_nothing():
    text, _title, published = html_to_text("<p>Talks at 10:00 &amp; after</p>")
    assert text == "Talks at 10:00 & after" and published is None
    with pytest.raises(FetchError, match="no article text found on the page; paste the text instead"):
        html_to_text("<script>alert('no words here')</script>")
