"""Citations from every way a document cites another: numbers, titles, short names, forms, tables.

Each case builds a small document in the model, as a reader would deliver it, and lists the
citations expected as (doc_number, title, short_name, issuer) tuples.
"""

from __future__ import annotations

import pytest

from extractors.citations import Citation, extract_citations
from readers.model import Block, BlockKind, Document, TableRow

Row = tuple[str | None, str | None, str | None, str | None]


def text(line: str) -> Block:
    return Block(kind=BlockKind.PARAGRAPH, text=line)


def table(*rows: tuple[str, ...]) -> Block:
    return Block(kind=BlockKind.TABLE, table=0, rows=tuple(TableRow(r) for r in rows))


def cite(*blocks: Block, own_title: str | None = None) -> list[Row]:
    citations = extract_citations(Document(source_format="test", blocks=list(blocks)), own_title)
    return [(c.doc_number, c.title, c.short_name, c.issuer) for c in citations]


PAIRING_CASES: dict[str, tuple[str, list[Row]]] = {
    "number-after-title": (
        "根据《关于印发〈甲省脱钩实施方案〉的通知》（甲发改体改〔2019〕1号）要求，制定本方案。",
        [("甲发改体改〔2019〕1号", "关于印发〈甲省脱钩实施方案〉的通知", None, None)],
    ),
    "number-before-title": (
        "按照中办发〔2015〕39号《行业协会商会与行政机关脱钩总体方案》精神。",
        [("中办发〔2015〕39号", "行业协会商会与行政机关脱钩总体方案", None, "中共中央办公厅")],
    ),
    "number-before-title-with-wenjian": (
        "按照民发〔2016〕1号文件《关于做好社会组织登记的通知》执行。",
        [("民发〔2016〕1号", "关于做好社会组织登记的通知", None, "民政部")],
    ),
    "number-before-title-with-wen": (
        "按照民发〔2016〕1号文《关于做好社会组织登记的通知》执行。",
        [("民发〔2016〕1号", "关于做好社会组织登记的通知", None, "民政部")],
    ),
    "number-that-issued-the-title": (
        "己省以己办发〔2016〕21号文件印发的《己省脱钩实施方案》明确了时间表。",
        [("己办发〔2016〕21号", "己省脱钩实施方案", None, None)],
    ),
    "number-without-title": (
        "根据国办发〔2013〕96号文件精神，做好购买服务工作。",
        [("国办发〔2013〕96号", None, None, "国务院办公厅")],
    ),
    "title-without-number": (
        "严格按照《社会团体登记管理条例》进行规范清理。",
        [(None, "社会团体登记管理条例", None, None)],
    ),
    "two-citations-in-one-sentence": (
        "落实《甲办法（试行）》（发改经体〔2016〕2657号）和《乙意见》（财资〔2017〕86号）要求。",
        [("发改经体〔2016〕2657号", "甲办法（试行）", None, "国家发展和改革委员会"),
         ("财资〔2017〕86号", "乙意见", None, "财政部")],
    ),
    "city-prefix-stays-whole": (
        "按照《关于推进脱钩改革的通知》（汴发改〔2019〕12号）要求。",
        [("汴发改〔2019〕12号", "关于推进脱钩改革的通知", None, None)],
    ),
    "lead-words-cut-from-prefix": (
        "贯彻落实中办发〔2015〕39号和国办发〔2013〕96号精神。",
        [("中办发〔2015〕39号", None, None, "中共中央办公厅"), ("国办发〔2013〕96号", None, None, "国务院办公厅")],
    ),
    "number-closing-a-broken-title-stands-alone": (
        "指导意见》(国办发〔2013〕96号)要求。",
        [("国办发〔2013〕96号", None, None, "国务院办公厅")],
    ),
}


@pytest.mark.parametrize(("line", "expected"), PAIRING_CASES.values(), ids=PAIRING_CASES.keys())
def test_numbers_pair_with_titles(line: str, expected: list[Row]) -> None:
    assert cite(text(line)) == expected


