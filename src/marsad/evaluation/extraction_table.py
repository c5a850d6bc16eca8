"""The plain-text table `marsad eval extract` prints: pages (the blind set's never one by one),
then sets, dev and blind side by side, then SaudiNewsNet by outlet."""

from __future__ import annotations

from marsad.evaluation.extraction import BLIND_SETS, Report, by_source

__all__ = ["format_table"]


def format_table(report: Report) -> str:
    """A plain-text table: one row per page (SaudiNewsNet summarised), then per set."""
    header = (
        f"{'tool':<12} {'page':<34} {'P':>6} {'R':>6} {'F1':>6} {'chrome':>9} {'lost':>7} "
        f"{'title':>6} {'cat':>5} {'recs':>5}"
    )
    rows = [header, "-" * len(header)]
    for score in report.pages:
        # Blind pages are never listed one by one: their errors are not to be read.
        if score.set.startswith("saudinewsnet") or score.set in BLIND_SETS:
            continue
        rows.append(
            f"{score.tool:<12} {score.name[:34]:<34} {score.words.precision:>6.3f} {score.words.recall:>6.3f} "
            f"{score.words.f1:>6.3f} {len(score.chrome_kept):>4}/{score.chrome_total:<4} "
            f"{len(score.lines_lost):>3}/{score.body_lines:<3} {_pair(score.titles):>6} {_pair(score.categories):>5} "
            f"{score.records[0]:>2}/{score.records[1]:<2}"
        )
    rows += [
        "",
        f"{'tool':<12} {'set':<22} {'kind':<5} {'pages':>5} {'P':>6} {'R':>6} {'F1':>6} {'minF1':>6} "
        f"{'chrome kept':>12} {'lines lost':>11} {'title':>7} {'cat':>6} {'no rec':>6}",
    ]
    rows.append("-" * len(rows[-1]))
    for s in sorted(report.summaries, key=lambda summary: summary.set in BLIND_SETS):
        kind = "blind" if s.set in BLIND_SETS else "dev"
        rows.append(
            f"{s.tool:<12} {s.set:<22} {kind:<5} {s.pages:>5} {s.words.precision:>6.3f} {s.words.recall:>6.3f} "
            f"{s.words.f1:>6.3f} {s.min_f1:>6.3f} {s.chrome_kept:>5}/{s.chrome_total:<6} "
            f"{s.lines_lost:>5}/{s.body_lines:<5} {_pair(s.titles):>7} {_pair(s.categories):>6} "
            f"{s.pages_without_record:>6}"
        )
    outlets = by_source(report)
    if outlets:
        rows += ["", f"{'saudinewsnet by source':<24} {'pages':>5} {'F1':>6} {'chrome kept':>12} {'lines lost':>11}"]
        rows.append("-" * len(rows[-1]))
        for source, s in outlets.items():
            rows.append(
                f"{source:<24} {s.pages:>5} {s.words.f1:>6.3f} {s.chrome_kept:>5}/{s.chrome_total:<6} "
                f"{s.lines_lost:>5}/{s.body_lines:<5}"
            )
    return "\n".join(rows)


def _pair(pair: tuple[int, int]) -> str:
    return f"{pair[0]}/{pair[1]}" if pair[1] else "-"
