"""reconcile: source-claim reconciliation and fact-checking for French news."""
from importlib.metadata import PackageNotFoundError, version as _version

try:
    __version__ = _version("reconcile")
except PackageNotFoundError:  # running from a source tree
    __version__ = "0.0.0+local"


def run(paths, **options):
    """Read the sources at `paths`, extract and compare claims, return a Report."""
    from .pipeline import run as _run

    return _run(paths, **options)


__all__ = ["__version__", "run"]
