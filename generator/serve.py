"""`wins serve`: build, serve on 127.0.0.1 only, watch the notes, rebuild and reload the open page."""

from __future__ import annotations

import logging
import signal
import threading
import webbrowser
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from watchdog.observers import Observer

from .errors import GeneratorError
from .watch import Changes, watch_filter

if TYPE_CHECKING:
    from .build import Run

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
EVENTS = "/__wins/events"
RELOAD_JS = "/__wins/reload.js"
# Served pages only: a tiny script that reloads when the site changes. Never in `wins build` output.
RELOAD_SCRIPT = (
    b'new EventSource("' + EVENTS.encode() + b'").onmessage = function () { location.reload(); };\n'
)


class Site:
    """The served folder and a counter that goes up after every successful rebuild."""

    def __init__(self, root: Path):
        self.root = root
        self.version = 0
        self.changed = threading.Condition()

    def wait_past(self, version: int, timeout: float) -> bool:
        """Wait until the site is newer than version; False when the time ran out first."""
        with self.changed:
            return self.changed.wait_for(lambda: self.version != version, timeout=timeout)

    def bump(self) -> None:
        with self.changed:
            self.version += 1
            self.changed.notify_all()


class Handler(SimpleHTTPRequestHandler):
    """Serve the site; add the reload script to pages and stream "reload" events."""

    site: Site

    def log_message(self, format: str, *args) -> None:  # the base class names it `format`
        log.debug("%s %s", self.address_string(), format % args)

    def do_GET(self) -> None:  # the base class names it so
        path = self.path.split("?", 1)[0]
        if path == EVENTS:
            return self.stream_events()
        if path == RELOAD_JS:
            return self.send_bytes(RELOAD_SCRIPT, "text/javascript")
        if path.endswith("/"):
            path += "index.html"
        if path.endswith(".html"):
            file = self.translate_path(path)
            if Path(file).is_file():
                return self.send_bytes(with_reload(Path(file).read_bytes()), "text/html; charset=utf-8")
        return super().do_GET()

    def send_bytes(self, data: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)

    def stream_events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = self.site.version
        try:
            while True:
                if self.site.wait_past(seen, timeout=15):
                    seen = self.site.version
                    self.wfile.write(b"data: reload\n\n")
                else:
                    self.wfile.write(b": still here\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return


def with_reload(page: bytes) -> bytes:
    """Add the reload script to a page and let its policy allow the event stream from here."""
    page = page.replace(b"form-action 'none'", b"form-action 'none'; connect-src 'self'", 1)
    tag = b'<script src="' + RELOAD_JS.encode() + b'"></script>\n</body>'
    return page.replace(b"</body>", tag, 1)


def start_server(site: Site, port: int) -> ThreadingHTTPServer:
    """Serve site.root on 127.0.0.1 only, in a background thread."""
    handler = type("SiteHandler", (Handler,), {"site": site})
    try:
        server = ThreadingHTTPServer((HOST, port), partial(handler, directory=str(site.root)))
    except OSError as error:
        raise GeneratorError(f"cannot serve on port {port}: {error.strerror}; try --port 0") from error
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, args=(0.1,), daemon=True, name="wins-http").start()
    return server


def serve(notes: Path, out: Path, rebuild: Callable[[], bool], watched: tuple[Path, ...],
          port: int, stop: threading.Event, on_ready: Callable[[str], None]) -> None:
    """Serve out and rebuild on every settled change until stop is set.

    rebuild() returns True when the site was rebuilt; False keeps the last good site.
    """
    site = Site(out)
    server = start_server(site, port)
    changes = Changes(watch_filter(notes.resolve(), watched))
    observer = Observer()
    observer.schedule(changes, str(notes), recursive=True)
    for path in watched:
        folder = path if path.is_dir() else path.parent
        if folder.exists() and notes.resolve() not in [folder.resolve(), *folder.resolve().parents]:
            observer.schedule(changes, str(folder), recursive=path.is_dir())
    observer.start()
    on_ready(f"http://{HOST}:{server.server_address[1]}/")
    try:
        while changes.wait(stop):
            if rebuild():
                site.bump()
    finally:
        observer.stop()
        server.shutdown()
        server.server_close()
        observer.join(timeout=2)


class Rebuilds:
    """Rebuild on demand, keeping the last good build: a failed rebuild never takes the wall down."""

    def __init__(self, build: Callable[[Run | None], Run], last: Run):
        self.build, self.last = build, last

    def __call__(self) -> bool:
        """Rebuild; True when the site changed, False (and a logged reason) when the rebuild failed."""
        try:
            self.last = self.build(self.last)
        except GeneratorError as error:
            log.error("Not rebuilt, the last good wall stays up: %s", error)
            return False
        except Exception as error:  # a bug in one rebuild must not stop the server
            log.error("Not rebuilt, the last good wall stays up: %s: %s", type(error).__name__, error,
                      exc_info=log.isEnabledFor(logging.DEBUG))
            return False
        return True


@contextmanager
def stopped_by_signals() -> Iterator[threading.Event]:
    """An event that Ctrl-C or SIGTERM sets, so the server stops cleanly; the old handlers come back after."""
    stop = threading.Event()
    numbers = (signal.SIGINT, signal.SIGTERM)
    before = [signal.signal(number, lambda *_: stop.set()) for number in numbers]
    try:
        yield stop
    finally:
        for number, handler in zip(numbers, before, strict=True):
            signal.signal(number, handler)


def serve_notes(build: Callable[[Run | None], Run], port: int, open_browser: bool,
                on_ready: Callable[[str], None], stop: threading.Event | None = None) -> Run:
    """Build, serve the site, and rebuild it on every settled change until stopped.

    build(last) builds the site (last: the previous good build, None at first). A first build that
    fails raises; a later one is logged and the last good wall stays up. Stops when stop is set,
    by default on Ctrl-C or SIGTERM; returns the last good build.
    """
    rebuilds = Rebuilds(build, build(None))
    first = rebuilds.last

    def ready(url: str) -> None:
        on_ready(url)
        if open_browser:
            webbrowser.open(url)

    with nullcontext(stop) if stop else stopped_by_signals() as stopping:
        serve(first.notes_dir, first.out, rebuilds, first.watched, port, stopping, ready)
    return rebuilds.last
