"""Command line: parses arguments, builds options, calls the library, exits once.

stdout carries only the product (a report, JSON); messages, warnings and
progress go to stderr. Exit codes: 0 ok, 1 a check failed, 2 usage or input error.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import shutil
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ReconcileError, UnknownFinding
from .fileio import dumps

FORMATS = ("terminal", "json", "markdown", "html", "csv", "claimreview")


class Ctx:
    """Shared state of one invocation."""

    def __init__(self, quiet: bool):
        self.quiet = quiet

    def say(self, msg: str) -> None:
        """A message on stderr, one line, whatever file name or text it quotes."""
        if not self.quiet:
            click.echo(_one_line(msg), err=True)


def _one_line(msg) -> str:
    from .render.safe import inline

    return inline(msg)


def _fail(exc: Exception) -> None:
    click.echo(f"reconcile: error: {_one_line(exc)}", err=True)
    sys.exit(2)


class _Progress:
    """A rich progress bar on stderr when it is a terminal; otherwise nothing."""

    def __init__(self, ctx: Ctx, total: int):
        self.bar = None
        if ctx.quiet or not sys.stderr.isatty():
            return
        from rich.console import Console
        from rich.progress import Progress

        self.bar = Progress(console=Console(stderr=True), transient=True)
        self.task = self.bar.add_task("extracting claims", total=total)
        self.bar.start()

    def step(self, source_id: str) -> None:
        if self.bar:
            from rich.markup import escape

            self.bar.update(self.task, advance=1, description=escape(_one_line(f"reading {source_id}")))

    def close(self) -> None:
        if self.bar:
            self.bar.stop()


class _Group(click.Group):
    """Every failure ends with one line on stderr and exit code 2 (1 is kept for failed checks)."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, SystemExit, KeyboardInterrupt):
            raise
        except click.Abort:
            click.echo("reconcile: error: aborted (no more input)", err=True)
            sys.exit(2)
        except Exception as exc:  # a bug or an environment problem: say it in one line
            if os.environ.get("RECONCILE_DEBUG"):
                raise
            detail = " ".join(str(exc).split()) or exc.__class__.__name__
            click.echo(_one_line(f"reconcile: error: {exc.__class__.__name__}: {detail} "
                                 f"(RECONCILE_DEBUG=1 shows the traceback)"), err=True)
            sys.exit(2)


ALIASES_OPT = click.option("--aliases", multiple=True, type=click.Path(exists=True, dir_okay=False),
                           help="Extra entity registry (TOML); entities.toml beside the sources is read anyway.")
SOURCES_OPT = click.option("--sources", "sources", multiple=True,
                           help="Sources to read (default: sources/); repeat for several.")
class _Size(click.ParamType):
    name = "SIZE"

    def convert(self, value, param, ctx):
        from .sources import parse_size

        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def reading_options(f):
    """--max-size, --follow-symlinks, --jobs, --engine and --scheduler: how sources are read and compared,
    on every command that reads them (the last two are kept on the invocation's Ctx, read by _run)."""
    command = f

    @functools.wraps(command)
    def engine_kept(*args, engine: str, scheduler: str | None, **kw):
        ctx = click.get_current_context().obj
        ctx.engine, ctx.scheduler = ("dask" if scheduler else engine), scheduler
        return command(*args, **kw)

    f = click.option("--scheduler", metavar="ADDRESS", default=None,
                     help="Address of a Dask scheduler to run on (tcp://host:8786); implies --engine dask.")(
        engine_kept)
    f = click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
                     help="Where claims are extracted and compared: here, or on a Dask cluster (a local one "
                          "of --jobs workers unless --scheduler is given; pip install 'reconcile[dask]').")(f)
    f = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                     help="Processes that extract claims (default: the cores available; 1 for none).")(f)
    f = click.option("--follow-symlinks", is_flag=True,
                     help="Read symbolic links that lead out of a sources folder (skipped by default).")(f)
    return click.option("--max-size", type=_Size(), default="2MB", show_default=True,
                        help="Skip (with a warning) a source file larger than this: 2MB, 500KB, bytes.")(f)


