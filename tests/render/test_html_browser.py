"""The HTML report in a real headless Chromium: self-contained, filters work, injection is inert.

One Chromium (via the Debian chromedriver, never selenium manager) serves the whole module.
"""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from ..browser import chromium, require_browser

require_browser()

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

from reconcile.model import Interval  # noqa: E402
from reconcile.pipeline import Options, apply_decisions, run  # noqa: E402
from reconcile.render import render  # noqa: E402

FILTERS = {"severity": "severity", "kind": "kind", "status": "status", "entity": "entity"}

FILLER = (
    "Le directeur général a présenté les résultats annuels devant les actionnaires réunis au siège "
    "de l'entreprise. Les ventes ont progressé dans toutes les régions et la direction reste "
    "confiante pour les prochains mois, malgré un contexte économique difficile.\n"
)

ARTICLE_A = (
    "---\n"
    "title: \"<script>window.__pwned=3</script> Brunelle recrute\"\n"
    "published: 2025-03-12\n"
    "---\n"
    "La société Brunelle emploie 1 200 salariés à Lyon. <script>window.__pwned = 1</script> "
    "<img src=x onerror=\"window.__pwned = 2\">\n"
    + FILLER
)
ARTICLE_B = (
    "---\n"
    "title: \"Brunelle à Lyon\"\n"
    "published: 2025-03-12\n"
    "---\n"
    "La société Brunelle emploie 3 400 salariés à Lyon.\n"
    + FILLER
)
CLEAN_A = ARTICLE_A.replace("<script>window.__pwned=3</script> ", "").replace(
    " <script>window.__pwned = 1</script> <img src=x onerror=\"window.__pwned = 2\">", "")


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as drv:
        yield drv


