"""Load benchmark of `marsad serve` (issue 6): every page type under concurrent readers.

    .venv/bin/python bench/bench_serve.py                       # /tmp/snn_full.db, 50 clients, 60 s
    .venv/bin/python bench/bench_serve.py --clients 10 --seconds 10 --db out/examples.db
    .venv/bin/python bench/bench_serve.py --peer-datasette .venv-datasette/bin/datasette

It starts `marsad serve` on the archive as a user would, builds a URL mix from
the archive itself (search queries from its titles and entities, with facets,
sort and pages; articles; entities; quotes; story clusters; and the JSON API
for each), then runs `--clients` concurrent clients for `--seconds`. Per page
type it prints requests, errors, the server's own time (`Server-Timing:
app;dur=`, p50/p95/max), the wait in the server's admission queue when it
reports one (`X-Queue-Time`, p95) and the client's latency (p95), and a verdict
against the issue's bar: server p95 <= 200 ms on every page type, and no error.
The client latency, queue included, is printed beside it: it is what a reader
waits, and with 50 clients it is set by throughput (clients / requests per s).

With `--hostile N`, N more clients send only costly searches as a hostile user
would (one common word repeated to the 200-character limit, long OR chains, long
phrases of common words, deep pages of 100 results), page and API alike. They
are reported on their own line: a 400 (query refused) or a 503 (time limit) is
their expected answer, not an error, and the readers' figures show whether they
made the others wait.

With `--peer-datasette PATH`, Datasette serves the same SQLite file
(immutable) and the same records' row pages and a newest-20 table page are
timed on both, one after the other with the same clients, printed as ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import random
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

import httpx

SERVER_P95_BAR_MS = 200.0
SERVING_LINE = re.compile(r"marsad: serving (http://\S+)")
SERVER_TIMING = re.compile(r"\bapp;dur=([0-9.]+)")
# Title words too common to be an analyst's query (shorter words are never drawn).
STOP_WORDS = frozenset(("التي", "الذي", "الذين", "خلال", "كانت", "هناك", "عندما", "أكثر", "بشأن", "ضمن", "لدى", "حول"))
ARABIC_WORD = re.compile(r"^[\u0621-\u064A]{4,}$")
# The commonest words of Arabic news, for queries that cost the most per character.
COMMON_WORDS = (
    "في",
    "من",
    "على",
    "إلى",
    "عن",
    "أن",
    "التي",
    "الذي",
    "مع",
    "بين",
    "هذه",
    "كان",
    "قد",
    "لم",
    "ما",
    "لا",
    "هو",
    "هي",
    "كل",
    "بعد",
    "قبل",
    "عند",
    "حتى",
    "أو",
    "ثم",
    "إن",
    "كما",
    "وقد",
    "وفي",
    "ومن",
    "وعلى",
    "عام",
    "وزير",
    "أمس",
    "اليوم",
    "خلال",
    "حيث",
    "أيضا",
    "منذ",
    "ضد",
    "دون",
    "لدى",
    "عبر",
    "نحو",
    "غير",
)
HOSTILE = "hostile"
# Answers a hostile query may get from a server that bounds search cost.
HOSTILE_ANSWERS = frozenset({"200", "400", "503"})


def hostile_queries() -> list[str]:
    """Queries of at most 200 characters that are as costly as we know how to make them."""
    repeated = ("من " * 67).strip()
    alternatives = " OR ".join(COMMON_WORDS)
    while len(alternatives) > 200:
        alternatives = alternatives.rsplit(" OR ", 1)[0]
    all_words = " ".join(COMMON_WORDS)[:200].rsplit(" ", 1)[0]
    phrase = '"' + ("في من " * 33).strip()[:196].rsplit(" ", 1)[0] + '"'
    return [repeated, alternatives, all_words, phrase]


# --- the URL mix ---------------------------------------------------------------------------------


@dataclass
class ArchiveSample:
    """What the URL mix is built from, read from the archive itself."""

    record_ids: list[str]
    rowids: list[int]
    words: list[str]
    phrases: list[str]
    sources: list[str]
    categories: list[str]
    entities: list[str]
    speakers: list[str]
    clusters: list[str]
    date_range: tuple[str, str] | None


def _pick(rng: random.Random, items: set[str], count: int) -> list[str]:
    # sorted first: set order varies between runs, and the mix must not.
    return rng.sample(sorted(items), min(count, len(items)))


def sample_archive(db: Path, rng: random.Random, size: int = 5000, queries: int = 3000) -> ArchiveSample:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT rowid, id, title FROM records ORDER BY random() LIMIT ?", (size,)).fetchall()
        words: set[str] = set()
        phrases: set[str] = set()
        for _, _, title in rows:
            tokens = [t for t in (title or "").split() if ARABIC_WORD.match(t) and t not in STOP_WORDS]
            words.update(tokens)
            phrases.update(f"{a} {b}" for a, b in itertools.pairwise(tokens))

        def column(sql: str) -> list[str]:
            return [str(row[0]) for row in connection.execute(sql) if row[0]]

        dates = connection.execute(
            "SELECT min(published), max(published) FROM records WHERE published IS NOT NULL AND published <> ''"
        ).fetchone()
        return ArchiveSample(
            record_ids=[str(row[1]) for row in rows],
            rowids=[int(row[0]) for row in rows],
            words=_pick(rng, words, queries),
            phrases=_pick(rng, phrases, queries // 2),
            sources=column("SELECT name FROM sources"),
            categories=column(
                "SELECT category FROM records WHERE category IS NOT NULL AND category <> '' "
                "GROUP BY category ORDER BY count(*) DESC LIMIT 30"
            ),
            entities=column(
                "SELECT canonical FROM entities WHERE type IN ('PER', 'ORG', 'LOC') AND canonical <> '' "
                "GROUP BY canonical ORDER BY count(*) DESC LIMIT 300"
            ),
            speakers=column(
                "SELECT speaker FROM quotes WHERE speaker IS NOT NULL AND speaker <> '' "
                "GROUP BY speaker ORDER BY count(*) DESC LIMIT 200"
            ),
            clusters=column("SELECT id FROM clusters ORDER BY random() LIMIT 500"),
            date_range=(str(dates[0]), str(dates[1])) if dates and dates[0] else None,
        )
    finally:
        connection.close()


class UrlMix:
    """Weighted page types, each drawing a realistic URL from the archive sample."""

    def __init__(self, sample: ArchiveSample) -> None:
        self.sample = sample
        html: dict[str, tuple[int, Callable[[random.Random], str]]] = {
            "search": (18, lambda r: "/?" + urlencode({"q": self._query(r)})),
            "search+facets": (10, lambda r: "/?" + urlencode(self._faceted(r))),
            "newest": (4, lambda r: "/?" + urlencode(self._browse(r))),
            "article": (14, lambda r: "/articles/" + quote(r.choice(sample.record_ids))),
            "entity": (8, lambda r: "/entities/" + quote(r.choice(sample.entities), safe="")),
            "entities": (3, lambda r: "/entities?" + urlencode(self._entity_index(r))),
            "quotes": (7, lambda r: "/quotes?" + urlencode(self._quotes(r))),
            "stories": (4, lambda r: "/stories?" + urlencode(self._stories(r))),
            "cluster": (5, lambda r: "/stories/" + quote(r.choice(sample.clusters), safe="")),
        }
        api_weights = {
            "search": 8,
            "search+facets": 4,
            "article": 6,
            "entity": 3,
            "entities": 1,
            "quotes": 3,
            "stories": 2,
            "cluster": 2,
        }
        self.kinds: dict[str, Callable[[random.Random], str]] = {}
        self.weights: list[int] = []
        for kind, (weight, make) in html.items():
            if self._possible(kind):
                self.kinds[kind] = make
                self.weights.append(weight)
        for kind, weight in api_weights.items():
            if self._possible(kind):
                self.kinds[f"api {kind}"] = self._api(html[kind][1])
                self.weights.append(weight)
        self.names = list(self.kinds)

    def _possible(self, kind: str) -> bool:
        needs = {"entity": self.sample.entities, "cluster": self.sample.clusters, "article": self.sample.record_ids}
        return bool(needs.get(kind, True))

    @staticmethod
    def _api(make: Callable[[random.Random], str]) -> Callable[[random.Random], str]:
        def api(rng: random.Random) -> str:
            path = make(rng)
            return "/api/search" + path[1:] if path.startswith("/?") else "/api" + path

        return api

    def _entity_index(self, rng: random.Random) -> dict[str, str]:
        """A type tab, a later page, or a name filter drawn from the sampled entities."""
        pick = rng.random()
        if pick < 0.4:
            return {"type": rng.choice(["PER", "LOC", "ORG", "MISC"])}
        if pick < 0.7 or not self.sample.entities:
            return {"page": str(rng.randint(1, 5))}
        return {"q": rng.choice(self.sample.entities).split()[-1]}

    def _query(self, rng: random.Random) -> str:
        pick = rng.random()
        if pick < 0.55 or not (self.sample.phrases or self.sample.entities):
            return rng.choice(self.sample.words)
        if pick < 0.8 and self.sample.phrases:
            return rng.choice(self.sample.phrases)
        return rng.choice(self.sample.entities) if self.sample.entities else rng.choice(self.sample.words)

    def _faceted(self, rng: random.Random) -> dict[str, str]:
        params = {"q": self._query(rng)}
        facets: list[Callable[[], None]] = [
            lambda: params.update(sort="date"),
            lambda: params.update(page=str(rng.randint(2, 4))),
        ]
        if self.sample.sources:
            facets.append(lambda: params.update(source=rng.choice(self.sample.sources)))
        if self.sample.categories:
            facets.append(lambda: params.update(category=rng.choice(self.sample.categories)))
        if self.sample.entities:
            facets.append(lambda: params.update(entity=rng.choice(self.sample.entities)))
        if self.sample.date_range:
            first, last = self.sample.date_range
            facets.append(lambda: params.update({"from": first[:10], "to": last[:10]}))
        for add in rng.sample(facets, rng.randint(1, min(2, len(facets)))):
            add()
        return params

    def _browse(self, rng: random.Random) -> dict[str, str]:
        params: dict[str, str] = {}
        if self.sample.sources and rng.random() < 0.5:
            params["source"] = rng.choice(self.sample.sources)
        if rng.random() < 0.3:
            params["page"] = str(rng.randint(2, 10))
        return params

    def _quotes(self, rng: random.Random) -> dict[str, str]:
        if self.sample.speakers and rng.random() < 0.6:
            return {"speaker": rng.choice(self.sample.speakers)}
        return {"q": rng.choice(self.sample.words)}

    def _stories(self, rng: random.Random) -> dict[str, str]:
        return {"sort": rng.choice(["size", "newest"]), "page": str(rng.randint(1, 5))}

    def draw(self, rng: random.Random) -> tuple[str, str]:
        kind = rng.choices(self.names, weights=self.weights)[0]
        return kind, self.kinds[kind](rng)

    @staticmethod
    def draw_hostile(rng: random.Random) -> tuple[str, str]:
        params = {"q": rng.choice(hostile_queries())}
        if rng.random() < 0.3:
            params.update(size="100", page=str(rng.randint(1, 5)))
        path = "/?" + urlencode(params)
        return HOSTILE, "/api/search" + path[1:] if rng.random() < 0.5 else path


# --- the archive -------------------------------------------------------------------------------


def schema_behind(db: Path) -> tuple[int, int] | None:
    """(archive version, current version) when the archive predates this marsad's schema."""
    from marsad.store.schema import SQLITE_VERSION

    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        version = int(connection.execute("SELECT max(version) FROM schema_version").fetchone()[0] or 0)
    finally:
        connection.close()
    return (version, SQLITE_VERSION) if version < SQLITE_VERSION else None


