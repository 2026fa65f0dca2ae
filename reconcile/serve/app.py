"""The workspace's Flask application: pages, the decision form, re-runs and downloads (see __init__)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path
from urllib.parse import urlencode

from flask import Flask, abort, flash, jsonify, redirect, render_template, request, session, url_for

from ..render.safe import web_address
from . import FILTERS, STATUSES, Workspace, history, new_token, paragraph, rows, same_token, select, timeline

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")


def create_app(ws: Workspace, *, token: str | None = None, reviewer: str = "") -> Flask:
    """The application over a workspace. With a `token` (served beyond this machine), every request must
    have shown it once (`?token=…`, then kept in the session cookie)."""
    here = Path(__file__).parent
    app = Flask(__name__, template_folder=str(here / "templates"), static_folder=str(here / "static"))
    app.secret_key = new_token()
    app.config.update(SESSION_COOKIE_SAMESITE="Strict", SESSION_COOKIE_HTTPONLY=True, MAX_CONTENT_LENGTH=64 * 1024,
                      SESSION_COOKIE_NAME="reconcile", REVIEWER_COOKIE="reconcile-reviewer")
    app.jinja_env.autoescape = True  # .j2 templates: escaped like .html ones

    @app.before_request
    def guard():
        if token is None and request.host.rsplit(":", 1)[0].lower() not in ("127.0.0.1", "localhost", "[::1]"):
            abort(403)  # served on this machine only: a page of another site (DNS rebinding) gets nothing
        if token is not None and not session.get("allowed"):
            if not same_token(request.args.get("token"), token):
                abort(403)
            session["allowed"] = True
            rest = {k: v for k, v in request.args.items() if k != "token"}
            return redirect(request.path + ("?" + urlencode(rest) if rest else ""))  # not left in the history
        if "csrf" not in session:
            session["csrf"] = new_token()
        if request.method == "POST" and not same_token(request.form.get("csrf"), session["csrf"]):
            abort(400, "the form is out of date or did not come from this workspace (CSRF token)")
        if request.method == "GET":
            ws.sync()

    @app.after_request
    def headers(resp):
        resp.headers["Content-Security-Policy"] = CSP
        resp.headers["X-Content-Type-Options"] = "nosniff"
        resp.headers["Referrer-Policy"] = "no-referrer"
        resp.headers["X-Frame-Options"] = "DENY"
        resp.headers["Cache-Control"] = "no-store"
        return resp

    @app.context_processor
    def common():
        return {"csrf": session.get("csrf", ""), "progress": ws.progress, "web_address": web_address}

    @app.get("/")
    def findings():
        rep = ws.report
        every = rows(rep)
        args = {k: request.args.get(k, "").strip() for k in FILTERS}
        shown = select(every, args)
        options = {k: sorted({getattr(r.finding, k) for r in every}) for k in ("kind", "severity", "status")}
        options["source"] = sorted({s.id for s in rep.sources})
        return render_template("list.html.j2", rows=shown, total=len(every), args=args, options=options,
                               counts=Counter(r.finding.status for r in every), query=_query(args),
                               stale=rep.stale_decisions, warnings=rep.warnings)

    @app.get("/f/<fid>")
    def finding(fid: str):
        rep = ws.report
        f = ws.finding(fid)
        if f is None:
            abort(404, f"no finding {fid} in this report")
        args = {k: request.args.get(k, "").strip() for k in FILTERS}
        near = _near(rows(rep), args, fid)
        claims = {c.id: c for c in rep.claims}
        sources = {s.id: s for s in rep.sources}
        quotes = [(claims[i], sources.get(claims[i].source),
                   paragraph(sources[claims[i].source], claims[i]) if claims[i].source in sources else
                   ("", claims[i].quote, "")) for i in f.claims if i in claims]
        return render_template("finding.html.j2", f=f, quotes=quotes, timeline=timeline(rep, f),
                               history=history(f), near=near, query=_query(args), args=args, statuses=STATUSES,
                               reviewer=request.cookies.get(app.config["REVIEWER_COOKIE"], reviewer))

    @app.post("/f/<fid>/decide")
    def decide(fid: str):
        from ..errors import ReconcileError
        from ..store import record_decision

        f = ws.finding(fid)
        if f is None:
            abort(404, f"no finding {fid} in this report")
        form = request.form
        status, note = form.get("status", ""), form.get("note", "").strip()
        who = form.get("reviewer", "").strip() or reviewer
        keep = form.get("keep") or None
        try:
            seen = int(form.get("seen", ""))
        except ValueError:
            seen = None  # not said: nothing to tell
        if status not in STATUSES or not note or not who:
            flash("A decision needs a status, a note and a reviewer's name.", "error")
            return redirect(url_for("finding", fid=fid) + _query_of(form))
        try:
            rec = record_decision(ws.claims_dir, f, status=status, note=note, reviewer=who, keep=keep)
        except ReconcileError as exc:
            flash(str(exc), "error")
            return redirect(url_for("finding", fid=fid) + _query_of(form))
        ws.redecide()
        entries = rec.get("history", [])
        first = entries[seen:-1] if seen is not None else []  # recorded after this page was shown, before this
        if first:
            e = first[-1]
            note = str(e.get("note"))
            note = note if len(note) <= 200 else note[:200] + "…"
            flash(f"Another decision came first: {e.get('status')} by {e.get('reviewer')} at {e.get('at')} "
                  f"(« {note} »). Yours was recorded after it; both are in the history.", "conflict")
        else:
            flash(f"Recorded: {status}.", "ok")
        resp = redirect(url_for("finding", fid=fid) + _query_of(form))
        resp.set_cookie(app.config["REVIEWER_COOKIE"], who, samesite="Strict", httponly=True,
                        max_age=3600 * 24 * 365)
        return resp

    @app.post("/rerun")
    def rerun():
        ws.refresh_in_background()
        return redirect(url_for("findings"))

    @app.get("/progress")
    def progress():
        p = ws.progress
        return jsonify(running=p.running, done=p.done, total=p.total, error=p.error)

    @app.get("/claimreview.jsonld")
    def claimreview():
        from ..errors import ReconcileError
        from ..render.claimreview import render as as_claimreview
        from ..settings import PUBLISHER_FILE, load_publisher

        try:
            publisher = load_publisher(ws.claims_dir / PUBLISHER_FILE)
        except ReconcileError as exc:
            abort(404, str(exc))
        resp = app.response_class(as_claimreview(ws.report, publisher, ws.exclusions),
                                  mimetype="application/ld+json")
        resp.headers["Content-Disposition"] = 'attachment; filename="claimreview.jsonld"'
        return resp

    return app


def _near(every, args: dict, fid: str) -> dict:
    """The findings before and after `fid` in the filtered list; a finding the filters no longer keep (just
    decided, with « status: open ») is placed where it stands in the whole list."""
    whole = [r.finding.id for r in every]
    order = [r.finding.id for r in select(every, args)]
    if fid in order:
        at = order.index(fid)
        return {"previous": order[at - 1] if at > 0 else None, "next": order[at + 1] if at < len(order) - 1 else None}
    place = {i: k for k, i in enumerate(whole)}
    here = place.get(fid, -1)
    return {"previous": next((i for i in reversed(order) if place[i] < here), None),
            "next": next((i for i in order if place[i] > here), None)}


def _query(args: dict) -> str:
    """The list's filters as a query string (kept from page to page), or nothing."""
    kept = {k: v for k, v in args.items() if v}
    return "?" + urlencode(kept) if kept else ""


def _query_of(form) -> str:
    return _query({k: form.get(f"filter_{k}", "") for k in FILTERS})