BRACKET_CASES = {
    "tortoise-shell": "《甲通知》（民发〔2016〕7号）",
    "square": "《甲通知》（民发[2016]7号）",
    "full-width-square": "《甲通知》（民发［2016］7号）",
    "full-width-round": "《甲通知》（民发（2016）7号）",
    "ascii-round": "《甲通知》(民发(2016)7号)",
    "lenticular": "《甲通知》（民发【2016】7号）",
    "spaced": "《甲通知》（民发 〔 2016 〕 7 号）",
    "full-width-digits": "《甲通知》（民发〔２０１６〕７号）",
    "small-tortoise-shell": "《甲通知》（民发﹝2016﹞7号）",
    "white-lenticular": "《甲通知》（民发〖2016〗7号）",
    "angle": "《甲通知》（民发〈2016〉7号）",
    "mixed-tortoise-and-square": "《甲通知》（民发〔2016]7号）",
    "mixed-square-and-tortoise": "《甲通知》（民发[2016〕7号）",
    "mixed-lenticular-and-round": "《甲通知》（民发【2016）7号）",
    "closing-bracket-forgotten": "《甲通知》（民发〔20167号）",
    "closing-bracket-forgotten-spaced": "《甲通知》（民发〔2016 7号）",
    "opening-bracket-forgotten": "《甲通知》（民发2016〕7号）",
    "year-word-for-brackets": "《甲通知》（民发2016年7号）",
    "brackets-lost-to-a-space": "《甲通知》（民发2016 7号）",
    "serial-with-di": "《甲通知》（民发〔2016〕第7号）",
    "pdf-line-break-inside-year": "《甲通知》（民发〔20\n16〕7号）",
    "pdf-line-break-inside-serial": "《甲通知》（民发〔2016〕\n7号）",
    "pdf-line-break-before-bracket": "《甲通知》（民发\n〔2016〕7号）",
    "pdf-line-break-before-hao": "《甲通知》（民发〔2016〕7\n号）",
    "comma-before-number": "《甲通知》，民发〔2016〕7号",
    "ascii-comma-before-number": "《甲通知》,民发〔2016〕7号",
    "square-brackets-around-number": "《甲通知》[民发[2016]7号]",
    "lenticular-brackets-around-number": "《甲通知》【民发〔2016〕7号】",
    "stray-enumeration-comma-before-bracket": "《甲通知》、（民发〔2016〕7号）",
    "stray-doubled-marks-before-bracket": "《甲通知》，、（民发【2016】7号）",
    "stray-colon-and-comma-before-bracket": "《甲通知》：，(民发[2016]7号)",
}


@pytest.mark.parametrize("line", BRACKET_CASES.values(), ids=BRACKET_CASES.keys())
def test_every_bracket_style_gives_one_number(line: str) -> None:
    assert cite(text(f"根据{line}要求。")) == [("民发〔2016〕7号", "甲通知", None, "民政部")]


TITLE_MARK_CASES = {
    "ascii-double-angles": "根据<<甲省脱钩实施办法>>（甲发〔2019〕3号）要求。",
    "full-width-double-angles": "根据＜＜甲省脱钩实施办法＞＞（甲发〔2019〕3号）要求。",
    "guillemets": "根据«甲省脱钩实施办法»（甲发〔2019〕3号）要求。",
    "single-angles-outside-any-title": "根据〈甲省脱钩实施办法〉（甲发〔2019〕3号）要求。",
}


@pytest.mark.parametrize("line", TITLE_MARK_CASES.values(), ids=TITLE_MARK_CASES.keys())
def test_look_alike_title_marks(line: str) -> None:
    assert cite(text(line)) == [("甲发〔2019〕3号", "甲省脱钩实施办法", None, None)]


def test_inner_title_of_a_title_printed_without_marks_stays_inner() -> None:
    rows = cite(text("根据甲省人民政府关于印发〈甲省脱钩实施办法〉的通知（甲政发〔2019〕3号）要求。"))
    assert rows == [("甲政发〔2019〕3号", None, None, None)]


def test_number_broken_between_lines_of_a_text_file() -> None:
    """A text file or web page gives each printed line as a block of its own."""
    rows = cite(text("一、按照《甲省脱钩实施办法》（甲发改〔20"), text("19〕3号）要求，开展工作。"))
    assert rows == [("甲发改〔2019〕3号", "甲省脱钩实施办法", None, None)]


def test_title_and_its_number_on_two_lines_of_a_text_file() -> None:
    rows = cite(text("一、按照《甲省脱钩实施办法》"), text("（甲发改〔2019〕3号）要求，开展工作。"))
    assert rows == [("甲发改〔2019〕3号", "甲省脱钩实施办法", None, None)]


