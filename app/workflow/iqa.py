"""Internal quality assurance across a cohort: which assessed portfolios the IQA samples, and
what of the sample is due, done or overdue.

The sampling plan covers every assessor, every unit and every assessment method the records
use. It is risk-based: an assessor new to the centre (fewer than ``new_threshold`` signed
decisions in the cohort, or named as new) is sampled at 100%; every other assessor at
``rate`` of their decisions, at least one each, with referrals, reopened decisions and
decisions an IQA has disagreed with before chosen first. Among portfolios of equal risk the
choice is by a hash seeded with the cohort's content, so the same cohort always gives the
same plan, and a changed cohort a fresh one.

The plan is a JSON file in the cohort folder (``iqa-sampling-plan.json``). A sample is done
when the portfolio holds an IQA report on the sampled version, overdue when its due date has
passed without one. No Qt here: the cohort window and the CLI show what this module says.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from app.errors import FolioError, InvalidInputError
from app.models import Portfolio
from app.models.vocab import ASSESSMENT_METHODS, label
from app.store import PortfolioStore

PLAN_NAME = "iqa-sampling-plan.json"
PLAN_FORMAT = "folio-iqa-plan/1"
DEFAULT_RATE = 0.25
DEFAULT_NEW_THRESHOLD = 3
DEFAULT_DUE_DAYS = 28

REASON_NEW = "new assessor (100%)"
REASON_RATE = "assessor sample ({percent}%)"
REASON_REFERRAL = "referral"
REASON_DISAGREED = "an IQA disagreed before"
REASON_REOPENED = "decision reopened before"
REASON_UNIT = "unit coverage"
REASON_METHOD = "method coverage: {method}"


@dataclass(frozen=True)
class Candidate:
    """What the plan needs to know about one portfolio of the cohort."""

    file: str
    learner: str = ""
    unit_id: str = ""
    assessor: str = ""
    version: int = 0
    digest: str = ""
    decision: str = ""
    decided_on: dt.date | None = None
    methods: tuple[str, ...] = ()
    reopened: int = 0
    disagreements: int = 0
    reported_versions: tuple[int, ...] = ()
    reports: tuple[dict[str, Any], ...] = ()
    problem: str = ""

    @property
    def assessed(self) -> bool:
        return bool(self.decision) and not self.problem


@dataclass
class Sample:
    file: str
    learner: str
    unit: str
    assessor: str
    version: int
    decision: str
    methods: list[str]
    reasons: list[str]
    due_on: str
    status: str = "due"
    iqa: str = ""
    agrees: bool | None = None

    def line(self) -> str:
        done = ""
        if self.status == "done":
            done = f" by {self.iqa}, " + ("agrees" if self.agrees else "DISAGREES")
        return (
            f"{self.file}: {self.learner} ({self.unit}) v{self.version} {self.decision} by "
            f"{self.assessor}; {', '.join(self.reasons)}; due {self.due_on}: "
            f"{self.status}{done}"
        )


@dataclass
class Plan:
    made_on: str
    rate: float
    new_threshold: int
    new_assessors: list[str]
    seed: str
    samples: list[Sample] = field(default_factory=list)
    assessors: dict[str, dict[str, Any]] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    methods: list[str] = field(default_factory=list)
    not_assessed: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {"format": PLAN_FORMAT, **data}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Plan:
        if data.get("format") != PLAN_FORMAT:
            raise InvalidInputError("that file is not a Folio IQA sampling plan")
        values = {k: v for k, v in data.items() if k != "format"}
        values["samples"] = [Sample(**s) for s in values.get("samples", [])]
        return cls(**values)

    def counts(self) -> dict[str, int]:
        counts = {"due": 0, "done": 0, "overdue": 0}
        for sample in self.samples:
            counts[sample.status] = counts.get(sample.status, 0) + 1
        return counts

    def by_file(self) -> dict[str, Sample]:
        return {s.file: s for s in self.samples}


# -- reading the cohort -----------------------------------------------------------------------


def candidate_for(name: str, portfolio: Portfolio) -> Candidate:
    """A portfolio's facts for sampling, from its loaded document model."""
    current = portfolio.current_submission
    decision = portfolio.decision_for(current) if current is not None else None
    version = current.version if current is not None else 0
    relied_on = [r for r in portfolio.records if r.locked_version == version]
    methods = tuple(sorted({r.method for r in (relied_on or portfolio.records)}))
    reports = tuple(
        {
            "version": r.version,
            "iqa": r.iqa_name,
            "agrees": bool(r.agrees),
            "sampled_on": r.sampled_on.isoformat(),
        }
        for r in portfolio.iqa_reports
    )
    return Candidate(
        file=name,
        learner=portfolio.learner_name,
        unit_id=portfolio.unit_id,
        assessor=decision.assessor_name if decision is not None else portfolio.assessor_name,
        version=version,
        digest=current.digest if current is not None else "",
        decision=decision.decision if decision is not None else "",
        decided_on=decision.signed_on if decision is not None else None,
        methods=methods,
        reopened=sum(1 for d in portfolio.decisions if d.reopened_at is not None),
        disagreements=sum(1 for r in portfolio.iqa_reports if not r.agrees),
        reported_versions=tuple(sorted({r.version for r in portfolio.iqa_reports})),
        reports=reports,
    )


