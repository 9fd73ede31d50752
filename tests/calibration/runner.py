"""Calibration runner: graded portfolios held against the verdict an examiner would give.

Each case file ``cases/<unit-id>.json`` is a list of cases. A case starts from the unit's
demo portfolio (``app.demo.build_demo`` at :data:`TODAY`), applies its ``edits`` through
:class:`~app.store.PortfolioStore` as a learner would, runs the checker and compares every
marking point's status and the warnings that must be present with the case's ``expect`` and
``warnings``.

Edit operations (``"op"``)
--------------------------
``update``   ``kind``, ``index`` (0-based position in the list, or ``"all"``), ``fields``.
``add``      ``kind``, ``fields``, optional ``related`` (indexes of the related items:
             feedback for a finding, findings for an action, following steps for a step).
``delete``   ``kind``, ``index`` (or ``"all"``).
``relate``   ``kind``, ``index``, ``related`` (indexes, replaces the current set).
``details``  ``fields`` of the portfolio (learner details, ``evaluation_narrative`` …).
``score``    ``option``, ``criterion`` (indexes), ``score`` (0-5, or null to clear).
``map``      ``mp`` (``"MP2"``), ``kind``, ``index``, ``justification``: an evidence mapping.
``unmap``    ``mp``: delete every evidence mapping to that marking point.

Indexes always refer to the list as it stands when the edit is applied (an ``add`` appends
at the end; a ``delete`` shifts the items after it).

Field values
------------
* Dates: ``"today"``, ``"today-5"``, ``"today+10"`` (relative to :data:`TODAY`) or an ISO
  date ``"2026-05-01"`` in a field whose name ends in ``_on``.
* References to other items (``action_id``, ``feedback_id``, ``finding_id``, ``metric_id``,
  ``case_id``, ``lane_id``) take the *index* of the item in its list; ``null`` clears it.
  ``entry_id`` of a legislation link is the library id (``"consumer-rights-act-2015"``).

Verdicts and warnings
---------------------
``expect`` names every marking point of the unit (``"MP1"`` …) with ``met``, ``partly`` or
``missing``. ``warnings`` lists ``"category:code"`` that must be present (misconception ids
``M1..Mn`` of the unit file; substance codes in :data:`SUBSTANCE_CODES`). A ``control`` must
expect every point met and ``warnings: []``; it then fails on ANY misconception, quality or
substance warning and on any gap.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.catalogue import Unit, load_catalogue
from app.checker import CheckResult, check
from app.checker.context import COLLECTIONS
from app.demo import build_demo
from app.models.kinds import KINDS
from app.models.portfolio import Portfolio
from app.store import PortfolioStore

TODAY = dt.date(2026, 6, 15)
HERE = Path(__file__).resolve().parent
CASES_DIR = HERE / "cases"
REPO = HERE.parent.parent

UNIT_IDS = (
    "journey-review",
    "continuous-improvement",
    "service-foundations",
    "process-reengineering",
    "strategic-service",
)

OPS = frozenset({"update", "add", "delete", "relate", "details", "score", "map", "unmap"})
STATUSES = frozenset({"met", "partly", "missing"})
CASE_KINDS = frozenset({"weak", "control"})
CASE_KEYS = frozenset({"id", "kind", "seed", "reason", "edits", "expect", "warnings", "categories"})

SUBSTANCE_CODES = frozenset(
    {
        "placeholder",
        "negated",
        "intention",
        "future-dated",
        "restated",
        "duplicate-text",
        "repealed-law",
        "not-legislation",
        "generic-law",
        "boilerplate-justification",
        "date-order",
        "chosen-not-top",
        "same-technique",
        "exceeds-limit",
    }
)
WARNING_CATEGORIES = frozenset({"misconception", "substance", "quality", "gap"})

#: The weak-case categories the set must cover, each at least :data:`MIN_PER_CATEGORY` times.
CATEGORIES: dict[str, str] = {
    "placeholder": "placeholders and non-answers (TBC, N/A, see above, lorem ipsum, padding, "
    "the field's label or the marking point's wording as the answer)",
    "negation": "a negation of what is asked (no pain points, no barriers)",
    "intention": "future or intention in a record of what happened (I will…, we plan to…)",
    "future-dated": "log entries or results dated after today",
    "restatement": "a root cause that repeats the feedback it analyses",
    "duplicate": "two feedback items or findings holding near-identical text",
    "generic-action": "generic actions linked to findings",
    "repealed-law": "repealed or replaced legislation cited",
    "not-legislation": "a company policy or charter cited as legislation",
    "generic-law": "a generic 'health and safety' law with no customer-service duty",
    "boilerplate-justification": "one justification pasted on every law",
    "pasted-criterion": "the criterion's own wording pasted as the justification",
    "chosen-not-top": "the chosen option is not the top-scoring one",
    "unexplained-rejection": "rejected options with no reason",
    "same-technique": "'multiple techniques' that are the same technique twice",
    "exceeds-limit": "a solution that breaks a stated constraint",
    "keyword-trap": "a keyword found inside another word or meaning",
    "misconception": "a seed misconception detected from substance",
    "date-order": "results before the action, log before the plan",
    "smart": "SMART actions without a named owner, date or measure",
}
MIN_PER_CATEGORY = 2

#: Foreign-key fields whose value in a case is an index into another kind's list.
REFERENCE_FIELDS = {
    "action_id": "action_item",
    "feedback_id": "feedback_item",
    "finding_id": "analysis_finding",
    "metric_id": "metric",
    "case_id": "complaint_case",
    "lane_id": "process_lane",
}
#: The kind whose indexes ``related`` lists, per owning kind.
RELATED_KIND = {
    "analysis_finding": "feedback_item",
    "action_item": "analysis_finding",
    "process_step": "process_step",
}
#: What an evidence mapping can point at.
MAPPABLE = frozenset(KINDS) - {"evidence_link"}

_RELATIVE = re.compile(r"^today(?:([+-])(\d+))?$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CaseError(Exception):
    """The case file is wrong (not the checker): a bad op, kind, index or field."""


# -- the seeds ---------------------------------------------------------------------------------


def seeds_dir() -> Path | None:
    for candidate in (Path("/work/shared/seeds"), REPO.parent / "shared" / "seeds"):
        if candidate.is_dir():
            return candidate
    return None


def _squash(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    text = text.replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.split())


@cache
def seed_text(unit_id: str) -> str | None:
    """The whitespace-normalised text of the unit's seed document, or None without seeds."""
    folder = seeds_dir()
    if folder is None:
        return None
    name = catalogue().get(unit_id).source_document
    path = folder / name
    if not path.is_file():
        raise CaseError(f"seed document {name} of unit {unit_id} is not in {folder}")
    return _squash(path.read_text(encoding="utf-8"))


