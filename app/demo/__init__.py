"""``folio demo``: a realistic, fully worked portfolio for any built-in unit."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from app.catalogue import Unit
from app.demo import assessment, files, scenario, tools
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
        registration_number=scenario.REGISTRATION_NUMBER,
        employer_contact=scenario.EMPLOYER_CONTACT,
    )
    try:
        statement = _fill(store, unit, today)
        assessment.add_learner_records(store, unit.id, today, statement)
        assessment.add_assessor_records(Path(path), unit.id, today)
        review = store.load().reviews[0]
        store.respond_to_review(
            review.id,
            "Agreed. I will add the comparison with the target to the evaluation.",
            True,
            scenario.DETAILS["learner_name"],
            _day(today, 24),
        )
    except BaseException:
        store.close()
        Path(path).unlink(missing_ok=True)
        raise
    return store


def _fill(store: PortfolioStore, unit: Unit, today: dt.date) -> int | None:
    """The learner's work; returns the witness statement file's id when the unit uses it."""
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
    _fill_tools(store, tools.UNIT_TOOLS.get(unit.id, ()), today, ids)

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
    return ids.get(("evidence_file", "witness-statement-store-manager.txt"))


def _fill_tools(
    store: PortfolioStore,
    wanted: tuple[str, ...],
    today: dt.date,
    ids: dict[tuple[str, int | str], int],
) -> None:
    """The structured tools the unit's demo uses (see tools.UNIT_TOOLS)."""

    def new(kind: str, **fields: object) -> int:
        return int(store.add_item(kind, **fields).item_id)  # type: ignore[arg-type]

    if "journey" in wanted:
        for item in tools.TOUCHPOINTS:
            fields = {k: v for k, v in item.items() if k != "feedback"}
            new(
                "journey_touchpoint", feedback_id=ids[("feedback_item", item["feedback"])], **fields
            )
    if "process" in wanted:
        lanes = [new("process_lane", **lane) for lane in tools.LANES]
        for version, steps in tools.STEPS.items():
            step_ids = [
                new(
                    "process_step",
                    version=version,
                    lane_id=lanes[lane],
                    label=text,
                    step_type=step_type,
                    bottleneck=bottleneck,
                    outcome=outcome,
                )
                for lane, text, step_type, bottleneck, outcome, _ in steps
            ]
            for step_id, (*_, following) in zip(step_ids, steps, strict=True):
                if following:
                    store.set_related("process_step", step_id, [step_ids[i] for i in following])
    if "matrix" in wanted:
        options = [new("decision_option", **option) for option in tools.OPTIONS]
        criteria = [new("decision_criterion", **criterion) for criterion in tools.CRITERIA]
        for option_id, scores in zip(options, tools.SCORES, strict=True):
            for criterion_id, score in zip(criteria, scores, strict=True):
                store.set_score(option_id, criterion_id, score)
    if "kpi" in wanted:
        for metric, days_ago, value, note in tools.READINGS:
            new(
                "metric_reading",
                metric_id=ids[("metric", metric)],
                taken_on=_day(today, days_ago),
                value=value,
                note=note,
            )
    if "legislation" in wanted:
        for entry, action, finding, justification in tools.LEGISLATION:
            new(
                "legislation_link",
                entry_id=entry,
                action_id=None if action is None else ids[("action_item", action)],
                finding_id=None if finding is None else ids[("analysis_finding", finding)],
                justification=justification,
            )
    if "cases" in wanted:
        for case in tools.CASES:
            fields = {
                k: v
                for k, v in case.items()
                if k not in {"feedback", "techniques", "opened_days_ago"}
            }
            case_id = new(
                "complaint_case",
                opened_on=_day(today, case["opened_days_ago"]),
                feedback_id=ids[("feedback_item", case["feedback"])],
                **fields,
            )
            for technique, rationale, how in case["techniques"]:
                new(
                    "case_technique",
                    case_id=case_id,
                    technique=technique,
                    rationale=rationale,
                    how_applied=how,
                )
    if "rater" in wanted:
        for dimension, score, evidence in tools.RATER:
            new("rater_score", dimension=dimension, score=score, evidence=evidence)


DEMO_UNIT = "continuous-improvement"


def ensure_demo_copy(unit: Unit, folder: Path) -> Path:
    """The user's own demo portfolio in ``folder``, created the first time it is asked for."""
    path = folder / f"Demo - {unit.id}.folio"
    if not path.exists():
        with build_demo(path, unit):
            pass
    return path
