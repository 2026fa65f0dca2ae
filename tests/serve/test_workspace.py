"""The review workspace (issue 13, item 1) through Flask's test client: pages, filters, decisions through
the same store as `reconcile review`, the conflict of two reviewers, CSRF, CSP, the access token, escaping."""
from __future__ import annotations

import json
import re
import shutil

import pytest
from click.testing import CliRunner

from reconcile.cli import main
from reconcile.pipeline import Options, run
from reconcile.serve import Workspace, count_sources
from reconcile.serve.app import create_app
from reconcile.store import load_decisions

from ..conftest import SOURCES

HOSTILE = ("---\ntitle: \"<script>alert('titre')</script>\"\npublished: 2024-02-01\n"
           "url: \"javascript:alert('url')\"\noutlet: \"<img src=x onerror=alert(1)>\"\n---\n"
           "Selon <b onmouseover=alert(2)>la direction</b>, Ampere compte désormais 9 000 salariés "
           "<script>alert('corps')</script>.\n")


def workspace(folder, claims, nlp):
    def make(decisions, step):
        return run(options=Options(paths=[str(folder)], decisions=decisions, progress=step), nlp=nlp)

    ws = Workspace(make=make, claims_dir=claims, count=lambda: count_sources([folder]))
    ws.refresh()
    return ws


@pytest.fixture
def sources(tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(SOURCES, folder)
    return folder


@pytest.fixture
def ws(sources, tmp_path, nlp):
    return workspace(sources, tmp_path / "claims", nlp)


@pytest.fixture
def client(ws):
    return create_app(ws, reviewer="ana").test_client()


def csrf(client, path="/"):
    page = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)


def test_the_list_shows_every_finding_with_counts_and_filters(client, ws):
    page = client.get("/").get_data(as_text=True)
    ids = [f.id for f in ws.report.findings]
    assert len(ids) == 2 and all(i in page for i in ids)
    assert "2 shown of 2" in page
    conflict = next(f for f in ws.report.findings if f.kind == "conflict")
    only = client.get("/?kind=conflict").get_data(as_text=True)
    assert conflict.id in only and "1 shown of 2" in only
    assert "0 shown of 2" in client.get("/?q=no+such+words+anywhere").get_data(as_text=True)
    assert "1 shown of 2" in client.get("/?entity=" + conflict.entity[:3].lower()).get_data(as_text=True)


def test_a_finding_page_shows_each_quote_highlighted_in_its_paragraph(client, ws):
    f = next(f for f in ws.report.findings if f.kind == "conflict")
    page = client.get(f"/f/{f.id}").get_data(as_text=True)
    claims = {c.id: c for c in ws.report.claims}
    for cid in f.claims:
        c = claims[cid]
        assert f"<mark>{c.quote}</mark>" in page
        assert f"line {c.line}, characters {c.start}–{c.end}" in page
    assert f.explanation.split("«")[0].strip() in page and 'id="timeline"' in page
    assert client.get("/f/f-nothing").status_code == 404


def test_a_decision_is_saved_as_review_saves_it_and_shown_after_reload(client, ws, tmp_path):
    f = next(f for f in ws.report.findings if f.kind == "conflict")
    token = csrf(client, f"/f/{f.id}")
    keep = f.claims[0]
    r = client.post(f"/f/{f.id}/decide", data={"csrf": token, "seen": "0", "status": "confirmed",
                                               "note": "l'effectif publié est de 11 000", "reviewer": "ana",
                                               "keep": keep})
    assert r.status_code == 302
    rec = load_decisions(tmp_path / "claims")[f.id]
    assert rec["history"][-1] | {"at": None} == {"status": "confirmed", "reviewer": "ana", "at": None,
                                                 "note": "l'effectif publié est de 11 000", "keep": keep}
    page = client.get(f"/f/{f.id}").get_data(as_text=True)
    assert "Recorded: confirmed." in page and "l&#39;effectif publié est de 11 000" in page
    assert '<strong id="status">confirmed</strong>' in page
    shown = CliRunner().invoke(main, ["show", f.id, "--sources", str(ws_sources(ws)), "--claims-dir",
                                      str(tmp_path / "claims"), "--format", "json"])
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["status"] == "confirmed"


def ws_sources(ws):
    from pathlib import Path

    return Path(ws.report.sources[0].path).parent


def test_a_decision_recorded_meanwhile_is_kept_and_the_second_reviewer_is_told(client, ws, tmp_path):
    f = next(f for f in ws.report.findings if f.kind == "conflict")
    token = csrf(client, f"/f/{f.id}")
    form = {"csrf": token, "seen": "0", "status": "dismissed", "note": "deux périmètres", "reviewer": "ben"}
    client.post(f"/f/{f.id}/decide", data=form)
    # ana's page was shown before ben's decision (seen 0): hers is recorded after it, and she is told
    r = client.post(f"/f/{f.id}/decide", data=dict(form, status="confirmed", note="11 000 publié", reviewer="ana"),
                    follow_redirects=True)
    page = r.get_data(as_text=True)
    assert "Another decision came first: dismissed by ben" in page
    history = load_decisions(tmp_path / "claims")[f.id]["history"]
    assert [(e["reviewer"], e["status"]) for e in history] == [("ben", "dismissed"), ("ana", "confirmed")]


def test_a_post_without_the_csrf_token_is_refused(client, ws, tmp_path):
    f = ws.report.findings[0]
    client.get("/")
    r = client.post(f"/f/{f.id}/decide", data={"status": "confirmed", "note": "x", "reviewer": "ana"})
    assert r.status_code == 400
    assert not (tmp_path / "claims" / "decisions.yaml").exists()
    assert client.post("/rerun", data={}).status_code == 400


