"""Set-up promises: Qt's window plugin finds every library it needs (what setup.sh installs),
and with no display at all the app says so in one line instead of Qt's misleading abort."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None,
                    reason="the xcb plugin and ldd are Linux's")
def test_the_xcb_platform_plugin_finds_every_library():
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    assert plugin.exists(), plugin
    out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=True).stdout
    missing = sorted({line.split()[0] for line in out.splitlines() if "not found" in line})
    assert missing == [], f"install the Debian packages for {missing} (setup.sh lists them)"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a Linux desktop session is what is missing")
def test_no_display_is_one_clear_line():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    proc = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, env=env,
                          timeout=60)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: no display found") and "export" in lines[0]


def test_setup_installs_the_xcb_libraries_the_plugin_links_to():
    text = (ROOT / "setup.sh").read_text(encoding="utf-8")
    for package in ("libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-image0", "libxcb-randr0",
                    "libxcb-render-util0", "libxcb-shape0", "libxcb-xinerama0", "libxcb-xkb1", "libxkbcommon-x11-0"):
        assert package in text, package
