"""`reconcile serve` as a newsroom starts it: it prints the workspace's address on stdout and serves it;
beyond this machine the address carries an access token, and a request without it is refused."""
from __future__ import annotations

import http.cookiejar
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request

from ..conftest import SOURCES


def test_serve_prints_its_address_and_requires_the_token_beyond_this_machine(tmp_path):
    env = dict(os.environ, RECONCILE_REVIEWER="ana")
    proc = subprocess.Popen([sys.executable, "-m", "reconcile", "-q", "serve", str(SOURCES), "--host", "0.0.0.0",
                             "--port", "0", "--claims-dir", str(tmp_path / "claims"), "--out-dir",
                             str(tmp_path / "reports"), "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        line = proc.stdout.readline()
        m = re.fullmatch(r"reconcile workspace: http://0\.0\.0\.0:(\d+)/\?token=([\w-]{20,})\n", line)
        assert m, (line, proc.stderr.read() if proc.poll() is not None else "")
        port, token = m.groups()
        base = f"http://127.0.0.1:{port}/"
        try:
            urllib.request.urlopen(base, timeout=10)
            raise AssertionError("served without the token")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = browser.open(f"{base}?token={token}", timeout=10).read().decode("utf-8")
        assert "Findings" in page and "shown of" in page
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert (tmp_path / "claims" / "cache").is_dir()  # its claims folder is the one it was given
