"""The entity taggers side by side on the same ANERcorp test tokens, one thread (issue 18).

    OPENBLAS_NUM_THREADS=1 taskset -c 0 .venv/bin/python bench/bench_ner.py
    .venv/bin/python bench/bench_ner.py --against /tmp/old/ner_neural.npz   # an earlier default
    .venv/bin/python bench/bench_ner.py --accurate 100                      # + the accurate tagger

Tags ANERcorp test (925 sentences, 25,000 tokens) with the shipped default (the BiLSTM-CRF), the
CRF fallback and, with `--against`, another `ner_neural.npz` (say the one a commit shipped:
`git show REV:src/marsad/models/ner/ner_neural.npz > FILE`), in one run, rounds alternated. Each
tagger is opened afresh per round, so "cold" is a first pass over unseen tokens (every distinct
word's features, vectors, character CNN and input projection computed once), "warm" a second pass
over the same sentences (the per-token caches full). Prints tokens/s, the best of the rounds, each
tagger's ratio to the default's, and the issue's bar (20,000 tokens/s on one core for the default).
`--accurate N` adds the accurate tagger on the first N sentences (it needs the `accurate` extra).
Nothing here is a test: compare ratios within one run.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

from marsad.enrich.ner.conll import read_labelled
from marsad.enrich.ner.model import model_dir, open_model
from marsad.enrich.ner.neural import NEURAL_FILE
from marsad.shared_data import shared_dir

BAR = 20_000  # tokens/s on one core, the floor for the default tagger


def _timed(folder: Path, kind: str, sentences: list[list[str]]) -> tuple[float, float]:
    """Seconds of a cold and of a warm pass of a tagger opened afresh from `folder`."""
    with ExitStack() as stack:
        model = open_model(folder, stack, kind=kind)
        start = time.perf_counter()
        model.tag(sentences)
        cold = time.perf_counter() - start
        start = time.perf_counter()
        model.tag(sentences)
        return cold, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=None, help="the shared data folder (default ../shared)")
    parser.add_argument("--against", type=Path, default=None, help="another ner_neural.npz to time beside the default")
    parser.add_argument("--accurate", type=int, default=0, metavar="N", help="also the accurate tagger, N sentences")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    root = args.shared or shared_dir()
    sentences = [tokens for tokens, _ in read_labelled(root / "data/ner/anercorp/test.txt")]
    tokens = sum(map(len, sentences))
    shipped = Path(str(model_dir()))
    with tempfile.TemporaryDirectory() as scratch:
        runs: list[tuple[str, Path, str, list[list[str]]]] = [
            ("default (shipped)", shipped, "neural", sentences),
            ("crf", shipped, "crf", sentences),
        ]
        if args.against is not None:
            # the shipped folder with the other weights in place: same lists, same features
            other = Path(scratch) / "against"
            shutil.copytree(shipped, other)
            shutil.copyfile(args.against, other / NEURAL_FILE)
            runs.append((f"default from {args.against.name}", other, "neural", sentences))
        if args.accurate:
            runs.append(("accurate", shipped, "accurate", sentences[: args.accurate]))
        best: dict[str, tuple[float, float]] = {}
        for _ in range(args.rounds):
            for name, folder, kind, part in runs:
                count = sum(map(len, part))
                cold, warm = _timed(folder, kind, part)
                seen = best.get(name, (0.0, 0.0))
                best[name] = (max(seen[0], count / cold), max(seen[1], count / warm))
    base = best["default (shipped)"]
    print(f"ANERcorp test, {len(sentences)} sentences, {tokens:,} tokens; best of {args.rounds} rounds")
    print(f"{'tagger':32} {'cold tok/s':>11} {'warm tok/s':>11} {'cold / default':>15}")
    for name, (cold, warm) in best.items():
        print(f"{name:32} {cold:11,.0f} {warm:11,.0f} {cold / base[0]:15.2f}")
    verdict = "meets" if base[0] >= BAR else "is under"
    print(f"the default, cold, {verdict} the issue's {BAR:,} tokens/s on one core")


if __name__ == "__main__":
    main()
