"""The Teams app package: manifest.json with the app id filled in, and the two icons, zipped."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from bot.errors import InvalidPackage

TEMPLATE_DIR = Path(__file__).resolve().parents[3] / "teams"
# Read through Microsoft Graph with resource-specific consent, granted at install: the digest
# poster looks for its own post in a channel or group chat before posting again (#16).
RSC_PERMISSIONS = ("ChannelMessage.Read.Group", "ChatMessage.Read.Chat")
GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")


def build_package(app_id: str, out: Path, template_dir: Path = TEMPLATE_DIR) -> Path:
    """Write the zip Teams accepts in 'Upload a custom app'."""
    if not GUID.match(app_id or ""):
        raise InvalidPackage("teams_package_bad_id")
    manifest = (
        (template_dir / "manifest.json")
        .read_text(encoding="utf-8")
        .replace("${TEAMS_APP_ID}", app_id)
    )
    declared = json.loads(manifest).get("authorization", {}).get("permissions", {})  # valid JSON
    granted = {(p.get("name"), p.get("type")) for p in declared.get("resourceSpecific", [])}
    missing = [name for name in RSC_PERMISSIONS if (name, "Application") not in granted]
    if missing:
        raise InvalidPackage("teams_package_permissions", missing=", ".join(missing))
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", manifest)
        for icon in ("color.png", "outline.png"):
            archive.write(template_dir / icon, icon)
    return out
