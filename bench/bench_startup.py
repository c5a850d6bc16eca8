"""How fast the `marsad` command starts (issue #19): `--help`, and `extract` of one page with
and without enrichment, as wall time of fresh processes (median of --repeat runs).

Beside it, the time Python itself takes to start (`python -c pass`) in the same run, so a
slow machine shows as slow for both. Targets of the issue: `--help` 0.3 s, `extract
--no-enrich` 0.5 s, `extract` 1.5 s on an idle machine.

Each command runs first with an empty start-up cache (`marsad.startup_cache`: compiled
patterns, the tagger's lists and weights, the world's towns), which is what a user's very first
run costs, then `--repeat` times with the cache it wrote: the median of those is the figure
against the target. Python's bytecode is written as an installed package's is
(`PYTHONDONTWRITEBYTECODE` is dropped for the commands), so no run compiles marsad's sources.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import marsad as marsad_package

PAGE = "\n".join(
    [
        "الرئيسية | محليات | اقتصاد",
        "افتتاح مستشفى جديد في الطائف بطاقة ثلاثمئة سرير",
        "وأعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الطائف بطاقة ثلاثمئة سرير.",
        'وقال المتحدث باسم الوزارة إن "المستشفى سيخدم أكثر من نصف مليون نسمة" في المحافظة.',
    ]
)
TARGETS = {"--help": 0.3, "extract --no-enrich": 0.5, "extract": 1.5}


def timed(command: list[str], repeat: int, environment: dict[str, str]) -> tuple[float, float]:
    """Seconds of the first run (into an empty start-up cache) and the median of `repeat` more."""
    times = []
    for _ in range(repeat + 1):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=environment)
        times.append(time.perf_counter() - started)
    return times[0], statistics.median(times[1:])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    marsad = [sys.executable, "-m", "marsad"]
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    # Bytecode written once, before anything is timed.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(Path(marsad_package.__file__).parent)], check=False)
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.txt"
        page.write_text(PAGE, encoding="utf-8")
        python = timed([sys.executable, "-c", "pass"], args.repeat, environment)[1]
        rows = {}
        for name, command in (
            ("--help", [*marsad, "--help"]),
            ("extract --no-enrich", [*marsad, "extract", "--no-enrich", str(page)]),
            ("extract", [*marsad, "extract", str(page)]),
        ):
            cache = Path(folder) / name.replace(" ", "_").strip("-")
            rows[name] = timed(command, args.repeat, {**environment, "MARSAD_CACHE_DIR": str(cache)})
    print(f"{'command':26} {'first s':>8} {'median s':>9} {'target':>7}  {'x python start':>14}")
    print(f"{'python -c pass':26} {'':>8} {python:9.3f} {'':>7}  {1.0:14.1f}")
    for name, (first, seconds) in rows.items():
        mark = "ok" if seconds <= TARGETS[name] else "over"
        print(f"marsad {name:19} {first:8.3f} {seconds:9.3f} {TARGETS[name]:7.1f}  {seconds / python:14.1f}  {mark}")


if __name__ == "__main__":
    main()
