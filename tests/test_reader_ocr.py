"""OCR path of the PDF reader: repairs, boxes to glyphs, ruling lines to grids, and a real scanned page.

The geometry is checked on synthetic page images drawn with numpy (a ruled
table, tilted as the Luoyang scan is); the engine itself on the first two pages
of the Luoyang scan, read once for the module.
"""

from __future__ import annotations

import math
from pathlib import Path

import cv2
import numpy as np
import pytest
from conftest import RAW
from PIL import Image

from readers.model import Block, BlockKind, TableRow
from readers import ocr_page, pdf
from readers.ocr import OcrBox, OcrError, OcrSettings, detect, engine_for, ink_extent, recognise
from readers.ocr_page import OCR_FONT, read_scans, to_glyph
from readers.ocr_sizes import settle_sizes
from readers.ocr_tables import Grid, Upright, build_grids, cut_at_cells, find_rules, fragment, grid_lines
from readers.ocr_text import repair, repair_blocks
from readers.pdf_blocks import PageContent, build_blocks
from readers.pdf_text import Glyph, Line

LUOYANG = RAW / "luoyang-2017-scan.pdf"
DPI = 200
SCALE = 72 / DPI
PAPER, INK = 235, 30
UPRIGHT = Upright(angle=0.0, centre=(0.0, 0.0))

# --- repairs ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("洛办〔2017]15号", "洛办〔2017〕15号", id="mixed-brackets"),
        pytest.param("（豫办[2016]9号）", "（豫办〔2016〕9号）", id="square-brackets"),
        pytest.param("豫政办【2014]168号", "豫政办〔2014〕168号", id="lenticular-and-square"),
        pytest.param("洛办(2017)15号", "洛办〔2017〕15号", id="round-brackets"),
        pytest.param("宁发改体改[2019]〕 528号", "宁发改体改〔2019〕528号", id="closing-bracket-read-twice"),
        pytest.param("宁发改体改〔[2019〕528号", "宁发改体改〔2019〕528号", id="opening-bracket-read-twice"),
        pytest.param(
            "（中办发［2014]64号）等有关规定", "（中办发〔2014〕64号）等有关规定", id="full-width-square-bracket"
        ),
        pytest.param("２０１７年３月２８日", "2017年3月28日", id="full-width-digits"),
        pytest.param("(四）精心组织实施", "（四）精心组织实施", id="mixed-width-parentheses"),
        pytest.param(
            "印发《行业协会商会与行政机关脱钩总体方案〉的通知》",
            "印发〈行业协会商会与行政机关脱钩总体方案〉的通知》",
            id="inner-title",
        ),
        pytest.param("在(2017)年", "在(2017)年", id="year-without-serial-untouched"),
        pytest.param("(二)加强领导", "(二)加强领导", id="half-width-pair-untouched"),
        pytest.param("各县（市、区）党委（工委）", "各县（市、区）党委（工委）", id="chinese-untouched"),
    ],
)
def test_repair(text: str, expected: str) -> None:
    assert repair(text) == expected


def test_repairs_apply_to_scanned_pages_only() -> None:
    blocks = [
        Block(BlockKind.PARAGRAPH, text="依据洛办[2017]15号", page=1),
        Block(BlockKind.PARAGRAPH, text="依据洛办[2017]15号", page=2),
        Block(BlockKind.TABLE, page=1, table=0, rows=(TableRow(("１", "甲"), page=1), TableRow(("２", "乙"), page=2))),
    ]
    repaired = repair_blocks(blocks, {2})
    assert [b.text for b in repaired[:2]] == ["依据洛办[2017]15号", "依据洛办〔2017〕15号"]
    assert [row.cells for row in repaired[2].rows] == [("１", "甲"), ("2", "乙")]


# --- boxes to glyphs and lines ----------------------------------------------------


def _box(text: str, x0: float, x1: float, y: float, height: float = 41.7) -> OcrBox:
    return OcrBox(text=text, score=0.99, left=(x0, y), right=(x1, y), height=height)


