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
from readers.model import Block

ADDRESSEES = text("各有关单位：")
HUNAN = Locality("湖南省", None, None, "430000", "province")
JIANGXI = Locality("江西省", None, None, "360000", "province")
CHANGSHA = Locality("湖南省", "长沙市", None, "430100", "city")
ZHUZHOU = Locality("湖南省", "株洲市", None, "430200", "city")
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
    "masthead-line-over-the-subject-is-no-part-of-the-title": (
        [heading("株洲市民政局\u3000株洲市财政局"), heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY],
        {"title": "关于做好脱钩改革工作的通知", "issuers": ("株洲市民政局", "株洲市财政局"), "locality": ZHUZHOU},
    ),
    "masthead-paragraph-over-the-subject-in-a-word-file": (
        [text("湖南省民政厅"), text("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY],
        {"title": "关于做好脱钩改革工作的通知", "issuers": ("湖南省民政厅",), "locality": HUNAN},
    ),
    "title-wrapped-after-its-issuers-inside-one-heading": (
        [heading("中共茶陵县委\u3000茶陵县人民政府\n关于做好脱钩改革工作的意见"), ADDRESSEES, BODY],
        {"title": "中共茶陵县委 茶陵县人民政府 关于做好脱钩改革工作的意见"},
    ),
    "site-name-above-a-breadcrumb-is-no-issuer": (
        [
            text("株洲市人民政府"),
            text("当前位置：首页 > 政务公开 > 部门文件"),
            heading("株洲市民政局关于做好脱钩改革工作的通知"),
            ADDRESSEES,
            BODY,
            text("株洲市民政局"),
            text("2020年3月2日"),
        ],
        {"issuers": ("株洲市民政局",), "title": "株洲市民政局关于做好脱钩改革工作的通知", "locality": ZHUZHOU},
    ),
    "masthead-above-the-title-stays-over-a-byline-below-it": (
        [heading("株洲市民政局文件"), heading("关于做好脱钩改革工作的通知"), text("发布时间：2020-03-06"), ADDRESSEES, BODY],
        {"issuers": ("株洲市民政局",), "title": "关于做好脱钩改革工作的通知"},
    ),
    "signature-date-and-note-on-one-line": (
        [heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY, text("株洲市民政局2020年3月2日（此件公开发布）")],
        {"issuers": ("株洲市民政局",), "issue_date": date(2020, 3, 2), "publication": "此件公开发布"},
    ),
    "roster-alone-takes-its-heading-as-title-and-has-no-issuer": (
        [
            text("邵阳市全市性行业协会商会脱钩改革名单"),
            table(("序号", "行业协会商会名称", "业务主管单位"), ("1", "邵阳市收藏协会", "邵阳市文化旅游广电体育局")),
        ],
        {
            "title": "邵阳市全市性行业协会商会脱钩改革名单",
            "issuers": (),
            "issue_date": None,
            "locality": Locality("湖南省", "邵阳市", None, "430500", "city"),
        },
    ),
    "roster-with-instructions-under-it-takes-its-heading": (
        [
            text("邵阳市全市性行业协会商会脱钩改革名单"),
            table(("序号", "行业协会商会名称", "业务主管单位"), ("1", "邵阳市收藏协会", "邵阳市文化旅游广电体育局")),
            text("填表说明"),
            text("1.本表由业务主管单位填写，报市民政局。"),
        ],
        {"title": "邵阳市全市性行业协会商会脱钩改革名单", "issuers": ()},
    ),
    "masthead-full-and-signature-short-are-one-issuer": (
        [
            heading("湖南省人力资源和社会保障厅文件"),
            heading("关于做好脱钩改革工作的通知"),
            ADDRESSEES,
            BODY,
            text("省人社厅"),
            text("2020年3月2日"),
        ],
        {"issuers": ("湖南省人力资源和社会保障厅",), "locality": HUNAN},
    ),
    "two-row-central-masthead": (
        [
            heading("中华人民共和国"),
            heading("商务部"),
            text("商合发〔2021〕9号"),
            heading("商务部关于做好全国性行业协会脱钩后管理的通知"),
            text("各有关协会："),
            BODY,
        ],
        {"issuers": ("商务部",), "doc_number": "商合发〔2021〕9号", "title": "商务部关于做好全国性行业协会脱钩后管理的通知"},
    ),
    "state-and-body-on-one-masthead-line": (
        [heading("中华人民共和国民政部"), heading("关于做好全国性社会团体脱钩工作的通知"), text("各有关单位："), BODY],
        {"issuers": ("民政部",)},
    ),
    "joint-issuers-run-together-in-the-masthead": (
        [heading("湖南省民政厅湖南省发展和改革委员会"), heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY],
        {"issuers": ("湖南省民政厅", "湖南省发展和改革委员会"), "locality": HUNAN},
    ),
    "three-joint-issuers-run-together-in-the-signature": (
        [
            heading("关于做好脱钩改革工作的通知"),
            ADDRESSEES,
            BODY,
            text("江西省民政厅江西省财政厅江西省人力资源和社会保障厅"),
            text("2020年3月2日"),
        ],
        {"issuers": ("江西省民政厅", "江西省财政厅", "江西省人力资源和社会保障厅"), "locality": JIANGXI},
    ),
    "party-and-government-offices-run-together-in-the-title": (
        [heading("中共株洲市委办公室株洲市人民政府办公室关于印发《脱钩改革实施方案》的通知"), ADDRESSEES, BODY],
        {"issuers": ("中国共产党株洲市委员会办公室", "株洲市人民政府办公室"), "locality": ZHUZHOU},
    ),
    "ministry-with-its-number": (
        [heading("民政部文件"), text("民发〔2016〕3号"), heading("民政部关于做好脱钩改革工作的通知"), text("各省、自治区、直辖市民政厅（局）："), BODY],
        {"issuers": ("民政部",), "locality": Locality(level="central")},
    ),
    "joint-central-issuers": (
        [
            heading("国家发展改革委\u3000民政部关于做好脱钩改革工作的通知"),
            text("各省、自治区、直辖市发展改革委、民政厅（局）："),
            text("北京市、上海市的全国性行业协会商会要率先完成脱钩。"),
            text("国家发展改革委\u3000\u3000民政部"),
            text("2019年6月14日"),
        ],
        {"issuers": ("国家发展和改革委员会", "民政部"), "locality": Locality(level="central")},
    ),
    "central-issuers-beside-one-without-a-place": (
        [heading("国家发展改革委\u3000国管局关于做好脱钩改革工作的通知"), text("各省、自治区、直辖市人民政府，北京市各有关单位："), BODY],
        {"locality": Locality(level="central")},
    ),
    "party-centre-and-state-council-run-together": (
        [heading("中共中央办公厅国务院办公厅关于做好脱钩改革工作的通知"), text("各省、自治区、直辖市党委和人民政府："), BODY],
        {"issuers": ("中共中央办公厅", "国务院办公厅"), "locality": Locality(level="central")},
    ),
    "party-centre-and-state-council": (
        [heading("中共中央\u3000国务院关于深化行业协会商会改革的意见"), text("各省、自治区、直辖市党委和人民政府："), BODY],
        {"issuers": ("中共中央", "国务院"), "locality": Locality(level="central")},
    ),
    "central-number-without-printed-issuers": (
        [text("国办发〔2019〕3号"), heading("关于做好脱钩改革工作的通知"), text("各省、自治区、直辖市人民政府："), BODY],
        {"issuers": (), "locality": Locality(level="central")},
    ),
    "recipients-name-other-places": (
        [
            heading("关于做好脱钩改革工作的通知"),
            text("荷塘区、芦淞区、天元区人民政府，"),
            text("市直各单位："),
            text("株洲市收藏协会要按期完成脱钩。"),
        ],
        {"locality": ZHUZHOU, "warnings": []},
    ),
    "my-city-and-a-city-only-in-a-cited-title": (
        [
            heading("关于做好脱钩改革工作的通知"),
            text("各县市区民政局："),
            text("根据《衡阳市行业协会商会脱钩实施方案》，按照湖南省民政厅、湖南省发展和改革委员会部署，我市年底前完成脱钩。"),
        ],
        {"locality": Locality("湖南省", "衡阳市", None, "430400", "city"), "warnings": []},
    ),
    "number-prefix-decides-a-relative-issuer": (
        [
            heading("市人民政府办公室文件"),
            text("长政办发〔2020〕3号"),
            heading("关于做好脱钩改革工作的通知"),
            ADDRESSEES,
            text("长沙市收藏协会、株洲市收藏协会要按期完成脱钩。"),
        ],
        {"issuers": ("长沙市人民政府办公室",), "locality": CHANGSHA, "warnings": []},
    ),
    "issuer-outranks-number-and-title": (
        [
            heading("长沙县民政局文件"),
            text("株民发〔2020〕1号"),
            heading("关于转发《株洲市行业协会商会脱钩实施方案》的通知"),
            ADDRESSEES,
            BODY,
        ],
        {"locality": Locality("湖南省", "长沙市", "长沙县", "430121", "county"), "warnings": []},
    ),
    "forwarding-notice-is-the-forwarders": (
        [
            heading("攸县人民政府办公室关于转发《湖南省人民政府办公厅关于做好脱钩改革工作的通知》的通知"),
            text("各乡镇人民政府，县直各单位："),
            BODY,
        ],
        {"issuers": ("攸县人民政府办公室",), "locality": Locality("湖南省", "株洲市", "攸县", "430223", "county")},
    ),
    "nothing-settles-the-place": (
        [heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY, text("朝阳区民政局"), text("2020年3月2日")],
        {
            "locality": Locality(None, None, "朝阳区", None, "county"),
            "warnings": ["ambiguous_locality: 朝阳区 (北京市朝阳区, 吉林省长春市朝阳区)"],
        },
    ),
    "letter-spaced-masthead-word": (
        [heading("湖南省民政厅\u3000文\u3000件"), heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY],
        {"issuers": ("湖南省民政厅",), "title": "关于做好脱钩改革工作的通知"},
    ),
    "leading-group-masthead": (
        [heading("株洲市行业协会商会脱钩工作领导小组文件"), heading("关于做好脱钩改革工作的通知"), ADDRESSEES, BODY],
        {"issuers": ("株洲市行业协会商会脱钩工作领导小组",), "title": "关于做好脱钩改革工作的通知", "locality": ZHUZHOU},
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
