"""Normalizers: French dates and periods, numbers and quantities, entity names."""
from __future__ import annotations

import datetime as dt

from ..model import Mention


def parse_mentions(text: str, *, ref: dt.date | None = None) -> list[Mention]:
    """Every date, period, figure, amount, percentage and duration of `text`, in order."""
    from . import dates, numbers

    found = dates.parse(text, ref=ref)
    spans = [(m.start, m.end) for m in found]
    return sorted(found + numbers.parse(text, exclude=spans), key=lambda m: (m.start, m.end))
