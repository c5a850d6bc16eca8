"""How fast the `marsad` command starts (issue #19): `--help`, and `extract` of one page with
and without enrichment, as wall time of fresh processes (median of --repeat runs).

Beside it, the time Python itself takes to start (`python -c pass`) in the same run, so a
slow machine shows as slow for both. Targets of the issue: `--help` 0.3 s, `extract
--no-enrich` 0.5 s, `extract` 1.5 s on an idle machine.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAGE = "\n".join(
    [
        "الرئيسية | محليات | اقتصاد",
        "افتتاح مستشفى جديد في الطائف بطاقة ثلاثمئة سرير",
        "وأعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في مدينة الطائف بطاقة ثلاثمئة سرير.",
        'وقال المتحدث باسم الوزارة إن "المستشفى سيخدم أكثر من نصف مليون نسمة" في المحافظة.',
    ]
)
TARGETS = {"--help": 0.3, "extract --no-enrich": 0.5, "extract": 1.5}


def timed(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    marsad = [sys.executable, "-m", "marsad"]
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.txt"
        page.write_text(PAGE, encoding="utf-8")
        python = timed([sys.executable, "-c", "pass"], args.repeat)
        rows = {
            "--help": timed([*marsad, "--help"], args.repeat),
            "extract --no-enrich": timed([*marsad, "extract", "--no-enrich", str(page)], args.repeat),
            "extract": timed([*marsad, "extract", str(page)], args.repeat),
        }
    print(f"{'command':22} {'median s':>9} {'target':>7}  {'x python start':>14}")
    print(f"{'python -c pass':22} {python:9.3f} {'':>7}  {1.0:14.1f}")
    for name, seconds in rows.items():
        mark = "ok" if seconds <= TARGETS[name] else "over"
        print(f"marsad {name:15} {seconds:9.3f} {TARGETS[name]:7.1f}  {seconds / python:14.1f}  {mark}")


if __name__ == "__main__":
    main()
