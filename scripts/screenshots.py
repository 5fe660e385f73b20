"""Screenshots of the demo for the README (issue 16): the home page, a process, a budget's result and the phone
view, taken by Debian's chromium (Playwright, the same flags as the browser tests) against a fresh demo.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png

It builds the demo in a throwaway SQLite file (migrate, seed_demo), serves it on a free port with runserver, takes
the pictures and stops the server: run it again after a change of the pages to refresh them.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]
# (file, path, viewport width, height)
SHOTS = [
    ("home.png", "/en/", 1280, 900),
    ("process.png", "/en/processes/vieux-laeken-est/", 1280, 1100),
    ("budget-result.png", "/en/processes/pentagone-budget/budget/result/", 1280, 1100),
    ("phone.png", "/fr/", 390, 844),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _manage(env, *args) -> None:
    subprocess.run(  # noqa: S603 (this interpreter and manage.py, fixed arguments)
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        env = os.environ | {"DJANGO_DEBUG": "true", "DATABASE_URL": f"sqlite:///{folder}/demo.sqlite3"}
        _manage(env, "migrate", "--no-input")
        _manage(env, "seed_demo")
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen(  # noqa: S603 (this interpreter and manage.py)
            [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz", timeout=1)  # noqa: S310 (our own http://127.0.0.1 server)
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
                for name, path, width, height in SHOTS:
                    page = browser.new_page(viewport={"width": width, "height": height}, locale="en-GB")
                    page.goto(base + path)
                    page.screenshot(path=str(OUT / name))
                    page.close()
                    print(OUT / name)
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