def must_check_seeds() -> bool:
    return seeds_dir() is not None or bool(os.environ.get("CI"))


# -- loading and validating the case files -----------------------------------------------------


@cache
def catalogue():  # type: ignore[no-untyped-def]
    return load_catalogue()


def unit(unit_id: str) -> Unit:
    return catalogue().get(unit_id)


def short_ids(unit_id: str) -> list[str]:
    return [point.id.rsplit(".", 1)[1] for point in unit(unit_id).marking_points]


def load_cases(unit_id: str) -> list[dict[str, Any]]:
    path = CASES_DIR / f"{unit_id}.json"
    if not path.is_file():
        return []
    cases = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(cases, list):
        raise CaseError(f"{path.name}: expected a list of cases")
    return cases


def all_cases() -> list[tuple[str, dict[str, Any]]]:
    return [(unit_id, case) for unit_id in UNIT_IDS for case in load_cases(unit_id)]


def validate_case(unit_id: str, case: dict[str, Any]) -> list[str]:
    """Problems with the case itself (shape, ids, seed quote); [] when it is well formed.

    Index ranges are checked when the edits are applied (see :func:`apply_edits`)."""
    problems: list[str] = []
    cid = case.get("id", "?")
    extra = set(case) - CASE_KEYS
    if extra:
        problems.append(f"{cid}: unknown keys {sorted(extra)}")
    for key in ("id", "kind", "seed", "reason", "edits", "expect", "warnings"):
        if key not in case:
            problems.append(f"{cid}: missing '{key}'")
    if problems:
        return problems
    if case["kind"] not in CASE_KINDS:
        problems.append(f"{cid}: kind must be one of {sorted(CASE_KINDS)}")
    points = short_ids(unit_id)
    expect = case["expect"]
    if sorted(expect) != sorted(points):
        problems.append(f"{cid}: expect must list exactly {points}, got {sorted(expect)}")
    for mp, status in expect.items():
        if status not in STATUSES:
            problems.append(f"{cid}: {mp} verdict '{status}' is not one of {sorted(STATUSES)}")
    misconception_ids = {m.id for m in unit(unit_id).misconceptions}
    for warning in case["warnings"]:
        category, _, code = str(warning).partition(":")
        if category not in WARNING_CATEGORIES or not code:
            problems.append(f"{cid}: warning '{warning}' is not 'category:code'")
        elif category == "misconception" and code not in misconception_ids:
            problems.append(f"{cid}: {code} is not a misconception of {unit_id}")
        elif category == "substance" and code not in SUBSTANCE_CODES:
            problems.append(f"{cid}: unknown substance code '{code}'")
    for category in case.get("categories", []):
        if category not in CATEGORIES:
            problems.append(f"{cid}: unknown category '{category}'")
    if case["kind"] == "control":
        if any(status != "met" for status in expect.values()):
            problems.append(f"{cid}: a control must expect every point met")
        if case["warnings"]:
            problems.append(f"{cid}: a control must list no warnings")
    elif not case.get("categories"):
        problems.append(f"{cid}: a weak case must name its categories")
    if not isinstance(case["edits"], list) or not case["edits"]:
        problems.append(f"{cid}: edits must be a non-empty list")
    else:
        for number, edit in enumerate(case["edits"]):
            op = edit.get("op")
            if op not in OPS:
                problems.append(f"{cid}: edit {number} has unknown op '{op}'")
            kind = edit.get("kind")
            if op in {"update", "add", "delete", "relate"} and kind not in KINDS:
                problems.append(f"{cid}: edit {number} has unknown kind '{kind}'")
            if op == "map" and kind not in MAPPABLE:
                problems.append(f"{cid}: edit {number} cannot map a '{kind}'")
            if op in {"map", "unmap"} and edit.get("mp") not in points:
                problems.append(f"{cid}: edit {number} names unknown point '{edit.get('mp')}'")
            if op == "relate" and kind not in RELATED_KIND:
                problems.append(f"{cid}: edit {number}: a {kind} has no related items")
    if must_check_seeds():
        text = seed_text(unit_id)
        if text is None:
            problems.append(f"{cid}: CI is set but the seeds folder is missing")
        elif not case["seed"].strip() or _squash(case["seed"]) not in text:
            problems.append(f"{cid}: seed quote is not verbatim in the seed: {case['seed']!r}")
    return problems