def test_every_page_has_a_strict_policy_and_no_inline_script(client, ws):
    for path in ("/", f"/f/{ws.report.findings[0].id}"):
        r = client.get(path)
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
        page = r.get_data(as_text=True)
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []  # scripts only by file


def test_beyond_this_machine_every_request_needs_the_token(ws):
    client = create_app(ws, token="s3cret-token").test_client()
    assert client.get("/").status_code == 403
    assert client.get("/?token=wrong").status_code == 403
    r = client.get("/?kind=conflict&token=s3cret-token")
    assert r.status_code == 302 and r.headers["Location"] == "/?kind=conflict"  # the token leaves the address
    assert client.get("/").status_code == 200  # kept in the session


def test_on_this_machine_a_page_asked_for_under_another_name_is_refused(client):
    """DNS rebinding: a site whose name points at 127.0.0.1 gets nothing from the workspace."""
    assert client.get("/", headers={"Host": "evil.example:8765"}).status_code == 403
    assert client.get("/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/", headers={"Host": "localhost"}).status_code == 200


def test_a_decision_made_after_seeing_the_last_one_is_no_conflict(client, ws):
    f = next(f for f in ws.report.findings if f.kind == "conflict")
    token = csrf(client, f"/f/{f.id}")
    form = {"csrf": token, "seen": "0", "status": "dismissed", "note": "deux périmètres", "reviewer": "ben"}
    client.post(f"/f/{f.id}/decide", data=form)
    page = client.post(f"/f/{f.id}/decide", data=dict(form, seen="1", status="confirmed", note="revu", reviewer="ana"),
                       follow_redirects=True).get_data(as_text=True)
    assert "Recorded: confirmed." in page and "Another decision came first" not in page


def test_a_decision_recorded_on_the_command_line_shows_in_the_workspace(client, ws, tmp_path):
    from reconcile.store import record_decision

    f = ws.report.findings[0]
    record_decision(tmp_path / "claims", f, status="resolved", note="corrigé par l'AFP", reviewer="cli")
    page = client.get(f"/f/{f.id}").get_data(as_text=True)
    assert '<strong id="status">resolved</strong>' in page and "corrigé par l&#39;AFP" in page


def test_source_text_is_escaped_everywhere(sources, tmp_path, nlp):
    (sources / "zz_hostile.txt").write_text(HOSTILE, "utf-8")
    ws = workspace(sources, tmp_path / "claims", nlp)
    client = create_app(ws).test_client()
    pages = [client.get("/").get_data(as_text=True)]
    pages += [client.get(f"/f/{f.id}").get_data(as_text=True) for f in ws.report.findings]
    hostile = [c for c in ws.report.claims if c.source == "zz_hostile"]
    assert hostile  # the figure of the hostile article is read
    for page in pages:
        assert "<script>alert" not in page and "<img src=x" not in page and "<b onmouseover" not in page
        assert 'href="javascript:' not in page
    shown = "".join(pages)
    assert "&lt;script&gt;alert(&#39;titre&#39;)&lt;/script&gt;" in shown  # the title is there, as text
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown


def test_a_rerun_reads_changed_sources_and_decisions_follow_their_findings(client, ws, sources, tmp_path):
    f = next(f for f in ws.report.findings if f.kind == "conflict")
    token = csrf(client)
    client.post(f"/f/{f.id}/decide", data={"csrf": token, "seen": "0", "status": "dismissed", "note": "vu",
                                           "reviewer": "ana"})
    (sources / "zz_new.txt").write_text("---\ntitle: Ampere\npublished: 2024-02-02\n---\n"
                                        "Le constructeur prévoit 400 embauches à Douai.\n", "utf-8")
    ws.refresh()  # what POST /rerun starts in the background
    assert len(ws.report.sources) == 6 and ws.progress.done == 6 and not ws.progress.running
    assert next(g for g in ws.report.findings if g.id == f.id).status == "dismissed"
    assert client.get("/progress").get_json() == {"running": False, "done": 6, "total": 6, "error": None}


def test_claimreview_download(client, ws, tmp_path):
    assert client.get("/claimreview.jsonld").status_code == 404  # no publisher.toml yet
    (tmp_path / "claims").mkdir(exist_ok=True)
    (tmp_path / "claims" / "publisher.toml").write_text(
        '[publisher]\nname = "Le Courrier"\nurl = "https://c.example"\nreview_url = "https://c.example/v/"\n', "utf-8")
    r = client.get("/claimreview.jsonld")
    assert r.status_code == 200 and r.mimetype == "application/ld+json" and json.loads(r.data) == []


def test_no_file_is_served_but_the_workspaces_own(client):
    assert client.get("/static/workspace.js").status_code == 200
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2f__init__.py", "/static//etc/passwd",
                 "/../pyproject.toml", "/sources/000_ba603a4d418206a9.txt", "/claims/decisions.yaml"):
        assert client.get(path, follow_redirects=True).status_code == 404, path


def test_the_rerun_button_runs_in_the_background_and_reports_its_progress(client, ws, sources):
    import time

    (sources / "zz_new.txt").write_text("---\ntitle: Ampere\npublished: 2024-02-02\n---\n"
                                        "Le constructeur prévoit 400 embauches à Douai.\n", "utf-8")
    r = client.post("/rerun", data={"csrf": csrf(client)})
    assert r.status_code == 302
    deadline = time.monotonic() + 120
    while client.get("/progress").get_json()["running"] and time.monotonic() < deadline:
        time.sleep(0.2)
    assert client.get("/progress").get_json() == {"running": False, "done": 6, "total": 6, "error": None}
    assert "zz_new" in {s.id for s in ws.report.sources}
