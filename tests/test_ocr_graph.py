"""The OCR models' simplified graphs compute what the shipped ones do, with the affine blocks and hard-swishes gone."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import pytest
import rapidocr_onnxruntime
from onnx import TensorProto, helper, numpy_helper

from readers.ocr_graph import simplified

MODELS = Path(rapidocr_onnxruntime.__file__).parent / "models"


def _run(model: str | bytes, image: np.ndarray) -> np.ndarray:
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
    return session.run(None, {session.get_inputs()[0].name: image})[0]


@pytest.mark.parametrize(
    ("name", "shape"),
    [
        pytest.param("ch_PP-OCRv4_det_infer.onnx", (1, 3, 320, 256), id="detector"),
        pytest.param("ch_PP-OCRv4_rec_infer.onnx", (1, 3, 48, 400), id="recogniser"),
    ],
)
def test_simplified_model_gives_the_same_output(name: str, shape: tuple[int, ...]) -> None:
    image = np.random.default_rng(0).uniform(-1, 1, shape).astype(np.float32)
    lean = simplified(MODELS / name)
    np.testing.assert_allclose(_run(lean, image), _run(str(MODELS / name), image), atol=1e-4)
    before = Counter(node.op_type for node in onnx.load(str(MODELS / name)).graph.node)
    after = Counter(node.op_type for node in onnx.load_from_string(lean).graph.node)
    assert after["Clip"] == 0
    assert after["HardSigmoid"] - before["HardSigmoid"] == before["Clip"]  # each hard-swish is one gate
    assert after["Conv"] == before["Conv"]
    assert after["Mul"] + after["Add"] < before["Mul"] + before["Add"]


def test_graph_without_the_patterns_is_unchanged(tmp_path: Path) -> None:
    """A convolution scaled per channel (not by a scalar) is not an affine block and stays as it is."""
    weights = numpy_helper.from_array(np.ones((2, 1, 1, 1), np.float32), "w")
    scale = numpy_helper.from_array(np.array([[[2.0]], [[3.0]]], np.float32), "s")
    graph = helper.make_graph(
        [helper.make_node("Conv", ["x", "w"], ["c"]), helper.make_node("Mul", ["c", "s"], ["y"])],
        "per-channel",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 1, 4, 4])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 2, 4, 4])],
        [weights, scale],
    )
    path = tmp_path / "model.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 12)]), str(path))
    assert [node.op_type for node in onnx.load_from_string(simplified(path)).graph.node] == ["Conv", "Mul"]
