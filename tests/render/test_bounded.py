"""Reports that stay usable at size (issue 12, item 6): the terminal shows the most severe findings in
full and counts the rest; an explanation names a few sources per value and counts the others."""
from __future__ import annotations

from dataclasses import replace

from reconcile.compare import slots as S
from reconcile.render import terminal

from ..compare.test_sweep import make


def test_the_terminal_shows_the_first_findings_and_counts_the_rest(corpus_report):
    f = corpus_report.findings[0]
    many = tuple(replace(f, id=f"f-{i:010d}", severity=("high", "medium", "low")[i % 3]) for i in range(100))
    warnings = tuple(f"W013 s{i}.txt: invisible characters read as spaces" for i in range(70))
    text = terminal.render(replace(corpus_report, findings=many, warnings=warnings), width=120)
    assert text.count(f.explanation[:40]) == terminal.SHOWN_FINDINGS
    shown = {i for i in range(100) if f"f-{i:010d}" in text}
    assert shown == set(range(terminal.SHOWN_FINDINGS))
    rest = many[terminal.SHOWN_FINDINGS:]
    counts = ", ".join(f"{sum(x.severity == k for x in rest)} {k}" for k in ("high", "medium", "low")
                       if any(x.severity == k for x in rest))
    assert f"… and {len(rest)} more findings ({counts})" in " ".join(text.split()).replace("( ", "(")
    assert "… and 30 more warnings" in text and "s69.txt" not in text


def test_an_explanation_names_a_few_sources_per_value_and_counts_the_others():
    low = [make(100.0, "quantity", None, None, f"s{i}", False) for i in range(20)]
    mid = [make(140.0, "quantity", None, None, "s20", False)]
    high = [make(200.0, "quantity", None, None, "s21", False)]
    (finding,) = S.compare_all(low + mid + high)[0]
    told = finding.explanation
    assert f"and {20 - S.NAMED_SOURCES} more)" in told
    assert "s0, s1, s10, s11, s12, s13, s14, s15 and 12 more" in told
    assert f"«{mid[0].quote}» (s20)" in told and f"«{high[0].quote}» (s21)" in told
