"""Export benchmarks on the large generated portfolio: our PDF and DOCX, their peak memory,
LibreOffice converting the same DOCX, and a bare reportlab build of the same story."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import NextPageTemplate, SimpleDocTemplate

from app.checker import check
from app.export.builder import build_document
from app.export.images import store_image_source
from app.export.service import export_portfolio
from app.exporters.pdf import _Contents, story
from app.store import PortfolioStore
from bench.measure import run_child, spread_line


def bare_build(store: PortfolioStore, target: Path) -> float:
    """The floor: the same flowables (paragraphs, tables, images) built into a plain
    SimpleDocTemplate, with no page furniture, outline or contents."""
    portfolio = store.load()
    unit = store.unit()
    document = build_document(portfolio, unit, check(portfolio, unit), draft=True)
    images = store_image_source(store)
    start = time.perf_counter()
    contents = _Contents()
    flowables = [
        flowable
        for flowable in story(document, images, contents)
        if not isinstance(flowable, NextPageTemplate)  # a plain template has no named pages
    ]

    class FormsCanvas(Canvas):
        """A plain canvas, but the page references' numbers must be defined to save."""

        def save(self) -> None:
            contents.draw_numbers(self)
            super().save()

    SimpleDocTemplate(str(target), pagesize=A4).build(flowables, canvasmaker=FormsCanvas)
    return time.perf_counter() - start


def in_process(store: PortfolioStore, fmt: str, target: Path) -> float:
    start = time.perf_counter()
    export_portfolio(store, fmt, target, draft=True)
    return time.perf_counter() - start


def report(large: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="folio-bench-export-") as folder:
        out = Path(folder)
        pdf_seconds, pdf_mb, _ = run_child(str(large), "pdf", str(out / "large.pdf"))
        docx_seconds, docx_mb, _ = run_child(str(large), "docx", str(out / "large.docx"))
        print(
            f"{'PDF export (whole pipeline, own process)':<46} {pdf_seconds * 1000:9.0f} ms"
            f"   peak {pdf_mb:6.0f} MB (target < 300 MB)"
        )
        print(
            f"{'DOCX export (whole pipeline, own process)':<46} {docx_seconds * 1000:9.0f} ms"
            f"   peak {docx_mb:6.0f} MB (target < 300 MB)"
        )
        with PortfolioStore.open(large) as store:
            start = time.perf_counter()
            portfolio = store.load()
            unit = store.unit()
            build_document(portfolio, unit, check(portfolio, unit), draft=True)
            prep = time.perf_counter() - start
            floor = bare_build(store, out / "bare.pdf")
            ours = in_process(store, "pdf", out / "again.pdf")
        print(f"{'  of which load + check + document model':<46} {prep * 1000:9.0f} ms")
        print(f"{'PDF export in a running Folio':<46} {ours * 1000:9.0f} ms")
        print(f"{'bare reportlab build of the same story':<46} {floor * 1000:9.0f} ms")
        print(f"{'our PDF / bare build':<46} {ours / floor:9.2f} x   (target <= 1.2 x)")
        soffice = shutil.which("soffice")
        if soffice is None:
            print("LibreOffice conversion: soffice not installed, skipped")
            return
        start = time.perf_counter()
        subprocess.run(
            [
                soffice,
                "--headless",
                f"-env:UserInstallation=file://{out}/lo-profile",
                "--convert-to",
                "pdf",
                "--outdir",
                str(out / "lo"),
                str(out / "large.docx"),
            ],
            check=True,
            capture_output=True,
            timeout=1800,
        )
        lo_seconds = time.perf_counter() - start
        print(f"{'LibreOffice DOCX -> PDF of the same document':<46} {lo_seconds * 1000:9.0f} ms")
        print(
            f"{'LibreOffice / our PDF (own process)':<46} {lo_seconds / pdf_seconds:9.1f} x   "
            "(target >= 20 x)"
        )


ITEM_SIZES = (2000, 12000, 50000)
FORMATS = ("pdf", "docx", "html")


def any_size(
    folder: Path,
    sizes: tuple[int, ...] = ITEM_SIZES,
    formats: tuple[str, ...] = FORMATS,
    field_sizes: tuple[int, ...] | None = None,
) -> None:
    """Exports that must stay linear: 1 MB in every text column of one item of each long
    kind (with ``field_sizes``, fields of each of those sizes), and each format's export of
    more and more feedback items (its time per item, about the same at every size)."""
    from bench import big_fields
    from bench.large_portfolio import build_large

    big_fields.report(folder, field_sizes or (big_fields.MAX_TEXT,), formats)
    per_item: dict[str, list[float]] = {fmt: [] for fmt in formats}
    for size in sizes:
        path = build_large(folder / f"feedback-{size}.folio", feedback_items=size)
        for fmt in formats:
            target = folder / f"feedback-{size}.{fmt}"
            try:
                seconds, mb, cpu = run_child(str(path), fmt, str(target))
            except RuntimeError as error:
                print(f"{fmt.upper()} export, {size} feedback items: failed ({error})")
                continue
            per_item[fmt].append(seconds / size)
            print(
                f"{f'{fmt.upper()} export, {size} feedback items':<46} {seconds * 1000:9.0f} ms"
                f" (cpu {cpu * 1000:6.0f} ms)   {seconds / size * 1000:6.2f} ms/item"
                f"   peak {mb:6.0f} MB"
            )
            target.unlink()
        path.unlink()
    for fmt, figures in per_item.items():
        if len(figures) > 1:
            print(spread_line(f"{fmt.upper()} time per item, largest / smallest size", figures))


def main() -> None:
    """``python bench/exports.py [N ...]``: the any-size figures, with N feedback items
    (default 2,000, 12,000 and 50,000)."""
    sizes = tuple(int(arg) for arg in sys.argv[1:]) or ITEM_SIZES
    with tempfile.TemporaryDirectory(prefix="folio-bench-any-size-") as folder:
        any_size(Path(folder), sizes)


if __name__ == "__main__":
    main()
