"""Command line: parses arguments, builds options, calls the library, exits once.

stdout carries only the product (a report, JSON); messages, warnings and
progress go to stderr. Exit codes: 0 ok, 1 a check failed, 2 usage or input error.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import ReconcileError

FORMATS = ("terminal", "json", "markdown", "html", "csv")
EXTENSIONS = {"json": "report.json", "markdown": "report.md", "html": "report.html", "csv": "claims.csv"}


class Ctx:
    """Shared state of one invocation."""

    def __init__(self, quiet: bool):
        self.quiet = quiet

    def say(self, msg: str) -> None:
        if not self.quiet:
            click.echo(msg, err=True)


def _fail(exc: Exception) -> None:
    click.echo(f"reconcile: error: {exc}", err=True)
    sys.exit(2)


def _progress(ctx: Ctx, total: int):
    """A rich progress bar on stderr when it is a terminal; otherwise nothing."""
    if ctx.quiet or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import Progress

    progress = Progress(console=Console(stderr=True), transient=True)
    task = progress.add_task("extracting claims", total=total)
    progress.start()

    def step(source_id: str) -> None:
        progress.update(task, advance=1, description=f"reading {source_id}")
        if progress.tasks[0].completed >= total:
            progress.stop()

    return step


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
@click.option("--claims-dir", default="claims", show_default=True,
              help="Claim base: reviewers' decisions and the per-source claim cache.")
@click.option("--width", type=int, default=None, help="Terminal width (default: the terminal's, else 100).")
@click.pass_obj
def report(ctx: Ctx, sources, fmt, output, out_dir, no_write, aliases, claims_dir, width) -> None:
    """Extract claims from SOURCES (default: sources/) and write a consistency report.

    \b
    Examples:
      reconcile report
      reconcile report sources/ --format markdown -o reports/report.md
      reconcile report 'articles/*.html' --format json -o -
    """
    from .render import render_all
    from .store import load_decisions

    try:
        decisions = load_decisions(Path(claims_dir))
        rep = _run(ctx, list(sources) or ["sources"], aliases, decisions, claims_dir)
    except ReconcileError as exc:
        _fail(exc)
    for w in rep.warnings:
        ctx.say(f"warning: {w}")
    if not no_write:
        for path in render_all(rep, Path(out_dir)):
            ctx.say(f"wrote {path}")
    _emit(rep, fmt, output, width)


def _run(ctx: Ctx, paths, aliases, decisions, claims_dir):
    from .pipeline import Options, run
    from .sources import expand

    total = len(expand(paths))
    opts = Options(paths=paths, aliases=list(aliases), decisions=decisions,
                   cache_dir=str(Path(claims_dir) / "cache"), progress=_progress(ctx, total))
    return run(options=opts)


def _emit(rep, fmt: str, output: str | None, width: int | None) -> None:
    from .fileio import write_text
    from .render import render

    if fmt == "terminal":
        colour = output in (None, "-") and sys.stdout.isatty()
        cols = width or (click.get_terminal_size()[0] if sys.stdout.isatty() else 100)
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
def parse(text, published, jsonl) -> None:
    """Show how a text is read: the dates, periods, figures and amounts it holds, as JSON lines.

    \b
    Examples:
      reconcile parse --published 2026-01-22 "l'an dernier, près de 11 000 salariés"
      echo '{"id": "a", "text": "fin 2023", "published": null}' | reconcile parse --jsonl -
    """
    from .normalize import parse_mentions

    items = []
    try:
        if jsonl is not None:
            for n, line in enumerate(jsonl, 1):
                if line.strip():
                    obj = json.loads(line)
                    items.append((obj.get("id", str(n)), obj["text"], _date(obj.get("published"))))
        elif text:
            items.append(("1", " ".join(text), _date(published)))
        else:
            raise click.UsageError("give a TEXT or --jsonl FILE")
    except (ValueError, KeyError, TypeError) as exc:
        _fail(ReconcileError(f"bad input: {exc}"))
    for ident, body, ref in items:
        mentions = [m.to_dict() for m in parse_mentions(body, ref=ref)]
        click.echo(json.dumps({"id": ident, "mentions": mentions}, ensure_ascii=False))


def _date(s):
    if s in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(s))
    except ValueError:
        raise ValueError(f"published must be YYYY-MM-DD, got {s!r}") from None


if __name__ == "__main__":  # pragma: no cover
    main()
