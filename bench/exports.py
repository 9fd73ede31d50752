"""Export benchmarks on the large generated portfolio: our PDF and DOCX, their peak memory,
LibreOffice converting the same DOCX, and a bare reportlab build of the same story."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.platypus import NextPageTemplate, SimpleDocTemplate

from app.checker import check
from app.export.builder import build_document
from app.export.images import store_image_source
from app.export.service import export_portfolio
from app.exporters.pdf import _Contents, story
from app.store import PortfolioStore

HERE = Path(__file__).resolve().parent


def run_child(*args: str) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of a child process running bench/export_one.py."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(HERE / "export_one.py"), *args])
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"export failed: {args}")
    return elapsed, usage.ru_maxrss / 1024


def bare_build(store: PortfolioStore, target: Path) -> float:
    """The floor: the same flowables (paragraphs, tables, images) built into a plain
    SimpleDocTemplate, with no page furniture, outline or contents."""
    portfolio = store.load()
    unit = store.unit()
    document = build_document(portfolio, unit, check(portfolio, unit), draft=True)
    images = store_image_source(store)
    start = time.perf_counter()
    flowables = [
        flowable
        for flowable in story(document, images, _Contents())
        if not isinstance(flowable, NextPageTemplate)  # a plain template has no named pages
    ]
    SimpleDocTemplate(str(target), pagesize=A4).build(flowables)
    return time.perf_counter() - start


def in_process(store: PortfolioStore, fmt: str, target: Path) -> float:
    start = time.perf_counter()
    export_portfolio(store, fmt, target, draft=True)
    return time.perf_counter() - start


def report(large: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="folio-bench-export-") as folder:
        out = Path(folder)
        pdf_seconds, pdf_mb = run_child(str(large), "pdf", str(out / "large.pdf"))
        docx_seconds, docx_mb = run_child(str(large), "docx", str(out / "large.docx"))
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


def any_size(folder: Path, sizes: tuple[int, ...] = (2000, 12000, 50000)) -> None:
    """Exports that must stay linear: 1 MB in every text column of one item of each long
    kind, and PDF exports of more and more feedback items (time per item)."""
    from bench.big_fields import build_big_fields
    from bench.large_portfolio import build_large

    big = build_big_fields(folder / "big-fields.folio")
    for fmt in ("pdf", "docx"):
        seconds, mb = run_child(str(big), fmt, str(folder / f"big-fields.{fmt}"))
        print(
            f"{fmt.upper() + ' export, 1 MB in every text field':<46} {seconds * 1000:9.0f} ms"
            f"   peak {mb:6.0f} MB (targets < 10000 ms, < 400 MB)"
        )
    per_item: list[float] = []
    for size in sizes:
        path = build_large(folder / f"feedback-{size}.folio", feedback_items=size)
        try:
            seconds, mb = run_child(str(path), "pdf", str(folder / f"feedback-{size}.pdf"))
        except RuntimeError as error:
            print(f"PDF export, {size} feedback items: failed ({error})")
            continue
        per_item.append(seconds / size)
        print(
            f"{f'PDF export, {size} feedback items':<46} {seconds * 1000:9.0f} ms"
            f"   {seconds / size * 1000:6.2f} ms/item   peak {mb:6.0f} MB"
        )
        path.unlink()
    if len(per_item) > 1:
        spread = max(per_item) / min(per_item)
        verdict = "ok" if spread <= 1.5 else "MISSED"
        print(
            f"{'time per item, largest / smallest':<46} {spread:9.2f} x   "
            f"(target <= 1.5 x: {verdict})"
        )