# -- building a case ---------------------------------------------------------------------------

_DEMO_CACHE: dict[str, Path] = {}


def demo_path(unit_id: str) -> Path:
    """The unit's demo portfolio, built once per run at TODAY."""
    if unit_id not in _DEMO_CACHE:
        folder = Path(tempfile.mkdtemp(prefix="folio-calibration-"))
        path = folder / f"{unit_id}.folio"
        build_demo(path, unit(unit_id), today=TODAY).close()
        _DEMO_CACHE[unit_id] = path
    return _DEMO_CACHE[unit_id]


def open_demo(unit_id: str, folder: Path) -> PortfolioStore:
    target = folder / f"{unit_id}.folio"
    shutil.copyfile(demo_path(unit_id), target)
    return PortfolioStore.open(target)


def _date(value: str) -> dt.date | None:
    match = _RELATIVE.match(value)
    if match:
        sign, days = match.groups()
        offset = int(days or 0) * (-1 if sign == "-" else 1)
        return TODAY + dt.timedelta(days=offset)
    if _ISO.match(value):
        return dt.date.fromisoformat(value)
    return None


def _items(store: PortfolioStore, kind: str) -> list[Any]:
    """The portfolio's items of ``kind`` in the document's order, read on their own (loading
    the whole portfolio for each pick made the cases four times slower)."""
    relationship = Portfolio.__mapper__.relationships[COLLECTIONS[kind]]
    model = relationship.mapper.class_
    with store.reading() as session:
        return list(
            session.scalars(
                select(model)
                .where(model.portfolio_id == store.portfolio_id)
                .order_by(*relationship.order_by)
            )
        )


def _pick(store: PortfolioStore, kind: str, index: Any, cid: str) -> list[Any]:
    items = _items(store, kind)
    if index == "all":
        return items
    if not isinstance(index, int) or not 0 <= index < len(items):
        raise CaseError(f"{cid}: {kind} index {index!r} out of range (0..{len(items) - 1})")
    return [items[index]]


def _ids(store: PortfolioStore, kind: str, indexes: list[int], cid: str) -> list[int]:
    return [_pick(store, kind, index, cid)[0].id for index in indexes]


def _fields(store: PortfolioStore, kind: str, fields: dict[str, Any], cid: str) -> dict[str, Any]:
    model = KINDS[kind].model if kind in KINDS else None
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if model is not None and name not in model.__table__.columns:
            raise CaseError(f"{cid}: {kind} has no field '{name}'")
        if name in REFERENCE_FIELDS and value is not None:
            value = _ids(store, REFERENCE_FIELDS[name], [value], cid)[0]
        elif isinstance(value, str) and (name.endswith("_on") or _RELATIVE.match(value)):
            date = _date(value)
            if date is not None:
                value = date
        out[name] = value
    return out


