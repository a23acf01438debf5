"""The Teams app package: manifest.json with the app id filled in, and the two icons, zipped."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

TEMPLATE_DIR = Path(__file__).resolve().parents[3] / "teams"
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def build_package(app_id: str, out: Path, template_dir: Path = TEMPLATE_DIR) -> Path:
    """Write the zip Teams accepts in 'Upload a custom app'."""
    if not GUID.match(app_id or ""):
        raise ValueError("TEAMS_APP_ID must be the app registration's GUID")
    manifest = (
        (template_dir / "manifest.json")
        .read_text(encoding="utf-8")
        .replace("${TEAMS_APP_ID}", app_id)
    )
    json.loads(manifest)  # still valid JSON
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest)
        for icon in ("color.png", "outline.png"):
            archive.write(template_dir / icon, icon)
    return out
