"""Take the README's screenshots from a running demo (`make run`), in Debian's Chromium.

    .venv/bin/python scripts/screenshots.py [--url http://127.0.0.1:8000]

Writes PNGs to docs/screenshots/. Pages that do not exist (404) are skipped with a note.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from playwright.sync_api import sync_playwright

UT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
LOSEN = os.environ.get("DEMO_PASSWORD", "finsam-demo")
SIDOR = [
    ("chef", "/", "start-forbundschef"),
    ("chef", "/organisation/?ar=2019", "organisation"),
    ("chef", "/styrelse/", "styrelse"),
    ("chef", "/insatser/", "insatser"),
    ("chef", "/ekonomi/", "ekonomi"),
    ("chef", "/rapporter/", "rapporter"),
    ("administrator", "/", "start-administrator"),
    ("administrator", "/uppfoljning/", "deltagare"),
    ("ledamot", "/", "start-ledamot"),
    ("ledamot", "/uppfoljning/utfall/?ar=2019", "utfall"),
    ("revisor", "/", "start-revisor"),
    (None, "/anslagstavla/", "anslagstavla"),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    args = ap.parse_args()
    UT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        inloggad: dict[str | None, object] = {}
        for user, path, namn in SIDOR:
            if user not in inloggad:
                ctx = browser.new_context(locale="sv-SE", viewport={"width": 1280, "height": 860})
                page = ctx.new_page()
                if user:
                    page.goto(f"{args.url}/logga-in/")
                    page.get_by_label("Användarnamn").fill(user)
                    page.get_by_label("Lösenord").fill(LOSEN)
                    page.get_by_role("button", name="Logga in").click()
                    page.wait_for_load_state()
                inloggad[user] = page
            page = inloggad[user]  # type: ignore[assignment]
            svar = page.goto(f"{args.url}{path}")  # type: ignore[attr-defined]
            if svar is None or svar.status >= 400:
                print(f"hoppar över {path} ({svar.status if svar else '–'})")
                continue
            page.screenshot(path=str(UT / f"{namn}.png"), full_page=False)  # type: ignore[attr-defined]
            print(f"{namn}.png  {path}")
        browser.close()


if __name__ == "__main__":
    main()