def test_box_becomes_a_glyph_in_points_sized_by_its_ink() -> None:
    glyph = to_glyph(_box("脱钩的主体是各级行政机关", 300, 1500, 500), UPRIGHT, SCALE)
    assert glyph is not None
    assert (glyph.text, glyph.font) == ("脱钩的主体是各级行政机关", OCR_FONT)
    assert glyph.size == pytest.approx(16.0, abs=0.1)
    assert (glyph.x0, glyph.x1) == pytest.approx((108.0, 540.0))
    assert glyph.centre[1] == pytest.approx(180.0)


def test_full_width_punctuation_at_the_ends_widens_the_box_by_half_an_em() -> None:
    glyph = to_glyph(_box("（监事）制度，", 300, 1500, 500), UPRIGHT, SCALE)
    assert glyph is not None
    assert (glyph.x0, glyph.x1) == pytest.approx((108.0 - glyph.size / 2, 540.0 + glyph.size / 2))


def test_bare_punctuation_is_dropped() -> None:
    assert to_glyph(_box("—", 300, 340, 500), UPRIGHT, SCALE) is None
    assert to_glyph(_box("-1-", 300, 400, 500), UPRIGHT, SCALE) is not None


def test_upright_turns_a_tilted_line_level() -> None:
    angle = math.radians(0.45)
    centre = (800.0, 1100.0)
    tilted = _box("行", 300, 1500, 0)
    left = (centre[0] - 500 * math.cos(angle), centre[1] - 500 * math.sin(angle))
    right = (centre[0] + 700 * math.cos(angle), centre[1] + 700 * math.sin(angle))
    glyph = to_glyph(OcrBox(tilted.text, tilted.score, left, right, tilted.height), Upright(angle, centre), SCALE)
    assert glyph is not None
    assert glyph.centre[1] == pytest.approx(centre[1] * SCALE, abs=0.01)
    assert glyph.x1 - glyph.x0 == pytest.approx(1200 * SCALE, abs=0.01)


def _line(text: str, size: float) -> Line:
    return Line(
        text=text, x0=80, x1=80 + size * len(text), top=100, bottom=100 + size, size=size, font=OCR_FONT, page=1
    )


def test_sizes_near_the_body_settle_on_it_and_titles_keep_theirs() -> None:
    page = PageContent(
        number=1,
        width=595,
        height=842,
        lines=(
            _line("关于印发实施方案的通知", 22.0),
            _line("行业协会商会" * 4, 16.0),
            _line("行业协会商会" * 3, 16.5),
            _line("理。", 13.5),
        ),
        tables=(),
    )
    [settled] = settle_sizes([page])
    assert [line.size for line in settled.lines] == [22.0, 16.0, 16.0, 16.0]


def test_ink_extent_skips_bracket_tips_and_specks() -> None:
    crop = np.full((60, 400), PAPER, np.uint8)
    for x in range(20, 380, 45):
        crop[12:52, x : x + 40] = INK  # characters
    crop[6:58, 5:8] = INK  # a parenthesis, taller than the characters
    crop[2, 200] = INK  # a speck
    assert ink_extent(crop) == (5, 12, 375, 52)


# --- ruling lines and grids ---------------------------------------------------------

XS = (100, 400, 650, 900)
YS = (200, 300, 400, 500)


def _table_image(degrees: float, seed: int = 0) -> np.ndarray:
    """A 200-dpi page holding a 3×3 ruled table whose first row merges the last two cells, turned by `degrees`."""
    image = np.full((1400, 1000), PAPER, np.uint8)
    for y in YS:
        image[y - 1 : y + 2, XS[0] : XS[-1] + 2] = INK
    for column, x in enumerate(XS):
        image[(YS[1] if column == 2 else YS[0]) : YS[-1] + 2, x - 1 : x + 2] = INK
    image[900:903, 100:150] = INK  # a short stroke, as of a character
    image[950:1040, 300:305] = INK  # a tall stroke of a masthead character `中` ...
    image[970:973, 260:345] = INK  # ... crossed by its bar: too small for a table
    image[1025:1028, 260:345] = INK
    image[950:1040, 260:263] = INK
    image[950:1040, 342:345] = INK
    turn = cv2.getRotationMatrix2D((image.shape[1] / 2, image.shape[0] / 2), degrees, 1.0)
    image = cv2.warpAffine(image, turn, image.shape[::-1], flags=cv2.INTER_LINEAR, borderValue=PAPER)
    noise = np.random.default_rng(seed).normal(0, 8, image.shape)
    return np.clip(image + noise, 0, 255).astype(np.uint8)


