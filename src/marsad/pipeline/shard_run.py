"""`marsad run` as a library: input shards in, one Parquet shard of records out per input.

Stage one (extraction, enrichment, fingerprints) runs one task per shard on
the chosen executor. Each task builds its own pipeline of steps, so
everything learned from pages, per-source templates included, is scoped to
its shard: the records are the same whichever engine ran the shard and
whichever shards ran beside it. Stage two (cluster ids) runs here, over the
fingerprints of all shards in input order; stage three writes the ids back
into the shards, again one task per shard.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from marsad.cluster.index import DEFAULT_THRESHOLD
from marsad.errors import ErrorHandler, InputError, MarsadError
from marsad.extraction import ExtractOptions
from marsad.pipeline.cluster_stages import JoinClusters, assign_clusters, join_clusters
from marsad.pipeline.engines import ShardExecutor
from marsad.pipeline.local import LocalExecutor
from marsad.pipeline.parquet import atomic_write_bytes, remove_orphaned_temporaries, write_rows
from marsad.pipeline.run_progress import ReportPages, clear_progress, progress_file
from marsad.pipeline.shards import (
    Marker,
    Shard,
    expand_shards,
    read_marker,
    write_marker,
)
from marsad.pipeline.steps import (
    ExtractPageRecords,
    FingerprintRecords,
    LearnTemplates,
    PreparePages,
    ReadPages,
    Step,
)

__all__ = ["RUN_MANIFEST", "ExtractShard", "RunOptions", "RunSummary", "ShardResult", "run_shards"]

RUN_MANIFEST = "_run.json"


@dataclass(frozen=True, slots=True)
class RunOptions:
    published: str | None = None
    templates: bool = True
    enrich: bool = True
    clusters: bool = True
    cluster_threshold: float = DEFAULT_THRESHOLD
    page_timeout: float | None = None
    """Seconds per page (see `ExtractOptions.page_timeout`); not part of `extraction_key`: a
    page either finishes within it, with the same records, or is reported."""
    fields: tuple[tuple[str, str], ...] = ()
    """A dump's own names for our fields (`--field published=date_extracted`)."""

    def extraction_key(self) -> str:
        """The options a finished shard's records depend on; a change means the shard is redone."""
        key: dict[str, object] = {"published": self.published, "templates": self.templates, "enrich": self.enrich}
        if self.fields:
            key["fields"] = [list(pair) for pair in self.fields]
        return json.dumps(key)


@dataclass(slots=True)
class ShardResult:
    """What a stage-one task reports back: counts and the problems it met, never the records."""

    shard: Shard
    pages: int = 0
    records: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    failed: str | None = None
    seconds: float = 0.0


@dataclass(frozen=True, slots=True)
class ExtractShard:
    """Stage one for one shard: read, prepare, learn templates, extract and enrich, fingerprint,
    write the Parquet shard, then its marker."""

    out_dir: str
    options: RunOptions

    def __call__(self, shard: Shard) -> ShardResult:
        started = time.perf_counter()
        result = ShardResult(shard)

        def report(error: InputError) -> None:
            stage = f"[{error.stage}] " if error.stage else ""
            result.errors.append((error.origin, stage + error.message))

        extract_options = ExtractOptions(enrich=self.options.enrich, page_timeout=self.options.page_timeout)
        steps: list[Step] = [
            ReadPages((shard.path,), report, fields=self.options.fields),
            PreparePages(report, self.options.published, self.options.page_timeout),
        ]
        if self.options.templates:
            steps.append(LearnTemplates(extract_options))
        out_dir = Path(self.out_dir)
        counting = ReportPages(str(progress_file(out_dir, shard.name)))
        steps += [ExtractPageRecords(extract_options, report), counting, FingerprintRecords()]
        pipeline = LocalExecutor(steps)
        try:
            # A stale marker must not vouch for the new file while it is being replaced.
            shard.marker(out_dir).unlink(missing_ok=True)
            # Taken before reading: a file that changes during the run is redone by the next one.
            identity = shard.identity()
            result.records = write_rows(pipeline.stream(), shard.output(out_dir))
        except Exception as error:  # a shard that cannot be finished leaves no marker and is retried
            result.failed = f"{type(error).__name__}: {error}"
            clear_progress(out_dir, shard.name)
            return result
        result.pages = pipeline.stats()["read"].get("pages", 0)  # a file with no readable page has none
        marker = Marker(
            input=identity["input"],
            size=identity["size"],
            mtime_ns=identity["mtime_ns"],
            options=self.options.extraction_key(),
            pages=result.pages,
            records=result.records,
            errors=len(result.errors),
        )
        write_marker(shard.marker(out_dir), marker)
        clear_progress(out_dir, shard.name)
        result.seconds = time.perf_counter() - started
        return result


