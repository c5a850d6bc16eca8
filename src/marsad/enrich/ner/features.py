"""CRF features for one token and its window.

A token's own features depend on nothing but its string, so they are
computed once per distinct token and cached; a sentence's feature lists are
then concatenations of cached lists. That keeps extraction well above the
20,000 tokens/s the tagger must reach on one core.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from marsad.arabic.clitics import restore_article, split_clitics
from marsad.arabic.normalize import fold_word
from marsad.startup_cache import compile_regex

_ARABIC = compile_regex(r"^[\p{Arabic}]+$")
_LATIN = compile_regex(r"^[\p{Latin}'.]+$")
_DIGITS = compile_regex(r"^[\d٠-٩۰-۹]+([.,][\d٠-٩۰-۹]+)*$")
WINDOW = (-2, -1, 1, 2)
# A token's own features, what it tells each neighbour offset, its stem key.
_TokenFeatures = tuple[list[str], dict[int, list[str]], str]


@dataclass(slots=True)
class Lexicons:
    """What the features look words up in; all keys are folded forms."""

    clusters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    counts: Mapping[str, int] = field(default_factory=dict)
    gazetteer: Mapping[str, frozenset[str]] = field(default_factory=dict)
    triggers: Mapping[str, str] = field(default_factory=dict)
    # Type priors from our own model run over the unlabeled news ("self-gazetteer").
    auto: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Words of the names Arabic Wikipedia gives places, clubs and people (`wiki_names`).
    wiki: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FeatureConfig:
    """Which feature groups are on: the training script compares them on dev."""

    clusters: bool = True
    gazetteer: bool = True
    triggers: bool = True
    stems: bool = True
    auto: bool = False
    char_ngrams: bool = False
    gazetteer_positions: bool = False
    wiki: bool = False
    window: int = 2


def _shape(token: str) -> str:
    if _ARABIC.match(token):
        return "ar"
    if _DIGITS.match(token):
        return "num"
    if _LATIN.match(token):
        return "Aa" if token[:1].isupper() else "a"
    if len(token) == 1 and not token.isalnum():
        return "punct"
    return "mixed"


class FeatureExtractor:
    def __init__(self, lexicons: Lexicons, config: FeatureConfig | None = None) -> None:
        self.lexicons = lexicons
        self.config = config or FeatureConfig()
        self._own: dict[str, list[str]] = {}
        self._tokens: dict[str, _TokenFeatures] = {}
        self._keys: dict[str, tuple[str, str, str, str]] = {}

    def _key(self, token: str) -> tuple[str, str]:
        """(folded token, folded stem)."""
        return self._parts(token)[:2]

    def _parts(self, token: str) -> tuple[str, str, str, str]:
        """(folded token, folded stem, proclitics, enclitics), cached."""
        parts = self._keys.get(token)
        if parts is None:
            folded = fold_word(token)
            stem, proclitics, enclitics = folded, "", ""
            if self.config.stems:
                proclitics, stem_text, enclitics = split_clitics(token)
                stem = fold_word(restore_article(proclitics, stem_text)) if proclitics or enclitics else folded
            parts = (folded, stem, proclitics, enclitics)
            self._keys[token] = parts
        return parts

    def stem_key(self, token: str) -> str:
        """The folded, clitic-free form the lexicons are keyed on."""
        return self._key(token)[1]

    def _lookups(self, folded: str, stem: str, out: list[str], prefix: str, full: bool) -> None:
        lex, cfg = self.lexicons, self.config
        if cfg.clusters:
            ids = lex.clusters.get(folded) or lex.clusters.get(stem)
            if ids:
                chosen = ids if full else ids[1:]
                out.extend(f"{prefix}c{i}={c}" for i, c in enumerate(chosen))
            else:
                out.append(prefix + "c=none")
        if cfg.gazetteer:
            # Sorted: set order varies with the hash seed, and crfsuite numbers
            # features in the order it first sees them.
            for kind in sorted(lex.gazetteer.get(stem, ()) or lex.gazetteer.get(folded, ())):
                out.append(prefix + "gz=" + kind)
        if cfg.wiki:
            for kind in sorted(lex.wiki.get(stem, ()) or lex.wiki.get(folded, ())):
                out.append(prefix + "wk=" + kind)
        if cfg.auto:
            for mark in lex.auto.get(stem, ()):
                out.append(prefix + "au=" + mark)
        if cfg.triggers:
            trigger = lex.triggers.get(folded) or lex.triggers.get(stem)
            if trigger:
                out.append(prefix + "tr=" + trigger)

    def own_features(self, token: str) -> list[str]:
        feats = self._own.get(token)
        if feats is not None:
            return feats
        folded, stem, proclitics, enclitics = self._parts(token)
        feats = ["b", "w=" + token, "f=" + folded, "sh=" + _shape(token)]
        if self.config.stems:
            feats.append("st=" + stem)
            if proclitics:
                feats.append("pc=" + proclitics)
            if enclitics:
                feats.append("ec=" + enclitics)
        has_article = stem.startswith("ال") and len(stem) > 3
        core = stem[2:] if has_article else stem
        feats.append("al" if has_article else "noal")
        for n in (1, 2, 3):
            if len(core) > n:
                feats.append(f"p{n}={core[:n]}")
        for n in (1, 2, 3, 4):
            if len(core) > n:
                feats.append(f"s{n}={core[-n:]}")
        feats.append(f"len={min(len(core), 10)}")
        if self.config.char_ngrams and len(core) > 3:
            # Letter trigrams inside the word: transliterated foreign names
            # (هيزنبرج, شرودنجر) share letter patterns that Arabic words lack.
            padded = f"<{core}>"
            feats.extend(dict.fromkeys(f"g={padded[k : k + 3]}" for k in range(len(padded) - 2)))
        count = self.lexicons.counts.get(folded, 0)
        feats.append(f"cnt={min(int(math.log2(count + 1)), 16)}")
        self._lookups(folded, stem, feats, "", True)
        self._own[token] = feats
        return feats

    def context_features(self, token: str, offset: int) -> list[str]:
        """What `token` tells its neighbour at `offset` (cached per token and offset)."""
        folded, stem = self._key(token)
        prefix = f"{offset}"
        feats = [f"{prefix}f={folded}"]
        if self.config.stems and stem != folded:
            feats.append(f"{prefix}st={stem}")
        if abs(offset) == 1:
            feats.append(f"{prefix}sh={_shape(token)}")
            if stem.startswith("ال"):
                feats.append(f"{prefix}al")
        self._lookups(folded, stem, feats, prefix, abs(offset) == 1)
        return feats

    def _token(self, token: str) -> _TokenFeatures:
        info = self._tokens.get(token)
        if info is None:
            offsets = [o for o in WINDOW if abs(o) <= self.config.window]
            info = (
                self.own_features(token),
                {o: self.context_features(token, o) for o in offsets},
                self._key(token)[1],
            )
            self._tokens[token] = info
        return info

    def sentence_features(self, tokens: Sequence[str]) -> list[list[str]]:
        n = len(tokens)
        infos = [self._token(token) for token in tokens]
        offsets = [o for o in WINDOW if abs(o) <= self.config.window]
        result: list[list[str]] = []
        for i, (own, _, stem) in enumerate(infos):
            feats = list(own)
            for offset in offsets:
                j = i + offset
                if 0 <= j < n:
                    feats.extend(infos[j][1][offset])
                elif j == -1 or j == n:
                    feats.append(f"{offset}=edge")
            if i > 0:
                feats.append(f"bg-={infos[i - 1][2]}|{stem}")
            if i + 1 < n:
                feats.append(f"bg+={stem}|{infos[i + 1][2]}")
            result.append(feats)
        if len(self._tokens) > 200_000:
            # Bounded memory on long runs over a whole archive.
            self._tokens.clear()
            self._own.clear()
            self._keys.clear()
        return result