@pytest.mark.parametrize("degrees", [0.0, 0.45, -0.3])
def test_grid_of_a_tilted_ruled_table(degrees: float) -> None:
    rules = find_rules(_table_image(degrees), DPI)
    assert math.degrees(rules.upright.angle) == pytest.approx(-degrees, abs=0.05)
    [grid] = build_grids(rules)
    assert grid.xs == pytest.approx([x * SCALE for x in XS], abs=1.0)
    assert grid.ys == pytest.approx([y * SCALE for y in YS], abs=1.0)
    cells = sorted(
        (round(x0 / SCALE, -1), round(top / SCALE, -1), round(x1 / SCALE, -1)) for x0, top, x1, _ in grid.cells
    )
    assert len(cells) == 8
    assert (400, 200, 900) in cells  # the merged cell of the first row


def test_close_rule_positions_are_one_grid_line() -> None:
    assert grid_lines([100.0, 101.5, 200.0, 300.0, 302.0]) == pytest.approx((100.75, 200.0, 301.0))


def _upright_grid() -> tuple[Upright, list[Grid]]:
    rules = find_rules(_table_image(0.0), DPI)
    return rules.upright, build_grids(rules)


def _quad(x0: float, x1: float, top: float, bottom: float) -> np.ndarray:
    return np.array([[x0, top], [x1, top], [x1, bottom], [x0, bottom]], dtype=np.float32)


def test_detected_line_across_a_rule_is_cut_into_one_piece_per_cell() -> None:
    upright, grids = _upright_grid()
    pieces = cut_at_cells(_quad(300, 550, 335, 365), grids, upright, SCALE)
    assert [(round(p[0][0]), round(p[1][0])) for p in pieces] == [(300, 396), (404, 550)]


@pytest.mark.parametrize(
    ("quad", "spans"),
    [
        pytest.param(_quad(450, 850, 235, 265), [(450, 850)], id="merged-cell-not-cut"),
        pytest.param(_quad(390, 550, 335, 365), [(404, 550)], id="margin-over-a-rule-trimmed"),
        pytest.param(_quad(300, 550, 700, 730), [(300, 550)], id="outside-the-table"),
    ],
)
def test_lines_not_cut(quad: np.ndarray, spans: list[tuple[int, int]]) -> None:
    upright, grids = _upright_grid()
    assert [(round(p[0][0]), round(p[1][0])) for p in cut_at_cells(quad, grids, upright, SCALE)] == spans


def test_text_lands_in_its_cells_and_a_merged_cell_repeats() -> None:
    _, [grid] = _upright_grid()

    def glyph(text: str, x: float, y: float) -> Glyph:
        return Glyph(text, x * SCALE, (x + 60) * SCALE, y * SCALE, (y + 30) * SCALE, 12.0, OCR_FONT)

    glyphs = [glyph("序号", 150, 230), glyph("名称", 450, 230), glyph("1", 150, 330), glyph("宁夏", 450, 330)]
    glyphs += [glyph("实际", 700, 320), glyph("脱钩", 700, 352)]
    table = fragment(grid, glyphs, page=3)
    assert [row.cells for row in table.rows] == [("序号", "名称", "名称"), ("1", "宁夏", "实际\n脱钩"), ("", "", "")]
    assert {row.page for row in table.rows} == {3}


# --- detection ---------------------------------------------------------------------------


def test_line_found_in_the_inked_area_is_placed_on_the_whole_page() -> None:
    """The detector sees only the box around the ink; its lines come back in the page's own pixels."""
    page = np.full((2339, 1654), 255, np.uint8)
    cv2.putText(page, "2020 10 15", (900, 1800), cv2.FONT_HERSHEY_SIMPLEX, 2.0, 0, 4)
    (quad,) = detect(page)
    assert 880 < quad[:, 0].min() and quad[:, 0].max() < 1250
    assert 1740 < quad[:, 1].min() and quad[:, 1].max() < 1830
    assert ["".join(box.text.split()) for box in recognise(page, [quad])] == ["20201015"]  # a space may be read or not
    assert detect(np.full((2339, 1654), 255, np.uint8)) == []


