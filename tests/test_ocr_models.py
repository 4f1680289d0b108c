"""The recogniser kept in readers/models: the files its README names, and characters that match its classes."""

from __future__ import annotations

import hashlib
import re

import onnxruntime

from readers.ocr import MODELS, RECOGNISER, RECOGNISER_CHARACTERS, engine

CTC_EXTRA_CLASSES = 2
"""The classes a CTC recogniser has beyond its characters: the blank and the space."""


def test_files_are_the_ones_the_readme_names() -> None:
    recorded = dict(re.findall(r"\| `([\w.]+)` \|[^|]*\| `([0-9a-f]{64})` \|", (MODELS / "README.md").read_text()))
    assert recorded.keys() == {RECOGNISER.name, RECOGNISER_CHARACTERS.name}
    for name, digest in recorded.items():
        assert hashlib.sha256((MODELS / name).read_bytes()).hexdigest() == digest


def test_characters_match_the_model_classes() -> None:
    characters = RECOGNISER_CHARACTERS.read_text(encoding="utf-8").splitlines()
    classes = onnxruntime.InferenceSession(str(RECOGNISER)).get_outputs()[0].shape[-1]
    assert len(characters) + CTC_EXTRA_CLASSES == classes
    assert {"会", "會", "协", "協", "钩", "〔", "〕"} <= set(characters)


def test_engine_reads_with_the_kept_recogniser() -> None:
    recogniser = engine(rec_batch=1).text_rec
    assert recogniser.session.session._model_path == str(RECOGNISER)
    assert (
        len(recogniser.postprocess_op.character)
        == len(RECOGNISER_CHARACTERS.read_text(encoding="utf-8").splitlines()) + CTC_EXTRA_CLASSES
    )