CLAIMS_OPT = click.option("--claims-dir", default="claims", show_default=True,
                          help="Claim base: reviewers' decisions and the per-source claim cache.")


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="reconcile")
@click.option("-q", "--quiet", is_flag=True, help="No messages on stderr (errors still print).")
@click.pass_context
def main(click_ctx: click.Context, quiet: bool) -> None:
    """Reconcile claims across French news articles and report conflicts.

    \b
    Examples:
      reconcile report                       # sources/ -> reports/, summary on the terminal
      reconcile report --format json -o -    # the JSON report on stdout
      reconcile parse --published 2026-01-22 "près de 11 000 salariés fin 2023"
      reconcile show f-3ec6a63343            # a finding with its quotes in context
      reconcile review f-3ec6a63343 --status dismissed --note "different dates"
      reconcile check --format github        # CI: exit 1 on a new unreviewed finding
    """
    click_ctx.obj = Ctx(quiet)


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="terminal", show_default=True,
              help="What to print (or write to -o).")
@click.option("-o", "--output", default=None, help="Write the chosen format here ('-' is stdout).")
@click.option("--out-dir", default="reports", show_default=True,
              help="Folder for the full set of report files (json, md, html, csv).")
@click.option("--no-write", is_flag=True, help="Do not write the report files into --out-dir.")
@click.option("--aliases", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Extra entity registry (TOML); entities.toml beside the sources is read anyway.")
@CLAIMS_OPT
@click.option("--width", type=int, default=None, help="Terminal width (default: the terminal's, else 100).")
@reading_options
@click.pass_obj
def report(ctx: Ctx, sources, fmt, output, out_dir, no_write, aliases, claims_dir, width, max_size,
           follow_symlinks, jobs) -> None:
    """Extract claims from SOURCES (default: sources/) and write a consistency report.

    Writes the report files into --out-dir and records the sources, claims and
    findings as the claim base in --claims-dir/base.json (what `check` compares with).

    \b
    Examples:
      reconcile report
      reconcile report sources/ --format markdown -o reports/report.md
      reconcile report 'articles/*.html' --format json -o -
      reconcile report archive/ --jobs 4                     # four worker processes
      reconcile report archive/ --scheduler tcp://host:8786  # on a Dask cluster
      reconcile report --format claimreview -o reviews.jsonld  # what reviewers decided, as ClaimReview
    """
    reader = _reader(ctx, jobs)
    try:
        _report(ctx, reader, sources, fmt, output, out_dir, no_write, aliases, claims_dir, width, max_size,
                follow_symlinks, jobs)
    finally:
        if reader is not None:
            reader.close()


def _report(ctx: Ctx, reader, sources, fmt, output, out_dir, no_write, aliases, claims_dir, width, max_size,
            follow_symlinks, jobs) -> None:
    from .render import render_all

    publisher = None
    if fmt == "claimreview":  # who publishes the reviews: claims/publisher.toml, read before the long run
        from .settings import PUBLISHER_FILE, load_publisher

        try:
            publisher = load_publisher(Path(claims_dir) / PUBLISHER_FILE)
        except ReconcileError as exc:
            _fail(exc)
    rep = _report_for(ctx, sources, claims_dir, aliases, out_dir, max_size=max_size,
                      follow_symlinks=follow_symlinks, jobs=jobs, reader=reader)
    for w in rep.warnings:
        ctx.say(f"warning: {w}")
    for d in rep.stale_decisions:
        ctx.say(f"warning: decision on {d['id']} is stale: its finding no longer exists (kept in {claims_dir})")
    if not no_write:
        from dataclasses import replace

        from .errors import W_BASE, warning
        from .store import BASE, load_base, write_base

        try:
            if not (Path(claims_dir) / BASE).is_dir():  # (a folder is never replaced: writing it fails below)
                load_base(Path(claims_dir))
        except ReconcileError as exc:  # report writes the claim base anew: say what it replaces
            w = warning(W_BASE, str(Path(claims_dir) / BASE), f"not a valid claim base ({exc}), rewritten")
            ctx.say(f"warning: {w}")
            rep = replace(rep, warnings=(*rep.warnings, w))
        for path in render_all(rep, Path(out_dir)):
            ctx.say(f"wrote {path}")
        try:
            ctx.say(f"wrote {write_base(Path(claims_dir), rep)}")
        except OSError as exc:
            if publisher is None:
                _emit(rep, fmt, output, width)
            _fail(ReconcileError(f"{Path(claims_dir) / BASE} cannot be written ({exc.strerror or exc})"))
    if publisher is not None:
        from . import settings as settings_mod
        from .fileio import write_text
        from .render.claimreview import render as claimreview

        exclusions = settings_mod.load(list(sources) or ["sources"], list(aliases)).lexicon.state_exclusions
        text = claimreview(rep, publisher, exclusions)
        if output in (None, "-"):
            click.echo(text, nl=False)
        else:
            write_text(output, text)
        return
    _emit(rep, fmt, output, width)


def _report_for(ctx: Ctx, sources, claims_dir, aliases=(), out_dir="reports", **reading):
    """The report on SOURCES (default sources/) with the recorded decisions; exit 2 on input errors.
    `reading`: max_size, follow_symlinks, jobs (pipeline.Options)."""
    from dataclasses import replace

    from .errors import W_DECISIONS_EDITED, warning
    from .store import DECISIONS, decisions_changed, load_decisions

    try:
        decisions = load_decisions(Path(claims_dir))
        changed = decisions_changed(Path(claims_dir), decisions)
        rep = _run(ctx, list(sources) or ["sources"], aliases, decisions, claims_dir, out_dir, **reading)
    except ReconcileError as exc:
        _fail(exc)
    if changed:  # read as it is, and said: `review` will not rewrite it until told to
        path = str(Path(claims_dir) / DECISIONS)
        rep = replace(rep, warnings=(*rep.warnings, warning(W_DECISIONS_EDITED, path, changed.removeprefix(
            f"{path}: ") + "; read as it is (`reconcile review --accept-edits` takes it)")))
    return rep


@main.command()
@click.argument("finding_id")
@SOURCES_OPT
@ALIASES_OPT
@CLAIMS_OPT
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal", show_default=True)
@reading_options
@click.pass_obj
def show(ctx: Ctx, finding_id, sources, aliases, claims_dir, fmt, max_size, follow_symlinks, jobs) -> None:
    """Show one finding: its claims in context, source metadata, explanation and decisions.

    FINDING_ID may be a unique prefix of the id.

    \b
    Examples:
      reconcile show f-3ec6a63343
      reconcile show f-3ec6 --format json
    """
    from .review import show_json, show_text

    rep = _report_for(ctx, sources, claims_dir, aliases, max_size=max_size, follow_symlinks=follow_symlinks,
                      jobs=jobs)
    for w in rep.warnings:
        ctx.say(f"warning: {w}")
    f = _find(rep, finding_id)
    if f is None:
        stale = [d for d in rep.stale_decisions if d["id"].startswith(finding_id)]
        if stale:
            click.echo(dumps(stale[0], indent=2) if fmt == "json" else
                       _one_line(f"{stale[0]['id']} no longer exists (its claims changed); recorded decisions:")
                       + "".join("\n" + _one_line(f"  {d.get('at')} {d.get('reviewer')}: {d.get('status')} — "
                                                  f"{d.get('note', '')}") for d in stale[0].get("history", [])))
            return
        _fail(UnknownFinding(f"no finding {finding_id!r}; `reconcile report` lists them"))
    click.echo(show_json(rep, f) if fmt == "json" else show_text(rep, f), nl=False)


def _find(rep, ident: str):
    """The finding `ident` names (an id or a unique prefix); exit 2 when the prefix is ambiguous."""
    from .review import matches

    found = matches(rep, ident)
    if len(found) > 1:
        _fail(UnknownFinding(f"ambiguous id {ident!r}: " + ", ".join(f.id for f in found)))
    return found[0] if found else None


@main.command()
@click.argument("finding_id", required=False)
@click.option("--status", type=click.Choice(["confirmed", "dismissed", "resolved", "open"]), default=None,
              help="The decision (required with FINDING_ID).")
@click.option("--note", default=None, help="Why (required with FINDING_ID).")
@click.option("--keep", default=None, help="The claim id whose value stands.")
@click.option("--reviewer", default=None, help="Who decides (default: $RECONCILE_REVIEWER, git user.name, login).")
@click.option("--format", "fmt", type=click.Choice(["terminal", "json"]), default="terminal", show_default=True,
              help="json: print the finding's decision record on stdout.")
@click.option("--accept-edits", is_flag=True,
              help="Take a decisions file changed by hand (or cut short) as it is, and write on.")
@SOURCES_OPT
@ALIASES_OPT
@CLAIMS_OPT
@reading_options
@click.pass_obj
def review(ctx: Ctx, finding_id, status, note, keep, reviewer, fmt, accept_edits, sources, aliases, claims_dir,
           max_size, follow_symlinks, jobs) -> None:
    """Record a decision on a finding, or walk the open findings one by one.

    Decisions go to CLAIMS_DIR/decisions.yaml with who, when, why and which value
    stands; they survive re-runs, and a decision whose finding disappears is kept
    and listed as stale.

    \b
    Examples:
      reconcile review f-3ec6a63343 --status confirmed --note "11 000 is the 2026 figure" --keep c-0123456789
      reconcile review            # interactive: each open finding, one prompt at a time
      reconcile review f-3ec6a63343 --status dismissed --note "same figure" --accept-edits
                                  # after a hand edit of decisions.yaml: take it as it is
    """
    from .review import reviewer_name
    from .store import record_decision

    who = reviewer_name(reviewer)
    rep = _report_for(ctx, sources, claims_dir, aliases, max_size=max_size, follow_symlinks=follow_symlinks,
                      jobs=jobs)
    if finding_id is None:
        _interactive(ctx, rep, who, claims_dir, accept_edits)
        return
    if status is None or not note:
        raise click.UsageError("give --status and --note with FINDING_ID (or no FINDING_ID for interactive review)")
    f = _find(rep, finding_id)
    if f is None:
        _fail(UnknownFinding(f"no finding {finding_id!r}; `reconcile report` lists them"))
    try:
        rec = record_decision(Path(claims_dir), f, status=status, note=note, reviewer=who, keep=keep,
                              accept_edits=accept_edits)
    except ReconcileError as exc:
        _fail(exc)
    ctx.say(f"recorded: {f.id} {status} by {who}")
    if fmt == "json":
        click.echo(dumps({"id": f.id, **rec}, indent=2))


def _interactive(ctx: Ctx, rep, who: str, claims_dir, accept_edits: bool = False) -> None:
    from .review import show_text
    from .store import record_decision

    pending = [f for f in rep.findings if f.status == "open"]
    if not pending:
        ctx.say("no open finding")
        return
    choices = {"c": "confirmed", "d": "dismissed", "r": "resolved", "s": None, "q": "quit"}
    for n, f in enumerate(pending, 1):
        click.echo(f"\n── {n}/{len(pending)} " + "─" * 40, err=True)
        click.echo(show_text(rep, f), err=True)
        answer = click.prompt("[c]onfirm, [d]ismiss, [r]esolve, [s]kip, [q]uit", err=True,
                              type=click.Choice(list(choices)), show_choices=False)
        if choices[answer] == "quit":
            break
        if choices[answer] is None:
            continue
        note = click.prompt("Note (why)", err=True)
        keep = click.prompt("Claim whose value stands (number, empty for none)", err=True, default="",
                            show_default=False)
        keep_id = f.claims[int(keep) - 1] if keep.strip().isdigit() and 0 < int(keep) <= len(f.claims) else None
        try:
            record_decision(Path(claims_dir), f, status=choices[answer], note=note, reviewer=who, keep=keep_id,
                            accept_edits=accept_edits)
        except ReconcileError as exc:
            _fail(exc)
        ctx.say(f"recorded: {f.id} {choices[answer]}")


@main.command()
@click.argument("sources", nargs=-1)
@click.option("--fail-on", type=click.Choice(["high", "medium", "low"]), default="medium", show_default=True,
              help="Lowest severity of a new open finding that fails the check.")
@click.option("--format", "fmt", type=click.Choice(["terminal", "github", "sarif", "junit", "json"]),
              default="terminal", show_default=True)
@click.option("-o", "--output", default=None, help="Write the output here ('-' is stdout).")
@ALIASES_OPT
@CLAIMS_OPT
@reading_options
@click.pass_obj
def check(ctx: Ctx, sources, fail_on, fmt, output, aliases, claims_dir, max_size, follow_symlinks,
          jobs) -> None:
    """Check SOURCES against the claim base: exit 1 on a new, unreviewed finding.

    A finding is new when the claim base (CLAIMS_DIR/base.json, written by
    `reconcile report`) does not know it and no reviewer has decided on it.
    Only changed sources are re-read; the rest come from the claim cache.

    \b
    Examples:
      reconcile check
      reconcile check sources/ --fail-on high --format github
      reconcile check --format sarif -o reconcile.sarif
    """
    from .check import check as run_check
    from .fileio import write_text
    from .render.checks import render as render_check
    from .store import load_base

    reader = _reader(ctx, jobs)
    spare = [] if _LEAVING else None  # what the run took in, left unfreed: the process leaves without freeing
    try:
        try:
            base = load_base(Path(claims_dir))
        except ReconcileError as exc:
            _fail(exc)
        rep = _report_for(ctx, sources, claims_dir, aliases, max_size=max_size, follow_symlinks=follow_symlinks,
                          jobs=jobs, findings_only=True, reader=reader, spare=spare)  # only the findings' claims
        # are shown: the last run's may do
    finally:
        if reader is not None:
            reader.close()
    for w in rep.warnings:
        ctx.say(f"warning: {w}")
    for src in rep.sources:  # CI locations of HTML claims point into their extracted text
        if src.kind == "html" and src.extracted_path:
            write_text(src.extracted_path, src.text)
    from . import settings as settings_mod

    lexicon = settings_mod.load(list(sources) or ["sources"], list(aliases)).lexicon
    result = run_check(rep, base, fail_on=fail_on, exclusions=lexicon.state_exclusions)
    text = render_check(result, rep, fmt)
    if output in (None, "-"):
        click.echo(text, nl=False)
    else:
        write_text(output, text)
        ctx.say(f"wrote {output}")
    sys.exit(0 if result.ok else 1)


@main.command()
@click.argument("sources", nargs=-1)
@ALIASES_OPT
@CLAIMS_OPT
@click.option("--out-dir", default="reports", show_default=True, help="Where text extracted from HTML goes.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on; another than this machine's needs the access token printed at start.")
@click.option("--port", type=click.IntRange(min=0, max=65535), default=8765, show_default=True,
              help="Port to listen on (0: any free port).")
@click.option("--reviewer", default=None, help="Default reviewer name (default: $RECONCILE_REVIEWER, git user.name).")
@reading_options
@click.pass_obj
def serve(ctx: Ctx, sources, aliases, claims_dir, out_dir, host, port, reviewer, max_size, follow_symlinks,
          jobs) -> None:
    """Open a review workspace in the browser over SOURCES (default: sources/).

    The same report and decisions as the command line: filter the findings, read
    each one's quotes in their paragraphs, record decisions (saved in
    CLAIMS_DIR/decisions.yaml as `reconcile review` saves them), re-run when
    sources change, download ClaimReview. Listens on 127.0.0.1; with another
    --host, an access token is printed with the address and required.

    \b
    Examples:
      reconcile serve                       # then open the address it prints
      reconcile serve sources/ --port 8800
      reconcile serve --host 0.0.0.0        # for the newsroom's network, with a token
    """
    import threading

    from . import settings as settings_mod
    from .pipeline import Options, run
    from .review import reviewer_name
    from .serve import LOCAL_HOSTS, Workspace, count_sources, new_token
    from .serve.app import create_app

    paths = list(sources) or ["sources"]
    try:
        exclusions = settings_mod.load(paths, list(aliases)).lexicon.state_exclusions
        count = count_sources(paths)
    except ReconcileError as exc:
        _fail(exc)

    started = threading.Event()  # once the server runs, re-runs happen in its threads: no forked workers there

    def make(decisions, step):
        return run(options=Options(paths=paths, aliases=list(aliases), decisions=decisions, out_dir=str(out_dir),
                                   cache_dir=str(Path(claims_dir) / "cache"), progress=step, max_size=max_size,
                                   follow_symlinks=follow_symlinks, jobs=1 if started.is_set() else jobs,
                                   engine="local" if started.is_set() else getattr(ctx, "engine", "local"),
                                   scheduler=None if started.is_set() else getattr(ctx, "scheduler", None)))

    ws = Workspace(make=make, claims_dir=Path(claims_dir), count=lambda: count_sources(paths), exclusions=exclusions)
    ctx.say(f"reading {count} source(s)…")
    ws.refresh()
    if ws.report is None:
        _fail(ReconcileError(ws.progress.error or "the sources could not be read"))
    token = None if host in LOCAL_HOSTS else new_token()
    app = create_app(ws, token=token, reviewer=reviewer_name(reviewer))
    from werkzeug.serving import make_server

    try:
        server = make_server(host, port, app, threaded=True)
    except OSError as exc:
        _fail(ReconcileError(f"cannot listen on {host}:{port} ({exc.strerror or exc})"))
    started.set()
    app.config.update(SESSION_COOKIE_NAME=f"reconcile-{server.port}", REVIEWER_COOKIE=f"reconcile-reviewer-{server.port}")
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"reconcile workspace: http://{shown}:{server.port}/" + (f"?token={token}" if token else ""))
    sys.stdout.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        ctx.say("stopped")
    finally:
        server.server_close()