def _stores(folder: Path | None, engine: Engine | None) -> Iterator[tuple[str, Any]]:
    """(name, opener) for every portfolio: the .folio files of ``folder``, or the centre
    database's portfolios (named centre-ID, as the cohort list names them)."""
    if engine is not None:
        from app.store.centre import open_portfolio, portfolio_ids

        for portfolio_id in portfolio_ids(engine):
            yield f"centre-{portfolio_id}", lambda pid=portfolio_id: open_portfolio(engine, pid)
        return
    assert folder is not None
    for path in sorted(folder.glob("*.folio")):
        yield path.name, lambda path=path: PortfolioStore.open(path)


def read_candidates(folder: Path | None = None, engine: Engine | None = None) -> list[Candidate]:
    """Every portfolio of the cohort (a folder of .folio files, or a centre database); a
    file that cannot be read is kept with its problem and never sampled."""
    found = []
    for name, opener in _stores(folder, engine):
        try:
            store = opener()
            try:
                found.append(candidate_for(name, store.load()))
            finally:
                if engine is None:
                    store.close()
        except FolioError as error:
            found.append(Candidate(name, problem=error.message))
    return found


# -- choosing the sample ----------------------------------------------------------------------


def cohort_seed(candidates: Iterable[Candidate]) -> str:
    """A hash of the cohort's content: the same portfolios and versions give the same seed."""
    parts = sorted(
        f"{c.file}|{c.learner}|{c.unit_id}|{c.version}|{c.digest}|{c.decision}" for c in candidates
    )
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def _risk(candidate: Candidate, flagged: set[str]) -> tuple[int, list[str]]:
    score, reasons = 0, []
    if candidate.decision == "refer":
        score, reasons = score + 2, [*reasons, REASON_REFERRAL]
    if candidate.disagreements:
        score, reasons = score + 3, [*reasons, REASON_DISAGREED]
    elif candidate.assessor in flagged:
        score += 1
    if candidate.reopened:
        score, reasons = score + 1, [*reasons, REASON_REOPENED]
    return score, reasons


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


def make_plan(
    candidates: Sequence[Candidate],
    rate: float = DEFAULT_RATE,
    new_assessors: Iterable[str] = (),
    new_threshold: int = DEFAULT_NEW_THRESHOLD,
    due_days: int = DEFAULT_DUE_DAYS,
    today: dt.date | None = None,
) -> Plan:
    """Choose the portfolios to sample (see the module's description)."""
    if not 0 < rate <= 1:
        raise InvalidInputError("the sampling rate is a fraction above 0 and at most 1 (0.25)")
    today = today or dt.date.today()
    named_new = {_norm(n) for n in new_assessors if n.strip()}
    assessed = [c for c in candidates if c.assessed]
    seed = cohort_seed(candidates)

    def tie(candidate: Candidate) -> str:
        return hashlib.sha256(f"{seed}|{candidate.file}".encode()).hexdigest()

    by_assessor: dict[str, list[Candidate]] = {}
    for candidate in assessed:
        by_assessor.setdefault(candidate.assessor, []).append(candidate)
    flagged = {c.assessor for c in assessed if c.disagreements}
    risk = {c.file: _risk(c, flagged) for c in assessed}

    def priority(candidate: Candidate) -> tuple[int, str]:
        return (-risk[candidate.file][0], tie(candidate))

    chosen: dict[str, list[str]] = {}
    assessors: dict[str, dict[str, Any]] = {}
    percent = round(rate * 100)
    for assessor in sorted(by_assessor):
        theirs = sorted(by_assessor[assessor], key=priority)
        is_new = _norm(assessor) in named_new or len(theirs) < new_threshold
        quota = len(theirs) if is_new else max(1, math.ceil(rate * len(theirs)))
        for candidate in theirs[:quota]:
            reason = REASON_NEW if is_new else REASON_RATE.format(percent=percent)
            chosen[candidate.file] = [reason, *risk[candidate.file][1]]
        assessors[assessor] = {
            "decisions": len(theirs),
            "new": is_new,
            "sampled": min(quota, len(theirs)),
        }
    ordered = sorted(assessed, key=priority)
    units = sorted({c.unit_id for c in assessed})
    for unit in units:
        if not any(c.unit_id == unit for c in assessed if c.file in chosen):
            pick = next(c for c in ordered if c.unit_id == unit)
            chosen[pick.file] = [REASON_UNIT, *risk[pick.file][1]]
            assessors[pick.assessor]["sampled"] += 1
    methods = sorted({m for c in assessed for m in c.methods})
    for method in methods:
        if not any(method in c.methods for c in assessed if c.file in chosen):
            pick = next(c for c in ordered if method in c.methods)
            chosen[pick.file] = [
                REASON_METHOD.format(method=label(ASSESSMENT_METHODS, method).lower()),
                *risk[pick.file][1],
            ]
            assessors[pick.assessor]["sampled"] += 1
    samples = []
    for candidate in sorted(assessed, key=lambda c: c.file):
        if candidate.file not in chosen:
            continue
        decided = candidate.decided_on or today
        samples.append(
            Sample(
                file=candidate.file,
                learner=candidate.learner,
                unit=candidate.unit_id,
                assessor=candidate.assessor,
                version=candidate.version,
                decision=candidate.decision,
                methods=list(candidate.methods),
                reasons=chosen[candidate.file],
                due_on=(decided + dt.timedelta(days=due_days)).isoformat(),
            )
        )
    plan = Plan(
        made_on=today.isoformat(),
        rate=rate,
        new_threshold=new_threshold,
        new_assessors=sorted(n for n in new_assessors if n.strip()),
        seed=seed,
        samples=samples,
        assessors=assessors,
        units=units,
        methods=methods,
        not_assessed=sorted(c.file for c in candidates if not c.assessed),
    )
    refresh(plan, candidates, today)
    return plan