@dataclass(slots=True)
class RunSummary:
    shards: int = 0
    done_before: int = 0
    pages: int = 0
    records: int = 0
    errors: int = 0
    failed: int = 0
    clusters: int | None = None
    duplicates: int | None = None
    seconds: float = 0.0
    cluster_seconds: float = 0.0

    def line(self) -> str:
        text = (
            f"{self.shards} shards ({self.done_before} finished before), {self.pages} pages read, "
            f"{self.records} records written, {self.errors} inputs skipped, {self.failed} shards failed"
        )
        if self.clusters is not None:
            text += f"; {self.clusters} clusters, {self.duplicates} near-duplicates"
        rate = self.pages / self.seconds if self.seconds else 0.0
        return text + f"; {self.seconds:.1f} s ({rate:.1f} pages/s)"


def _finished(shard: Shard, out_dir: Path, options: RunOptions) -> Marker | None:
    marker = read_marker(shard.marker(out_dir))
    if marker is None or not shard.output(out_dir).exists() or not marker.matches(shard, options.extraction_key()):
        return None
    return marker


def _write_manifest(out_dir: Path, shards: Sequence[Shard], options: RunOptions, complete: bool) -> None:
    manifest = {
        "shards": [shard.name + ".parquet" for shard in shards],
        "inputs": [shard.path for shard in shards],
        "options": asdict(options),
        "complete": complete,
    }
    atomic_write_bytes(out_dir / RUN_MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))


def run_shards(
    inputs: Sequence[str],
    out_dir: Path,
    executor: ShardExecutor,
    *,
    on_error: ErrorHandler,
    options: RunOptions | None = None,
    watch: Callable[[Iterator[ShardResult], int], Iterator[ShardResult]] | None = None,
) -> RunSummary:
    """Run every unfinished shard of `inputs` into `out_dir`, then cluster; bad pages go to `on_error`.

    `watch` wraps the stream of finished shards (a progress display); it gets
    the stream and the number of shards to run.
    """
    options = options or RunOptions()
    started = time.perf_counter()
    shards = expand_shards(inputs, on_error)
    if not shards:
        raise MarsadError("no input files to run")
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_orphaned_temporaries(out_dir)
    clear_progress(out_dir)
    _write_manifest(out_dir, shards, options, complete=False)
    summary = RunSummary(shards=len(shards))
    markers: dict[str, Marker] = {}
    pending: list[Shard] = []
    for shard in shards:
        marker = _finished(shard, out_dir, options)
        if marker is None:
            pending.append(shard)
        else:
            markers[shard.name] = marker
            summary.pages += marker.pages
            summary.records += marker.records
    summary.done_before = len(markers)
    results = executor.map_unordered(ExtractShard(str(out_dir), options), pending)
    for result in watch(results, len(pending)) if watch else results:
        for origin, message in result.errors:
            on_error(InputError(origin, message))
        summary.errors += len(result.errors)
        if result.failed is not None:
            summary.failed += 1
            on_error(InputError(result.shard.path, f"shard not finished, rerun to retry: {result.failed}"))
            continue
        summary.pages += result.pages
        summary.records += result.records
        marker = read_marker(result.shard.marker(out_dir))
        if marker is not None:
            markers[result.shard.name] = marker
    clear_progress(out_dir)
    if options.clusters and not summary.failed:
        clustering = time.perf_counter()
        _cluster(shards, out_dir, executor, options, markers, summary)
        summary.cluster_seconds = time.perf_counter() - clustering
    summary.seconds = time.perf_counter() - started
    _write_manifest(out_dir, shards, options, complete=not summary.failed)
    return summary


def _cluster(
    shards: Sequence[Shard],
    out_dir: Path,
    executor: ShardExecutor,
    options: RunOptions,
    markers: dict[str, Marker],
    summary: RunSummary,
) -> None:
    assignment = assign_clusters([shard.output(out_dir) for shard in shards], options.cluster_threshold)
    digest = f"{options.cluster_threshold}:{assignment.digest()}"
    summary.clusters, summary.duplicates = assignment.clusters, assignment.duplicates
    stale = [shard for shard in shards if markers[shard.name].clusters != digest]
    tasks = [
        JoinClusters(str(shard.output(out_dir)), tuple(assignment.by_shard[shard.output(out_dir).name]))
        for shard in stale
    ]
    by_path = {str(shard.output(out_dir)): shard for shard in stale}
    for path in executor.map_unordered(join_clusters, tasks):
        shard = by_path[path]
        marker = markers[shard.name]
        marker.clusters = digest
        write_marker(shard.marker(out_dir), marker)
