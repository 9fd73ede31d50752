"""One step of the memory bench in its own process, so the bench can read its peak RSS.

memory_one.py floor FILE.folio             open the portfolio and load it (the constant)
memory_one.py export-json FILE.folio OUT.json
memory_one.py import-json IN.json OUT.folio
memory_one.py export FMT FILE.folio OUT    PDF, DOCX or HTML export (draft)
memory_one.py thumbnail FILE.folio         the evidence page's thumbnail of every picture
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def peak_virtual_bytes() -> int:
    """VmPeak of this process (0 where /proc is not there)."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmPeak:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def main() -> None:
    arguments = sys.argv[1:]
    if arguments[0] == "--cap":
        import resource

        cap = int(arguments[1])
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
        arguments = arguments[2:]
    try:
        step(*arguments)
    finally:
        print(f"peak-virtual-bytes {peak_virtual_bytes()}", flush=True)


def step(verb: str, *args: str) -> None:
    from app.store import PortfolioStore

    if verb == "floor":
        with PortfolioStore.open(Path(args[0])) as store:
            store.load()
    elif verb == "export-json":
        from app.store.interchange import write_json

        with PortfolioStore.open(Path(args[0])) as store:
            write_json(store, Path(args[1]))
    elif verb == "import-json":
        from app.store.interchange import read_json

        read_json(Path(args[0]), Path(args[1])).close()
    elif verb == "export":
        from app.export.service import export_portfolio

        with PortfolioStore.open(Path(args[1])) as store:
            export_portfolio(store, args[0], Path(args[2]), draft=True)
    elif verb == "thumbnail":
        thumbnails(Path(args[0]))
    else:
        raise SystemExit(f"unknown step {verb!r}")


def thumbnails(path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from app.store import PortfolioStore

    QApplication.instance() or QApplication([])
    try:
        from app.ui.thumbnails import thumbnail
    except ImportError:  # before thumbnails had their own module: as the page made them
        from PySide6.QtGui import QPixmap

        from app.export.images import downscale

        def thumbnail(store, sha256, size):  # type: ignore[no-untyped-def]
            pixmap = QPixmap()
            data = downscale(store.read_content(sha256), size)
            if data is not None:
                pixmap.loadFromData(data.data)
            return pixmap.toImage()

    with PortfolioStore.open(path) as store:
        for item in store.load().evidence_files:
            if item.is_image and thumbnail(store, item.blob_sha256, 96).isNull():
                raise SystemExit(f"no thumbnail of {item.original_name}")


if __name__ == "__main__":
    main()