def refresh(plan: Plan, candidates: Iterable[Candidate], today: dt.date | None = None) -> Plan:
    """Set each sample's status from the portfolios as they are now: done when the file holds
    an IQA report on the sampled version, overdue when the due date has passed without one."""
    today = today or dt.date.today()
    found = {c.file: c for c in candidates}
    for sample in plan.samples:
        candidate = found.get(sample.file)
        report = next(
            (
                r
                for r in (candidate.reports if candidate is not None else ())
                if r["version"] == sample.version
            ),
            None,
        )
        if report is not None:
            sample.status, sample.iqa, sample.agrees = "done", report["iqa"], report["agrees"]
        else:
            sample.iqa, sample.agrees = "", None
            sample.status = "overdue" if dt.date.fromisoformat(sample.due_on) < today else "due"
    return plan


# -- the plan file ----------------------------------------------------------------------------


def plan_path(folder: Path) -> Path:
    return folder / PLAN_NAME


def save_plan(plan: Plan, target: Path) -> Path:
    staged = target.with_name(f".{target.name}.tmp")
    staged.write_text(
        json.dumps(plan.to_json(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    staged.replace(target)
    return target


def load_plan(source: Path) -> Plan:
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InvalidInputError(
            f"there is no sampling plan in {source.parent} (make one: folio iqa plan)"
        ) from None
    except json.JSONDecodeError as error:
        raise InvalidInputError(
            f"the sampling plan {source.name} cannot be read: {error}"
        ) from None
    if not isinstance(data, dict):
        raise InvalidInputError("that file is not a Folio IQA sampling plan")
    return Plan.from_json(data)


def read_staff_file(path: Path) -> list[str]:
    """Assessors flagged new, one name a line ('#' starts a comment)."""
    names = []
    for line in path.read_text(encoding="utf-8").splitlines():
        name = line.split("#", 1)[0].strip()
        if name:
            names.append(name)
    return names


def plan_cohort(
    folder: Path,
    engine: Engine | None = None,
    save: bool = True,
    **options: Any,
) -> Plan:
    """Make the plan for the cohort in ``folder`` (or the centre database) and save it in
    ``folder``."""
    plan = make_plan(read_candidates(None if engine else folder, engine), **options)
    if save:
        save_plan(plan, plan_path(folder))
    return plan


def cohort_status(folder: Path, engine: Engine | None = None, today: dt.date | None = None) -> Plan:
    """The saved plan with each sample's status as the portfolios are now."""
    plan = load_plan(plan_path(folder))
    return refresh(plan, read_candidates(None if engine else folder, engine), today)


def sample_labels(folder: Path, today: dt.date | None = None) -> dict[str, str]:
    """File name -> what the cohort window shows in its IQA column: 'due 2026-05-01',
    'overdue since …', 'done (agrees)'. Empty when the folder has no plan."""
    if not plan_path(folder).is_file():
        return {}
    try:
        plan = cohort_status(folder, today=today)
    except FolioError:
        return {}
    return {s.file: sample_label(s) for s in plan.samples}


def sample_label(sample: Sample) -> str:
    if sample.status == "done":
        return f"done ({'agrees' if sample.agrees else 'disagrees'})"
    if sample.status == "overdue":
        return f"overdue since {sample.due_on}"
    return f"due {sample.due_on}"


def plan_lines(plan: Plan) -> list[str]:
    """The plan as lines for the terminal."""
    counts = plan.counts()
    lines = [sample.line() for sample in plan.samples]
    lines.append(
        f"{len(plan.samples)} sampled: {counts['done']} done, {counts['due']} due, "
        f"{counts['overdue']} overdue."
    )
    for assessor, facts in plan.assessors.items():
        new = ", new" if facts["new"] else ""
        lines.append(
            f"  {assessor}: {facts['sampled']} of {facts['decisions']} decisions sampled{new}"
        )
    if plan.not_assessed:
        lines.append(f"  not yet assessed (not sampled): {', '.join(plan.not_assessed)}")
    return lines
