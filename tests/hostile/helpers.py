"""Shared pieces of the hostile-input corpus: the articles, the runs, and the checks every output must pass.

Each case is a temporary folder with `sources/good.txt` (a plain French article) and one bad or hostile
input beside it. `Case.examine()` runs `report` in every format, `check` in every format and `show` on
every finding, checks each output against the rules of its format, and returns what it saw.
"""
from __future__ import annotations

import csv
import html as html_mod
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from click.testing import CliRunner

import reconcile
from reconcile.cli import main

PKG_ROOT = Path(reconcile.__file__).resolve().parents[1]  # what `python -m reconcile` must import

# ------------------------------------------------------------------ articles (invented for these tests)

FRONT = "---\ntitle: {title}\noutlet: {outlet}\npublished: 2026-03-10\n---\n"

GOOD = FRONT.format(title="Vormex agrandit son site de Castelnau", outlet="Le Courrier du Lauragais") + (
    "L'usine Vormex de Castelnau emploie 1 250 salariés, selon la direction du groupe.\n"
    "Le site a réalisé un chiffre d'affaires de 84 millions d'euros en 2025.\n"
    "La direction prévoit d'embaucher 140 personnes d'ici la fin de l'année prochaine.\n"
    "Les syndicats saluent une bonne nouvelle pour la commune, qui compte 4 300 habitants.\n"
    "Le maire a rappelé que l'usine avait ouvert ses portes en 1987 sur un ancien terrain agricole.\n"
    "Un nouvel atelier de peinture doit être inauguré au mois de septembre.\n"
    "Les riverains s'inquiètent toutefois du trafic des camions sur la route départementale.\n"
)
GOOD_VALUES = (1250, 84_000_000)

# The same plant seen by another paper, with other figures: two findings against GOOD.
TWIN_HEADCOUNT = "L'usine Vormex de Castelnau emploie 1 600 salariés, selon la direction du groupe.\n"
TWIN_TAIL = ("Le site a réalisé un chiffre d'affaires de 91 millions d'euros en 2025.\n"
             "Le maire se félicite de cette présence industrielle dans la commune.\n")
TWIN_VALUES = (1600, 91_000_000)


def twin(*, first: str = TWIN_HEADCOUNT, front: str | None = None) -> str:
    """The twin article; `first` replaces its headcount line, `front` its whole front matter."""
    head = front if front is not None else FRONT.format(title="Castelnau, ville d'usine",
                                                        outlet="La Gazette d'Occitanie")
    return head + first + TWIN_TAIL


# An unrelated article from a library, for the cases where the hostile file has claims of its own.
LIBRARY_LINES = (
    "La médiathèque de Saint-Géraud a accueilli 3 800 visiteurs en février, précise la mairie.\n",
    "Les bénévoles ont organisé 27 ateliers de lecture pour les écoliers.\n",
    "Le chantier de la nouvelle aile a coûté 2,4 millions d'euros à la communauté de communes.\n",
)
LIBRARY_VALUES = (3800, 27)


def library(front: str | None = None) -> str:
    head = front if front is not None else FRONT.format(title="La médiathèque fait le plein",
                                                        outlet="L'Écho du Quercy")
    return head + "".join(LIBRARY_LINES)


# ------------------------------------------------------------------ checks on outputs

_TERMINAL_BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _around(s: str, i: int) -> str:
    return repr(s[max(0, i - 80): i + 80])


def clean_terminal(s: str, what: str = "terminal output") -> None:
    """No C0/C1 control but newline and tab, no DEL, no bidi control."""
    m = _TERMINAL_BAD.search(s)
    assert m is None, f"{what}: raw control character {m.group()!r} in {_around(s, m.start())}"


_LINK_ATTR = re.compile(r"""\b(?:href|src)\s*=\s*"([^"]*)\"""", re.I)


# the raw HTML the hostile inputs carry (the report itself has no reason to hold any of it)
HTML_PAYLOADS = ("<script", "<img", "<iframe", "<svg", '<a href="javascript', '<a href="https://exemple.fr/piege"')