def test_title_broken_between_lines_of_a_text_file() -> None:
    rows = cite(text("严格执行《甲市行业协会商会"), text("综合监管办法》的规定。"))
    assert rows == [(None, "甲市行业协会商会综合监管办法", None, None)]


def test_number_broken_over_three_lines_of_a_pdf() -> None:
    """A PDF reader may give each printed line as a block: the prefix, the year, and the serial apart."""
    rows = cite(text("二、依据《乙自治区社会组织登记实施细则》（桂民字"), text("〔2018〕2"), text("7号）规定，开展年检。"))
    assert rows == [("桂民字〔2018〕27号", "乙自治区社会组织登记实施细则", None, None)]


def test_number_broken_inside_the_year_over_three_lines() -> None:
    rows = cite(text("按照《丙市行业协会商会收费管理办法》（丙府办函〔20"), text("17〕"), text("9号）执行。"))
    assert rows == [("丙府办函〔2017〕9号", "丙市行业协会商会收费管理办法", None, None)]


def test_title_broken_over_three_lines_of_a_pdf() -> None:
    rows = cite(text("三、根据《丁自治区人民政府办公厅关于深化"), text("社会组织管理制度改革促进协会商会"), text("健康发展的实施意见》（丁政办发〔2018〕40号）要求。"))
    assert rows == [("丁政办发〔2018〕40号", "丁自治区人民政府办公厅关于深化社会组织管理制度改革促进协会商会健康发展的实施意见",
                     None, None)]


def test_unclosed_title_mark_stops_at_the_sentence_end() -> None:
    """An opening 《 never closed runs on no further than its sentence: the next paragraph's title is read."""
    rows = cite(text("各地要参照《戊市做法，抓好落实。"), text("依照《戊市行业协会商会管理办法》执行。"))
    assert rows == [(None, "戊市行业协会商会管理办法", None, None)]


def test_prefix_broken_inside_the_parenthesis_of_its_number() -> None:
    """The parenthesis bounds the prefix, so no word of the line before can run into it."""
    rows = cite(text("按照《戊省脱钩改革验收办法》（戊民"), text("函〔2019〕44号）开展验收。"))
    assert rows == [("戊民函〔2019〕44号", "戊省脱钩改革验收办法", None, None)]


def test_list_number_on_a_line_of_its_own_stays_apart() -> None:
    """A line holding only `（1）` is no number left open; the next paragraph is read on its own."""
    assert cite(text("工作要求"), text("（1）"), text("甲县政府文件")) == []


def test_number_line_under_a_masthead_line_stays_apart() -> None:
    """A prefix is not read across a line break, so the masthead does not run into the number under it,
    which, opening its line, is the document's own."""
    assert cite(text("甲县人民政府办公室文件"), text("甲政办〔2019〕4号")) == []


NOT_A_NUMBER_CASES = {
    "bracketless-unknown-prefix": "按照甲发2016年7号执行。",
    "bracketless-without-separator": "按照国办发20167号执行。",
    "announcement-numbered-by-year": "按照甲局公告2018年第5号执行。",
    "order-number": "按照甲部令第8号执行。",
    "street-number": "地址：甲市中山路2018号。",
    "year-out-of-range": "按照甲发〔1234〕5号执行。",
}


@pytest.mark.parametrize("line", NOT_A_NUMBER_CASES.values(), ids=NOT_A_NUMBER_CASES.keys())
def test_not_a_document_number(line: str) -> None:
    assert cite(text(line)) == []


def test_order_number_leaves_the_title_cited() -> None:
    """`国务院令第250号` numbers an order, not a 发文字号 with a year: the title is cited without a number."""
    assert cite(text("按照《甲团体登记管理条例》（国务院令第250号）规定。")) == [(None, "甲团体登记管理条例", None, None)]


def test_several_numbers_in_one_parenthesis() -> None:
    rows = cite(text("落实《甲意见》（国发〔2015〕1号、国发〔2016〕2号）要求。"))
    assert rows == [("国发〔2015〕1号", "甲意见", None, "国务院"), ("国发〔2016〕2号", None, None, "国务院")]


def test_number_after_the_short_name() -> None:
    rows = cite(text("根据《甲省脱钩总体方案》（以下简称《总体方案》，甲办发〔2016〕5号）。"), text("按照《总体方案》要求。"))
    assert rows == [("甲办发〔2016〕5号", "甲省脱钩总体方案", "总体方案", None)]