def _reader(ctx: Ctx, jobs: int | None):
    """A process forked now to load the model (pipeline.Ahead), before this one reads anything: the run gives
    it the few new sources of a grown corpus, or stops it. None where the run reads no source ahead."""
    from .pipeline import Ahead, Options

    engine = getattr(ctx, "engine", "local")
    return Ahead() if Ahead.may(Options(cache_dir="cache", jobs=jobs, engine=engine)) else None


def _run(ctx: Ctx, paths, aliases, decisions, claims_dir, out_dir="reports", **reading):
    from .pipeline import Options, run
    from .sources import expand

    progress = _Progress(ctx, len(expand(paths)))
    opts = Options(paths=paths, aliases=list(aliases), decisions=decisions, out_dir=str(out_dir),
                   cache_dir=str(Path(claims_dir) / "cache"), progress=progress.step,
                   engine=getattr(ctx, "engine", "local"), scheduler=getattr(ctx, "scheduler", None),
                   **{k: v for k, v in reading.items() if v is not None})
    try:
        return run(options=opts)
    finally:
        progress.close()


def _emit(rep, fmt: str, output: str | None, width: int | None) -> None:
    from .fileio import write_text
    from .render import render

    if fmt == "terminal":
        colour = output in (None, "-") and sys.stdout.isatty()
        cols = width or (shutil.get_terminal_size((100, 24)).columns if sys.stdout.isatty() else 100)
        text = render(rep, "terminal", width=cols, colour=colour)
    else:
        text = render(rep, fmt)
    if output in (None, "-"):
        click.echo(text, nl=False)
    else:
        write_text(output, text)


