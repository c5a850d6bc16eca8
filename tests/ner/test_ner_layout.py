"""The runtime tagger apart from the research (issue #18): `marsad.enrich.ner` imports nothing
from `marsad.training`, the two packages hold no import cycle, and the passes a record's tags
go through are the declared list in `passes`."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import marsad
from fresh_interpreter import modules_loaded_by
from marsad.enrich import ner
from marsad.enrich.ner import find_entities, passes

_SRC = Path(marsad.__file__).parent


def _imports(package: str) -> dict[str, set[str]]:
    """Every `marsad.*` module each module of `package` imports, at the top or inside a function."""
    folder = _SRC.joinpath(*package.split(".")[1:])
    found: dict[str, set[str]] = {}
    for path in sorted(folder.glob("*.py")):
        name = f"{package}.{path.stem}" if path.stem != "__init__" else package
        modules = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("marsad"):
                modules.add(node.module)
            elif isinstance(node, ast.Import):
                modules.update(alias.name for alias in node.names if alias.name.startswith("marsad"))
        found[name] = modules
    return found


def test_the_runtime_tagger_imports_nothing_from_training() -> None:
    runtime = _imports("marsad.enrich.ner")
    assert len(runtime) > 10
    leaks = {name: sorted(m for m in modules if m.startswith("marsad.training")) for name, modules in runtime.items()}
    assert {name: found for name, found in leaks.items() if found} == {}


def test_tagging_an_article_loads_no_training_code_and_no_torch() -> None:
    code = (
        "from marsad.enrich.ner import find_entities\n"
        "found = find_entities(['وقال وزير الخارجية السعودي عادل الجبير في الرياض إن المحادثات مستمرة.'])\n"
        "assert any(e['text'] == 'عادل الجبير' for e in found), found\n"
    )
    assert modules_loaded_by(code, ("marsad.training", "torch", "gensim")) == []


def test_the_tagger_and_its_training_hold_no_import_cycle() -> None:
    graph = {**_imports("marsad.enrich.ner"), **_imports("marsad.training.ner")}
    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for module in sorted(graph[name]):
            if module not in graph:
                continue
            assert state.get(module) != 1, " -> ".join([*path, name, module])
            if module not in state:
                visit(module, [*path, name])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])


_FORMULA = ["وأضاف الوزير: الحمد لله على سلامة الجميع، وإن شاء الله نعود قريبا إلى بيروت."]


def test_the_declared_passes_are_what_runs_on_a_record(monkeypatch: pytest.MonkeyPatch) -> None:
    assert [e["text"] for e in find_entities(_FORMULA)] == ["بيروت"]
    # Take the formula passes out of the declared lists and `إن شاء الله` gives a name: the lists decide.
    monkeypatch.setattr(ner, "SENTENCE_PASSES", tuple(p for p in passes.SENTENCE_PASSES if p.name != "formulas"))
    monkeypatch.setattr(ner, "ARTICLE_PASSES", tuple(p for p in passes.ARTICLE_PASSES if p.name != "formulas again"))
    assert "الله" in [e["text"] for e in find_entities(_FORMULA)]