def test_number_printed_as_a_title() -> None:
    assert cite(text("根据《国办发〔2015〕39号》文件精神。")) == [("国办发〔2015〕39号", None, None, "国务院办公厅")]


def test_number_in_parentheses_without_title() -> None:
    assert cite(text("（中办发〔2015〕39号）")) == [("中办发〔2015〕39号", None, None, "中共中央办公厅")]


PREFIX_CASES = {
    "verb-inside-the-run": ("认真学习中办发〔2015〕39号精神。", "中办发〔2015〕39号", "中共中央办公厅"),
    "forwarding-sentence": ("现将国办发〔2015〕39号转发给你们。", "国办发〔2015〕39号", "国务院办公厅"),
    "issuer-running-into-its-number": ("根据国务院办公厅国办发〔2015〕39号精神。", "国办发〔2015〕39号", "国务院办公厅"),
    "date-running-into-a-number": ("2016年民发〔2016〕7号规定。", "民发〔2016〕7号", "民政部"),
    "series-of-a-ministry": ("按照财行〔2016〕9号执行。", "财行〔2016〕9号", "财政部"),
    "general-office-letter": ("按照民办函〔2016〕9号执行。", "民办函〔2016〕9号", "民政部办公厅"),
    "provincial-government": ("湖南省贯彻湘政〔2016〕9号精神。", "湘政〔2016〕9号", "湖南省人民政府"),
    "provincial-prefix-needs-its-province": ("贯彻湘政〔2016〕9号精神。", "湘政〔2016〕9号", None),
    "county-prefix-stays-whole": ("贯彻甲县委发〔2016〕9号精神。", "甲县委发〔2016〕9号", None),
    "central-offices-zi-series": ("据厅字〔2017〕21号精神。", "厅字〔2017〕21号", "中共中央办公厅"),
    "central-offices-zi-series-without-brackets": ("据厅字2017年21号精神。", "厅字〔2017〕21号", "中共中央办公厅"),
    "open-telegram-series": ("按照国办发明电〔2020〕4号执行。", "国办发明电〔2020〕4号", "国务院办公厅"),
    "ministry-telegram-series": ("按照民电〔2020〕14号执行。", "民电〔2020〕14号", "民政部"),
    "ministry-letter-series": ("按照中组函〔2014〕11号执行。", "中组函〔2014〕11号", "中共中央组织部"),
    "provincial-zi-series-with-province": ("四川省按照川委字〔2018〕6号执行。", "川委字〔2018〕6号", "中共四川省委"),
    "provincial-government-zi-series": ("北京市落实京政字〔2018〕6号。", "京政字〔2018〕6号", "北京市人民政府"),
    "city-office-zi-series": ("按市府办字〔2018〕6号执行。", "市府办字〔2018〕6号", None),
    "county-government-series": ("执行甲政办发〔2018〕6号。", "甲政办发〔2018〕6号", None),
    "particle-before-prefix": ("已印发了滇办字〔2019〕8号。", "滇办字〔2019〕8号", None),
}


@pytest.mark.parametrize(("line", "number", "issuer"), PREFIX_CASES.values(), ids=PREFIX_CASES.keys())
def test_prefix_and_issuer(line: str, number: str, issuer: str | None) -> None:
    assert cite(text(line)) == [(number, None, None, issuer)]


SHORT_NAME_CASES = {
    "title-brackets-after-number": ("《甲省脱钩总体方案》（中办发〔2015〕39号，以下简称《总体方案》）", "总体方案"),
    "title-brackets-without-number": ("《甲省脱钩总体方案》（以下简称《总体方案》）", "总体方案"),
    "straight-quotes": ('《关于脱钩改革的实施意见》（发改体改〔2019〕1063号，以下简称"实施意见"）', "实施意见"),
    "curly-quotes": ("《关于脱钩改革的实施意见》（发改体改〔2019〕1063号，以下简称“实施意见”）", "实施意见"),
    "bare-word": ("《甲省脱钩实施方案》（以下简称省方案）", "省方案"),
    "called-as": ("《乙市脱钩实施方案》（乙政办〔2019〕6号，以下简称为《市方案》）", "市方案"),
    "below-in-the-text": ("《丙县脱钩实施方案》（丙政发〔2019〕2号，下文简称《县方案》）", "县方案"),
    "below-called": ("《丁区脱钩工作方案》（下文称“区方案”）", "区方案"),
}