# --- the engine on the Luoyang scan ---------------------------------------------------


@pytest.fixture(scope="module")
def luoyang_head() -> list[Block]:
    """Pages 1 and 2 of the Luoyang scan read by OCR, their sizes settled, as repaired blocks."""
    pages = settle_sizes([page for _, page in sorted(read_scans(LUOYANG, [1, 2]).items())])
    return repair_blocks(build_blocks(pages), {page.number for page in pages})


def _texts(blocks: list[Block]) -> list[str]:
    return [block.text for block in blocks]


def test_scanned_head_reads_as_on_paper(luoyang_head: list[Block]) -> None:
    texts = _texts(luoyang_head)
    assert "洛办〔2017〕15号" in texts
    assert "(此件公开发布)" in texts  # printed with ASCII parentheses, as the source text has them
    assert (
        "《洛阳市行业协会商会与行政机关脱钩实施方案》已经市委、市政府研究同意，现印发给你们，请认真贯彻落实。" in texts
    )


def test_scanned_title_is_one_heading_larger_than_the_body(luoyang_head: list[Block]) -> None:
    title = "关于印发《洛阳市行业协会商会与行政机关脱钩实施方案》的通知"
    assert [b.kind for b in luoyang_head if b.text.endswith(title)] == [BlockKind.HEADING]


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param(
            "《中共中央办公厅、国务院办公厅关于印发〈行业协会商会与行政机关脱钩总体方案〉的通知》（中办发〔2015〕39号）",
            id="citation-over-two-lines",
        ),
        pytest.param("（豫办〔2016〕9号），制定本实施方案。", id="repaired-number"),
        pytest.param(
            "理顺行业协会商会与行政机关（包括下属单位，以下简称主管单位）的关系", id="paragraph-joined-over-lines"
        ),
    ],
)
def test_scanned_sentences_stay_in_one_paragraph(luoyang_head: list[Block], sentence: str) -> None:
    assert any(sentence in block.text for block in luoyang_head if block.page == 2)


def test_page_numbers_of_a_scan_are_dropped(luoyang_head: list[Block]) -> None:
    assert not any(text.strip("—-").isdigit() for text in _texts(luoyang_head))


# --- pages OCR does not read -----------------------------------------------------------


def _image_pdf(path: Path, image: np.ndarray) -> Path:
    Image.fromarray(image).save(path, resolution=DPI)
    return path


def test_page_the_engine_fails_on_keeps_the_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(image: np.ndarray, settings: object = None) -> list[np.ndarray]:
        raise OcrError("text detection failed: Fail: out of memory")

    monkeypatch.setattr(ocr_page, "detect", fail)
    document = pdf.read(_image_pdf(tmp_path / "scan.pdf", _table_image(0.0)))
    assert (document.warnings, document.ocr, document.blocks) == (["no_text_layer: 1 of 1 pages"], False, [])


def test_scanned_page_without_text_keeps_the_warning(tmp_path: Path) -> None:
    document = pdf.read(_image_pdf(tmp_path / "blank.pdf", np.full((1400, 1000), PAPER, np.uint8)))
    assert (document.warnings, document.ocr) == (["no_text_layer: 1 of 1 pages"], False)


def test_recognition_settings_reach_the_engine_and_rendering_settings_share_it() -> None:
    shipped = engine_for(OcrSettings(dpi=200, det_side=736, rec_batch=1))
    assert engine_for(OcrSettings(dpi=150, det_side=640, rec_batch=1)) is shipped
    assert shipped.text_rec.rec_image_shape == [3, 48, 320]
    smaller = engine_for(OcrSettings(dpi=200, det_side=736, rec_batch=1, rec_height=40, rec_min_width=1))
    assert smaller.text_rec.rec_image_shape == [3, 40, 1]
