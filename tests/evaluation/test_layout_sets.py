"""The layout sets of `marsad eval extract` (issue #16): every pointer resolves into the shared
news data, every gold line is on its page, and the blind set is never listed page by page."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from marsad.commands.eval_extract import extract_eval_command
from marsad.evaluation.blind_layouts import BLIND_SET, DEV_SET, dev_files, load_blind_layouts
from marsad.evaluation.wordscore import line_key
from marsad.valid_text import clean_text


def test_every_layout_page_resolves_and_holds_its_gold(shared: Path) -> None:
    blind = load_blind_layouts(shared)
    dev = load_blind_layouts(shared, dev_files(), DEV_SET)
    assert len(blind) >= 40 and len({page.metadata["layout"] for page in blind}) >= 8
    assert len(dev) >= 24
    assert not {page.name for page in blind} & {page.name for page in dev}
    for page in [*blind, *dev]:
        (gold,) = page.records
        assert gold.title and gold.body, page.name
        # What a reader makes of the page: control characters (a stray NUL) removed.
        on_page = {line_key(line) for line in clean_text(page.content)[0].split("\n")}
        assert all(line_key(line) in on_page for line in gold.body), page.name
        # The chrome is the annotators' own text: it never repeats a gold body line.
        assert not set(gold.body) & set(page.chrome), page.name


def test_the_blind_set_is_printed_beside_the_dev_sets_but_never_page_by_page(shared: Path) -> None:
    result = CliRunner().invoke(
        extract_eval_command, ["--shared", str(shared), "--set", BLIND_SET, "--set", "seed", "--no-trafilatura"]
    )
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    assert any(row.startswith("marsad") and BLIND_SET in row and " blind " in row for row in rows)
    assert any(row.startswith("marsad") and " seed " in row and " dev " in row for row in rows)
    blind_pages = {page.name for page in load_blind_layouts(shared)}
    assert not any(name in result.output for name in blind_pages)