def _corpus(folder: Path, articles: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def injection_report(nlp, tmp_path_factory):
    folder = _corpus(tmp_path_factory.mktemp("injection"), {"a.md": ARTICLE_A, "b.md": ARTICLE_B})
    return run(options=Options(paths=[str(folder)]), nlp=nlp)


@pytest.fixture(scope="module")
def mixed_report(nlp, tmp_path_factory, corpus_report):
    """Bundled corpus + a clean Brunelle pair, one Ampere finding dismissed: every filter discriminates."""
    folder = _corpus(tmp_path_factory.mktemp("brunelle"), {"a.md": CLEAN_A, "b.md": ARTICLE_B})
    extra = run(options=Options(paths=[str(folder)]), nlp=nlp)
    assert extra.findings, "the clean Brunelle pair should disagree on the headcount"
    findings = list(corpus_report.findings) + list(extra.findings)
    target = next(f for f in corpus_report.findings if f.kind != "conflict")
    decisions = {target.id: {"entity": target.entity, "attribute": target.attribute,
                             "history": [{"status": "dismissed", "reviewer": "test",
                                          "at": "2025-03-13T10:00:00+00:00", "note": "checked"}]}}
    findings, stale = apply_decisions(findings, decisions)
    assert not stale
    return dataclasses.replace(
        corpus_report,
        sources=corpus_report.sources + extra.sources,
        claims=corpus_report.claims + extra.claims,
        findings=tuple(findings),
    )


# ------------------------------------------------------------------ helpers


def load(driver, tmp_path: Path, html: str, name: str = "report.html") -> list[dict]:
    """Open the page from a file; return the console messages it logged."""
    driver.get_log("browser")  # drain what earlier pages left
    page = tmp_path / name
    page.write_text(html, encoding="utf-8")
    driver.get(page.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    return driver.get_log("browser")


def severe(logs: list[dict]) -> list[dict]:
    return [e for e in logs if e.get("level") == "SEVERE"]


def cards(driver) -> dict[str, object]:
    return {el.get_attribute("id"): el for el in driver.find_elements(By.CSS_SELECTOR, "section.card")}


def visible_ids(driver) -> set[str]:
    return {fid for fid, el in cards(driver).items() if el.is_displayed()}


def count_text(driver) -> str:
    return driver.find_element(By.ID, "f-count").text.strip()


def select(driver, key: str) -> Select:
    return Select(driver.find_element(By.ID, f"f-{key}"))


def reset_filters(driver) -> None:
    for key in FILTERS:
        select(driver, key).select_by_visible_text("all")


# ------------------------------------------------------------------ 1. self-contained page


def test_bundled_report_is_self_contained_and_complete(driver, tmp_path, corpus_report):
    html = render(corpus_report, "html")
    # Static: nothing fetched from the network (the SVG xmlns is a namespace, not a fetch).
    assert not re.search(r"<script\b[^>]*\bsrc\s*=", html, re.I)
    assert not re.search(r"<link\b", html, re.I)
    assert not re.search(r"<img\b[^>]*\bsrc\s*=\s*[\"']?\s*(https?:)?//", html, re.I)
    assert not re.search(r"@import|url\(\s*[\"']?\s*(https?:)?//", html, re.I)

    logs = load(driver, tmp_path, html)
    assert severe(logs) == [], logs
    # Nothing was requested at all, and nothing in the DOM could request anything.
    assert driver.execute_script("return performance.getEntriesByType('resource').length") == 0
    assert driver.find_elements(
        By.CSS_SELECTOR, "script[src], link, img, iframe, object, embed, video, audio, source") == []

    # One card per finding, in order, all shown at first (the filter script ran).
    found = driver.find_elements(By.CSS_SELECTOR, "section.card")
    assert [el.get_attribute("id") for el in found] == [f.id for f in corpus_report.findings]
    assert len(found) == 2
    assert all(el.is_displayed() for el in found)
    assert count_text(driver) == f"{len(found)} shown"
    for el, f in zip(found, corpus_report.findings):
        assert el.get_attribute("data-severity") == f.severity
        assert el.get_attribute("data-kind") == f.kind
        assert el.get_attribute("data-entity") == f.entity
        assert len(el.find_elements(By.CSS_SELECTOR, ".quote")) == len(f.claims)

    # The summary line and table match the report.
    s = corpus_report.summary()
    meta = driver.find_element(By.CSS_SELECTOR, "h1 + p.meta").text
    assert f"{s['sources']} sources" in meta
    assert f"{s['claims']} claims" in meta
    assert f"{s['findings']} findings" in meta
    rows = driver.find_elements(By.CSS_SELECTOR, "#summary tr")
    table = {}
    for row in rows:
        head = row.find_element(By.TAG_NAME, "th").text.strip()
        table[head] = [td.text.strip() for td in row.find_elements(By.TAG_NAME, "td")]
    assert table["kind"] == [f"{k}: {v}" for k, v in s["by_kind"].items()]
    assert table["severity"] == [f"{k}: {v}" for k, v in s["by_severity"].items()]
    assert sum(s["by_kind"].values()) == len(found)
    # One row per source in the sources table.
    assert len(driver.find_elements(By.CSS_SELECTOR, "#sources tr")) == 1 + s["sources"]


# ------------------------------------------------------------------ 2. filters


def _check_every_option(driver, report) -> None:
    everything = {f.id for f in report.findings}
    for key, attr in FILTERS.items():
        sel = select(driver, key)
        values = [o.text for o in sel.options]
        assert values[0] == "all"
        for value in values[1:]:
            sel.select_by_visible_text(value)
            want = {f.id for f in report.findings if getattr(f, attr) == value}
            assert visible_ids(driver) == want, (key, value)
            assert count_text(driver) == f"{len(want)} shown", (key, value)
        sel.select_by_visible_text("all")
        assert visible_ids(driver) == everything, key
        assert count_text(driver) == f"{len(everything)} shown"


def test_filters_on_bundled_report(driver, tmp_path, corpus_report):
    load(driver, tmp_path, render(corpus_report, "html"))
    assert visible_ids(driver) == {f.id for f in corpus_report.findings}
    # The entity and kind lists are those of the findings.
    assert [o.text for o in select(driver, "entity").options][1:] == sorted({f.entity for f in corpus_report.findings})
    assert [o.text for o in select(driver, "kind").options][1:] == sorted({f.kind for f in corpus_report.findings})
    _check_every_option(driver, corpus_report)
    # A severity nobody has hides everything.
    select(driver, "severity").select_by_visible_text("high")
    assert visible_ids(driver) == set()
    assert count_text(driver) == "0 shown"
    select(driver, "severity").select_by_visible_text("all")
    assert len(visible_ids(driver)) == len(corpus_report.findings)


def test_filters_discriminate_and_combine(driver, tmp_path, mixed_report):
    fs = mixed_report.findings
    assert len({f.severity for f in fs}) > 1 and len({f.kind for f in fs}) > 1
    assert len({f.entity for f in fs}) > 1 and len({f.status for f in fs}) > 1
    logs = load(driver, tmp_path, render(mixed_report, "html"))
    assert severe(logs) == [], logs
    assert visible_ids(driver) == {f.id for f in fs}
    _check_every_option(driver, mixed_report)

    # Two filters at once: the intersection.
    select(driver, "entity").select_by_visible_text("Ampere")
    select(driver, "status").select_by_visible_text("open")
    want = {f.id for f in fs if f.entity == "Ampere" and f.status == "open"}
    assert want and visible_ids(driver) == want
    assert count_text(driver) == f"{len(want)} shown"
    select(driver, "severity").select_by_visible_text("high")
    assert visible_ids(driver) == set()
    assert count_text(driver) == "0 shown"
    reset_filters(driver)
    assert visible_ids(driver) == {f.id for f in fs}
    assert count_text(driver) == f"{len(fs)} shown"

    # The dismissed finding shows its decision.
    dismissed = next(f for f in fs if f.status == "dismissed")
    card = cards(driver)[dismissed.id]
    assert "Decision: dismissed by test" in card.text


# ------------------------------------------------------------------ 3. injection


def test_injection_is_inert(driver, tmp_path, injection_report):
    r = injection_report
    by_id = {c.id: c for c in r.claims}
    both = [f for f in r.findings if {by_id[c].source for c in f.claims} >= {"a", "b"}]
    assert both, "expected a finding whose claims come from both articles"
    assert any(s.title and "<script>" in s.title for s in r.sources), "title payload lost at ingest"

    html = render(r, "html")
    # The payloads reached the page, escaped.
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in html
    assert "&lt;script&gt;window.__pwned=3&lt;/script&gt;" in html
    assert "<script>window.__pwned" not in html
    assert "<img src=x" not in html

    logs = load(driver, tmp_path, html)
    assert driver.execute_script("return window.__pwned") is None
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert severe(logs) == [], logs
    text = driver.find_element(By.TAG_NAME, "body").text
    assert "<script>window.__pwned = 1</script>" in text  # from the quote's context
    assert "<script>window.__pwned=3</script>" in text  # from the source title
    assert 'onerror="window.__pwned = 2"' in text
    assert driver.find_elements(By.CSS_SELECTOR, "img[onerror], [onerror]") == []
    assert driver.find_elements(By.TAG_NAME, "img") == []
    assert len(driver.find_elements(By.TAG_NAME, "script")) == 1  # only the filter script
    assert driver.title == "reconcile — consistency report"
    # The card of the cross-source finding is there and shown.
    assert cards(driver)[both[0].id].is_displayed()


# ------------------------------------------------------------------ 4. timelines


def test_timeline_svg(driver, tmp_path, corpus_report):
    logs = load(driver, tmp_path, render(corpus_report, "html"))
    assert severe(logs) == [], logs
    heading = driver.find_element(By.XPATH, "//h2[normalize-space()='Timelines']")
    # SVGs after the Timelines heading and before the next h2.
    svgs = heading.find_elements(
        By.XPATH, "following-sibling::*[local-name()='svg']"
        "[preceding-sibling::h2[1][normalize-space()='Timelines']]")
    assert svgs, "no timeline svg"
    rects = [r for svg in svgs for r in svg.find_elements(By.CSS_SELECTOR, "rect")]
    assert len(rects) >= 1
    first = svgs[0]
    assert first.is_displayed()
    assert first.size["width"] > 0 and first.size["height"] > 0
    # Each svg is titled by the entity it draws, and the biggest entity has one mark per dated claim.
    title = first.find_element(By.XPATH, "preceding-sibling::h3[1]").text.strip()
    dated = [c for c in corpus_report.claims if isinstance(c.value, Interval) and c.entity == title]
    assert dated, title
    assert len(first.find_elements(By.CSS_SELECTOR, "rect")) == len(dated)
    # Every mark lies inside its drawing and carries a tooltip.
    for svg in svgs:
        width = float(svg.get_attribute("width"))
        for rect in svg.find_elements(By.CSS_SELECTOR, "rect"):
            x, w = float(rect.get_attribute("x")), float(rect.get_attribute("width"))
            assert 0 <= x <= width and w > 0
            assert rect.find_element(By.TAG_NAME, "title").get_attribute("textContent").strip()
