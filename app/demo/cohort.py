"""``folio demo-cohort``: a small centre's cohort to try internal and external quality
assurance on: several learners on different units, two assessors (one new to the centre),
a referral, a sampling plan and a signed IQA report.

Decisions and IQA reports are signed only when staff keys are given (``DemoStaff``); the
command line makes a throwaway demo centre for that (``make_demo_centre``).
"""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.catalogue import load_catalogue
from app.checker import check
from app.demo import build_demo
from app.store import PortfolioStore
from app.trust.keystore import KeyStore, Signer
from app.workflow import iqa, submission

EXPERIENCED = "Daniel Okafor"
NEW_ASSESSOR = "Amira Haddad"
IQA_NAME = "Grace Mensah"
DEMO_CENTRE_PASSPHRASE = "demo-centre-passphrase"
DEMO_STAFF_PASSPHRASE = "demo-staff-passphrase"


@dataclass(frozen=True)
class DemoLearner:
    learner: str
    candidate_number: str
    unit_id: str
    assessor: str
    decision: str = "competent"
    discussion: bool = False

    @property
    def file(self) -> str:
        return f"{self.learner.split()[0].lower()}-{self.unit_id}.folio"


LEARNERS = (
    DemoLearner("Priya Shah", "CS-2026-0417", "continuous-improvement", EXPERIENCED),
    DemoLearner("Tomasz Nowak", "CS-2026-0421", "continuous-improvement", EXPERIENCED),
    DemoLearner("Aisha Bello", "CS-2026-0433", "journey-review", EXPERIENCED, discussion=True),
    DemoLearner("Liam Carter", "CS-2026-0438", "service-foundations", EXPERIENCED, "refer"),
    DemoLearner("Mei Lin", "CS-2026-0442", "journey-review", NEW_ASSESSOR),
    DemoLearner("Owen Price", "CS-2026-0450", "process-reengineering", NEW_ASSESSOR),
)


@dataclass
class DemoStaff:
    """The staff keys that sign the demo's decisions and IQA report."""

    assessors: dict[str, Signer] = field(default_factory=dict)
    iqa: Signer | None = None


def make_demo_centre(root: Path) -> tuple[KeyStore, DemoStaff]:
    """A throwaway centre authority in ``root`` with the demo's staff keys, unlocked."""
    keys = KeyStore(root)
    keys.init_centre(
        "Northfield College of Further Education (demo)", "C-48213", DEMO_CENTRE_PASSPHRASE
    )
    staff = DemoStaff()
    for name, role in ((EXPERIENCED, "assessor"), (NEW_ASSESSOR, "assessor"), (IQA_NAME, "iqa")):
        key_pem, certificate = keys.issue(
            DEMO_CENTRE_PASSPHRASE, name, role, DEMO_STAFF_PASSPHRASE, 365
        )
        keys.add_key(key_pem, certificate)
        signer = keys.unlock(certificate, DEMO_STAFF_PASSPHRASE)
        if role == "iqa":
            staff.iqa = signer
        else:
            staff.assessors[name] = signer
    return keys, staff


def _learner_portfolio(
    path: Path, learner: DemoLearner, template: Path, today: dt.date, staff: DemoStaff | None
) -> None:
    shutil.copyfile(template, path)
    with PortfolioStore.open(path) as store:
        store.update_details(
            learner_name=learner.learner,
            candidate_number=learner.candidate_number,
            assessor_name=learner.assessor,
        )
    actor = f"assessor: {learner.assessor}"
    if learner.discussion:
        with PortfolioStore.open(path, actor=actor) as store:
            points = [p.short_id for p in store.unit().marking_points][:2]
            store.add_item(
                "assessment_record",
                method="professional_discussion",
                held_on=today - dt.timedelta(days=12),
                location="Online call",
                activity="Professional discussion of the project's results",
                account="We discussed what the results show and what the team would keep.",
                judgement="Clear, reasoned account of the results and their limits.",
                outcome="satisfactory",
                marking_points=", ".join(points),
            )
    with PortfolioStore.open(path) as store:
        submission.submit(store, learner.learner, check(store.load(), store.unit()))
    with PortfolioStore.open(path, actor=actor) as store:
        points = store.unit().marking_points
        for index, point in enumerate(points):
            verdict = (
                "not-yet" if learner.decision == "refer" and index == len(points) - 1 else "met"
            )
            submission.assess(store, point.id, verdict, f"{point.short_id}: seen in the evidence")
        signer = staff.assessors.get(learner.assessor) if staff is not None else None
        if signer is not None:
            action_points = (
                f"Add evidence for {points[-1].short_id}: {points[-1].text[:80]}"
                if learner.decision == "refer"
                else ""
            )
            submission.sign_off(store, learner.decision, action_points, signer)


def build_demo_cohort(
    folder: Path,
    staff: DemoStaff | None = None,
    today: dt.date | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[Path]:
    """Write the demo cohort's portfolios into ``folder``; with ``staff``, sign the decisions,
    make the IQA sampling plan (the new assessor flagged) and sign an IQA report on the
    first sample. Returns the portfolio files."""
    today = today or dt.date.today()
    folder.mkdir(parents=True, exist_ok=True)
    catalogue = load_catalogue()
    paths = []
    with tempfile.TemporaryDirectory(prefix="folio-demo-cohort-") as scratch:
        templates: dict[str, Path] = {}
        for learner in LEARNERS:
            if learner.unit_id not in templates:
                template = Path(scratch) / f"{learner.unit_id}.folio"
                build_demo(template, catalogue.get(learner.unit_id), today).close()
                templates[learner.unit_id] = template
            path = folder / learner.file
            if progress is not None:
                progress(learner.file)
            _learner_portfolio(path, learner, templates[learner.unit_id], today, staff)
            paths.append(path)
    if staff is not None and staff.iqa is not None:
        plan = iqa.plan_cohort(folder, new_assessors=[NEW_ASSESSOR], today=today)
        first = plan.samples[0]
        with PortfolioStore.open(folder / first.file, actor=f"iqa: {IQA_NAME}") as store:
            submission.iqa_report(
                store,
                True,
                "Sampled the observation, questioning and witness testimony against the "
                "judgements: the evidence is valid, authentic and sufficient for each marking "
                "point, and the feedback tells the learner why.",
                "",
                "; ".join(first.reasons),
                staff.iqa,
                today,
            )
        iqa.save_plan(iqa.cohort_status(folder, today=today), iqa.plan_path(folder))
    return paths
