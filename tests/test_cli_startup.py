"""`marsad` starts at once (issue #19): sub-commands load when they run, and `--help` lists
them without importing any."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from fresh_interpreter import modules_loaded_by
from marsad.cli import _COMMANDS, _EVAL_COMMANDS, cli, load_command


def test_help_lists_every_command_without_importing_enrichment_or_evaluation() -> None:
    code = (
        "from click.testing import CliRunner\n"
        "from marsad.cli import cli\n"
        "result = CliRunner().invoke(cli, ['--help'])\n"
        "assert result.exit_code == 0, result.output\n"
    )
    heavy = ("marsad.enrich", "marsad.evaluation", "marsad.segment", "marsad.store", "marsad.commands", "numpy")
    assert modules_loaded_by(code, heavy) == []


def test_each_listed_command_is_the_module_command_with_that_summary() -> None:
    def opening(text: str) -> list[str]:
        return [word.strip(".:,") for word in text.split()[:4]]

    for name, (target, summary) in _COMMANDS.items():
        command = load_command(target)
        # The listing's summary is the docstring's opening, shortened where it runs on.
        assert opening(command.help or "") == opening(summary), name
    for target, _ in _EVAL_COMMANDS.values():
        load_command(target)


def test_commands_run_through_the_lazy_group() -> None:
    runner = CliRunner()
    help_text = runner.invoke(cli, ["--help"]).output
    assert all(name in help_text for name in _COMMANDS)
    extract_help = runner.invoke(cli, ["extract", "--help"])
    assert extract_help.exit_code == 0 and "PATHS" in extract_help.output
    eval_help = runner.invoke(cli, ["eval", "--help"])
    assert eval_help.exit_code == 0 and "enrichment" in eval_help.output
    assert runner.invoke(cli, ["no-such-command"]).exit_code != 0


def test_extract_without_enrichment_loads_neither_numpy_nor_the_tagger(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "الرئيسية | محليات\nافتتاح مستشفى جديد في الطائف\nوأعلنت وزارة الصحة افتتاح مستشفى جديد.\n", "utf-8"
    )
    code = (
        "from click.testing import CliRunner\n"
        "from marsad.cli import cli\n"
        f"result = CliRunner().invoke(cli, ['extract', '--no-enrich', {str(page)!r}])\n"
        "assert result.exit_code == 0 and 'الطائف' in result.output, result.output\n"
    )
    heavy = ("numpy", "marsad.enrich.ner", "marsad.cluster.index", "marsad.evaluation", "marsad.store")
    assert modules_loaded_by(code, heavy) == []
