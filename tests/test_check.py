"""`check`: contradictions found from a report's wording alone, with no facts written.

Every sentence here is written for these tests (never copied from a real article): each genre rule has a text
where the printed figures contradict each other and the same text with the figures made consistent, and the
test asserts what a user sees: the severity, the place, the arithmetic in the message.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from laibin_check import check_text

ROOT = Path(__file__).resolve().parent.parent


def errors(text: str) -> list[dict[str, object]]:
    return [dict(r) for r in check_text(text) if r["severity"] == "error"]


def problems(text: str) -> list[dict[str, object]]:
    return [dict(r) for r in check_text(text)]


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "120"}
    return subprocess.run([sys.executable, "-m", "laibin_check", *args], cwd=cwd, capture_output=True, text=True,
                          encoding="utf-8", env=env, check=False)


# -- the bundled report --------------------------------------------------------------------------------------

def test_laibin_report_flags_the_resolution_rate_and_nothing_else() -> None:
    text = (ROOT / "facts" / "laibin-2021q1" / "report.txt").read_text(encoding="utf-8")
    found = errors(text)
    assert len(found) == 1, found
    only = found[0]
    assert only["code"] == "LC101" and only["line"] == 10
    assert "83.4%" in str(only["message"]) and "380多" in str(only["message"])
    assert "needs" in str(only["message"])  # the smallest change that would make it consistent


# -- one rule at a time ----------------------------------------------------------------------------------------

SHARE = ("1-6月，某省外贸进出口值2000亿元，增长10%。同期，甲类企业进出口1200亿元，增长12%，占外贸总值的{a}%；"
         "乙类企业进出口500亿元，增长5%，占{b}%。")


def test_share_of_the_total_named_earlier_in_the_paragraph() -> None:
    assert errors(SHARE.format(a="60", b="25")) == []
    found = errors(SHARE.format(a="60", b="24.5"))  # 500 / 2000 = 25%: the bare 占 means the 外贸总值 named before
    assert len(found) == 1
    assert found[0]["code"] == "LC101" and "500亿元 / 2000亿元" in str(found[0]["message"])
    figures = {f["printed"] for f in found[0]["figures"]}  # type: ignore[attr-defined]
    assert figures == {"24.5%", "500亿元", "2000亿元"}


def test_share_whose_whole_is_only_a_guess_is_not_an_error() -> None:
    # No whole named anywhere in the paragraph: a bare 占 pins no denominator.
    text = "1-6月，甲类企业进出口1200亿元，占37%；乙类企业进出口500亿元，占11%。"
    assert errors(text) == []


def test_a_part_stated_as_a_share_is_never_the_whole_of_its_siblings() -> None:
    text = ("上半年，居民人均消费支出9000元。其中，人均食品消费支出3000元，占人均消费支出的比重为33.3%；"
            "人均居住消费支出2000元，占比22.2%。")
    assert errors(text) == []


UNIT_SLIP = ("1-3月全国商品房销售面积{a}平方米，同比增长50%。……统计局数据显示，1-3月，商品房销售面积"
             "36007万平方米，同比增长50%。")


def test_the_same_measure_and_period_printed_ten_thousand_times_apart() -> None:
    found = errors(UNIT_SLIP.format(a="3.6万"))
    assert len(found) == 1 and found[0]["code"] == "LC108"
    assert "10,000" in str(found[0]["message"]) and found[0]["line"] == 1
    assert errors(UNIT_SLIP.format(a="3.6亿")) == []


NEAR = "2015年，甲市、乙市常住人口分别为850.4万、{b}万，甲市比乙市少近100万人。"


def test_a_gap_written_with_near_is_below_the_figure() -> None:
    assert errors(NEAR.format(b="945.2")) == []  # 94.8万: just under 100万
    found = errors(NEAR.format(b="955.6"))  # 105.2万 is not 近100万 (a little under 100万)
    assert len(found) == 1 and found[0]["code"] == "LC102"
    assert "近" in json.dumps(found[0]["receipt"], ensure_ascii=False)


INCREASE = ("对比全市常住人口，甲市为1200万人，乙市为1100万人。"
            "今年，甲市发布数据：较上次普查时净增50.5万人，常住人口已达到{y}万。")


def test_a_level_and_its_net_increase_reach_the_new_level() -> None:
    assert errors(INCREASE.format(y="1250.5")) == []
    found = errors(INCREASE.format(y="1251.5"))
    assert len(found) == 1 and "1200万人 + 50.5万人" in str(found[0]["message"])


def test_a_listed_total() -> None:
    text = "全市新建学校{a}所，其中小学12所、中学8所、职校3所。一季度共签约项目10个、5个和6个，合计{b}个。"
    assert errors(text.format(a="23", b="21")) == []
    found = errors(text.format(a="23", b="22"))
    assert len(found) == 1 and found[0]["code"] == "LC103"
    bound = errors(text.format(a="20", b="21"))  # the parts after 其中 exceed the total
    assert len(bound) == 1 and bound[0]["code"] == "LC107"


def test_a_total_of_each_is_a_bound_on_each_not_a_sum() -> None:
    text = "上半年，两市地区生产总值都超过了1.3万亿元。其中，甲市以14324.47亿元位居第一。"
    assert errors(text) == []


def test_a_gap_in_points_needs_both_rates_printed() -> None:
    text = "上半年，全市工业增加值增长9.5%，比上年同期的7.2%加快{g}个百分点；两年平均增速较一季度提高0.6个百分点。"
    assert errors(text.format(g="2.3")) == []
    found = errors(text.format(g="2.5"))
    assert len(found) == 1 and found[0]["code"] == "LC102"


def test_a_rate_after_the_two_counts_it_divides() -> None:
    text = "收集企业问题120多个，已解决100个，问题办结率{r}%。"
    assert errors(text.format(r="80.0")) == []  # 100 of 125
    assert [f["code"] for f in errors(text.format(r="84.0"))] == ["LC101"]


def test_growth_of_gdp_between_two_nominal_levels_is_a_suggestion_only() -> None:
    text = "全市地区生产总值由100亿元增加到120亿元，增长{g}%。"
    assert errors(text.format(g="25")) == []
    found = problems(text.format(g="25"))
    assert [f["code"] for f in found] == ["LC120"] and found[0]["severity"] == "warning"
    assert "to confirm" in str(found[0]["message"])


def test_growth_of_revenue_between_two_levels_is_an_error() -> None:
    text = "全市财政收入由100亿元增加到120亿元，增长{g}%。"
    assert errors(text.format(g="20")) == []
    assert [f["code"] for f in errors(text.format(g="25"))] == ["LC101"]


def test_traditional_script_reads_the_same() -> None:
    text = "收集企業問題120多個，已解決100個，問題辦結率84.0%。"
    assert [f["code"] for f in errors(text)] == ["LC101"]


def test_passed_checks_are_listed_on_request() -> None:
    text = "收集企业问题120多个，已解决100个，问题办结率80.0%。"
    passed = check_text(text, include_passed=True)
    assert [(r["code"], r["severity"], r["verdict"]) for r in passed] == [("LC101", "none", "consistent")]


def test_fingerprints_survive_lines_moving() -> None:
    text = "收集企业问题120多个，已解决100个，问题办结率84.0%。"
    first = check_text(text)[0]["fingerprint"]
    moved = check_text("前言一段。\n\n" + text)[0]
    assert moved["line"] == 3 and moved["fingerprint"] == first


# -- the command -------------------------------------------------------------------------------------------------

def test_cli_check_exit_codes_and_json(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("收集企业问题120多个，已解决100个，问题办结率84.0%。\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("收集企业问题120多个，已解决100个，问题办结率80.0%。\n", encoding="gb18030")
    assert run_cli("check", str(good)).returncode == 0
    proc = run_cli("check", str(bad), str(good), "--format", "json")
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert data["summary"]["error"] == 1 and len(data["reports"]) == 2
    assert run_cli("check", str(bad), "--fail-on", "never").returncode == 0
    missing = run_cli("check", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "nope.txt" in missing.stderr and "Traceback" not in missing.stderr


def test_cli_check_waiver_by_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("收集企业问题120多个，已解决100个，问题办结率84.0%。\n", encoding="utf-8")
    data = json.loads(run_cli("check", str(bad), "--format", "json").stdout)
    finding = data["reports"][0]["findings"][0]
    waivers = tmp_path / "waivers.toml"
    waivers.write_text(f'[[waiver]]\ncode = "{finding["code"]}"\nkey = "{finding["key"]}"\n'
                       'reason = "checked with the desk"\naccepted_by = "editor"\nexpires = 2099-01-01\n',
                       encoding="utf-8")
    proc = run_cli("check", str(bad), "--waivers", str(waivers))
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_cli_write_facts_gives_a_folder_verify_reads(tmp_path: Path) -> None:
    report = tmp_path / "draft.txt"
    report.write_text("收集企业问题120多个，已解决100个，问题办结率84.0%。\n", encoding="utf-8")
    out = tmp_path / "facts"
    proc = run_cli("check", str(report), "--write-facts", str(out))
    assert proc.returncode == 1
    folder = out / "draft"
    assert (folder / "report.txt").read_bytes() == report.read_bytes()
    verify = run_cli("verify", "--facts", str(out), "--format", "json")
    assert verify.returncode in (0, 1), verify.stderr
    data = json.loads(verify.stdout)
    assert data["reports"][0]["id"] == "draft"
    again = run_cli("check", str(report), "--write-facts", str(out))
    assert again.returncode == 2 and "already exists" in again.stderr


@pytest.mark.parametrize("name", ["check"])
def test_check_modules_load_only_for_the_check_command(name: str) -> None:
    code = ("import sys; from laibin_check import cli\n"
            "try:\n    sys.argv = ['laibin-check', 'rule', 'LC101']; cli.main()\nexcept SystemExit: pass\n"
            f"print(sorted(m for m in sys.modules if m.startswith('laibin_check.{name}')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.stdout.strip().splitlines()[-1] == "[]"


def test_a_two_year_average_compounds_to_the_growth_against_the_base_year() -> None:
    text = "2021年上半年，全市规模以上工业增加值比2019年同期增长{x}%，两年平均增长5.4%。"
    assert errors(text.format(x="11.1")) == []  # 1.054^2 = 1.1109
    found = errors(text.format(x="12.1"))
    assert len(found) == 1 and "两年平均" in str(found[0]["message"])


def test_a_two_year_average_of_a_fall_compounds_to_the_fall() -> None:
    text = "一季度，全市规模以上工业增加值比2019年同期下降{x}%，两年平均下降4.6%。"
    assert errors(text.format(x="9.0")) == []  # 0.954^2 = 0.9101: a fall is negated once, not twice
    found = errors(text.format(x="12.0"))
    assert len(found) == 1 and "两年平均" in str(found[0]["message"])


def test_a_two_year_average_without_a_base_year_is_left_alone() -> None:
    assert errors("上半年，全市规模以上工业增加值同比增长12.1%，两年平均增长5.4%。") == []


def test_a_count_and_the_items_it_names() -> None:
    text = "全省共有甲市、乙市、丙市这{n}个中心城市，以及丁市、戊市等{m}个节点城市。"
    assert errors(text.format(n="3", m="5")) == []  # 等: two named of five
    found = errors(text.format(n="4", m="5"))
    assert [f["code"] for f in found] == ["LC104"]
    assert [f["code"] for f in errors(text.format(n="3", m="1"))] == ["LC104"]  # more named than counted


def test_a_count_followed_by_its_list() -> None:
    text = "今年共有{n}个城市入围，分别是：甲市、乙市、丙市、丁市。"
    assert errors(text.format(n="4")) == []
    assert [f["code"] for f in errors(text.format(n="5"))] == ["LC104"]
    # a change in a count is not the count its list names
    assert errors("有5个省份超过万亿，比去年多2个，包括甲省、乙省、丙省、丁省、戊省。") == []


def test_a_list_after_including_names_examples_not_the_whole() -> None:
    # 包括 introduces some of the items as often as all of them: the count is at least the names given
    assert errors("全省有31个地市，包括甲市、乙市。") == []
    assert [f["code"] for f in errors("全省有1个地市，包括甲市、乙市。")] == ["LC104"]


BREAKDOWN = ("1-6月，全国商品房销售面积{t}万平方米。分区域看，东部地区商品房销售面积500万平方米；中部地区商品房销售面积"
             "300万平方米；西部地区商品房销售面积150万平方米；东北地区商品房销售面积50万平方米。")


def test_the_regions_of_a_breakdown_add_up_to_the_whole() -> None:
    assert errors(BREAKDOWN.format(t="1000")) == []
    found = errors(BREAKDOWN.format(t="1100"))
    assert [f["code"] for f in found] == ["LC103"]


def test_averages_of_a_breakdown_do_not_add_up() -> None:
    text = "上半年，全国居民人均可支配收入18000元。其中，城镇居民人均可支配收入25000元，农村居民人均可支配收入9000元。"
    assert errors(text) == []


def test_an_average_price_is_the_amount_over_the_area() -> None:
    text = "1-3月，全市商品房销售额80.9亿元，销售面积230.1万平方米，平均价格{p}元。"
    assert errors(text.format(p="3516")) == []
    assert [f["code"] for f in errors(text.format(p="3916"))] == ["LC101"]


def test_a_fall_of_more_than_the_whole_level() -> None:
    text = "一季度，全市原煤产量下降{x}%，发电量下降5.2%。"
    assert errors(text.format(x="99.9")) == []
    found = errors(text.format(x="120.5"))
    assert [f["code"] for f in found] == ["LC107"] and "120.5%" in str(found[0]["message"])
    # a profit can turn into a loss: only a review suggestion
    assert errors("全市规模以上工业企业利润下降130%。") == []
    assert [f["code"] for f in problems("全市规模以上工业企业利润下降130%。")] == ["LC120"]


@pytest.mark.parametrize(("text", "periods"), [
    # 前N个月 is 1-N月, with or without its year; 提前 (early) and 前一个月 (the month before) date nothing
    ("前10个月，全省进出口8456.3亿元。", ["M1-10"]),
    ("2023年前十一个月，全省进出口7920.2亿元。", ["2023M1-11"]),
    ("全省提前10个月完成进出口8456.3亿元。", [""]),
    # 上年 dates its own sentence only; after 由…到 the figure is the report's own period again
    ("2024年全省生产总值32468.6亿元。上年全省生产总值30912.4亿元。第一产业增加值2856.3亿元。",
     ["2024", "prior", "2024"]),
    ("全年全县地区生产总值由上年的172.36亿元增加到185.60亿元。", ["prior", ""]),
    # 比去年同期 is a base of comparison as a whole: no 同期 carried over from 2019 in the paragraph before
    ("2019年，全市接待游客1084.7万人次。\n比去年同期提高2.1个百分点。全市接待游客241.5万人次。", ["2019", "", ""]),
])
def test_the_period_each_figure_is_read_in(text: str, periods: list[str]) -> None:
    from laibin_check.check.model import Model
    from laibin_check.report import ReportText

    model = Model(ReportText.from_string(text, "report.txt"))
    assert [f.period for f in model.figs] == periods