@main.command()
@click.argument("text", nargs=-1)
@click.option("--published", default=None, help="Publication date YYYY-MM-DD (resolves relative dates).")
@click.option("--jsonl", "jsonl", type=click.File("r", encoding="utf-8"), default=None,
              help='One {"id", "text", "published"} object per line; "-" is stdin.')
@click.option("--entities", is_flag=True, help="Also list entity mentions (spaCy NER + the alias registry).")
@click.option("--aliases", multiple=True, type=click.Path(exists=True, dir_okay=False),
              help="Entity registry files (TOML) to add to the packaged one.")
def parse(text, published, jsonl, entities, aliases) -> None:
    """Show how a text is read: the dates, periods, figures and amounts it holds, as JSON lines.

    \b
    Examples:
      reconcile parse --published 2026-01-22 "l'an dernier, près de 11 000 salariés"
      echo '{"id": "a", "text": "fin 2023", "published": null}' | reconcile parse --jsonl -
      reconcile parse --entities "Ampère SAS et Ampere Energy, filiales du groupe Renault"
    """
    from .normalize import parse_mentions

    items = []
    try:
        if jsonl is not None:
            for n, line in enumerate(jsonl, 1):
                if line.strip():
                    obj = json.loads(line)
                    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                        raise ValueError(f'line {n}: expected {{"id", "text", "published"}} with a string text')
                    items.append((obj.get("id", str(n)), obj["text"], _date(obj.get("published"))))
        elif text:
            items.append(("1", " ".join(text), _date(published)))
        else:
            raise click.UsageError("give a TEXT or --jsonl FILE")
    except (ValueError, KeyError, TypeError) as exc:
        _fail(ReconcileError(f"bad input: {exc}"))
    finder = _entity_finder(aliases) if entities else None
    for ident, body, ref in items:
        found = parse_mentions(body, ref=ref) + (finder(body) if finder else [])
        mentions = [m.to_dict() for m in sorted(found, key=lambda m: (m.start, m.end))]
        click.echo(dumps({"id": ident, "mentions": mentions}))


