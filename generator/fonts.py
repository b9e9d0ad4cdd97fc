"""The local font the leaflets (PDF) and share cards (PNG) are drawn with, found by fontconfig.

DejaVu Sans has every Vietnamese letter; the Makefile's install step installs it
(fonts-dejavu-core, fontconfig) when the machine lacks it. Nothing is downloaded.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path

FAMILY = "DejaVu Sans"
MISSING_HINT = ("Gợi ý: xóa tệp .venv/.installed rồi chạy lại make site (bước cài đặt cài các gói "
                "fonts-dejavu-core và fontconfig), hoặc tự cài hai gói này.")


@functools.cache
def font_file(family: str = FAMILY, style: str = "") -> Path | None:
    """The file fontconfig gives for the family (and style: "bold", "book"), or None when it
    has no such family (fc-match then falls back to another, which may lack Vietnamese)."""
    fc_match = shutil.which("fc-match")
    if not fc_match:
        return None
    pattern = f"{family}:{style}" if style else family
    try:
        found = subprocess.run([fc_match, "-f", "%{family}\n%{file}", pattern],
                               capture_output=True, text=True, check=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    families, _, path = found.partition("\n")
    if family not in [f.strip() for f in families.split(",")] or not Path(path).is_file():
        return None
    return Path(path)
