"""The start-up cache (issue #19): what a process builds from files is read back by the next one
while the files are unchanged, and a missing, stale, foreign or broken cache is never an error."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from marsad import startup_cache
from marsad.startup_cache import cache_dir, cached

# A dateline with a Hijri and a Gregorian date, as the Saudi agency writes it.
DATELINE = "تبوك 21 شوال 1436 هـ الموافق 06 اغسطس 2015 م واس"
HIJRI_DATE = r"(?P<day>\d{1,2})\s+(?P<month>شوال|رمضان)\s+(?P<year>\d{4})\s*هـ"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(startup_cache.CACHE_VARIABLE, str(where))
    return where


def test_cache_dir_follows_the_variable_and_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(startup_cache.CACHE_VARIABLE, "/somewhere/marsad")
    assert cache_dir() == Path("/somewhere/marsad")
    for off in ("off", "", "OFF"):
        monkeypatch.setenv(startup_cache.CACHE_VARIABLE, off)
        assert cache_dir() is None
    monkeypatch.delenv(startup_cache.CACHE_VARIABLE)
    monkeypatch.setenv("XDG_CACHE_HOME", "/xdg")
    assert cache_dir() == Path("/xdg/marsad")


def test_a_compiled_pattern_is_read_back_by_the_next_process_and_matches_the_same(folder: Path) -> None:
    first = startup_cache._Patterns()
    first.load()
    compiled = regex.compile(HIJRI_DATE, regex.IGNORECASE)
    first.known[(HIJRI_DATE, int(regex.IGNORECASE))] = compiled
    first.added = 1
    first.save()
    assert first.path is not None and first.path.is_file()

    second = startup_cache._Patterns()  # what a new process finds
    second.load()
    kept = second.known[(HIJRI_DATE, int(regex.IGNORECASE))]
    assert kept.pattern == HIJRI_DATE and kept.flags == compiled.flags
    found = kept.search(DATELINE)
    assert found is not None and found.groupdict() == {"day": "21", "month": "شوال", "year": "1436"}


def test_a_new_process_keeps_the_patterns_of_another_written_meanwhile(folder: Path) -> None:
    one, two = startup_cache._Patterns(), startup_cache._Patterns()
    one.load()
    two.load()
    one.known[("شوال", 0)] = regex.compile("شوال")
    one.added = 1
    two.known[("رمضان", 0)] = regex.compile("رمضان")
    two.added = 1
    one.save()
    two.save()
    merged = startup_cache._Patterns()
    merged.load()
    assert {("شوال", 0), ("رمضان", 0)} <= merged.known.keys()


def test_compile_regex_returns_a_working_pattern_with_or_without_a_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(startup_cache.CACHE_VARIABLE, "off")
    pattern = startup_cache.compile_regex(HIJRI_DATE)
    assert pattern.search(DATELINE) is not None


def test_a_built_object_is_read_back_until_a_file_it_depends_on_changes(folder: Path, tmp_path: Path) -> None:
    towns = tmp_path / "towns.tsv"
    towns.write_text("تبوك\nالطائف\n", encoding="utf-8")
    builds: list[int] = []

    def build() -> dict[str, int]:
        builds.append(1)
        return {name: len(name) for name in towns.read_text(encoding="utf-8").split()}

    assert cached("towns", build, depends=[str(towns)]) == {"تبوك": 4, "الطائف": 6}
    assert cached("towns", build, depends=[str(towns)]) == {"تبوك": 4, "الطائف": 6}
    assert len(builds) == 1
    towns.write_text("تبوك\nالطائف\nأبها\n", encoding="utf-8")
    assert cached("towns", build, depends=[str(towns)])["أبها"] == 4
    assert len(builds) == 2
    # the stale file went when the new one was written
    assert len(list(folder.glob("towns-*.pickle"))) == 1


def test_a_value_it_depends_on_is_part_of_the_key(folder: Path) -> None:
    assert cached("limit", lambda: 15_000, depends=["population 15000"]) == 15_000
    assert cached("limit", lambda: 5_000, depends=["population 5000"]) == 5_000


def test_a_broken_or_foreign_file_is_rebuilt_never_loaded(folder: Path) -> None:
    assert cached("names", lambda: ["جو بايدن"]) == ["جو بايدن"]
    (kept,) = folder.glob("names-*.pickle")
    kept.write_bytes(b"not a pickle")
    assert cached("names", lambda: ["عادل الجبير"]) == ["عادل الجبير"]

    (kept,) = folder.glob("names-*.pickle")
    os.chmod(kept, 0o666)  # anybody could have written it: it is not loaded
    assert cached("names", lambda: ["سامح شكري"]) == ["سامح شكري"]


def test_a_cache_that_cannot_be_written_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a file"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv(startup_cache.CACHE_VARIABLE, str(blocked / "marsad"))
    assert cached("names", lambda: ["جو بايدن"]) == ["جو بايدن"]
    patterns = startup_cache._Patterns()
    patterns.load()
    patterns.known[("بايدن", 0)] = regex.compile("بايدن")
    patterns.added = 1
    patterns.save()  # nothing written, nothing raised


def test_turned_off_it_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(startup_cache.CACHE_VARIABLE, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cached("names", lambda: 1) == 1
    assert list(tmp_path.iterdir()) == []


PAGE = """الرئيسية | محليات | اقتصاد
افتتاح مستشفى جديد في الطائف بطاقة ثلاثمئة سرير
الطائف 21 شوال 1436 هـ الموافق 06 أغسطس 2015 م واس
وأعلنت وزارة الصحة افتتاح مستشفى جديد في مدينة الطائف بطاقة 300 سرير، بحضور أمير منطقة مكة المكرمة الأمير خالد الفيصل.
وقال وزير الصحة خالد الفالح إن "المستشفى سيخدم أكثر من نصف مليون نسمة في المحافظة".
"""


def test_records_are_the_same_from_an_empty_a_warm_and_no_cache(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")

    def extract(cache: str) -> list[dict[str, object]]:
        environment = {**os.environ, startup_cache.CACHE_VARIABLE: cache}
        result = subprocess.run(
            [sys.executable, "-m", "marsad", "extract", str(page)],
            capture_output=True,
            text=True,
            check=True,
            env=environment,
            timeout=300,
        )
        return [json.loads(line) for line in result.stdout.splitlines()]

    folder = tmp_path / "cache"
    cold = extract(str(folder))
    kept = sorted(path.name.split("-")[0] for path in folder.glob("*.pickle"))
    assert kept == ["clitic_lexicon", "ner_lexicons", "ner_weights", "patterns", "world_places"]
    warm = extract(str(folder))
    assert cold == warm == extract("off")
    (record,) = warm
    assert {"text": "خالد الفالح", "type": "PER"}.items() <= next(
        entity for entity in record["entities"] if entity["text"] == "خالد الفالح"
    ).items()
    assert any(entity["text"] == "الطائف" for entity in record["entities"])