def clean_markdown(s: str) -> None:
    """No raw HTML from the input, and no link to anything but an http(s) URL."""
    low = s.lower()
    for raw in HTML_PAYLOADS:
        assert raw not in low, f"markdown: raw HTML {raw!r} in {_around(s, low.index(raw))}"
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.validateLink = lambda url: True  # keep every link, to see where each one leads
    rendered = md.render(s)
    assert "<script" not in rendered.lower(), "markdown renders a <script> element"
    for target in _LINK_ATTR.findall(rendered):
        target = html_mod.unescape(target).strip()
        assert re.match(r"https?://", target, re.I), f"markdown: a link to {target!r}"


def clean_html(s: str) -> None:
    """Payloads stay escaped: no script or event-handler markup from the input, no javascript: link."""
    for raw in ("<script>alert", "<img src=x", "<svg onload", '<a href="https://exemple.fr/piege"'):
        assert raw not in s, f"html: {raw!r} left unescaped in {_around(s, s.index(raw))}"
    m = re.search(r"""\b(?:href|src)\s*=\s*["']?\s*javascript:""", s, re.I)
    assert m is None, f"html: javascript link in {_around(s, m.start())}"


_FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def clean_csv(s: str) -> list[list[str]]:
    """No text cell a spreadsheet would take as a formula."""
    rows = list(csv.reader(io.StringIO(s, newline="")))
    for n, row in enumerate(rows, 1):
        for cell in row:
            if cell.startswith(_FORMULA_LEADS):
                assert _is_number(cell), f"csv row {n}: cell {cell!r} starts like a formula"
    return rows


def _no_constant(name: str):
    raise ValueError(f"non-standard JSON constant {name}")


def strict_json(s: str):
    """Parse JSON, refusing NaN, Infinity and -Infinity."""
    return json.loads(s, parse_constant=_no_constant)


def valid_xml(s: str) -> ET.Element:
    return ET.fromstring(s.encode("utf-8"))


_LINES = re.compile(r"\r\n|\r|\n")
_ANNOTATION = re.compile(r"::(error|warning|notice)( |::)")


def clean_github(stdout: str, stderr: str, payloads=("::warning::pwned",)) -> None:
    """Only the tool's own workflow commands start a line; nothing on stderr starts with `::`."""
    for line in _LINES.split(stderr):
        assert not line.startswith("::"), f"github: stderr line {line!r} is a workflow command"
    for line in _LINES.split(stdout):
        if line.startswith("::"):
            assert _ANNOTATION.match(line), f"github: stdout line {line!r} is not one of the tool's annotations"
        for p in payloads:
            assert not line.startswith(p), f"github: payload {p!r} starts the line {line!r}"


# ------------------------------------------------------------------ running the command

def invoke(*args, input=None):
    """Run the CLI in this process (the spaCy model stays loaded)."""
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def why(r) -> str:
    """What to show when an exit code is not the one expected."""
    out = f"exit {r.exit_code}\nstderr: {r.stderr[-3000:]}\nstdout: {r.stdout[-1500:]}"
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        import traceback

        out += "\n" + "".join(traceback.format_exception(r.exception))[-3000:]
    return out


def expect_exit(r, code: int) -> None:
    assert r.exit_code == code, why(r)
    assert "Traceback" not in r.stderr, why(r)


def one_line_error(r, *names: str) -> str:
    """Exit 2 and exactly one clean line on stderr, `reconcile: error: ...`, naming each of `names`."""
    assert r.exit_code == 2, why(r)
    clean_terminal(r.stderr, "stderr")
    lines = r.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("reconcile: error:"), why(r)
    for n in names:
        assert n in lines[0], f"the error does not name {n!r}: {lines[0]!r}"
    return lines[0]