@pytest.mark.parametrize(("line", "short_name"), SHORT_NAME_CASES.values(), ids=SHORT_NAME_CASES.keys())
def test_short_name_is_kept_and_its_later_use_is_no_new_citation(line: str, short_name: str) -> None:
    rows = cite(text(f"根据{line}要求。"), text(f"按照《{short_name}》要求，认真落实。"))
    assert len(rows) == 1 and rows[0][2] == short_name


ISSUER_CASES: dict[str, tuple[str, str | None]] = {
    "national-prefix": ("根据《关于做好脱钩工作的通知》（中办发〔2015〕39号）要求。", "中共中央办公厅"),
    "prefix-opening-with-department": ("根据《关于规范收费的意见》（发改经体〔2017〕1999号）。", "国家发展和改革委员会"),
    "named-before-title-with-others": ("国家发展改革委等十部门《关于推开脱钩改革的实施意见》。", "国家发展和改革委员会"),
    "named-before-title-with-co-issuer": ("根据中共中央办公厅、国务院办公厅《脱钩总体方案》精神。", "中共中央办公厅"),
    "unknown-place-before-title": ("按照甲县民政局《关于社会组织年检的通知》要求。", None),
    "place-led-body-named-before-title": ("按照河南省民政厅《关于社会组织年检的通知》要求。", "河南省民政厅"),
    "relative-body-before-title": ("按照省脱钩工作领导小组《关于开展试点的通知》要求。", None),
    "opening-the-title": ("按照《财政部关于加强国有资产管理的意见（试行）》规定。", "财政部"),
    "opening-the-title-as-place-led-body": ("按照《洛阳市人民政府办公室关于购买服务的意见》。", "洛阳市人民政府办公室"),
    "provincial-prefix-with-province-in-title": ("贯彻《关于印发〈山东省脱钩方案〉的通知》（鲁办发〔2016〕55号）。", "中共山东省委办公厅"),
    "provincial-prefix-without-province": ("贯彻《关于推进政务公开的通知》（宁政办发〔2019〕5号）。", None),
    "provincial-government-office": ("贯彻《河南省人民政府办公厅关于购买服务的意见》（豫政办〔2014〕168号）。",
                                     "河南省人民政府办公厅"),
    "text-and-prefix-disagree": ("贯彻《河南省人民政府关于购买服务的意见》（豫政办〔2014〕168号）。", None),
    "unknown-prefix": ("按照《关于深化改革的通知》（甲政办〔2015〕58号）要求。", None),
}


@pytest.mark.parametrize(("line", "issuer"), ISSUER_CASES.values(), ids=ISSUER_CASES.keys())
def test_issuer_only_when_certain(line: str, issuer: str | None) -> None:
    rows = cite(text(line))
    assert len(rows) == 1 and rows[0][3] == issuer


NOT_A_CITATION_CASES = {
    "form": "填写《脱钩行业协会商会基本情况一览表》并报送。",
    "form-with-qualifier": "填写《脱钩人事、党建管理分离情况统计表（续）》。",
    "report-form": "填报《全区行业协会商会与行政机关脱钩情况验收统计报表》。",
    "check-list": "填写《脱钩事项清单》。",
    "not-a-document-kind": "刊登在《甲市日报》上。",
    "unclosed-bracket": "应严格按照《国家行业协会商会公用房的行改办公用房，待合",
    "masthead-number": "甲委〔2018〕84号",
    "no-year": "按照第3号令执行。",
    "determiner-ben": "按照本《方案》要求，抓好落实。",
    "determiner-shangshu": "上述《意见》印发后，各地认真贯彻。",
    "determiner-gai": "该《通知》明确了工作要求。",
    "determiner-qianshu": "按照前述《方案》，做好工作。",
    "kind-word-alone": "各单位要按照《意见》要求抓好落实。",
    "kind-word-with-qualifier": "参照《办法（试行）》执行。",
    "own-plan-without-brackets": "本方案自印发之日起施行，本意见由甲局负责解释。",
    "own-number-after-its-label": "索引号：000014349/2019-00012　发文字号：甲政办发〔2019〕12号",
}


@pytest.mark.parametrize("line", NOT_A_CITATION_CASES.values(), ids=NOT_A_CITATION_CASES.keys())
def test_not_a_citation(line: str) -> None:
    assert cite(text(line)) == []


OWN_TITLE = "关于印发《甲市全面推开脱钩改革实施方案》的通知"

