"""bench/bench_extract.py keeps running: a tiny run of every tool (no timing is asserted)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "bench_extract.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_extract", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_bench_runs_every_tool_on_every_set(shared: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench = _bench()
    assert bench.main(["--shared", str(shared), "--limit", "5", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    for tool in ("marsad", "trafilatura", "justext"):
        assert out.count(f"  {tool} ") == 3, out
    assert out.count("target: marsad >=") == 3


def test_text_pages_are_wrapped_in_paragraphs_for_the_peers() -> None:
    bench = _bench()
    assert bench._as_html("سطر أول\n\nسطر <ثان>") == "<html><body><p>سطر أول</p><p>سطر &lt;ثان&gt;</p></body></html>"
    body = bench.run_justext("عنوان قصير\n" + "جملة طويلة من نص الخبر تتكرر هنا لتكون فقرة حقيقية. " * 6, False, {})
    assert isinstance(body, list)
