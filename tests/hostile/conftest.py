"""The `case` fixture: a temporary folder with sources/good.txt, made the current directory."""
from __future__ import annotations

import pytest

from .helpers import Case


@pytest.fixture()
def case(tmp_path, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)
    return Case(tmp_path)
