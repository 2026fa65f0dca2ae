"""Each output's neutralizer: whatever text comes in, what goes out cannot act on the reader's tools."""
from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET

from hypothesis import given, settings, strategies as st

from reconcile.render import safe

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f]")
anything = st.text(alphabet=st.characters(codec="utf-8"), max_size=80)


@settings(max_examples=300, deadline=None)
@given(anything)
def test_inline_leaves_no_control_character_and_no_newline(s):
    out = safe.inline(s)
    assert not CONTROL.search(out) and "\n" not in out and "\t" not in out


@settings(max_examples=300, deadline=None)
@given(anything)
def test_block_keeps_lines_and_nothing_else(s):
    out = safe.block(s)
    assert not CONTROL.search(out)
    assert out.count("\n") == s.count("\n")


def test_escapes_name_what_was_there():
    assert safe.inline("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert safe.inline("x\u202ey") == "x\\u202ey"
    assert safe.inline("l1\nl2") == "l1\\nl2"
    assert safe.inline("Besançon, 12 %") == "Besançon, 12 %"  # text without controls is unchanged


@settings(max_examples=300, deadline=None)
@given(anything)
def test_markdown_text_has_no_raw_html_no_link_and_one_line(s):
    out = safe.markdown(s)
    assert "<" not in out and ">" not in out and "\n" not in out
    assert not re.search(r"(?<!\\)\[", out) and not re.search(r"(?<!\\)\|", out)


def test_markdown_payloads():
    assert safe.markdown("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert safe.markdown("[clic](javascript:alert(1))") == "\\[clic\\](javascript:alert(1))"
    assert safe.markdown("job_cuts | 3") == "job\\_cuts \\| 3"


@given(anything)
def test_spreadsheet_cell_never_starts_a_formula(s):
    out = safe.spreadsheet(s)
    assert not out.startswith(("=", "+", "-", "@", "\t", "\r"))
    assert out.endswith(s)


def test_spreadsheet_numbers_stay_numbers():
    assert safe.spreadsheet(-3.0) == -3.0 and safe.spreadsheet(12) == 12
    row = next(csv.reader(io.StringIO(",".join(str(safe.spreadsheet(v)) for v in ("=1+1", "@SUM(A1)", -2.5)))))
    assert row == ["'=1+1", "'@SUM(A1)", "-2.5"]


@settings(max_examples=300, deadline=None)
@given(anything)
def test_xml_text_always_parses(s):
    el = ET.Element("t", name=safe.xml(s))
    el.text = safe.xml(s)
    ET.fromstring(ET.tostring(el, encoding="unicode"))


def test_html_report_allows_its_one_script_by_hash_only(corpus_report):
    import base64
    import hashlib

    from reconcile.render import render

    page = render(corpus_report, "html")
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    script = re.search(r"<script>(.*?)</script>", page, re.S).group(1)
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp and "unsafe-inline'; img" not in csp.split("script-src")[1]
    assert page.count("<script") == 1


def test_a_long_card_shows_each_value_once_folds_the_rest_and_counts_beyond(corpus_report):
    """Issue 12, item 6: a finding with 82 quotes shows one quote per value, folds 58 in <details>, counts 22."""
    from dataclasses import replace

    from reconcile.render import render

    f = next(f for f in corpus_report.findings if f.attribute == "headcount")
    base = [c for c in corpus_report.claims if c.id in f.claims]
    extra = [replace(base[i % len(base)], id=f"c-x{i:08d}") for i in range(80)]
    rep = replace(corpus_report, claims=corpus_report.claims + tuple(extra),
                  findings=(replace(f, claims=f.claims + tuple(c.id for c in extra)),))
    page = render(rep, "html")
    card = page[page.index(f'id="{f.id}"'):]
    card = card[:card.index("</section>")]
    values = {c.value for c in base}
    assert card.count('class="quote"') == 60 and card.count("<details>") == 1
    assert card[:card.index("<details>")].count('class="quote"') == len(values) == 2
    assert "… and 22 more claim(s)" in card
    small = render(corpus_report, "html")
    assert "<details>" not in small  # a short card is shown whole
