"""Claims as CSV (one row per claim), through pandas."""
from __future__ import annotations


from ..model import Report
from ..fileio import dumps
from .safe import spreadsheet

COLUMNS = ["id", "source", "line", "start", "end", "entity", "attribute", "value", "unit", "approx",
           "time", "modality", "status", "attributed_to", "confidence", "quote"]


def render(report: Report) -> str:
    """One CSV row per claim; structured values as JSON."""
    df = report.claims_df
    if df.empty:
        return ",".join(COLUMNS) + "\n"
    df = df[COLUMNS].copy()
    for col in ("value", "time"):
        df[col] = df[col].map(lambda v: dumps(v) if isinstance(v, dict) else v)
    for col in df.columns:  # text a spreadsheet would run as a formula (numbers are left as they are)
        df[col] = df[col].map(spreadsheet)
    return df.to_csv(index=False, lineterminator="\n")
