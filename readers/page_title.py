"""How a web page's `<title>` is assembled: the headline, the column and the site's name, joined by separators.

Example: `某县召开脱钩改革推进会_工作动态_某县人民政府门户网站`, `某省民政厅 - 某省召开推进会`,
`某县脱钩改革取得实效｜某日报`. The HTML reader looks for the element printing the headline part;
the headline extractor drops the parts that name the site.
"""

from __future__ import annotations

import re

TITLE_SEPARATOR = re.compile(r"\s*(?:[_|｜]|——|--|(?<!\d)[-－—–](?!\d))\s*")
"""What parts of a page `<title>` stand apart by (not the `-` of `2019-2020年`)."""


def title_parts(text: str) -> list[str]:
    """The non-empty parts of a page title: `甲_乙 - 丙` → `['甲', '乙', '丙']`."""
    return [part for part in TITLE_SEPARATOR.split(text) if part]
