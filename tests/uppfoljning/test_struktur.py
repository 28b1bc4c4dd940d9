"""Issue 13: uppföljning's pages and API are thin doors — no view catches ValidationError itself (finsam.web's helpers and the
API exception handler do), the per-app `_formfel` copy is gone, and the app has the layout architecture.md describes."""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "uppfoljning"


def _fangar_valideringsfel(fil: Path) -> list[int]:
    trad = ast.parse(fil.read_text(encoding="utf-8"))
    return [n.lineno for n in ast.walk(trad) if isinstance(n, ast.ExceptHandler) and n.type is not None and "ValidationError" in ast.unparse(n.type)]


def test_inga_vyer_fangar_valideringsfel() -> None:
    filer = [*sorted((APP / "views").glob("*.py")), APP / "api" / "views.py"]
    assert len(filer) >= 4
    assert {str(f.relative_to(APP)): _fangar_valideringsfel(f) for f in filer} == {str(f.relative_to(APP)): [] for f in filer}


def test_appens_lager_som_arkitekturen_sager() -> None:
    for sokvag in ("services/__init__.py", "services/importera.py", "selectors/__init__.py", "views/__init__.py", "views/utfall.py"):
        assert (APP / sokvag).is_file(), sokvag
    for borta in ("importera.py", "views_utfall.py", "services.py", "selectors.py", "views.py"):
        assert not (APP / borta).exists(), borta
    kallkod = "\n".join(p.read_text(encoding="utf-8") for p in APP.rglob("*.py"))
    assert "_formfel(" not in kallkod
    assert all(len(p.read_text(encoding="utf-8").splitlines()) <= 500 for p in APP.rglob("*.py") if "migrations" not in p.parts)
