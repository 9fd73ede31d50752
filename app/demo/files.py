"""The demo's evidence files, made on the fly so the repository holds no binary samples."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from app.demo import scenario


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def survey_csv() -> bytes:
    rows = [("response_id", "channel", "rating_out_of_5", "comment")]
    comments = [
        ("email", 2, "Order not at the desk when I arrived"),
        ("email", 3, "Slow reply to my email about a missing part"),
        ("web", 4, "Easy to order online"),
        ("in store", 5, "Sam was brilliant"),
        ("email", 2, "Waited 25 minutes to collect"),
        ("web", 3, "Ready email came too early"),
        ("phone", 4, "Helpful on the phone"),
        ("in store", 2, "Nobody at the collection desk"),
        ("email", 3, "Took days to hear back"),
    ]
    rows += [(f"S-{1040 + i}", c, r, t) for i, (c, r, t) in enumerate(comments)]
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return buffer.getvalue().encode("utf-8")


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


_SHORT_LABELS = {
    "Customer satisfaction (CSAT)": "CSAT",
    "Click-and-collect complaints": "Collection complaints",
    "Average first email response": "Email first response",
    "First contact resolution (FCR)": "FCR",
}


def results_chart() -> bytes:
    """Before/after bars for the demo's metrics, as the learner would paste into a report."""
    width, height = 900, 520
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (30, 20), "Harbour & Hale: before and after the changes", fill="#1f2937", font=_font(26)
    )
    metrics = scenario.METRICS
    group = (width - 80) // len(metrics)
    top, bottom = 90, height - 90
    for index, metric in enumerate(metrics):
        peak = max(metric["baseline_value"], metric["result_value"]) * 1.15
        for offset, (key, colour) in enumerate(
            (("baseline_value", "#9ca3af"), ("result_value", "#2563eb"))
        ):
            value = metric[key]
            x0 = 50 + index * group + 20 + offset * 70
            y0 = bottom - (bottom - top) * value / peak
            draw.rectangle((x0, y0, x0 + 60, bottom), fill=colour)
            draw.text((x0 + 8, y0 - 24), f"{value:g}", fill="#111827", font=_font(18))
        label = _SHORT_LABELS.get(metric["name"], metric["name"])
        draw.text((50 + index * group + 10, bottom + 12), label, fill="#111827", font=_font(15))
        draw.text(
            (50 + index * group + 10, bottom + 32), metric["unit"], fill="#6b7280", font=_font(14)
        )
    draw.line((40, bottom, width - 30, bottom), fill="#111827", width=2)
    return _png(image)


def swimlane_png() -> bytes:
    """A hand-made swimlane picture, as learners paste in before Folio draws maps itself."""
    lanes = ["Customer", "Website", "Warehouse", "Collection desk"]
    steps = [
        (0, "Orders online"),
        (1, "Sends 'ready' email"),
        (2, "Picks order"),
        (0, "Travels to store"),
        (3, "Searches for order"),
        (2, "Brings parcel"),
        (3, "Hands over"),
    ]
    width, lane_height = 1180, 120
    image = Image.new("RGB", (width, lane_height * len(lanes) + 60), "white")
    draw = ImageDraw.Draw(image)
    draw.text(
        (20, 14), "Current click-and-collect process (before)", fill="#111827", font=_font(22)
    )
    for row, lane in enumerate(lanes):
        y = 50 + row * lane_height
        draw.rectangle(
            (10, y, width - 10, y + lane_height),
            outline="#6b7280",
            fill="#f9fafb" if row % 2 else "white",
        )
        draw.text((20, y + 48), lane, fill="#111827", font=_font(16))
    previous = None
    for index, (lane, text) in enumerate(steps):
        x = 170 + index * 140
        y = 50 + lane * lane_height + 35
        colour = "#fee2e2" if text in {"Sends 'ready' email", "Searches for order"} else "#dbeafe"
        draw.rounded_rectangle((x, y, x + 128, y + 50), radius=8, fill=colour, outline="#1f2937")
        draw.text((x + 64, y + 25), text, fill="#111827", font=_font(12), anchor="mm")
        if previous:
            draw.line((previous[0] + 128, previous[1] + 25, x, y + 25), fill="#1f2937", width=2)
        previous = (x, y)
    return _png(image)


def witness_statement() -> bytes:
    return (
        b"WITNESS STATEMENT\n\n"
        b"Name: Helen Ward\nRole: Store Manager, Harbour & Hale, Harbour Road\n\n"
        b"I confirm that Priya Shah led the click-and-collect review. She ran a workshop with "
        b"desk and warehouse staff and me to walk through every step from the online order to "
        b"the collection desk, trialled the scan-on-arrival change for a week, coached nine "
        b"colleagues on the scanner, and reported the results to our monthly management "
        b"meeting.\n\nSigned: H. Ward\n"
    )


def huddle_notes() -> bytes:
    return (
        "Team huddle — collection desk\n\n"
        "- New: parcels are scanned when they arrive at the desk; the ready email goes then.\n"
        "- Check the live list at the start of every shift.\n"
        "- If a customer's order cannot be found, you own it until it is found; you may give a "
        "£5 voucher.\n"
        "- Questions raised: what if the scanner fails? Answer: use the paper log, tell Priya.\n"
    ).encode()


def options_comparison() -> bytes:
    return (
        b"Options for fixing early 'ready' emails (scores 1-5, higher is better)\n\n"
        b"Criterion                 | A: scan on arrival | B: manual email | C: new system\n"
        b"Benefit to customers      | 5                  | 3               | 5\n"
        b"Cost                      | 4                  | 5               | 1\n"
        b"Risk                      | 4                  | 2               | 2\n"
        b"Fit with service standard | 5                  | 3               | 4\n"
        b"Total                     | 18                 | 13              | 12\n\n"
        b"Chosen: A. B relies on staff remembering; C costs too much this year.\n"
    )


#: name -> (maker, title, author kind, named source)
FILES: dict[str, tuple[Callable[[], bytes], str, str, str]] = {
    "survey-results-september.csv": (
        survey_csv,
        "September survey export",
        "system",
        "Survey platform export",
    ),
    "collection-results-chart.png": (results_chart, "Before and after chart", "learner", ""),
    "witness-statement-store-manager.txt": (
        witness_statement,
        "Witness statement from the store manager",
        "witness",
        "Helen Ward, Store Manager",
    ),
    "team-huddle-notes.txt": (huddle_notes, "Team huddle notes", "learner", ""),
    "collection-swimlane.png": (swimlane_png, "Swimlane map of the current process", "learner", ""),
    "options-comparison.txt": (options_comparison, "Options comparison", "learner", ""),
}


#: name -> how many days before the demo's day each file was produced
PRODUCED_DAYS_AGO: dict[str, int] = {
    "survey-results-september.csv": 117,
    "collection-results-chart.png": 15,
    "witness-statement-store-manager.txt": 10,
    "team-huddle-notes.txt": 84,
    "collection-swimlane.png": 110,
    "options-comparison.txt": 105,
}


def write_files(folder: Path, names: set[str] | None = None) -> dict[str, Path]:
    """Write the demo evidence files (all, or those in ``names``); return name -> path."""
    paths = {}
    for name, (maker, _title, _author, _source) in FILES.items():
        if names is not None and name not in names:
            continue
        path = folder / name
        path.write_bytes(maker())
        paths[name] = path
    return paths
