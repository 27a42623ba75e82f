"""The catalogue of finding codes: each rule's stable code, readable name, default severity and documentation.

Rules are data, kept apart from the code that applies them (as Statistics Netherlands' `validate` does), so that
`laibin-check rule CODE`, the SARIF `rules` array and the README all read the same text.
"""

from __future__ import annotations

from typing import NamedTuple

from laibin_check.findings import Severity


class Rule(NamedTuple):
    code: str
    name: str
    severity: Severity
    """Severity of a failing finding; passing checks are always `none`."""
    summary: str
    doc: str
    """Markdown: what the rule checks, a failing example, a passing one, and how to fix it."""


_RULES: tuple[Rule, ...] = (
    # -- arithmetic between figures (LC1xx) -------------------------------------------------------------
    Rule(
        "LC101", "ratio", "error",
        "A rate or share printed in the report must equal the ratio of the figures it is computed from.",
        """A rate such as 問題辦結率 is solved / collected. Every printed figure stands for the interval of values
that round to it (四捨五入), widened by its qualifier (多, 近, 約 ...); the check passes when the recomputed
interval meets the printed one, and, where a count takes part, when some whole number makes it round right.

**Fails:** 收集問題380多個, 已解決316個, 問題辦結率83.4%. 380多 is 381 to 389, so 316/380多 is at most 82.9%
(83.2% even at exactly 380); 83.4% needs 379 problems.

**Passes:** 收集問題379個, 已解決316個, 問題辦結率83.4% (316/379 = 83.38%).

**Fix:** correct whichever figure is wrong; the receipt lists the smallest change to each.""",
    ),
    Rule(
        "LC102", "difference", "error",
        "A gap between two figures must equal their difference; a gap between two rates is in percentage points.",
        """**Fails:** 增長95.3%, 超過增長28%目標任務68.3個百分點 (95.3 - 28 = 67.3).

**Passes:** 增長95.3%, 超過增長28%目標任務67.3個百分點.

**Fix:** correct the gap or one of the rates.""",
    ),
    Rule(
        "LC103", "sum", "error",
        "A total must equal the sum of its printed parts.",
        """**Fails:** 合計10個, 其中甲4個、乙5個.

**Passes:** 合計10個, 其中甲4個、乙6個.""",
    ),
    Rule(
        "LC104", "count", "error",
        "A stated count must match the items the report lists; a list ending in 等 may be partial, "
        "but may not hold more items than the count.",
        """**Fails:** 企業清單、問題清單「兩張清單」 with three lists named, or 甲、乙、丙等2個.

**Passes:** 企業(項目)清單、問題清單、任務清單「三張清單」; 電子信息、數字經濟、新型生態鋁等8個重點產業集群
(a partial list of 3 of 8).""",
    ),
    Rule(
        "LC105", "target", "error",
        "Progress against a target (完成年度目標任務的N%) must allow a whole-number target, which is then implied.",
        """新開工項目55個, 完成年度目標任務的50% implies an annual target of 110 projects. A count target must be a
whole number (the GRIM test): 竣工項目19個 at 31.7% needs a target between 59.84 and 60.03, and 60 fits; at
31.9% it would need 59.47 to 59.65, which holds no whole number, and the figures contradict each other.""",
    ),
    Rule(
        "LC106", "growth", "error",
        "A growth rate links two levels: this = last × (1 + g). Levels the report does not print are implied.",
        """財政收入22.04億元, 增長20.6% implies last year's revenue of about 18.28億元 (18.26 to 18.29).
GDP growth is in real terms, so a prior GDP level implied from it is only approximate, and is labelled so.""",
    ),
    Rule(
        "LC107", "bound", "error",
        "A part never exceeds its whole: solved ≤ collected, promoted ≤ considered, a completion share ≤ 100%.",
        """**Fails:** 收集問題300個, 已解決316個.

**Passes:** 收集問題380多個, 已解決316個.""",
    ),
    Rule(
        "LC108", "equal", "error",
        "The same quantity stated twice in a report must be stated alike.",
        """**Fails:** 8個重點產業集群 in one paragraph and 7大產業集群 in the next.""",
    ),
    Rule(
        "LC109", "respectively", "error",
        "A 分別 sentence must give as many figures as it names items.",
        """**Fails:** 甲、乙、丙分別增長5%、6%.

**Passes:** 碳酸鈣產業、木材加工業、制糖業、金屬制品業分別增長81.4%、101%、18.2%、725%.""",
    ),
    Rule(
        "LC110", "rate-unit", "error",
        "Percent and percentage points are different claims: a gap between two rates is in 個百分點, "
        "a rate is in %.",
        """**Fails:** 增速由5%提高到8%, 提高了3% (it rose by 3 percentage points, or by 60%).

**Passes:** 提高了3個百分點.""",
    ),
    Rule(
        "LC111", "unverifiable", "info",
        "A rank or a record cannot be recomputed from the report alone; it is listed so nobody mistakes it for "
        "checked.",
        """增速排全區第四位 and 創近11年來新高 need outside data (the other cities' growth, the last eleven years).
They are shown as unverifiable rather than silently passed.""",
    ),
    Rule(
        "LC112", "formula", "error",
        "A figure derived by a general formula must equal it within rounding.",
        """Used for derivations that are none of ratio, difference, sum, target or growth.""",
    ),
    Rule(
        "LC113", "rank", "error",
        "A rank must agree with the list the report prints in order, or with the figures it ranks.",
        """**Fails:** a top-ten list that puts 武漢 8th, then 中部地區僅武漢入圍，排名第10位.

**Passes:** the same list and 排名第8位. Ties within rounding allow every place they could take.
A rank with nothing in the report to check it against is LC111 (unverifiable).""",
    ),
    Rule(
        "LC114", "passing", "error",
        "A count of listed items passing a threshold must match the printed figures.",
        """**Fails:** 8個省份增速超過全國平均水平 when the printed rates put 7 above the national 8.1%.

**Passes:** the count the printed rates give, or a count within the places where rounding could go either
way.""",
    ),
    Rule(
        "LC115", "threshold", "error",
        "Every listed figure (or exactly the named ones) must pass the stated threshold.",
        """**Fails:** 都超過1萬億元 with one city at 9876億元; 唯一負增長 when a second listed rate is negative.

**Passes:** every listed figure above the threshold within its rounding.""",
    ),
    Rule(
        "LC116", "average-growth", "error",
        "An average growth rate over n years must compound to the total growth: (1 + a)^n = the total factor.",
        """兩年平均增長 is the geometric mean of two years' growth: (1 + a)² = (1 + g₁)(1 + g₂). 年均增長 over n years
is the compound rate from a base level.

**Fails:** 2020年增長2.3%, 2021年增長8.1%, 兩年平均增長5.6% (it is 5.2%).

**Passes:** 兩年平均增長5.2%.""",
    ),
    Rule(
        "LC117", "contribution", "error",
        "A contribution in percentage points (拉動) is a part's growth times its share of the whole.",
        """**Fails:** 工業增長10%, 佔GDP的40%, 拉動GDP增長5個百分點 (10% × 40% = 4 points).

**Passes:** 拉動GDP增長4個百分點. Shares of the base period are rarely printed: state `approximate` and a
`tolerance` when the share is this period's.""",
    ),
    Rule(
        "LC118", "share-change", "error",
        "A change of share (佔比提高N個百分點) is the difference of two shares, in percentage points.",
        """**Fails:** 佔比由25.1%提高到27.3%, 提高了2.5個百分點 (27.3 - 25.1 = 2.2).

**Passes:** 提高了2.2個百分點.""",
    ),
    Rule(
        "LC119", "structure", "error",
        "Shares that make up a whole (a three-sector structure) must add to 100% within rounding.",
        """**Fails:** 三次產業結構為9.6:37.8:53.6 (they add to 101.0).

**Passes:** 9.6:37.8:52.6 (100.0), or 33.3:33.3:33.3 (within rounding of 100).""",
    ),
    Rule(
        "LC121", "per-capita", "error",
        "A per-capita figure (人均) is a total over a population.",
        """**Fails:** 地區生產總值500億元, 常住人口200萬人, 人均生產總值2.8萬元 (it is 2.5萬元).

**Passes:** 人均2.5萬元. Averages use the mean population of the year, which reports rarely print: state
`approximate` and a `tolerance` when the year-end population stands in for it.""",
    ),
    # -- the facts against the report's text (LC2xx) ----------------------------------------------------
    Rule(
        "LC120", "check-suggestion", "warning",
        "`check` read a relation from the wording that does not hold, but the reading is not certain: review it.",
        """`laibin-check check` reads relations from a report's wording alone (占…的, 合计, 其中, 比…多, 分別,
淨增…達到). When the wording pins the relation and no other reasonable reading holds, a failing relation is an
error under the rule of its kind (LC101 ratio, LC102 difference, LC103 sum, LC107 bound, LC108 equal). When
another reading is possible (another denominator the sentence could mean, another period, real rather than
nominal growth, several earlier levels it could start from), it is this suggestion instead: shown, below the
failing level, with what it would take to confirm it.

**Example:** 地區生產總值由100億元增加到120億元, 增長25% (120/100 - 1 = 20%): GDP grows in real terms, so the
stated growth need not equal the change of the nominal levels.

**Fix:** confirm the reading and correct the figure, or write reviewed facts and run `verify`.""",
    ),
    Rule(
        "LC201", "quote-missing", "error",
        "A fact's quote no longer occurs in its report: the text was edited after the fact was written.",
        """The fact checks text the report no longer holds. Re-read the sentence, update the fact's quote and value
(or run `laibin-check extract` on the new text), and verify again.""",
    ),
    Rule(
        "LC202", "misquote", "error",
        "The number printed in a fact's quote is not the fact's value.",
        """**Fails:** quote = "已解決316個" with value = "315".""",
    ),
    Rule(
        "LC203", "quote-ambiguous", "warning",
        "A fact's quote occurs more than once in the report, so its place is ambiguous; lengthen the quote.",
        """**Fails:** quote = "排全區第一位" (the report says it twice).""",
    ),
    Rule(
        "LC204", "uncovered-figure", "error",
        "A figure in the report is claimed by no fact and declared no not-claim: nobody has checked it.",
        """An edit added a number without a fact. Add a fact for it (or a not-claim for a date, a name or a slogan)
and verify again.""",
    ),
    Rule(
        "LC205", "report-changed", "warning",
        "The report's text differs from the fingerprint (sha256) the facts were written against.",
        """The findings after this one say which facts still match the changed text, which quotes no longer
occur (LC201) and which figures are new (LC204). Once reviewed, update `sha256` in facts.toml.""",
    ),
    Rule(
        "LC206", "unused-not-claim", "warning",
        "A not-claim names text that no longer occurs in the report.",
        """Remove the not-claim, or correct its text.""",
    ),
    # -- text hygiene (LC3xx) ---------------------------------------------------------------------------
    Rule(
        "LC301", "pinyin-artifact", "warning",
        "A character is followed by its own pinyin in parentheses, left by a converter: 區(qū), 產(chǎn).",
        """Confirmed with pypinyin: the syllable in parentheses must be a reading of the character before it, so real
parentheticals such as (市、區), (項目) or (象州) are never reported. `laibin-check fix` removes them.""",
    ),
    Rule(
        "LC302", "garbled-text", "warning",
        "A run of text looks like bytes decoded in the wrong encoding or at the wrong offset.",
        """Where re-decoding the bytes recovers ordinary Chinese, the repair is proposed and `laibin-check fix`
applies it; otherwise the span is reported for an editor to retype.""",
    ),
    Rule(
        "LC303", "mixed-script", "warning",
        "A simplified character in a traditional text, or the reverse (a converter's one-to-many mistake).",
        """**Fails:** 干部 in a traditional text (幹部), 奮斗 (奮鬥). Reported with the suggested character, never
rewritten.""",
    ),
    # -- waivers (LC4xx) --------------------------------------------------------------------------------
    Rule(
        "LC401", "waiver-expired", "warning",
        "A waiver's expiry date has passed: the finding it accepted counts again.",
        """Renew the waiver with a new date and reason, or fix the figure.""",
    ),
    Rule(
        "LC402", "waiver-unused", "warning",
        "A waiver matches no finding: the figure was fixed or the fact renamed, so the waiver should go.",
        """Delete it from the waivers file.""",
    ),
)

RULES: dict[str, Rule] = {r.code: r for r in _RULES}
BY_NAME: dict[str, Rule] = {r.name: r for r in _RULES}


def rule(code_or_name: str) -> Rule:
    """Look a rule up by code (LC101) or name (ratio); KeyError lists what exists."""
    key = code_or_name.strip()
    found = RULES.get(key.upper()) or BY_NAME.get(key.lower())
    if found is None:
        raise KeyError(f"unknown rule {code_or_name!r}; known: {', '.join(RULES)}")
    return found


def catalogue_markdown() -> str:
    """The whole catalogue as one Markdown page (docs/rules.md; SARIF's helpUri points at its anchors)."""
    lines = ["# laibin-check rules", "",
             "Generated by `laibin-check rule --markdown > docs/rules.md`; do not edit by hand.", "",
             "| code | name | severity | summary |", "|---|---|---|---|"]
    lines += [f"| [{r.code}](#{r.code.lower()}) | {r.name} | {r.severity} | {r.summary} |" for r in _RULES]
    for r in _RULES:
        lines += ["", f"## {r.code}", "", f"**{r.name}** (default severity: {r.severity})", "", r.summary, "",
                  r.doc]
    return "\n".join(lines) + "\n"
