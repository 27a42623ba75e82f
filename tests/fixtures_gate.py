"""A hand-built RunResult for the gate's reporters, config and waivers tests: no engine involved."""

from __future__ import annotations

from typing import Any

from laibin_check.findings import Finding, Input, Receipt, ReportResult, RunResult, Waiver

REPORT = "facts/laibin-2021q1/report.txt"

LAIBIN_WAIVER = """\
[[waiver]]
code = "LC101"
fact = "problem_resolution_rate"
reason = "the bureau's release prints 83.4%; the desk asked it to confirm the count of problems"
accepted_by = "Li Hua"
expires = 2021-06-30
"""
"""A reviewed waiver of the bundled report's one contradiction, for end-to-end gate tests."""


def ratio_failure() -> Finding:
    """The first contradiction of the Laibin report: 316 / 380多 cannot print as 83.4%."""
    return Finding(
        code="LC101",
        rule="ratio",
        severity="error",
        message="問題辦結率 83.4% does not equal 316 / 380多 = (81.23%, 83.16%)",
        report="laibin-2021q1",
        path=REPORT,
        line=9,
        column=41,
        end_line=9,
        end_column=51,
        fact_ids=("solve_rate", "problems_solved", "problems_collected"),
        verdict="inconsistent",
        group="alliance",
        quote="問題辦結率83.4%",
        sentence="收集企業(項目)問題380多個，已解決316個，問題辦結率83.4%。",
        receipt=Receipt(
            formula="solve_rate = problems_solved / problems_collected",
            inputs=(
                Input("problems_solved", "316個", "[316, 316] 個", "exact count"),
                Input("problems_collected", "380多個", "(380, 390) 個", "多: more than 380, less than 390"),
            ),
            recomputed="(81.03%, 83.16%)",
            stated="[83.35%, 83.45%]",
            suggestions=("problems_collected: 379 (83.38%)", "solve_rate: 83.2% or less"),
            notes=("380多 read as more than 380",),
        ),
    )


def gap_passing() -> Finding:
    return Finding(
        code="LC102",
        rule="difference",
        severity="none",
        message="67.3 percentage points = 95.3% - 28%",
        report="laibin-2021q1",
        path=REPORT,
        line=5,
        column=12,
        end_line=5,
        end_column=40,
        fact_ids=("investment_gap", "investment_growth", "investment_target"),
        verdict="consistent",
        group="overview",
        quote="超過增長28%目標任務67.3個百分點",
        receipt=Receipt(
            formula="investment_gap = investment_growth - investment_target",
            inputs=(
                Input("investment_growth", "95.3%", "[95.25%, 95.35%]", "rounded to 0.1"),
                Input("investment_target", "28%", "[27.5%, 28.5%]", "rounded to 1"),
            ),
            recomputed="[66.75, 67.85] 個百分點",
            stated="[67.25, 67.35] 個百分點",
        ),
    )


def implied_target() -> Finding:
    return Finding(
        code="LC105",
        rule="target",
        severity="none",
        message="annual target of new projects implied: 110 (109.1 to 111.1)",
        report="laibin-2021q1",
        path=REPORT,
        line=7,
        column=3,
        end_line=7,
        end_column=20,
        fact_ids=("new_projects_target", "new_projects", "new_projects_share"),
        verdict="implied",
        group="projects",
        quote="新開工項目55個",
        receipt=Receipt(
            formula="new_projects_target = new_projects / new_projects_share",
            inputs=(Input("new_projects", "55個", "[55, 55] 個", "exact count"),),
            recomputed="[109.1, 111.1] 個",
            stated="",
        ),
    )


def rank_unverifiable() -> Finding:
    return Finding(
        code="LC111",
        rule="unverifiable",
        severity="info",
        message="rank 第四位 needs outside data: the other cities' growth",
        report="laibin-2021q1",
        path=REPORT,
        line=3,
        column=20,
        end_line=3,
        end_column=27,
        fact_ids=("gdp_rank",),
        verdict="unverifiable",
        group="overview",
        quote="增速排全區第四位",
    )


def pinyin_artifact() -> Finding:
    return Finding(
        code="LC301",
        rule="pinyin-artifact",
        severity="warning",
        message="pinyin artifact after 區: (qū), left by a converter",
        report="laibin-2021q1",
        path=REPORT,
        line=3,
        column=8,
        end_line=3,
        end_column=12,
        group="overview",
        quote="區(qū)",
        suggestion="區",
        key="區(qū)#1",
    )


def waived_ambiguous() -> Finding:
    return Finding(
        code="LC203",
        rule="quote-ambiguous",
        severity="warning",
        message='quote "排全區第一位" occurs 2 times, at 11:5 and 14:9',
        report="laibin-2021q1",
        path=REPORT,
        line=11,
        column=5,
        end_line=11,
        end_column=11,
        fact_ids=("sugar_rank",),
        group="industry",
        quote="排全區第一位",
        waiver=Waiver(
            reason="both sentences state the same rank, checked by the desk",
            accepted_by="Li Hua",
            expires="2099-12-31",
            source="facts/laibin-2021q1/waivers.toml:1",
        ),
    )


def sample_result() -> RunResult:
    """One report: a failure, passing checks, an unverifiable rank, a hygiene warning, a waived warning."""
    findings = (
        ratio_failure(),
        gap_passing(),
        implied_target(),
        rank_unverifiable(),
        pinyin_artifact(),
        waived_ambiguous(),
    )
    report = ReportResult(
        report_id="laibin-2021q1",
        title="來賓市2021年一季度經濟報道",
        path=REPORT,
        groups=(
            ("overview", "一季度主要經濟指標"),
            ("alliance", "政企聯盟"),
            ("projects", "項目建設"),
            ("industry", "工業"),
        ),
        # Deliberately not in place order: reporters sort.
        findings=tuple(reversed(findings)),
        facts_count=42,
        sha256="0" * 64,
    )
    return RunResult(reports=(report,), tool_version="0.1.0")


def clean_result() -> RunResult:
    """A report where every check passed."""
    report = ReportResult(
        report_id="clean",
        title="A clean report",
        path="facts/clean/report.txt",
        groups=(),
        findings=(gap_passing()._replace(report="clean", path="facts/clean/report.txt"),),
        facts_count=3,
        sha256="1" * 64,
    )
    return RunResult(reports=(report,), tool_version="0.1.0")


def many_result(errors: int, warnings: int, infos: int = 0) -> RunResult:
    """Many findings, for GitHub's per-step annotation limits."""
    base = ratio_failure()
    findings: list[Finding] = []
    for i in range(errors):
        findings.append(base._replace(line=100 + i, end_line=100 + i, fact_ids=(f"e{i:03d}",)))
    for i in range(warnings):
        findings.append(pinyin_artifact()._replace(line=200 + i, end_line=200 + i, key=f"區(qū)#{i + 1}"))
    for i in range(infos):
        findings.append(rank_unverifiable()._replace(line=300 + i, end_line=300 + i, fact_ids=(f"r{i:03d}",)))
    report = ReportResult(
        report_id="laibin-2021q1",
        title="來賓市2021年一季度經濟報道",
        path=REPORT,
        groups=(),
        findings=tuple(findings),
        facts_count=len(findings),
        sha256="0" * 64,
    )
    return RunResult(reports=(report,), tool_version="0.1.0")


class NoWaivers:
    """A run without waivers, for batch tests that build their own Gate."""

    def report(self, report: Any, first: bool) -> tuple[Any, set[int]]:
        return report, set()

    def note_used(self, used: set[int]) -> None:
        pass

    def finish(self, report: Any) -> Any:
        return report