def _entity_finder(aliases):
    """A function text -> entity Mentions (canonical name in `canonical`, NER label in `label`)."""
    from .extract import nlp as nlp_mod
    from .extract.entities import Gazetteer
    from .model import Mention
    from .pipeline import registry_for

    gazetteer = Gazetteer(registry_for([], aliases)[0])
    model = nlp_mod.load()

    def find(text: str) -> list:
        doc = model(nlp_mod.model_text(text))
        return [Mention(type="entity", text=x.text, start=x.start, end=x.end, label=x.type, canonical=x.name)
                for x in gazetteer.names(text, 0, doc)]

    return find


def _date(s):
    if s in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(s))
    except ValueError:
        raise ValueError(f"published must be YYYY-MM-DD, got {s!r}") from None


_LEAVING = False  # this process leaves without freeing its heap once the command is done (entry)


def entry() -> None:
    """The console script (and `python -m reconcile`): `main`, then out of the process without taking its heap
    apart object by object (after a check against 10,000 articles, a million objects: 0.3 s of freeing,
    measured). The exit handlers run and the streams are flushed first; every file a command writes is
    written whole and closed before it returns (fileio), so nothing waits on the teardown."""
    import atexit

    global _LEAVING
    _LEAVING = True
    held = []  # what the command ended with: its frames' objects (a report, a claim base) not freed before leaving
    try:
        main(prog_name="reconcile", standalone_mode=True)
        code = 0
    except SystemExit as exc:  # click ends every command with one: its code as Python would exit with it
        code = exc.code
        held.append(exc)
    if code is None:
        code = 0
    elif not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # a reader that left (`| head`), a stream closed
            pass
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    entry()
