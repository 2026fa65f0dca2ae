"""The JSON report: the `reconcile-report/1` contract."""
from __future__ import annotations

import json

from ..model import Report


def render(report: Report) -> str:
    """The report as JSON (schema reconcile-report/1)."""
    return json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n"
