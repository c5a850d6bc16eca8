"""One entity per person, place or organisation: the names an archive stores for one entity
merged under one identity, shown in the spelling its articles use most.

Records keep each mention's key (`entities.match_key`, the folded full name). Across an
archive one entity still appears under several keys: `سلمان بن عبد العزيز` and `سلمان بن
عبد العزيز آل سعود`, `السعودية` and `المملكة العربية السعودية`, `تنظيم داعش` and `داعش`.
`entity_identities` maps every key to the key of its identity (itself when nothing merges
it), rebuilt after each ingest from the whole archive, by three general rules:

1. names a line of `data/entity_variants.txt` gives as one entity (country short and
   official names, organisations' short names);
2. a person's name that a longer person's name starts with, word for word, when that longer
   name holds most of the records of every name extending it (`محمد بن سلمان` ->
   `محمد بن سلمان بن عبد العزيز`), and a one-word person's name that one full name ending
   with it holds nearly all records of (`أوباما` -> `باراك أوباما`);
3. an organisation named with its kind in front (`تنظيم`, `جماعة`, `حركة`, `ميليشيات`) or an
   adjective behind (`الإرهابي`) and also without them; a person's name with a title in front
   (`الشيخ`, `الأمير`, `الدكتور`) and also without it (two words or more).

Currencies and units of measure (`data/not_entities.txt`) get the empty identity: they are
left out of the entity index and the facets.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from marsad.store.base import Archive
from marsad.store.rows import entity_key

JoinFn = Callable[[str, str], None]
FindFn = Callable[[str], str]

IDENTITY_SCHEMA = 6
IDENTITY_VERSION = "1"
NOT_AN_ENTITY = ""

# Rule 2: the longer name's share of the records of all names extending the shorter one.
PREFIX_SHARE = 0.6
SURNAME_SHARE = 0.8
_CONNECTORS = frozenset({"بن", "ابن", "بنت", "ال", "عبد", "ابو", "ام", "دي", "فان"})
_KINDS = frozenset({"تنظيم", "جماعه", "حركه", "ميليشيا", "ميليشيات", "مليشيا", "مليشيات", "حزب", "منظمه"})
# Common nouns an organisation's kind may precede (`تنظيم الدولة`): never an entity's bare name.
_GENERIC = frozenset({"الدوله", "الحكومه", "الجماعه", "الحركه", "المنظمه", "الحزب", "التنظيم", "الشركه", "المجلس"})
# Titles a person's name may be stored with (`الشيخ راشد الغنوشي`): the same person as the name without.
_TITLES = frozenset(
    {"الشيخ", "الملك", "الامير", "الاميره", "الرييس", "الدكتور", "الدكتوره", "المهندس", "السيد", "السيده"}
)
_TRAILING = frozenset({"الارهابي", "الارهابيه", "المتطرف", "المتطرفه"})


@dataclass(slots=True)
class KeyStats:
    """What the archive stores under one key: its records, types and written names."""

    key: str
    records: int = 0
    types: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)

    @property
    def type(self) -> str:
        return self.types.most_common(1)[0][0] if self.types else "MISC"


@dataclass(frozen=True, slots=True)
class Identity:
    identity: str
    type: str
    name: str


def _data_lines(name: str) -> list[str]:
    text = resources.files("marsad.store").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def variant_groups() -> tuple[frozenset[str], ...]:
    """The keys of each line of `entity_variants.txt`."""
    return tuple(
        frozenset(entity_key(name) for name in line.split("|") if name.strip())
        for line in _data_lines("entity_variants.txt")
    )


@cache
def not_entity_keys() -> frozenset[str]:
    keys: set[str] = set()
    for word in _data_lines("not_entities.txt"):
        key = entity_key(word)
        keys.update({key, f"ال{key}", f"{key}ا", f"{key}ات", f"ال{key}ات", f"{key}ان", f"{key}ين"})
    return frozenset(keys)


def keys_of_identity(archive: Archive, keys: list[str]) -> list[str]:
    """`keys` with every key of their identities (all the names of the entities they name)."""
    if archive.schema_version() < IDENTITY_SCHEMA or not keys:
        return keys
    condition, param = archive.in_condition("match_key", keys)
    found = archive.fetch(
        "SELECT match_key FROM entity_identities WHERE identity IN "
        f"(SELECT identity FROM entity_identities WHERE {condition} AND identity <> '')",
        (param,),
    )
    return list(dict.fromkeys([*keys, *(str(key) for (key,) in found)]))


def stored_identities(archive: Archive, keys: list[str]) -> dict[str, Identity]:
    """Each key's identity as the archive stores it, with the type and usual name of its entity
    (an empty `identity` for what is no entity); {} in an archive without identities."""
    if not keys or archive.schema_version() < IDENTITY_SCHEMA:
        return {}
    condition, param = archive.in_condition("i.match_key", keys)
    return {
        str(key): Identity(str(identity), str(kind or ""), str(name or key))
        for key, identity, kind, name in archive.fetch(
            "SELECT i.match_key, i.identity, root.type, root.name FROM entity_identities i "
            f"LEFT JOIN entity_identities root ON root.match_key = i.identity WHERE {condition}",
            (param,),
        )
    }


def merge_identities(stats: Iterable[KeyStats]) -> dict[str, Identity]:
    """Every key's identity (see the module's rules); pure, so the rules are tested on their own."""
    by_key = {item.key: item for item in stats}
    parent: dict[str, str] = {key: key for key in by_key}

    def find(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def join(a: str, b: str) -> None:
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            # The identity is the key with more records, so it reads as the entity's usual name.
            keep, drop = sorted((root_a, root_b), key=lambda k: (-by_key[k].records, k))
            parent[drop] = keep

    excluded = not_entity_keys()
    for group in variant_groups():
        present = [key for key in group if key in by_key and key not in excluded]
        for other in present[1:]:
            join(present[0], other)
    _join_prefixes(by_key, excluded, join, find)
    _join_kinds(by_key, excluded, join)
    _join_titles(by_key, excluded, join)

    members: dict[str, list[str]] = defaultdict(list)
    for key in by_key:
        if key not in excluded:
            members[find(key)].append(key)
    found = {key: Identity(NOT_AN_ENTITY, by_key[key].type, key) for key in by_key if key in excluded}
    for root, keys in members.items():
        types: Counter[str] = Counter()
        names: Counter[str] = Counter()
        for key in keys:
            types.update(by_key[key].types)
            names.update(by_key[key].names)
        # The spelling written most often; of equals, the fuller one.
        name = max(names.items(), key=lambda item: (item[1], len(item[0]), item[0]))[0] if names else root
        kind = types.most_common(1)[0][0] if types else "MISC"
        for key in keys:
            found[key] = Identity(root, kind, name)
    return found


def _join_prefixes(by_key: dict[str, KeyStats], excluded: frozenset[str], join: JoinFn, find: FindFn) -> None:
    persons = [item for item in by_key.values() if item.type == "PER" and item.key not in excluded]
    extensions: dict[tuple[str, ...], list[KeyStats]] = defaultdict(list)
    surnames: dict[str, list[KeyStats]] = defaultdict(list)
    for item in persons:
        words = tuple(item.key.split())
        for cut in range(1, len(words)):
            extensions[words[:cut]].append(item)
        if len(words) >= 2:
            surnames[words[-1]].append(item)
    # Longest first: a chain of extensions is one entity before a shorter name is weighed against it.
    for item in sorted(persons, key=lambda p: (-len(p.key.split()), p.key)):
        words = tuple(item.key.split())
        if words[-1] in _CONNECTORS:
            continue
        if len(words) >= 2:
            best = _dominant(extensions.get(words, []), PREFIX_SHARE, find)
        else:
            best = _dominant(surnames.get(words[0], []), SURNAME_SHARE, find)
            if best is not None and by_key[best].records < item.records / 4:
                best = None
        if best is not None:
            join(item.key, best)


def _dominant(candidates: list[KeyStats], share: float, find: FindFn) -> str | None:
    """The entity (a root key) holding at least `share` of all the candidates' records, if one does."""
    if not candidates:
        return None
    records: Counter[str] = Counter()
    for item in candidates:
        records[find(item.key)] += item.records
    best, held = max(records.items(), key=lambda pair: (pair[1], pair[0]))
    return best if held >= share * sum(records.values()) else None


def _join_titles(by_key: dict[str, KeyStats], excluded: frozenset[str], join: JoinFn) -> None:
    for item in by_key.values():
        words = item.key.split()
        if item.type != "PER" or len(words) < 3 or words[0] not in _TITLES:
            continue
        bare = by_key.get(" ".join(words[1:]))
        if bare is not None and bare.type == "PER" and bare.key not in excluded:
            join(item.key, bare.key)


def _join_kinds(by_key: dict[str, KeyStats], excluded: frozenset[str], join: JoinFn) -> None:
    for item in by_key.values():
        if item.key in excluded or item.type != "ORG":
            continue
        words = item.key.split()
        core = words[1:] if words[0] in _KINDS else words
        core = core[:-1] if len(core) > 1 and core[-1] in _TRAILING else core
        bare = " ".join(core)
        if bare == item.key or bare in _GENERIC or bare in excluded:
            continue
        if bare in by_key and by_key[bare].type == "ORG":
            join(item.key, bare)
