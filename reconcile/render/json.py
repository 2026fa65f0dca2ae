"""The JSON report: the `reconcile-report/1` contract."""
from __future__ import annotations


from ..model import Report
from ..fileio import dumps


def render(report: Report) -> str:
    """The report as JSON (schema reconcile-report/1)."""
    return dumps(report.to_dict(), indent=2) + "\n"
