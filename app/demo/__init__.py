"""``folio demo``: a realistic, fully worked portfolio for any built-in unit."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from app.catalogue import Unit
from app.demo import files, scenario
from app.demo.mappings import MAPPINGS
from app.store import PortfolioStore


def _day(today: dt.date, days_ago: int) -> dt.date:
    return today - dt.timedelta(days=days_ago)


def build_demo(path: Path | str, unit: Unit, today: dt.date | None = None) -> PortfolioStore:
    """Create the demo portfolio for ``unit`` at ``path`` and return it open."""
    today = today or dt.date.today()
    store = PortfolioStore.create(
        path,
        unit,
        started_on=_day(today, scenario.STARTED_DAYS_AGO),
        submission_due_on=today + dt.timedelta(days=scenario.DUE_IN_DAYS),
        **scenario.DETAILS,
    )
    try:
        _fill(store, unit, today)
    except BaseException:
        store.close()
        Path(path).unlink(missing_ok=True)
        raise
    return store


def _fill(store: PortfolioStore, unit: Unit, today: dt.date) -> None:
    ids: dict[tuple[str, int | str], int] = {}

    def add(kind: str, index: int, **fields: object) -> int:
        change = store.add_item(kind, **fields)
        ids[(kind, index)] = int(change.item_id)  # type: ignore[arg-type]
        return ids[(kind, index)]

    for index, item in enumerate(scenario.FEEDBACK):
        fields = {k: v for k, v in item.items() if k != "days_ago"}
        add("feedback_item", index, received_on=_day(today, item["days_ago"]), **fields)
    for index, item in enumerate(scenario.FINDINGS):
        fields = {k: v for k, v in item.items() if k != "feedback"}
        finding_id = add("analysis_finding", index, **fields)
        store.set_related(
            "analysis_finding", finding_id, [ids[("feedback_item", i)] for i in item["feedback"]]
        )
    for index, item in enumerate(scenario.ACTIONS):
        fields = {k: v for k, v in item.items() if k not in {"findings", "due_in"}}
        action_id = add(
            "action_item", index, due_on=today + dt.timedelta(days=item["due_in"]), **fields
        )
        store.set_related(
            "action_item", action_id, [ids[("analysis_finding", i)] for i in item["findings"]]
        )
    for index, item in enumerate(scenario.LOG):
        action = item["action"]
        add(
            "log_entry",
            index,
            logged_on=_day(today, item["days_ago"]),
            action_id=None if action is None else ids[("action_item", action)],
            **{k: v for k, v in item.items() if k not in {"days_ago", "action"}},
        )
    for index, item in enumerate(scenario.METRICS):
        fields = {k: v for k, v in item.items() if not k.endswith("_days_ago")}
        add(
            "metric",
            index,
            baseline_on=_day(today, item["baseline_days_ago"]),
            result_on=_day(today, item["result_days_ago"]),
            **fields,
        )
    store.update_details(evaluation_narrative=scenario.EVALUATION)

    mappings = MAPPINGS.get(unit.id, {})
    used = {
        target[1]
        for links in mappings.values()
        for target, _ in links
        if target[0] == "evidence_file"
    }
    with tempfile.TemporaryDirectory(prefix="folio-demo-") as folder:
        for name, path in files.write_files(Path(folder), used).items():
            _maker, title, author, source = files.FILES[name]
            change = store.attach_file(
                path,
                title=title,
                author=author,
                source_name=source,
                produced_on=_day(today, files.PRODUCED_DAYS_AGO[name]),
            )
            ids[("evidence_file", name)] = int(change.item_id)  # type: ignore[arg-type]

    for short_id, links in mappings.items():
        for target, justification in links:
            store.link_evidence(f"{unit.id}.{short_id}", target[0], ids[target], justification)

    store.sign_declaration(
        scenario.DETAILS["learner_name"], _day(today, scenario.DECLARATION_DAYS_AGO)
    )


DEMO_UNIT = "continuous-improvement"


def ensure_demo_copy(unit: Unit, folder: Path) -> Path:
    """The user's own demo portfolio in ``folder``, created the first time it is asked for."""
    path = folder / f"Demo - {unit.id}.folio"
    if not path.exists():
        with build_demo(path, unit):
            pass
    return path
