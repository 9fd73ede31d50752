"""Before the window opens: are the system libraries Qt's desktop platform (xcb) needs there?

Qt's own message when one is missing names the wrong library ("xcb-cursor0 … is needed"
when libxcb-icccm4 is what's absent), so ``make run`` asks the loader itself: ``ldd`` on
Qt's xcb plugin lists every library that cannot be found, and the table below names the
Debian/Ubuntu package of each. Imports no Qt: it must run where Qt cannot start.

``python -m app.desktop_check`` exits 0 when the desktop can start (or is not Linux/X11),
else prints the exact install command and, on a terminal, offers to run it with sudo.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

#: Library file name -> the Debian/Ubuntu package that provides it.
PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
}

#: Loaded by Qt at run time (dlopen), so ldd cannot see it; checked by name.
LOADED_AT_RUN_TIME = ("libxcb-cursor.so.0",)

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)


def qt_xcb_libraries() -> list[Path]:
    """Qt's xcb platform plugin and the library it is built on, as shipped with PySide6."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "lib" / "libQt6XcbQpa.so.6"]
    return [path for path in candidates if path.exists()]


def missing_from_ldd(output: str) -> list[str]:
    """The library names ``ldd`` reports as not found, once each, in order."""
    return list(dict.fromkeys(_NOT_FOUND.findall(output)))


def _known_to_loader(name: str) -> bool:
    try:
        listing = subprocess.run(
            ["ldconfig", "-p"], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return True  # cannot tell: let Qt try
    return f"{name} " in listing or f"/{name}\n" in listing


def missing_libraries() -> list[str]:
    """Every library Qt's xcb platform needs that this system lacks."""
    ldd = shutil.which("ldd")
    missing: list[str] = []
    if ldd is not None:
        for library in qt_xcb_libraries():
            result = subprocess.run([ldd, str(library)], capture_output=True, text=True)
            missing += missing_from_ldd(result.stdout)
    missing += [name for name in LOADED_AT_RUN_TIME if not _known_to_loader(name)]
    return list(dict.fromkeys(missing))


def install_command(missing: list[str]) -> list[str]:
    """The apt-get command that installs what is missing (unknown names are left out)."""
    packages = sorted({PACKAGES[name] for name in missing if name in PACKAGES})
    return ["sudo", "apt-get", "install", "-y", *packages] if packages else []


def needs_checking() -> bool:
    """Only a Linux desktop session that will use xcb needs these libraries."""
    if not sys.platform.startswith("linux"):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith("xcb"):
        return False
    return bool(os.environ.get("DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    if not needs_checking():
        return 0
    missing = missing_libraries()
    if not missing:
        return 0
    command = install_command(missing)
    print(
        "Folio's window needs system libraries that are not installed: " + ", ".join(missing),
        file=sys.stderr,
    )
    debian = Path("/etc/debian_version").exists()
    if not command or not debian:
        print(
            "Install them with your system's package manager, then run 'make run' again.",
            file=sys.stderr,
        )
        return 1
    text = " ".join(command)
    if sys.stdin.isatty() and not os.environ.get("CI"):
        answer = input(f"Install them now with:\n  {text}\n[Y/n] ").strip().lower()
        if answer in {"", "y", "yes"}:
            if os.geteuid() == 0:
                command = command[1:]
            return subprocess.run(command, check=False).returncode
    print(f"Install them with:\n  {text}\nthen run 'make run' again.", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
