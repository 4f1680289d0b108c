"""Readers facing files that used to read as nothing, fail whole, or reach out: each beside three good documents.

Deep HTML, undeclared Big5 and BOM-less UTF-16 must give their text; a file that
opens but holds no text is `partial` with `no_text`; a DOCX missing a side part is
read without it; a .doc with linked pictures is converted without following them;
copies damaged as the fuzzer damages them keep what is readable or name the damage.
"""

from __future__ import annotations

import http.server
import io
import os
import shutil
import subprocess
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest
import pypdfium2
from damage import (
    NOTICE_DOCX,
    ROSTER_XLSX,
    pdf_with_kids,
    renamed,
    rezipped,
    xls_with_first_text_cell_at,
)
from hostile import CORPUS, run_beside_good

NOTICE = "关于公布全市第一批行业协会商会与行政机关脱钩名单的通知"
SENTENCE = "各区县民政局：现将第一批脱钩名单予以公布，请认真贯彻落实。"
TRADITIONAL = "關於公布全市第一批行業協會商會與行政機關脫鉤名單的通知"


def _page(body: str, head: str = "", title: str = NOTICE) -> str:
    return f"<html><head>{head}<title>{title}</title></head><body>{body}</body></html>"


def _nested(depth: int) -> str:
    return _page("<div>" * depth + f"<h1>{NOTICE}</h1><p>{SENTENCE}</p>" + "</div>" * depth)


def test_deep_html_keeps_its_text(tmp_path: Path) -> None:
    depths = (300, 5000)

    def place(folder: Path) -> None:
        for depth in depths:
            (folder / f"deep-{depth}.html").write_text(_nested(depth), encoding="utf-8")

    bad = run_beside_good(tmp_path, place).bad
    for depth in depths:
        row = bad.loc[f"deep-{depth}.html"]
        assert row["status"] == "ok", row["warnings"]
        assert SENTENCE in row["text"] and row["title"] == NOTICE


CHARSET_FILES = {
    "big5-undeclared.html": _page(f"<h1>{TRADITIONAL}</h1><p>各區縣民政局：現將名單予以公布。</p>", title=TRADITIONAL).encode("big5"),
    "big5-declared-gbk.html": _page(f"<h1>{TRADITIONAL}</h1>", '<meta charset="gbk">', TRADITIONAL).encode("big5"),
    "big5.txt": f"{TRADITIONAL}\r\n\r\n各區縣民政局：現將名單予以公布。\r\n".encode("big5"),
    "utf16-le.txt": f"{NOTICE}\n\n{SENTENCE}\n".encode("utf-16-le"),
    "utf16-be.txt": f"{NOTICE}\n\n{SENTENCE}\n".encode("utf-16-be"),
    "utf16-le.html": _page(f"<h1>{NOTICE}</h1><p>{SENTENCE}</p>").encode("utf-16-le"),
    "gb18030-undeclared.html": _page(f"<h1>{NOTICE}</h1><p>{SENTENCE}</p>").encode("gb18030"),
}


def test_undeclared_charsets_read_as_chinese(tmp_path: Path) -> None:
    def place(folder: Path) -> None:
        for name, data in CHARSET_FILES.items():
            (folder / name).write_bytes(data)

    bad = run_beside_good(tmp_path, place).bad
    for name in CHARSET_FILES:
        row = bad.loc[name]
        assert row["status"] != "failed", row["error"]
        expected = TRADITIONAL if "big5" in name else NOTICE
        assert expected in row["text"], (name, row["text"][:80])


def _blank_pdf(path: Path, pages: int) -> None:
    pdf = pypdfium2.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    pdf.save(str(path))


def _empty_docx(path: Path) -> None:
    docx.Document().save(str(path))


def _empty_xlsx(path: Path) -> None:
    openpyxl.Workbook().save(str(path))


def _bodiless_html(path: Path) -> None:
    body = "<body><div><script>document.write('正文');</script></div><!-- 正文 --></body>"
    path.write_text(f"<html><head><title>{NOTICE}_某市人民政府</title></head>{body}</html>", encoding="utf-8")


NO_TEXT_FILES = {
    "blank-2000-pages.pdf": lambda path: _blank_pdf(path, 2000),
    "empty.docx": _empty_docx,
    "empty-sheet.xlsx": _empty_xlsx,
    "no-body-text.html": _bodiless_html,
    "blank-lines.txt": lambda path: path.write_text("\n\u3000\u3000\n   \n", encoding="utf-8"),
}


