"""A marking point can ask for several distinct assessment methods, as a centre's unit file
says; the learner's own work counts as product evidence and each mapped record adds its
method."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from app.catalogue import Unit, load_catalogue
from app.checker import Status, check
from app.store import PortfolioStore
from app.workflow import submission
from tests.conftest import make_demo


def _unit_needing_methods(needed: int) -> Unit:
    document = copy.deepcopy(load_catalogue().get("journey-review").document)
    document["marking_points"][0]["methods"] = needed
    return Unit.from_document(document)


def test_records_mapped_to_a_point_add_their_methods(tmp_path: Path) -> None:
    unit = _unit_needing_methods(3)
    with make_demo(tmp_path, "journey-review") as store:
        portfolio = store.load()
        point = check(portfolio, unit).points[0]
        assert point.status is Status.PARTLY
        assert any(
            "Assessed by 2 methods (observation, product evidence); this point needs 3 distinct "
            "methods" in reason.text
            for reason in point.reasons
        )
        assert check(portfolio, store.unit()).points[0].status is Status.MET  # unit asks none
        submission.submit(store, portfolio.learner_name, check(portfolio, store.unit()))
        path = store.path
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        change = store.add_item(
            "assessment_record",
            method="professional_discussion",
            held_on=dt.date(2026, 11, 10),
            account="Discussed how the journey map was built with the team.",
            marking_points="MP2",
        )
        assert check(store.load(), unit).points[0].status is Status.PARTLY  # mapped elsewhere
        store.update_item("assessment_record", int(change.item_id), marking_points="MP1, MP2")
        point = check(store.load(), unit).points[0]
        assert point.status is Status.MET
        assert ("assessment_record", change.item_id) in point.support
        store.update_item("assessment_record", int(change.item_id), outcome="not_yet")
        assert check(store.load(), unit).points[0].status is Status.PARTLY
