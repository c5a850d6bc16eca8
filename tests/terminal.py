"""Run a command with its stderr on a real terminal (a pty), to see what a user sees there."""

from __future__ import annotations

import os
import pty
import subprocess
from collections.abc import Sequence


def stderr_on_terminal(command: Sequence[str], timeout: float = 300) -> tuple[int, str]:
    """(exit code, everything the command drew on the terminal)."""
    primary, secondary = pty.openpty()
    try:
        result = subprocess.run(command, stderr=secondary, stdout=subprocess.DEVNULL, check=False, timeout=timeout)
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the other end is closed and everything was read
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(primary)
    return result.returncode, shown.decode("utf-8", "replace")