def apply_edits(store: PortfolioStore, case: dict[str, Any]) -> None:
    cid = case["id"]
    for edit in case["edits"]:
        op = edit["op"]
        kind = edit.get("kind")
        try:
            if op == "update":
                for item in _pick(store, kind, edit["index"], cid):
                    store.update_item(kind, item.id, **_fields(store, kind, edit["fields"], cid))
            elif op == "add":
                change = store.add_item(kind, **_fields(store, kind, edit.get("fields", {}), cid))
                if "related" in edit:
                    related = _ids(store, RELATED_KIND[kind], edit["related"], cid)
                    store.set_related(kind, int(change.item_id), related)  # type: ignore[arg-type]
            elif op == "delete":
                for item in _pick(store, kind, edit["index"], cid):
                    store.delete_item(kind, item.id)
            elif op == "relate":
                (item,) = _pick(store, kind, edit["index"], cid)
                store.set_related(
                    kind, item.id, _ids(store, RELATED_KIND[kind], edit["related"], cid)
                )
            elif op == "details":
                fields = {
                    name: (_date(value) or value)
                    if isinstance(value, str) and name.endswith("_on")
                    else value
                    for name, value in edit["fields"].items()
                }
                store.update_details(**fields)
            elif op == "score":
                (option,) = _pick(store, "decision_option", edit["option"], cid)
                (criterion,) = _pick(store, "decision_criterion", edit["criterion"], cid)
                store.set_score(option.id, criterion.id, edit["score"])
            elif op == "map":
                (item,) = _pick(store, kind, edit["index"], cid)
                store.link_evidence(
                    f"{store.unit().id}.{edit['mp']}", kind, item.id, edit.get("justification", "")
                )
            elif op == "unmap":
                for link in store.load().evidence_links:
                    if link.marking_point_id.endswith(f".{edit['mp']}"):
                        store.delete_item("evidence_link", link.id)
            else:
                raise CaseError(f"{cid}: unknown op {op!r}")
        except CaseError:
            raise
        except Exception as error:  # the store refused the edit: the case is wrong
            raise CaseError(f"{cid}: edit {edit!r} failed: {error}") from error


# -- running a case ----------------------------------------------------------------------------


@dataclass
class Outcome:
    case_id: str
    result: CheckResult
    disagreements: list[str] = field(default_factory=list)

    @property
    def agrees(self) -> bool:
        return not self.disagreements


def warning_codes(result: CheckResult) -> set[str]:
    return {f"{warning.category}:{warning.code}" for warning in _all_warnings(result)}


def _all_warnings(result: CheckResult) -> list[Any]:
    found = list(result.misconceptions) + list(result.quality) + list(result.gaps)
    # The rewritten checker may hold substance warnings on their own attribute.
    found += list(getattr(result, "substance", ()) or ())
    return found


def compare(case: dict[str, Any], result: CheckResult) -> list[str]:
    """Every way the checker's result differs from the examiner's verdict, one line each."""
    lines: list[str] = []
    for point in result.points:
        wanted = case["expect"].get(point.short_id)
        if wanted is None:
            continue
        if point.status.value != wanted:
            reasons = "; ".join(reason.text for reason in point.reasons) or "(no reason given)"
            lines.append(
                f"{case['id']} {point.short_id}: examiner says {wanted}, checker says "
                f"{point.status.value}. Checker's reasons: {reasons}"
            )
    present = warning_codes(result)
    for wanted in case["warnings"]:
        if wanted not in present:
            lines.append(
                f"{case['id']}: warning {wanted} expected but not raised "
                f"(raised: {', '.join(sorted(present)) or 'none'})"
            )
    if case["kind"] == "control":
        for warning in _all_warnings(result):
            lines.append(
                f"{case['id']}: control raised {warning.category}:{warning.code} — {warning.text}"
            )
    return lines


def run_case(unit_id: str, case: dict[str, Any], folder: Path) -> Outcome:
    store = open_demo(unit_id, folder)
    try:
        apply_edits(store, case)
        result = check(store.load(), store.unit(), today=TODAY)
    finally:
        store.close()
    return Outcome(case["id"], result, compare(case, result))


def baseline() -> dict[str, tuple[int, int]]:
    """(agreeing cases, all cases) per unit for the current checker."""
    scores: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory(prefix="folio-calibration-run-") as tmp:
        for unit_id in UNIT_IDS:
            agree = total = 0
            for number, case in enumerate(load_cases(unit_id)):
                folder = Path(tmp) / f"{unit_id}-{number}"
                folder.mkdir()
                agree += run_case(unit_id, case, folder).agrees
                total += 1
            scores[unit_id] = (agree, total)
    return scores


if __name__ == "__main__":  # python -m tests.calibration.runner: the agreement per unit
    for unit_id, (agree, total) in baseline().items():
        print(f"{unit_id:24} {agree:3}/{total}")
