"""Which modules a piece of code loads, run in a fresh interpreter (nothing imported before it)."""

from __future__ import annotations

import subprocess
import sys


def modules_loaded_by(code: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules starting with one of `prefixes` that `code` leaves imported; `code` may
    assert on what it did, which fails the run."""
    probe = f"{code}\nimport sys\nprint(','.join(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))\n"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return [name for name in result.stdout.strip().split(",") if name]