def test_a_file_without_text_is_never_ok(tmp_path: Path) -> None:
    def place(folder: Path) -> None:
        for name, make in NO_TEXT_FILES.items():
            make(folder / name)

    bad = run_beside_good(tmp_path, place).bad
    for name in NO_TEXT_FILES:
        row = bad.loc[name]
        assert row["status"] == "partial", (name, row["status"], row["error"])
        assert any(w.startswith("no_text:") for w in row["warnings"]), (name, row["warnings"])


def _notice_docx() -> bytes:
    from PIL import Image

    word = docx.Document()
    word.add_heading(NOTICE, 1)
    word.add_paragraph(SENTENCE)
    picture = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(picture, "PNG")
    word.add_picture(picture)
    word.sections[0].header.paragraphs[0].text = "页眉"
    saved = io.BytesIO()
    word.save(saved)
    return saved.getvalue()


def _damaged(package: bytes, drop: tuple[str, ...] = (), replace: dict[str, bytes] | None = None) -> bytes:
    """A copy of a zip package without the `drop` members and with `replace`d ones."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename not in drop:
                target.writestr(info, (replace or {}).get(info.filename, source.read(info.filename)))
    return out.getvalue()


DAMAGED_PARTS = {
    "no-image.docx": ({"drop": ("word/media/image1.png",)}, "missing_part: word/media/image1.png"),
    "broken-styles.docx": ({"replace": {"word/styles.xml": b"<w:styles"}}, "corrupt_part: word/styles.xml"),
    "no-header-no-numbering.docx": ({"drop": ("word/header1.xml", "word/numbering.xml")}, "missing_part: word/header1.xml"),
}


def test_a_docx_missing_a_side_part_is_read_without_it(tmp_path: Path) -> None:
    package = _notice_docx()

    def place(folder: Path) -> None:
        for name, (damage, _) in DAMAGED_PARTS.items():
            (folder / name).write_bytes(_damaged(package, **damage))
        (folder / "no-document.docx").write_bytes(_damaged(package, drop=("word/document.xml",)))

    bad = run_beside_good(tmp_path, place).bad
    for name, (_, warning) in DAMAGED_PARTS.items():
        row = bad.loc[name]
        assert row["status"] == "partial", (name, row["error"])
        assert any(found.startswith(warning) for found in row["warnings"]), (name, row["warnings"])
        assert SENTENCE in row["text"]
    assert bad.loc["no-document.docx", "status"] == "failed"
    assert "missing part word/document.xml" in bad.loc["no-document.docx", "error"]


OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
LINKED_PICTURE_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>
<text:p>{notice}</text:p>{pictures}<text:p>{sentence}</text:p></office:text></office:body></office:document>
"""
PICTURE = (
    '<text:p><draw:frame draw:name="p{index}" text:anchor-type="as-char" svg:width="1cm" svg:height="1cm">'
    '<draw:image xlink:href="{url}" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p>'
)


def linked_picture_doc(folder: Path, urls: list[str]) -> Path:
    """A Word 97 .doc whose pictures are links (`INCLUDEPICTURE "url" \\d`), made by LibreOffice from a flat ODF file."""
    pictures = "".join(PICTURE.format(index=i, url=url) for i, url in enumerate(urls))
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "linked.fodt"
    source.write_text(LINKED_PICTURE_FODT.format(notice=NOTICE, sentence=SENTENCE, pictures=pictures), encoding="utf-8")
    command = [OFFICE, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
               "--convert-to", "doc", "--outdir", str(folder), str(source)]
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    return folder / "linked.doc"


class _Requests(http.server.BaseHTTPRequestHandler):
    """Counts every request that reaches the test's server."""

    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        self.seen.append(self.path)
        self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[tuple[str, list[str]]]:
    """A web server on a free local port, and the list of paths requested from it."""
    seen: list[str] = []
    handler = type("Handler", (_Requests,), {"seen": seen})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()


@pytest.mark.skipif(OFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_a_doc_with_linked_pictures_reaches_nothing(tmp_path: Path, local_server: tuple[str, list[str]]) -> None:
    address, seen = local_server
    outside = tmp_path / "outside"
    outside.mkdir()
    fifo = outside / "picture.png"
    built = linked_picture_doc(tmp_path / "build", [f"{address}/picture.png", fifo.as_uri()])
    seen.clear()  # building the file may have asked for the picture
    os.mkfifo(fifo)
    opened = threading.Event()

    def watch_fifo() -> None:
        with open(fifo, "wb"):  # returns only when someone opens the FIFO to read it
            opened.set()

    threading.Thread(target=watch_fifo, daemon=True).start()
    try:
        found = run_beside_good(tmp_path / "run", lambda folder: shutil.copyfile(built, folder / "linked.doc"))
        file_opened = opened.is_set()
    finally:
        os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))  # lets the watcher go
    row = found.bad.loc["linked.doc"]
    assert row["status"] != "failed", row["error"]
    assert SENTENCE in row["text"]
    assert seen == [], "LibreOffice fetched a linked picture"
    assert not file_opened, "LibreOffice opened a linked file outside the input"