def subprocess_cli(cwd: Path, *args, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run the CLI in a child process, so that a hang fails the test (timeout) instead of blocking it,
    and a run-away allocation hits a memory ceiling instead of the machine."""
    def limit():  # pragma: no cover - runs in the child
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (6 << 30, 6 << 30))

    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PKG_ROOT), os.environ.get("PYTHONPATH")])),
           "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "reconcile", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, encoding="utf-8", errors="strict",
                          timeout=timeout, preexec_fn=limit)


def sub_why(p: subprocess.CompletedProcess) -> str:
    return f"exit {p.returncode}\nstderr: {p.stderr[-3000:]}\nstdout: {p.stdout[-1000:]}"


# ------------------------------------------------------------------ a case: a folder with good.txt

def claims_with(data: dict, value) -> list[dict]:
    return [c for c in data["claims"] if c.get("value") == value]


def has_values(data: dict, *values) -> None:
    got = sorted({repr(c.get("value")) for c in data["claims"]})
    for v in values:
        assert claims_with(data, v), f"no claim with value {v!r}; values: {', '.join(got)}"


def warned_in(data: dict | None, stderr: str | None, code: str | tuple, name: str) -> str:
    """A warning of `code` (or one of several codes) naming `name`, in the JSON report and on stderr."""
    codes = (code,) if isinstance(code, str) else tuple(code)
    found = ""
    if data is not None:
        hits = [w for w in data.get("warnings", []) if w.startswith(tuple(c + " " for c in codes)) and name in w]
        assert hits, f"no {'/'.join(codes)} warning naming {name!r} in the JSON report: {data.get('warnings')}"
        found = hits[0]
    if stderr is not None:
        lines = [ln for ln in stderr.splitlines() if any(c + " " in ln for c in codes) and name in ln]
        assert lines, f"no {'/'.join(codes)} warning line naming {name!r} on stderr: {stderr[-2000:]!r}"
        found = found or lines[0]
    return found


@dataclass
class Outcome:
    data: dict  # the JSON report
    stderr: str  # stderr of the JSON report run
    texts: list[tuple[str, str]] = field(default_factory=list)  # (what, text) of every output seen

    def warned(self, code, name: str) -> str:
        return warned_in(self.data, self.stderr, code, name)

    def has(self, *values) -> None:
        has_values(self.data, *values)

    def has_good(self) -> None:
        assert any(s["id"] == "good" for s in self.data["sources"]), self.data["sources"]
        has_values(self.data, *GOOD_VALUES)

    def source_claims(self, source_id: str) -> list[dict]:
        return [c for c in self.data["claims"] if c["source"] == source_id]

    def everything(self) -> str:
        return "\n".join(t for _, t in self.texts)


REPORT_FORMATS = ("terminal", "markdown", "html", "csv")
CHECK_FORMATS = ("terminal", "github", "sarif", "junit", "json")


def check_format(fmt: str, stdout: str, stderr: str, payloads=("::warning::pwned",)) -> None:
    """The rules of one output format (report or check), and clean stderr."""
    clean_terminal(stderr, f"stderr ({fmt})")
    if fmt == "terminal":
        clean_terminal(stdout, "terminal output")
    elif fmt == "markdown":
        clean_markdown(stdout)
    elif fmt == "html":
        clean_html(stdout)
    elif fmt == "csv":
        clean_csv(stdout)
    elif fmt in ("json", "sarif"):
        strict_json(stdout)
    elif fmt == "junit":
        valid_xml(stdout)
    elif fmt == "github":
        clean_github(stdout, stderr, payloads)


class Case:
    """A temporary folder holding sources/good.txt; the current directory during the test."""

    def __init__(self, root: Path):
        self.root = root
        self.src = root / "sources"
        self.src.mkdir()
        self.add("good.txt", GOOD)

    def add(self, name: str, data, folder: Path | None = None) -> Path:
        p = (folder or self.src) / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return p

    def run(self, *args, input=None):
        return invoke(*args, input=input)

    def sub(self, *args, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess_cli(self.root, *args, timeout=timeout)

    def report_json(self, *options, sources=("sources",), expect=0, write=True):
        """`report --format json -o -`: (data, result)."""
        where = ["--out-dir", "out"] if write else ["--no-write"]
        r = invoke("report", *sources, "--format", "json", "-o", "-", *where, "--claims-dir", "claims", *options)
        expect_exit(r, expect)
        clean_terminal(r.stderr, "stderr (report json)")
        return (strict_json(r.stdout) if expect == 0 else None), r

    def examine(self, *options, sources=("sources",), shows: bool = True,
                payloads=("::warning::pwned",)) -> Outcome:
        """Report in every format, check in every format, show every finding: exit codes and clean outputs."""
        data, r = self.report_json(*options, sources=sources)
        out = Outcome(data, r.stderr, [("report json", r.stdout), ("report json stderr", r.stderr)])
        for fmt in REPORT_FORMATS:
            r = invoke("report", *sources, "--format", fmt, "-o", "-", "--no-write", "--claims-dir", "claims",
                       *options)
            expect_exit(r, 0)
            check_format(fmt, r.stdout, r.stderr, payloads)
            out.texts += [(f"report {fmt}", r.stdout), (f"report {fmt} stderr", r.stderr)]
        # a claims folder with no base (nor decisions): every finding is new; --fail-on low makes each one
        # fail. It starts as a copy of the report's claims folder, so that its claim cache is warm.
        if (self.root / "claims").is_dir() and not (self.root / "claims-check").exists():
            shutil.copytree(self.root / "claims", self.root / "claims-check",
                            ignore=shutil.ignore_patterns("base.json", "decisions.yaml*"))
        code = 1 if data["conflicts"] else 0
        for fmt in CHECK_FORMATS:
            r = invoke("check", *sources, "--format", fmt, "-o", "-", "--claims-dir", "claims-check",
                       "--fail-on", "low", *options)
            expect_exit(r, code)
            check_format(fmt, r.stdout, r.stderr, payloads)
            out.texts += [(f"check {fmt}", r.stdout), (f"check {fmt} stderr", r.stderr)]
        if shows and not options:
            srcs = [x for s in sources for x in ("--sources", s)]
            for f in data["conflicts"][:2]:
                for fmt in ("terminal", "json"):
                    r = invoke("show", f["id"], *srcs, "--claims-dir", "claims", "--format", fmt)
                    expect_exit(r, 0)
                    clean_terminal(r.stderr, "stderr (show)")
                    (clean_terminal if fmt == "terminal" else strict_json)(r.stdout)
                    out.texts += [(f"show {fmt}", r.stdout), (f"show {fmt} stderr", r.stderr)]
        return out

    def written_files(self, exclude=()) -> list[Path]:
        """Every file the tool wrote (report folder, claim folders)."""
        out = []
        for d in ("out", "claims", "claims-check", "reports"):
            if (self.root / d).is_dir():
                out += [p for p in (self.root / d).rglob("*") if p.is_file() and not p.is_symlink()]
        return [p for p in out if not any(str(p).startswith(str(e)) for e in exclude)]


class memory_ceiling:
    """Within the block, this process may grow by at most `extra` bytes of address space (so that a
    source read without end — /dev/zero — raises MemoryError instead of exhausting the machine)."""

    def __init__(self, extra: int = 4 << 30):
        self.extra = extra

    def __enter__(self):
        import resource

        self.before = resource.getrlimit(resource.RLIMIT_AS)
        size = 0
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    size = int(line.split()[1]) * 1024
        soft = size + self.extra
        if self.before[1] != resource.RLIM_INFINITY:
            soft = min(soft, self.before[1])
        resource.setrlimit(resource.RLIMIT_AS, (soft, self.before[1]))
        return self

    def __exit__(self, *exc):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, self.before)
        return False


def report_in_child(case: Case, *options, timeout: float = 60):
    """`report --format json` in a child process: (JSON data, stderr); a hang or a crash fails the test."""
    p = case.sub("report", "sources", "--format", "json", "-o", "-", "--no-write", "--claims-dir", "claims",
                 *options, timeout=timeout)
    assert p.returncode == 0, sub_why(p)
    assert "Traceback" not in p.stderr, sub_why(p)
    clean_terminal(p.stderr, "stderr")
    return strict_json(p.stdout), p.stderr
