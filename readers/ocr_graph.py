"""The PP-OCR ONNX graphs rewritten with the same arithmetic in fewer operators, so ONNX Runtime fuses them into its convolutions.

PP-LCNetV3, the backbone of the PP-OCRv4 mobile detector and recogniser, wraps
every convolution in a "learnable affine block", a scalar scale and shift
(`Mul`, `Add`) before and after a hard-swish that the Paddle export spells as
four operators (`Add 3`, `Clip 0..6`, `Mul`, `Div 6`). ONNX Runtime fuses none
of them, so a block of the recogniser runs a convolution, two layout copies and
eight element-wise passes over the feature map: they took 46 % of its time.
Here the affine after a convolution goes into its weights and bias, the
hard-swish becomes `HardSigmoid·x` (which the runtime fuses into the
convolution), and the affine before a convolution goes into the next one's
weights: its shift too when that convolution has no padding, otherwise the shift
stays as one `Add` (the zero padding must see the shifted values). The result
agrees with the shipped model to float rounding (outputs within 1e-5); nothing
else in the graph is touched, and a graph without these patterns comes back as
it was.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import onnx
from onnx import helper, numpy_helper

HARD_SWISH_SHIFT, HARD_SWISH_CAP = 3.0, 6.0


class _Graph:
    """Nodes of an ONNX graph with their constant inputs and the consumers of each value."""

    def __init__(self, model: onnx.ModelProto) -> None:
        self.model = model
        graph = model.graph
        self.constants: dict[str, np.ndarray] = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
        self.constants.update(
            {n.output[0]: numpy_helper.to_array(n.attribute[0].t) for n in graph.node if n.op_type == "Constant"}
        )
        self.nodes = [node for node in graph.node if node.op_type != "Constant"]
        self.outputs = {output.name for output in graph.output}
        self._readers: dict[str, list[onnx.NodeProto]] = {}
        self._removed: set[int] = set()
        for node in self.nodes:
            self.link(node)

    def link(self, node: onnx.NodeProto) -> None:
        """Index `node` as a reader of its inputs; called again after an input is rewired (protobuf fields are slow to scan)."""
        for name in node.input:
            if all(reader is not node for reader in self._readers.setdefault(name, [])):
                self._readers[name].append(node)

    def readers(self, value: str) -> list[onnx.NodeProto]:
        return [node for node in self._readers.get(value, []) if id(node) not in self._removed]

    def remove(self, *dropped: onnx.NodeProto) -> None:
        self._removed.update(id(node) for node in dropped)
        self.nodes = [node for node in self.nodes if id(node) not in self._removed]

    def rename_input(self, old: str, new: str) -> None:
        for node in self.readers(old):
            node.input[:] = [new if name == old else name for name in node.input]
            self.link(node)
        self._readers.pop(old, None)

    def scalar(self, name: str) -> float | None:
        value = self.constants.get(name)
        return float(value.reshape(-1)[0]) if value is not None and value.size == 1 else None

    def sole_consumer(self, value: str, op_type: str) -> onnx.NodeProto | None:
        """The one node reading `value` if it is of `op_type` and the value is not a graph output."""
        readers = self.readers(value)
        if len(readers) != 1 or value in self.outputs or readers[0].op_type != op_type:
            return None
        return readers[0]

    def other_scalar(self, node: onnx.NodeProto, value: str) -> float | None:
        """The scalar constant `node` combines with `value` (its other input), or None."""
        others = [name for name in node.input if name != value]
        return self.scalar(others[0]) if len(node.input) == 2 and len(others) == 1 else None

    def add_constant(self, name: str, value: np.ndarray) -> str:
        self.constants[name] = value.astype(np.float32)
        return name

    def conv_weights(self, conv: onnx.NodeProto) -> tuple[np.ndarray, np.ndarray]:
        weights = self.constants[conv.input[1]]
        bias = self.constants[conv.input[2]] if len(conv.input) > 2 else np.zeros(weights.shape[0], np.float32)
        return weights, bias

    def set_conv_weights(self, conv: onnx.NodeProto, weights: np.ndarray, bias: np.ndarray) -> None:
        name = conv.output[0]
        conv.input[1:] = [self.add_constant(f"{name}.folded_w", weights), self.add_constant(f"{name}.folded_b", bias)]

    def build(self) -> bytes:
        graph = self.model.graph
        used = {name for node in self.nodes for name in node.input}
        del graph.node[:]
        graph.node.extend(self.nodes)
        del graph.initializer[:]
        graph.initializer.extend(numpy_helper.from_array(v, k) for k, v in self.constants.items() if k in used)
        return self.model.SerializeToString()


def simplified(path: Path) -> bytes:
    """The model at `path` with its affine blocks folded and its hard-swishes fused, serialised for onnxruntime."""
    graph = _Graph(onnx.load(str(path)))
    _fold_affine_after_convs(graph)
    _fuse_hard_swishes(graph)
    _fold_affine_before_convs(graph)
    return graph.build()


def _fold_affine_after_convs(graph: _Graph) -> None:
    """conv → ×s → +b becomes one conv with weights s·W and bias s·B + b."""
    for conv in [node for node in graph.nodes if node.op_type == "Conv"]:
        mul = graph.sole_consumer(conv.output[0], "Mul")
        add = mul and graph.sole_consumer(mul.output[0], "Add")
        if mul is None or add is None or add.output[0] in graph.outputs:
            continue
        scale, shift = graph.other_scalar(mul, conv.output[0]), graph.other_scalar(add, mul.output[0])
        if scale is None or shift is None:
            continue
        weights, bias = graph.conv_weights(conv)
        graph.set_conv_weights(conv, weights * scale, bias * scale + shift)
        graph.remove(mul, add)
        graph.rename_input(add.output[0], conv.output[0])


def _fuse_hard_swishes(graph: _Graph) -> None:
    """x·clip(x + 3, 0, 6) / 6, exported as four nodes, becomes x·HardSigmoid(x) with α = 1/6, β = 1/2."""
    for shift in [node for node in graph.nodes if node.op_type == "Add"]:
        if len(shift.input) != 2 or HARD_SWISH_SHIFT not in (graph.scalar(shift.input[0]), graph.scalar(shift.input[1])):
            continue
        x = shift.input[0] if graph.scalar(shift.input[1]) == HARD_SWISH_SHIFT else shift.input[1]
        clip = graph.sole_consumer(shift.output[0], "Clip")
        if clip is None or [graph.scalar(name) for name in clip.input[1:]] != [0.0, HARD_SWISH_CAP]:
            continue
        product = graph.sole_consumer(clip.output[0], "Mul")
        if product is None or set(product.input) != {x, clip.output[0]}:
            continue
        divide = graph.sole_consumer(product.output[0], "Div")
        if divide is None or graph.scalar(divide.input[1]) != HARD_SWISH_CAP:
            continue
        gate = helper.make_node(
            "HardSigmoid", [x], [f"{divide.output[0]}.gate"], alpha=1 / HARD_SWISH_CAP, beta=0.5
        )
        swish = helper.make_node("Mul", [x, gate.output[0]], [divide.output[0]])
        at = graph.nodes.index(divide)
        graph.nodes[at : at + 1] = [gate, swish]
        graph.link(gate)
        graph.link(swish)
        graph.remove(shift, clip, product, divide)


def _fold_affine_before_convs(graph: _Graph) -> None:
    """×s → +b → conv becomes conv with weights s·W, and bias B + b·ΣW when it pads nothing, else +b/s kept before it."""
    for mul in [node for node in graph.nodes if node.op_type == "Mul"]:
        constants = [name for name in mul.input if graph.scalar(name) is not None]
        if len(mul.input) != 2 or len(constants) != 1:
            continue
        x = next(name for name in mul.input if name != constants[0])
        add = graph.sole_consumer(mul.output[0], "Add")
        conv = add and graph.sole_consumer(add.output[0], "Conv")
        if add is None or conv is None or conv.input[0] != add.output[0]:
            continue
        scale, shift = graph.scalar(constants[0]), graph.other_scalar(add, mul.output[0])
        if shift is None or not scale:
            continue
        weights, bias = graph.conv_weights(conv)
        pads = next((list(a.ints) for a in conv.attribute if a.name == "pads"), [])
        if any(pads):
            add.input[:] = [x, graph.add_constant(f"{add.output[0]}.shift", np.array([shift / scale]))]
            graph.link(add)
            graph.set_conv_weights(conv, weights * scale, bias)
            graph.remove(mul)
        else:
            conv.input[0] = x
            graph.link(conv)
            graph.set_conv_weights(conv, weights * scale, bias + shift * weights.sum(axis=(1, 2, 3)))
            graph.remove(mul, add)
