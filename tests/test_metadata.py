"""Document metadata follows GB/T 9704: head (masthead, number, title), tail (signature, date, 附注), locality.

Each case builds a small document as a reader would deliver it and checks the fields it is about.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from metadata_blocks import document, heading, table, text

from extractors.metadata import extract_metadata
from normalizers.locality import Locality
from pipeline.model import Block

ADDRESSEES = text("各有关单位：")
BODY = text("现将有关事项通知如下，请认真贯彻执行。")

CASES: dict[str, tuple[list[Block], dict[str, Any]]] = {
    "title-over-three-lines-under-masthead": (
        [
            heading("邵阳市民政局文件"),
            heading("邵阳市民政局关于印发《邵阳市行业协会商会"),
            heading("与行政机关脱钩改革实施方案》"),
            heading("的通知"),
            ADDRESSEES,
            BODY,
        ],
        {"title": "邵阳市民政局关于印发《邵阳市行业协会商会与行政机关脱钩改革实施方案》的通知", "issuers": ("邵阳市民政局",)},
    ),
    "masthead-table-of-joint-issuers": (
        [
            table(("邵阳市发展和改革委员会", "文件"), ("邵阳市民政局", "文件")),
            text("关于做好脱钩改革工作的通知"),
            ADDRESSEES,
            BODY,
            text("邵阳市发展和改革委员会\u3000\u3000邵阳市民政局"),
            text("2020年7月1日"),
        ],
        {
            "title": "关于做好脱钩改革工作的通知",
            "issuers": ("邵阳市发展和改革委员会", "邵阳市民政局"),
            "locality": Locality("湖南省", "邵阳市", None, "430500", "city"),
        },
    ),
    "number-in-lenticular-brackets": (
        [heading("邵阳市人民政府办公室文件"), text("邵政办【2019】12号"), heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY],
        {"doc_number": "邵政办〔2019〕12号"},
    ),
    "number-in-square-brackets-with-signer": (
        [heading("湖南省民政厅"), text("湘民发[2020] 3号\u3000签发人：张三"), heading("关于做好脱钩改革工作的请示"), text("民政部："), BODY],
        {"doc_number": "湘民发〔2020〕3号", "title": "关于做好脱钩改革工作的请示"},
    ),
    "body-citation-is-not-the-number": (
        [
            heading("湖南省民政厅"),
            heading("省民政厅关于做好脱钩改革工作的通知"),
            ADDRESSEES,
            text("根据《关于深化脱钩改革的通知》（湘发改体改〔2019〕528号）要求，现通知如下。"),
        ],
        {"doc_number": None, "title": "省民政厅关于做好脱钩改革工作的通知"},
    ),
    "signature-with-chinese-numerals": (
        [heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY, text("兰考县民政局"), text("二〇二〇年六月十六日")],
        {"issue_date": date(2020, 6, 16), "issuers": ("兰考县民政局",)},
    ),
    "signature-with-full-width-digits-and-spaces": (
        [heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY, text("兰考县民政局"), text("２０１９ 年 １０ 月 １５ 日")],
        {"issue_date": date(2019, 10, 15)},
    ),
    "printing-date-is-not-the-issue-date": (
        [
            heading("关于做好脱钩改革工作的通知"),
            ADDRESSEES,
            BODY,
            text("兰考县人民政府"),
            text("2018年11月5日"),
            text("兰考县人民政府办公室\u3000\u30002018年11月6日印发"),
        ],
        {"issue_date": date(2018, 11, 5)},
    ),
    "printing-date-alone-gives-no-issue-date": (
        [heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY, text("兰考县人民政府办公室\u3000\u30002018年11月6日印发")],
        {"issue_date": None},
    ),
    "date-in-the-body-is-not-the-issue-date": (
        [heading("关于做好脱钩改革工作的通知"), ADDRESSEES, text("2020年10月底前完成脱钩任务。"), text("2019年10月15日前报送名单。")],
        {"issue_date": None},
    ),
    "web-page-without-a-signature-is-dated-by-its-publication": (
        [text("发布时间：2019-10-18"), heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY],
        {"issue_date": date(2019, 10, 18), "published": date(2019, 10, 18), "title": "关于做好脱钩改革工作的通知"},
    ),
    "web-page-keeps-the-signature-date-as-issue-date": (
        [
            heading("关于做好脱钩改革工作的通知"),
            text("发布时间：2019-10-18 09:30\u3000来源：兰考县民政局"),
            ADDRESSEES,
            BODY,
            text("兰考县民政局"),
            text("2019年10月15日"),
        ],
        {"issue_date": date(2019, 10, 15), "published": date(2019, 10, 18), "issuers": ("兰考县民政局",)},
    ),
    "publication-note-without-brackets": (
        [heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY, text("兰考县民政局"), text("2020年6月16日"), text("（此件公开发布）")],
        {"publication": "此件公开发布"},
    ),
    "other-bracketed-note-is-no-publication": (
        [heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY, text("（共印200份）")],
        {"publication": None},
    ),
    "title-opens-with-joint-issuers": (
        [
            heading("中国共产党兰考县委员会"),
            text("兰发〔2018〕84号"),
            table(("", "★", "")),
            heading("中共兰考县委\u3000兰考县人民政府"),
            heading("印发《关于开展兰考县行业协会商会与"),
            heading("行政机关脱钩改革工作的实施方案》的通知"),
            ADDRESSEES,
            BODY,
            text("中共兰考县委"),
            text("兰考县人民政府"),
            text("2018年11月6日"),
        ],
        {
            "title": "中共兰考县委 兰考县人民政府 印发《关于开展兰考县行业协会商会与行政机关脱钩改革工作的实施方案》的通知",
            "doc_number": "兰发〔2018〕84号",
            "issuers": ("中国共产党兰考县委员会", "兰考县人民政府"),
            "locality": Locality("河南省", "开封市", "兰考县", "410225", "county"),
        },
    ),
    "relative-issuer-in-a-city-document": (
        [
            heading("关于做好全市行业协会商会脱钩工作的通知"),
            text("各县市区民政局："),
            text("邵阳市收藏协会、邵阳市书法协会等全市性行业协会商会要按期完成脱钩。"),
            text("市民政局"),
            text("2020年6月16日"),
        ],
        {"issuers": ("邵阳市民政局",), "locality": Locality("湖南省", "邵阳市", None, "430500", "city")},
    ),
    "relative-region-issuer-written-in-full": (
        [
            heading("宁夏回族自治区民政厅"),
            heading("自治区民政厅关于做好脱钩改革工作的通知"),
            ADDRESSEES,
            BODY,
            text("宁夏回族自治区民政厅"),
            text("2019年10月15日"),
        ],
        {"issuers": ("宁夏回族自治区民政厅",), "locality": Locality("宁夏回族自治区", None, None, "640000", "province")},
    ),
    "district-of-a-municipality-keeps-the-municipality": (
        [
            heading("重庆市渝中区发展和改革委员会"),
            heading("渝中区关于全面推开行业协会商会脱钩改革的实施意见"),
            ADDRESSEES,
            BODY,
            text("渝中区发展和改革委员会"),
            text("2019年11月4日"),
        ],
        {
            "issuers": ("重庆市渝中区发展和改革委员会",),
            "title": "渝中区关于全面推开行业协会商会脱钩改革的实施意见",
            "locality": Locality("重庆市", "重庆市", "渝中区", "500103", "county"),
        },
    ),
    "central-issuer": (
        [
            heading("国务院办公厅关于做好行业协会商会脱钩改革工作的通知"),
            text("各省、自治区、直辖市人民政府："),
            text("北京市、上海市要率先完成脱钩。"),
            text("国务院办公厅"),
            text("2019年6月14日"),
        ],
        {"issuers": ("国务院办公厅",), "locality": Locality(level="central")},
    ),
    "roster-alone-has-no-title-or-issuer": (
        [
            text("邵阳市全市性行业协会商会脱钩改革名单"),
            table(("序号", "行业协会商会名称", "业务主管单位"), ("1", "邵阳市收藏协会", "邵阳市文化旅游广电体育局")),
        ],
        {"title": None, "issuers": (), "issue_date": None, "locality": Locality("湖南省", "邵阳市", None, "430500", "city")},
    ),
    "secrecy-and-urgency-marks-are-not-the-title": (
        [text("000123"), text("机密★1年"), text("特急"), heading("湖南省民政厅文件"), heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY],
        {"title": "关于做好脱钩改革工作的通知", "issuers": ("湖南省民政厅",)},
    ),
}


@pytest.mark.parametrize(("blocks", "expected"), CASES.values(), ids=CASES.keys())
def test_extract_metadata(blocks: list[Block], expected: dict[str, Any]) -> None:
    metadata = extract_metadata(document(*blocks))
    assert {field: getattr(metadata, field) for field in expected} == expected