def copy_and_migrate(source: Path, target: Path) -> None:
    """A consistent copy (SQLite's backup API, WAL included), brought to the current schema
    the way `marsad ingest` would: a read-only server never migrates, and serving an
    archive without its web indexes would measure the wrong thing."""
    from marsad.store.sqlite import SQLiteArchive

    reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()
    started = time.perf_counter()
    SQLiteArchive(target).close()
    print(f"migrated in {time.perf_counter() - started:.1f} s", flush=True)


# --- running the servers ---------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class Server:
    """A server subprocess; `url` is set once it answers."""

    def __init__(self, command: Sequence[str], name: str) -> None:
        self.name = name
        self.command = list(command)
        self.process = subprocess.Popen(
            self.command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8"
        )
        self.log: list[str] = []
        self.url = ""
        self.ready = threading.Event()
        threading.Thread(target=self._drain, daemon=True).start()

    def _drain(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.log.append(line)
            match = SERVING_LINE.search(line)
            if match and not self.url:
                self.url = match.group(1).rstrip("/")
                self.ready.set()
        self.ready.set()

    def wait_for_line(self, timeout: float) -> str:
        self.ready.wait(timeout)
        if not self.url:
            self.stop()
            raise SystemExit(f"{self.name} did not start (exit {self.process.poll()}):\n{''.join(self.log[-30:])}")
        return self.url

    def wait_for_http(self, url: str, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if httpx.get(url, timeout=2).status_code < 500:
                    self.url = url.rstrip("/")
                    return self.url
            except httpx.HTTPError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit(f"{self.name} did not answer at {url}:\n{''.join(self.log[-30:])}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- the load ----------------------------------------------------------------------------------


@dataclass
class Samples:
    requests: int = 0
    errors: int = 0
    no_timing: int = 0
    server_ms: list[float] = field(default_factory=list)
    queue_ms: list[float] = field(default_factory=list)
    client_ms: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: list[str] = field(default_factory=list)


async def _client(
    client: httpx.AsyncClient,
    draw: Callable[[random.Random], tuple[str, str]],
    rng: random.Random,
    deadline: float,
    results: dict[str, Samples],
) -> None:
    while time.monotonic() < deadline:
        kind, path = draw(rng)
        samples = results[kind]
        start = time.perf_counter()
        try:
            response = await client.get(path)
            status = str(response.status_code)
        except httpx.HTTPError as error:
            status, response = type(error).__name__, None
        elapsed = (time.perf_counter() - start) * 1000
        samples.requests += 1
        samples.client_ms.append(elapsed)
        samples.statuses[status] += 1
        expected = kind == HOSTILE and status in HOSTILE_ANSWERS
        if response is None or (response.status_code >= 400 and not expected):
            samples.errors += 1
            if len(samples.examples) < 3:
                samples.examples.append(f"{status} {path}")
            continue
        if response.status_code >= 400:
            continue
        timing = SERVER_TIMING.search(response.headers.get("server-timing", ""))
        if timing:
            samples.server_ms.append(float(timing.group(1)))
        if queued := response.headers.get("x-queue-time"):
            samples.queue_ms.append(float(queued))
        else:
            samples.no_timing += 1


async def run_load(
    base: str,
    draw: Callable[[random.Random], tuple[str, str]],
    clients: int,
    seconds: float,
    seed: int,
    hostile: int = 0,
) -> tuple[dict[str, Samples], float]:
    results: dict[str, Samples] = defaultdict(Samples)
    draws = [draw] * clients + [UrlMix.draw_hostile] * hostile
    # One connection per client, as each reader's browser keeps its own: a shared pool
    # would leave connections idle long enough to race the server's keep-alive timeout.
    sessions = [
        httpx.AsyncClient(base_url=base, limits=httpx.Limits(max_connections=1), timeout=httpx.Timeout(60.0))
        for _ in draws
    ]
    try:
        start = time.monotonic()
        deadline = start + seconds
        await asyncio.gather(
            *(
                _client(session, drawing, random.Random(seed * 1000 + i), deadline, results)
                for i, (session, drawing) in enumerate(zip(sessions, draws, strict=True))
            )
        )
        return results, time.monotonic() - start
    finally:
        for session in sessions:
            await session.aclose()


def percentile(values: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile; NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def report(results: dict[str, Samples], elapsed: float, names: Sequence[str], clients: int) -> bool:
    print(
        f"{'page type':<20} {'requests':>8} {'errors':>6} {'server p50':>10} {'server p95':>10} "
        f"{'server max':>10} {'queue p95':>10} {'client p95':>10}"
    )
    failing: list[str] = []
    total = errors = 0
    for kind in [n for n in [*names, HOSTILE] if n in results]:
        s = results[kind]
        total += s.requests
        errors += s.errors
        p95 = percentile(s.server_ms, 0.95)
        print(
            f"{kind:<20} {s.requests:>8} {s.errors:>6} {percentile(s.server_ms, 0.5):>8.1f}ms {p95:>8.1f}ms "
            f"{max(s.server_ms, default=float('nan')):>8.1f}ms {percentile(s.queue_ms, 0.95):>8.1f}ms "
            f"{percentile(s.client_ms, 0.95):>8.1f}ms"
        )
        if kind == HOSTILE:
            print(f"{'':<20} hostile answers: {dict(sorted(s.statuses.items()))}")
            continue
        if s.errors or s.no_timing or not p95 <= SERVER_P95_BAR_MS:
            reasons = []
            if s.errors:
                reasons.append(f"{s.errors} errors {dict(s.statuses)} e.g. {s.examples}")
            if s.no_timing:
                reasons.append(f"{s.no_timing} responses without Server-Timing")
            if not p95 <= SERVER_P95_BAR_MS:
                reasons.append(f"server p95 {p95:.1f} ms")
            failing.append(f"{kind}: {'; '.join(reasons)}")
    readers = [results[k] for k in names if k in results]
    client_all = [ms for s in readers for ms in s.client_ms]
    server_all = [ms for s in readers for ms in s.server_ms]
    print(f"{'all':<20} {total:>8} {errors:>6}   ({total / elapsed:.1f} requests/s over {elapsed:.1f} s)")
    print(
        f"readers, every page type: client p50 {percentile(client_all, 0.5):.0f} ms, "
        f"p95 {percentile(client_all, 0.95):.0f} ms; server p50 {percentile(server_all, 0.5):.0f} ms, "
        f"p95 {percentile(server_all, 0.95):.0f} ms"
    )
    # Server-Timing is the app's own time; what a reader waits also holds the queue.
    client_p95 = max((percentile(results[k].client_ms, 0.95) for k in results), default=float("nan"))
    print(
        f"client p95 (queue included), worst page type: {client_p95:.0f} ms; "
        f"{total / elapsed:.0f} requests/s for "
        f"{clients} clients means about {1000 * clients * elapsed / max(total, 1):.0f} ms per request on average"
    )
    if failing:
        print(f"verdict: FAIL (bar: server p95 <= {SERVER_P95_BAR_MS:.0f} ms per page type, no error)")
        for line in failing:
            print(f"  {line}")
        return False
    print(
        f"verdict: PASS: every page type's server p95 (Server-Timing app;dur) <= {SERVER_P95_BAR_MS:.0f} ms, no error"
    )
    return True


# --- Datasette side by side --------------------------------------------------------------------


def peer_datasette(
    datasette: str, db: Path, marsad_base: str, sample: ArchiveSample, clients: int, seconds: float, seed: int
) -> None:
    """Row pages and a newest-20 table page of the same records, Datasette vs marsad, client latency."""
    port = free_port()
    peer = Server([datasette, "serve", "-i", str(db), "--host", "127.0.0.1", "--port", str(port)], "datasette")
    try:
        table = db.stem
        base = peer.wait_for_http(f"http://127.0.0.1:{port}/-/versions.json", timeout=120).rsplit("/-/", 1)[0]
        pairs = list(zip(sample.record_ids, sample.rowids, strict=True))
        pages = {
            "row page": (
                lambda r: "/articles/" + quote(r.choice(pairs)[0]),
                lambda r: f"/{table}/records/{r.choice(pairs)[1]}",
            ),
            "newest 20": (lambda r: "/", lambda r: f"/{table}/records?_sort_desc=published&_size=20"),
        }
        print(f"\nDatasette side by side ({clients} clients, {seconds:.0f} s each, client latency):")
        print(
            f"{'page':<12} {'marsad p50':>10} {'datasette p50':>13} "
            f"{'marsad p95':>10} {'datasette p95':>13} {'p50 ratio':>9}"
        )
        for name, (ours, theirs) in pages.items():
            measured = []
            for url, make in ((marsad_base, ours), (base, theirs)):

                def draw(
                    r: random.Random, make: Callable[[random.Random], str] = make, name: str = name
                ) -> tuple[str, str]:
                    return name, make(r)

                results, _ = asyncio.run(run_load(url, draw, clients, seconds, seed))
                s = results[name]
                if s.errors:
                    print(f"  {url}: {s.errors} errors of {s.requests}, e.g. {s.examples}")
                measured.append((percentile(s.client_ms, 0.5), percentile(s.client_ms, 0.95)))
            (m50, m95), (d50, d95) = measured
            print(f"{name:<12} {m50:>8.1f}ms {d50:>11.1f}ms {m95:>8.1f}ms {d95:>11.1f}ms {m50 / d50:>8.2f}x")
        print("(ratio = marsad / Datasette; below 1 means marsad answers faster)")
    finally:
        peer.stop()


# --- main --------------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--db", type=Path, default=Path("/tmp/snn_full.db"), help="SQLite archive to serve")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before measuring")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--queries",
        type=int,
        default=3000,
        help="distinct title words drawn as queries (and half as many word pairs); "
        "fewer makes the server's caches answer more often",
    )
    parser.add_argument(
        "--copy", action="store_true", help="serve a temporary copy of --db (done anyway when its schema is behind)"
    )
    parser.add_argument("--workers", type=int, default=1, help="`marsad serve --workers`: server processes")
    parser.add_argument(
        "--hostile", type=int, default=0, help="more clients sending only costly searches, beside --clients readers"
    )
    parser.add_argument("--peer-datasette", metavar="PATH", help="the `datasette` executable, to compare with")
    parser.add_argument("--peer-clients", type=int, default=4)
    parser.add_argument("--peer-seconds", type=float, default=15.0)
    args = parser.parse_args(argv)
    if not args.db.is_file():
        parser.error(f"--db {args.db}: no such file")

    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        db = args.db
        behind = schema_behind(db)
        if args.copy or behind:
            db = Path(tmp) / args.db.name
            why = f"schema {behind[0]} < {behind[1]}: migrating a copy" if behind else "serving a copy"
            print(f"{args.db}: {why} in {db}", flush=True)
            copy_and_migrate(args.db, db)
        rng = random.Random(args.seed)
        sample = sample_archive(db, rng, queries=args.queries)
        mix = UrlMix(sample)
        print(
            f"archive {args.db}: {len(sample.record_ids)} records sampled, {len(sample.words)} query words, "
            f"{len(sample.phrases)} phrases, {len(sample.entities)} entities, {len(sample.speakers)} speakers, "
            f"{len(sample.clusters)} clusters, dates {sample.date_range or 'none'}"
        )
        command = [sys.executable, "-m", "marsad", "serve", "--db", str(db), "--port", str(free_port())]
        command += ["--workers", str(args.workers)]
        server = Server(command, "marsad serve")
        try:
            base = server.wait_for_line(timeout=120)
            print(
                f"{' '.join(command[1:])}\n"
                f"{args.clients} clients"
                + (f" and {args.hostile} hostile ones" if args.hostile else "")
                + f" for {args.seconds:.0f} s (+{args.warmup:.0f} s warm-up)\n"
            )
            if args.warmup > 0:
                asyncio.run(run_load(base, mix.draw, args.clients, args.warmup, args.seed + 1))
            cpu = time.process_time()
            results, elapsed = asyncio.run(
                run_load(base, mix.draw, args.clients, args.seconds, args.seed, hostile=args.hostile)
            )
            cpu = time.process_time() - cpu
            passed = report(results, elapsed, mix.names, args.clients)
            # The clients share the machine with the server: say how much of it they took.
            print(f"(the load generator itself used {cpu:.1f} s of CPU, {100 * cpu / elapsed:.0f}% of one core)")
            if args.peer_datasette:
                peer_datasette(args.peer_datasette, db, base, sample, args.peer_clients, args.peer_seconds, args.seed)
        finally:
            server.stop()
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