GBK_TEXT = CORPUS / "raw" / "luozhuang-2018.txt"
GBK_PAGE = CORPUS / "raw" / "ningxia-gxt-2019.html"
WORD_97 = CORPUS / "raw" / "hedong-fgw-2019.doc"
WORD_97_CUT_WHERE_TEXT_SPELLS_BOOK = 31_593


def _place_damaged_copies(folder: Path) -> None:
    """Good documents with the damage the fuzzer found readers refusing whole or naming nothing."""
    text, page = GBK_TEXT.read_bytes(), GBK_PAGE.read_bytes()
    middle = len(text) // 2
    (folder / "flipped-byte.txt").write_bytes(text[:middle] + bytes([text[middle] ^ 0x80]) + text[middle + 1 :])
    decoded = text.decode("gb18030")
    inside = len(decoded[: decoded.index("协会", len(decoded) // 2)].encode("gb18030")) + 1
    (folder / "cut-inside-a-character.txt").write_bytes(text[:inside])
    (folder / "one-nul.html").write_bytes(page[: len(page) // 2] + b"\x00" + page[len(page) // 2 :])
    (folder / "cut-where-text-spells-book.doc").write_bytes(WORD_97.read_bytes()[:WORD_97_CUT_WHERE_TEXT_SPELLS_BOOK])
    rezipped(ROSTER_XLSX, "xl/styles.xml", renamed(b"numFmtId=", b"numFmtIx="), folder / "renamed-attribute.xlsx")
    rezipped(NOTICE_DOCX, "[Content_Types].xml", renamed(b"Types", b"Typex"), folder / "renamed-element.docx")
    pdf_with_kids(b"1 0 R 99 0 R", folder / "lost-page.pdf")
    xls_with_first_text_cell_at(4999, 99, folder / "far-cell.xls")


DAMAGED_COPIES = {
    "flipped-byte.txt": ("partial", "undecodable_bytes: 1 byte replaced (gb18030)"),
    "cut-inside-a-character.txt": ("partial", "undecodable_bytes: 1 byte replaced (gb18030)"),
    "one-nul.html": ("partial", "undecodable_bytes: 1 NUL byte dropped (gb18030)"),
    "renamed-attribute.xlsx": ("failed", "corrupt XLSX: unexpected content: "),
    "renamed-element.docx": ("failed", "corrupt DOCX: unexpected content: "),
    "lost-page.pdf": ("partial", "unreadable_page: page 2"),
    "far-cell.xls": ("failed", 'too large: sheet "脱钩名单" spans 4,999 rows × 100 columns'),
}


def test_damaged_copies_keep_what_is_readable_or_name_the_damage(tmp_path: Path) -> None:
    # a lower sheet-cell limit, so the far .xls cell needs 0.5 million cells, not the 16 million (1 GB) of IV65536
    found = run_beside_good(tmp_path, _place_damaged_copies, "--max-rows", "1000")
    bad, documents = found.bad, found.tables["documents"].set_index("source_path")
    for name, (status, cause) in DAMAGED_COPIES.items():
        row = bad.loc[name]
        said = row["error"] if status == "failed" else list(row["warnings"])
        assert row["status"] == status, (name, row["status"], row["error"])
        assert (cause in said if status == "failed" else any(w.startswith(cause) for w in said)), (name, said)
    good_text = documents.loc["good/luozhuang-2018.txt"]
    assert bad.loc["flipped-byte.txt", "title"] == good_text["title"]
    assert abs(len(bad.loc["flipped-byte.txt", "text"]) - len(good_text["text"])) <= 1  # one character lost at most
    assert bad.loc["one-nul.html", "title"] == documents.loc["good/ningxia-gxt-2019.html", "title"]
    doc = bad.loc["cut-where-text-spells-book.doc"]
    assert doc["source_format"] == "doc" and "XLS" not in (doc["error"] or ""), (doc["source_format"], doc["error"])
