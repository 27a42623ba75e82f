"""equal: the same quantity stated twice must be stated alike (LC108)."""

from __future__ import annotations

from laibin_check.kinds._expression import ComparisonKind


class Equal(ComparisonKind):
    """The same quantity stated twice in a report is stated alike, within rounding.

    "8個重點產業集群" in one paragraph and "7大產業集群" in the next: `clusters == clusters_again` fails.
    """

    name = "equal"
    code = "LC108"
    summary = "the same quantity stated twice"
    example = '''[[check]]
id = "clusters_stated_alike"
kind = "equal"
formula = "clusters == clusters_again"'''


KIND = Equal()
