"""The review workspace in a real headless Chromium (issue 13, item 3): open, filter, go to a finding,
confirm it with a note, reload and see the decision, the same decision through `reconcile show`; a second
browser session deciding the same finding is told another decision came first; hostile text never runs.
The server starts and stops inside the test, on a free port of 127.0.0.1."""
from __future__ import annotations

import json
import shutil
import threading

import pytest
from click.testing import CliRunner

from ..browser import chromium, require_browser

require_browser()

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from reconcile.cli import main  # noqa: E402
from reconcile.serve.app import create_app  # noqa: E402

from ..conftest import SOURCES  # noqa: E402
from .test_workspace import workspace  # noqa: E402

PAYLOADS = ("---\ntitle: \"Ampere <script>window.__pwned=1</script>\"\npublished: 2024-02-01\n"
            "outlet: \"<img src=x onerror=\\\"window.__pwned=2\\\">\"\nurl: \"javascript:window.__pwned=3\"\n---\n"
            "Selon la direction <img src=y onerror=\"window.__pwned=4\">, Ampere compte 9 000 salariés "
            "<script>window.__pwned=5</script>.\n")


@pytest.fixture(scope="module")
def browsers(tmp_path_factory):
    """Two browser sessions (two profiles: two reviewers)."""
    with chromium(tmp_path_factory.mktemp("one")) as one, chromium(tmp_path_factory.mktemp("two")) as two:
        yield one, two


def serving(ws):
    server = make_server("127.0.0.1", 0, create_app(ws, reviewer="ana"), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.port}"


@pytest.fixture
def site(tmp_path, nlp):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    (folder / "zz_hostile.txt").write_text(PAYLOADS, "utf-8")
    ws = workspace(folder, tmp_path / "claims", nlp)
    server, url = serving(ws)
    try:
        yield ws, url, folder, tmp_path / "claims"
    finally:
        server.shutdown()
        server.server_close()


def _arrive(drv, part: str) -> None:
    """Wait until the browser is at an address holding `part` (a click starts a navigation, it does not end it)."""
    WebDriverWait(drv, 20).until(lambda d: part in d.current_url and
                                 d.execute_script("return document.readyState") == "complete")


def _shown(drv, css: str):
    return WebDriverWait(drv, 20).until(lambda d: d.find_elements(By.CSS_SELECTOR, css))[0]


def _never_ran(drv):
    assert drv.execute_script("return window.__pwned === undefined")


def test_a_reviewer_triages_in_the_browser(site, browsers):
    ws, url, folder, claims = site
    drv, other = browsers
    drv.get(url + "/")
    rows = drv.find_elements(By.CSS_SELECTOR, "#findings tbody tr[data-href]")
    assert len(rows) == len(ws.report.findings) >= 2
    _never_ran(drv)
    Select(drv.find_element(By.ID, "filter-kind")).select_by_value("conflict")
    drv.find_element(By.ID, "apply").click()
    _arrive(drv, "kind=conflict")
    rows = drv.find_elements(By.CSS_SELECTOR, "#findings tbody tr[data-href]")
    conflicts = [f for f in ws.report.findings if f.kind == "conflict"]
    assert len(rows) == len(conflicts)
    f = next(f for f in conflicts if f.entity.lower().startswith("ampere"))
    drv.find_element(By.LINK_TEXT, f.id).click()
    _arrive(drv, f"/f/{f.id}")
    assert drv.find_element(By.ID, "finding-id").text == f.id
    assert len(drv.find_elements(By.CSS_SELECTOR, "#quotes mark")) == len(f.claims)
    _never_ran(drv)

    # the second reviewer opens the same finding before the first one saves
    other.get(drv.current_url)
    _arrive(other, f"/f/{f.id}")
    drv.find_element(By.ID, "status-confirmed").click()
    drv.find_element(By.ID, "note").send_keys("l'effectif publié est de près de 11 000")
    Select(drv.find_element(By.ID, "keep")).select_by_index(1)
    drv.find_element(By.ID, "save").click()
    assert "Recorded: confirmed." in _shown(drv, ".flash").text
    drv.refresh()
    assert drv.find_element(By.ID, "status").text == "confirmed"
    assert "l'effectif publié est de près de 11 000" in drv.find_element(By.ID, "history").text

    shown = CliRunner().invoke(main, ["show", f.id, "--sources", str(folder), "--claims-dir", str(claims),
                                      "--format", "json"])
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["status"] == "confirmed"

    other.find_element(By.ID, "status-dismissed").click()
    other.find_element(By.ID, "note").send_keys("deux périmètres différents")
    other.find_element(By.ID, "reviewer").clear()
    other.find_element(By.ID, "reviewer").send_keys("ben")
    other.find_element(By.ID, "save").click()
    told = _shown(other, ".flash.conflict").text
    assert "Another decision came first: confirmed by ana" in told
    history = other.find_element(By.ID, "history").text
    assert "confirmed by ana" in history and "dismissed by ben" in history  # both kept


def test_keys_move_through_the_list_and_open_a_finding(site, browsers):
    ws, url, _, _ = site
    drv = browsers[0]
    drv.get(url + "/")
    body = drv.find_element(By.TAG_NAME, "body")
    body.send_keys("j")
    current = drv.find_element(By.CSS_SELECTOR, "tr.current")
    href = current.get_attribute("data-href")
    body.send_keys(Keys.ENTER)
    _arrive(drv, href)
    body = drv.find_element(By.TAG_NAME, "body")
    body.send_keys("c")
    assert drv.find_element(By.ID, "status-confirmed").is_selected()
    assert drv.switch_to.active_element.get_attribute("id") == "note"


def test_hostile_text_never_runs_on_any_page(site, browsers):
    ws, url, _, _ = site
    drv = browsers[0]
    for path in ["/"] + [f"/f/{f.id}" for f in ws.report.findings]:
        drv.get(url + path)
        _never_ran(drv)
        assert not drv.find_elements(By.CSS_SELECTOR, "main script, main img")
    severe = [e for e in drv.get_log("browser") if e.get("level") == "SEVERE" and "favicon" not in e["message"]]
    assert severe == [], severe