OWN_TITLE_CASES = {
    "plan-issued-by-the-document": "《甲市全面推开脱钩改革实施方案》已经市政府同意，现印发给你们。",
    "whole-own-title": "现将《关于印发〈甲市全面推开脱钩改革实施方案〉的通知》转发给你们。",
    "own-title-spaced": "《甲市全面推开脱钩改革 实施方案》已经市政府同意。",
}


@pytest.mark.parametrize("line", OWN_TITLE_CASES.values(), ids=OWN_TITLE_CASES.keys())
def test_own_title_is_not_a_citation(line: str) -> None:
    assert cite(text(line), own_title=OWN_TITLE) == []


def test_plan_issued_with_a_qualifier_and_named_without_it_is_not_a_citation() -> None:
    own = "关于印发《癸市社会组织信用管理办法（试行）》的通知"
    assert cite(text("《癸市社会组织信用管理办法》自印发之日起施行。"), own_title=own) == []


def test_plan_issued_by_a_title_without_brackets_is_not_a_citation() -> None:
    own = "甲市民政局关于印发甲市脱钩工作方案的通知"
    assert cite(text("现将《甲市脱钩工作方案》印发给你们，请认真执行。"), own_title=own) == []


def test_plan_issued_by_a_title_quoting_another_is_not_a_citation() -> None:
    own = "关于印发甲市贯彻落实《乙省脱钩总体方案》实施方案的通知"
    rows = cite(text("现将《甲市贯彻落实〈乙省脱钩总体方案〉实施方案》印发给你们。"), own_title=own)
    assert rows == []


def test_title_of_the_plan_a_document_implements_is_a_citation() -> None:
    """A county's plan often repeats the title of the plan above it, which it cites."""
    own = "甲县关于全面推开脱钩改革的实施意见"
    rows = cite(text("根据《关于全面推开脱钩改革的实施意见》精神，制定本意见。"), own_title=own)
    assert rows == [(None, "关于全面推开脱钩改革的实施意见", None, None)]


def test_forwarded_document_is_a_citation() -> None:
    """A forwarding notice names in its title the document it forwards, which is not its own."""
    own = "甲省民政厅关于转发《乙部关于深化脱钩改革的通知》的通知"
    rows = cite(text("现将《乙部关于深化脱钩改革的通知》（乙发〔2019〕2号）转发给你们。"), own_title=own)
    assert rows == [("乙发〔2019〕2号", "乙部关于深化脱钩改革的通知", None, None)]


def test_implemented_document_is_a_citation() -> None:
    own = "关于贯彻落实《甲省脱钩总体方案》的实施意见"
    assert cite(text("为贯彻落实《甲省脱钩总体方案》，制定本意见。"), own_title=own) == [
        (None, "甲省脱钩总体方案", None, None)
    ]


OWN_NUMBER_CASES = {
    "under-the-masthead": [text("甲市人民政府文件"), text("甲政发〔2019〕1号")],
    "repeated-in-the-text": [text("现将《甲市脱钩实施方案》（甲政发〔2019〕1号）印发给你们。")],
    "other-brackets-in-a-portal-table": [table(("发文字号：", "甲政发[2019]1号"))],
    "after-a-label": [text("发文字号：甲政发（2019）1号")],
}


@pytest.mark.parametrize("blocks", OWN_NUMBER_CASES.values(), ids=OWN_NUMBER_CASES.keys())
def test_own_number_is_not_a_citation(blocks: list[Block]) -> None:
    rows = extract_citations(Document(source_format="test", blocks=blocks), None, "甲政发〔2019〕1号")
    assert rows == []


def test_without_own_title_the_issued_plan_reads_as_a_citation() -> None:
    rows = cite(text(OWN_TITLE_CASES["plan-issued-by-the-document"]))
    assert rows == [(None, "甲市全面推开脱钩改革实施方案", None, None)]


def test_generic_title_is_a_citation_without_number() -> None:
    rows = cite(text("各主管单位将《脱钩方案》报市民政局，并逐个制定《行业协会商会脱钩实施方案》。"))
    assert rows == [(None, "脱钩方案", None, None), (None, "行业协会商会脱钩实施方案", None, None)]


