"""check on whole bulletins written for these tests (tests/data/bulletins/): 统计公报 in simplified and in
traditional script, a half-year economic-operation release and a news article written from one; fictitious
places, every figure computed so that every relation the genre states holds. A clean bulletin raises no error;
each planted mutation (one printed figure changed beyond its rounding) must be caught by an error that names the
changed figure, its line and its new number, the way an editor sees it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from laibin_check import check_text

DATA = Path(__file__).parent / "data" / "bulletins"
BULLETINS = sorted(p.name for p in DATA.glob("*.txt"))

# (file, the printed context to change (unique in the file), the figure in it, its mutated value, the relation)
MUTATIONS = [
    ("yunzhou-2025-gongbao.txt", "结构为10.9:", "10.9", "12.9", "industrial structure: 355.00 / 3256.80"),
    ("yunzhou-2025-gongbao.txt", "第二产业增加值1374.40", "1374.40", "1474.40", "three sectors sum to GDP"),
    ("yunzhou-2025-gongbao.txt", "城镇化率为68.10%", "68.10", "65.10", "urbanisation: 226.43 / 332.50"),
    ("yunzhou-2025-gongbao.txt", "城镇常住人口226.43", "226.43", "216.43", "urbanisation: 226.43 / 332.50"),
    ("yunzhou-2025-gongbao.txt", "比总水平高1.4个", "1.4", "1.9", "gap to the overall CPI: 3.4 - 2.0"),
    ("yunzhou-2025-gongbao.txt", "城镇消费品零售额1236.75", "1236.75", "1136.75", "城镇 + 乡村 = 社零"),
    ("yunzhou-2025-gongbao.txt", "餐饮收入160.28", "160.28", "180.28", "商品零售 + 餐饮 = 社零"),
    ("yunzhou-2025-gongbao.txt", "比重为64.1%", "64.1", "61.4", "export share: 418.50 / 652.80"),
    ("yunzhou-2025-gongbao.txt", "顺差184.20", "184.20", "164.20", "trade balance: 418.50 - 234.30"),
    ("yunzhou-2025-gongbao.txt", "进口额234.30", "234.30", "254.30", "exports + imports = total"),
    ("yunzhou-2025-gongbao.txt", "比重为71.0%", "71.0", "75.0", "tax share: 152.93 / 215.40"),
    ("yunzhou-2025-gongbao.txt", "收入比为2.11", "2.11", "2.31", "urban-rural ratio: 52380 / 24825"),
    ("yunzhou-2025-gongbao.txt", "农村居民人均可支配收入24825", "24825", "22825", "urban-rural ratio"),
    ("yunzhou-2025-gongbao.txt", "4万人的113.0%", "113.0", "118.0", "target completed: 4.52 / 4"),
    ("yunzhou-2025-gongbao.txt", "自然增长率为1.59", "1.59", "1.95", "natural growth: 8.01 - 6.42"),
    ("yunzhou-2025-gongbao.txt", "比年初增加412.60", "412.60", "452.60", "deposits: level, increase, growth"),
    ("yunzhou-2025-gongbao.txt", "比上年末增长7.9%", "7.9", "9.7", "deposits: 5620.40 / (5620.40 - 412.60)"),
    ("chengjiang-2025-gongbao-hant.txt", "結構為8.5:39.4", "39.4", "36.4", "industrial structure"),
    ("chengjiang-2025-gongbao-hant.txt", "第三產業增加值1118.90", "1118.90", "1218.90", "three sectors sum"),
    ("chengjiang-2025-gongbao-hant.txt", "城鎮化率達到63.80%", "63.80", "66.80", "urbanisation: 139.47 / 218.60"),
    ("chengjiang-2025-gongbao-hant.txt", "比總水平低2.4個", "2.4", "1.4", "gap to the overall CPI: 1.6 - (-0.8)"),
    ("chengjiang-2025-gongbao-hant.txt", "鄉村消費品零售額143.69", "143.69", "153.69", "城鎮 + 鄉村 = 社零"),
    ("chengjiang-2025-gongbao-hant.txt", "商品零售額873.15", "873.15", "833.15", "商品零售 + 餐飲 = 社零"),
    ("chengjiang-2025-gongbao-hant.txt", "比重為43.5%", "43.5", "47.5", "export share: 245.60 / 564.50"),
    ("chengjiang-2025-gongbao-hant.txt", "逆差73.30", "73.30", "63.30", "trade balance: 318.90 - 245.60"),
    ("chengjiang-2025-gongbao-hant.txt", "比重為72.1%", "72.1", "77.1", "tax share: 121.27 / 168.20"),
    ("chengjiang-2025-gongbao-hant.txt", "收入比為2.24", "2.24", "2.04", "urban-rural ratio: 48960 / 21870"),
    ("chengjiang-2025-gongbao-hant.txt", "3萬人的106.0%", "106.0", "110.0", "target completed: 3.18 / 3"),
    ("chengjiang-2025-gongbao-hant.txt", "自然增長率為0.53", "0.53", "0.73", "natural growth: 7.45 - 6.92"),
    ("chengjiang-2025-gongbao-hant.txt", "比上年末增長7.6%", "7.6", "8.6", "deposits: 4380.50 / (4380.50 - 310.20)"),
    ("chengjiang-2025h1-yunxing-hant.txt", "結構為7.5:41.7", "41.7", "44.7", "industrial structure"),
    ("chengjiang-2025h1-yunxing-hant.txt", "第一產業增加值126.40", "126.40", "136.40", "three sectors sum to GDP"),
    ("chengjiang-2025h1-yunxing-hant.txt", "兩年平均增長5.4%", "5.4", "7.4", "two-year average: sqrt(1.111)"),
    ("chengjiang-2025h1-yunxing-hant.txt", "鄉村消費品零售額105.51", "105.51", "115.51", "城鎮 + 鄉村 = 社零"),
    ("chengjiang-2025h1-yunxing-hant.txt", "同比增長6.6%", "6.6", "8.6", "社零 growth from its halves' growths"),
    ("chengjiang-2025h1-yunxing-hant.txt", "比重為58.6%", "58.6", "52.6", "export share: 186.40 / 318.25"),
    ("chengjiang-2025h1-yunxing-hant.txt", "順差54.55", "54.55", "64.55", "trade balance: 186.40 - 131.85"),
    ("chengjiang-2025h1-yunxing-hant.txt", "比總水平低1.2個", "1.2", "0.7", "gap to the overall CPI: 1.6 - 0.4"),
    ("chengjiang-2025h1-yunxing-hant.txt", "183.00億元的52.6%", "52.6", "56.2", "budget completed: 96.30 / 183.00"),
    ("chengjiang-2025h1-yunxing-hant.txt", "收入比為2.12", "2.12", "2.42", "urban-rural ratio: 27350 / 12880"),
    ("chengjiang-2025h1-yunxing-hant.txt", "4萬人的58.0%", "58.0", "52.0", "target completed: 2.32 / 4"),
    ("chengjiang-2025h1-yunxing-hant.txt", "進口額131.85", "131.85", "121.85", "exports + imports = total"),
    ("yunzhou-2025-gongbao.txt", "比上年增长6.2%", "6.2", "7.2", "社零 growth from its halves' growths"),
    ("yunzhou-2025h1-news.txt", "全省的11.2%", "11.2", "12.2", "share of the province: 1580.20 / 14108.90"),
    ("yunzhou-2025h1-news.txt", "平均水平高0.6个", "0.6", "1.6", "gap to the province's growth: 5.8 - 5.2"),
    ("yunzhou-2025h1-news.txt", "乡村消费品零售额98.10", "98.10", "88.10", "城镇 + 乡村 = 社零"),
    ("yunzhou-2025h1-news.txt", "同比增长6.1%", "6.1", "7.1", "社零 growth from its halves' growths (其中)"),
    ("yunzhou-2025h1-news.txt", "同比增长5.2%。其中", "5.2", "6.2", "trade growth from exports' and imports'"),
    ("yunzhou-2025h1-news.txt", "顺差48.40", "48.40", "58.40", "trade balance: 172.60 - 124.20"),
    ("yunzhou-2025h1-news.txt", "比重为58.2%", "58.2", "52.8", "export share: 172.60 / 296.80"),
    ("yunzhou-2025h1-news.txt", "比总水平低1.5个", "1.5", "0.9", "gap to the overall CPI: 0.9 - (-0.6)"),
    ("yunzhou-2025h1-news.txt", "缩小至2.13", "2.13", "2.03", "urban-rural ratio: 26150 / 12260"),
    ("yunzhou-2025h1-news.txt", "4万人的46.5%", "46.5", "40.5", "target completed: 1.86 / 4"),
]

def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _mutate(name: str, context: str, figure: str, new: str) -> tuple[str, int]:
    text = _text(name)
    assert text.count(context) == 1, context
    at = text.index(context)
    line = text.count("\n", 0, at) + 1
    return text.replace(context, context.replace(figure, new, 1)), line


def _names(record: dict[str, object], line: int, new: str) -> bool:
    figures = record["figures"]
    assert isinstance(figures, list)
    return any(f["line"] == line and str(f["printed"]).startswith(new) for f in figures)


@pytest.mark.parametrize("name", BULLETINS)
def test_clean_bulletin_has_no_error(name: str) -> None:
    errors = [r for r in check_text(_text(name), name=name) if r["severity"] == "error"]
    assert errors == []


@pytest.mark.parametrize(("name", "context", "figure", "new", "relation"), MUTATIONS,
                         ids=[f"{m[0][:8]}-{m[2]}-to-{m[3]}" for m in MUTATIONS])
def test_planted_mutation_is_caught(name: str, context: str, figure: str, new: str, relation: str) -> None:
    text, line = _mutate(name, context, figure, new)
    found = [r for r in check_text(text, name=name) if r["severity"] == "error"]
    assert any(_names(dict(r), line, new) for r in found), (relation, [r["message"] for r in found])
