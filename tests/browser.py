"""Headless Chromium for the browser tests, through the Debian chromedriver (never selenium manager).

Without the browser the tests are skipped on a developer's machine; under CI=true a missing browser fails
the run instead, as `.ci/run` installs it."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def require_browser() -> None:
    """Skip the calling test module when Chromium or its driver is missing, or fail it under CI=true."""
    missing = [p for p in (CHROMIUM, CHROMEDRIVER) if not Path(p).exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if not missing:
        return
    why = f"the browser tests need {', '.join(missing)}"
    if os.environ.get("CI") == "true":
        pytest.fail(why + " (CI=true: installed by .ci/run)", pytrace=False)
    pytest.skip(why, allow_module_level=True)


@contextmanager
def chromium(profile: Path):
    """A headless Chromium with its own profile folder, quit at the end."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", f"--user-data-dir={profile}"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    drv.set_page_load_timeout(20)
    try:
        yield drv
    finally:
        drv.quit()
        shutil.rmtree(profile, ignore_errors=True)