MERGE_CASES: dict[str, tuple[list[str], list[Row]]] = {
    "same-number-keeps-first-title-and-adds-short-name": (
        ["根据中共中央办公厅、国务院办公厅《脱钩总体方案》（中办发〔2015〕39号）。",
         "根据《关于印发<脱钩总体方案>的通知》（中办发〔2015〕39号，以下简称《总体方案》）。"],
        [("中办发〔2015〕39号", "脱钩总体方案", "总体方案", "中共中央办公厅")],
    ),
    "title-first-then-number": (
        ["按照《甲省脱钩工作方案》要求。", "落实《甲省脱钩工作方案》（甲发〔2019〕3号）。"],
        [("甲发〔2019〕3号", "甲省脱钩工作方案", None, None)],
    ),
    "same-title-twice": (
        ["□《民间非营利组织会计制度》", "脱钩前未执行《民间非营利组织会计制度》__个。"],
        [(None, "民间非营利组织会计制度", None, None)],
    ),
    "plan-issued-by-a-cited-notice-is-the-notice": (
        ["依据《庚省民政厅关于印发〈庚省社会组织评估办法〉的通知》（庚民发〔2017〕8号）。",
         "各协会按照《庚省社会组织评估办法》参加评估。"],
        [("庚民发〔2017〕8号", "庚省民政厅关于印发〈庚省社会组织评估办法〉的通知", None, None)],
    ),
    "document-implemented-by-a-cited-notice-is-another": (
        ["依据《关于实施〈辛省社会组织评估办法〉有关问题的通知》（辛民函〔2018〕3号）。",
         "各协会按照《辛省社会组织评估办法》参加评估。"],
        [("辛民函〔2018〕3号", "关于实施〈辛省社会组织评估办法〉有关问题的通知", None, None),
         (None, "辛省社会组织评估办法", None, None)],
    ),
    "title-again-without-its-qualifier": (
        ["依照《壬省行业协会商会收费管理办法（试行）》（壬发改价格〔2018〕6号）。", "严格执行《壬省行业协会商会收费管理办法》。"],
        [("壬发改价格〔2018〕6号", "壬省行业协会商会收费管理办法（试行）", None, None)],
    ),
    "title-again-shortened": (
        ["根据《子自治区行业协会商会与行政机关脱钩实施方案》（子办发〔2016〕30号）。", "按照《脱钩实施方案》要求。"],
        [("子办发〔2016〕30号", "子自治区行业协会商会与行政机关脱钩实施方案", None, None)],
    ),
    "shortened-title-before-the-full-one-stays-apart": (
        ["按照《实施方案》要求。", "根据《丑市行业协会商会脱钩实施方案》。"],
        [(None, "实施方案", None, None), (None, "丑市行业协会商会脱钩实施方案", None, None)],
    ),
    "misprinted-number-stays-apart": (
        ["《关于脱钩改革的实施意见》（发改体改〔2019〕1063号）",
         "《关于脱钩改革的实施意见》（发改经体〔2019〕1063号）"],
        [("发改体改〔2019〕1063号", "关于脱钩改革的实施意见", None, "国家发展和改革委员会"),
         ("发改经体〔2019〕1063号", "关于脱钩改革的实施意见", None, "国家发展和改革委员会")],
    ),
}


@pytest.mark.parametrize(("lines", "expected"), MERGE_CASES.values(), ids=MERGE_CASES.keys())
def test_same_document_cited_twice_is_one_row(lines: list[str], expected: list[Row]) -> None:
    assert cite(*(text(line) for line in lines)) == expected


def test_table_cells_are_read_like_text() -> None:
    form = table(
        ("执行会计制度情况", "□《民间非营利组织会计制度》  □其他会计制度", "□《民间非营利组织会计制度》"),
        ("依据", "《关于规范\n收费的意见》（发改经体〔2017〕1999号）", ""),
    )
    assert cite(form) == [
        (None, "民间非营利组织会计制度", None, None),
        ("发改经体〔2017〕1999号", "关于规范收费的意见", None, "国家发展和改革委员会"),
    ]


def test_layout_spaces_around_digits_leave_the_title() -> None:
    rows = cite(text("按照《2019 年脱钩工作要点的通知》要求。"))
    assert rows == [(None, "2019年脱钩工作要点的通知", None, None)]


def test_order_of_first_mention() -> None:
    rows = cite(text("按照《乙办法》要求。"), text("根据《甲条例》和《乙办法》规定。"))
    assert [r[1] for r in rows] == ["乙办法", "甲条例"]


def test_citation_is_frozen() -> None:
    citation = Citation("民发〔2016〕7号", "甲通知")
    with pytest.raises(AttributeError):
        citation.title = "乙通知"  # type: ignore[misc]
