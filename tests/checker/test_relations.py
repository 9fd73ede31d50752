"""Relations and dates between records: each problem flagged, its honest twin left alone."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.catalogue import import_unit_file, load_catalogue
from app.checker import CheckResult, Status
from app.checker.result import Reason, Warning
from app.errors import InvalidInputError
from app.store import PortfolioStore
from tests.checker.helpers import run_check
from tests.conftest import make_demo

TODAY = dt.date(2026, 3, 2)


def day(month: int, date: int) -> dt.date:
    return dt.date(2026, month, date)


def new(store: PortfolioStore, kind: str, **fields: Any) -> int:
    return int(store.add_item(kind, **fields).item_id)  # type: ignore[arg-type]


def check(store: PortfolioStore) -> CheckResult:
    return run_check(store, today=TODAY)


def warned(result: CheckResult, code: str) -> list[Warning]:
    return [w for w in result.warnings if w.code == code]


def reason(result: CheckResult, point: str, label: str) -> Reason:
    return next(r for r in result.point(point).reasons if r.text.startswith(label))


Make = Callable[..., PortfolioStore]


@pytest.fixture
def make(tmp_path: Path) -> Iterator[Make]:
    """Empty portfolios for a unit, started on 1 Dec 2025."""
    opened: list[PortfolioStore] = []

    def create(unit_id: str = "continuous-improvement") -> PortfolioStore:
        unit = load_catalogue().get(unit_id)
        store = PortfolioStore.create(
            tmp_path / f"{unit_id}.folio", unit, "Ada Learner", started_on=dt.date(2025, 12, 1)
        )
        opened.append(store)
        return store

    yield create
    for store in opened:
        store.close()


def action(store: PortfolioStore, **fields: Any) -> int:
    values: dict[str, Any] = {
        "action": "Triage the shared inbox twice a day into faults, orders and questions.",
        "owner": "Priya Shah",
        "due_on": day(2, 20),
        "success_measure": "Average first response time to customer emails.",
    }
    values.update(fields)
    return new(store, "action_item", **values)


# -- date-order -------------------------------------------------------------------------------


def metric(store: PortfolioStore, name: str, **fields: Any) -> int:
    values: dict[str, Any] = {
        "name": name,
        "baseline_value": 52,
        "baseline_on": day(1, 2),
        "result_value": 19,
        "result_on": day(2, 25),
    }
    values.update(fields)
    return new(store, "metric", **values)


def test_a_result_dated_before_its_action_started_is_out_of_order(make: Make) -> None:
    portfolio = make()
    triage = action(portfolio)
    new(portfolio, "log_entry", action_id=triage, logged_on=day(2, 1), what_done="Ran the rota.")
    metric(portfolio, "Average first email response", result_on=day(1, 20))
    found = warned(check(portfolio), "date-order")
    assert len(found) == 1
    text = found[0].text
    assert "Metric 1 “Average first email response”" in text and "20 Jan 2026" in text
    assert "before action 1 “Triage the shared inbox" in text and "1 Feb 2026" in text
    assert found[0].category == "substance"
    assert (found[0].fixes[0].kind, found[0].fixes[0].field) == ("metric", "result_on")


def test_a_result_after_the_action_started_is_in_order(make: Make) -> None:
    portfolio = make()
    triage = action(portfolio)
    new(portfolio, "log_entry", action_id=triage, logged_on=day(2, 1), what_done="Ran the rota.")
    metric(portfolio, "Average first email response", result_on=day(2, 10))
    assert warned(check(portfolio), "date-order") == []


def test_a_metric_is_held_against_the_action_whose_measure_names_it(make: Make) -> None:
    portfolio = make()
    early = action(portfolio, success_measure="Average wait at the collection desk.")
    late = action(portfolio, action="Call back every complainant within a day of the complaint.")
    portfolio.update_item("action_item", late, success_measure="Monthly complaints logged.")
    for action_id, logged in ((early, day(1, 5)), (late, day(2, 1))):
        new(portfolio, "log_entry", action_id=action_id, logged_on=logged, what_done="Started.")
    metric(portfolio, "Complaints a month", result_on=day(1, 20))
    metric(portfolio, "Customer satisfaction (CSAT)", result_on=day(1, 20))
    found = warned(check(portfolio), "date-order")
    # complaints are action 2's measure, and action 2 began after the result; CSAT names no
    # action, so it measures the whole improvement, which began with action 1
    assert len(found) == 1 and "Complaints a month" in found[0].text
    assert "action 2" in found[0].text


def test_a_baseline_dated_after_its_result_is_out_of_order(make: Make) -> None:
    portfolio = make()
    metric(portfolio, "CSAT", baseline_on=day(2, 26), result_on=day(2, 25))
    metric(portfolio, "FCR", baseline_on=day(1, 2), result_on=day(2, 25))
    found = warned(check(portfolio), "date-order")
    assert len(found) == 1 and "CSAT" in found[0].text and "baseline" in found[0].text
    assert found[0].fixes[0].field == "baseline_on"


def test_a_result_before_the_portfolio_started_is_out_of_order(make: Make) -> None:
    portfolio = make()
    metric(portfolio, "CSAT", baseline_on=dt.date(2025, 10, 1), result_on=dt.date(2025, 11, 1))
    found = warned(check(portfolio), "date-order")
    assert len(found) == 1 and "before any action started" in found[0].text


def test_a_log_entry_before_the_portfolio_started_is_out_of_order(make: Make) -> None:
    portfolio = make()
    new(portfolio, "log_entry", logged_on=dt.date(2025, 11, 20), what_done="Briefed the team.")
    new(portfolio, "log_entry", logged_on=dt.date(2025, 12, 1), what_done="Trained the team.")
    found = warned(check(portfolio), "date-order")
    assert len(found) == 1
    assert "Log entry 1 “Briefed the team.”" in found[0].text
    assert "the portfolio was started (1 Dec 2025)" in found[0].text
    assert (found[0].fixes[0].kind, found[0].fixes[0].field) == ("log_entry", "logged_on")


def test_a_log_entry_before_the_feedback_its_action_answers_is_out_of_order(make: Make) -> None:
    portfolio = make()
    feedback = new(
        portfolio,
        "feedback_item",
        source_type="complaint",
        received_on=day(1, 10),
        text="Three emails unanswered for a week.",
    )
    finding = new(portfolio, "analysis_finding", theme="Slow email replies")
    portfolio.set_related("analysis_finding", finding, [feedback])
    triage = action(portfolio)
    portfolio.set_related("action_item", triage, [finding])
    new(portfolio, "log_entry", action_id=triage, logged_on=day(1, 5), what_done="Set up rota.")
    new(portfolio, "log_entry", action_id=triage, logged_on=day(1, 12), what_done="Ran rota.")
    found = warned(check(portfolio), "date-order")
    assert len(found) == 1 and "Log entry 1" in found[0].text
    assert "feedback 1 (Complaint), the earliest feedback action 1" in found[0].text


# -- chosen-not-top ---------------------------------------------------------------------------


def matrix(store: PortfolioStore, rows: list[tuple[str, bool, str, list[float]]]) -> list[int]:
    """Options (name, chosen, reason, scores) on three criteria weighted 3, 2 and 1."""
    criteria = [
        new(store, "decision_criterion", name=name, weight=weight)
        for name, weight in (("Removes the root cause", 3), ("Cost", 2), ("Risk", 1))
    ]
    options = []
    for name, chosen, why, scores in rows:
        option = new(store, "decision_option", name=name, chosen=chosen, reason=why)
        for criterion, score in zip(criteria, scores, strict=True):
            store.set_score(option, criterion, score)
        options.append(option)
    return options


LOCKERS = "Collection lockers"
SCAN = "Scan on arrival"
REJECT_LOCKERS = "Rejected: a six-month lead time and the set-up cost is not in this year's budget."


def test_a_second_ranked_choice_that_claims_the_top_score_is_flagged(make: Make) -> None:
    portfolio = make("process-reengineering")
    matrix(
        portfolio,
        [
            (LOCKERS, False, REJECT_LOCKERS, [5, 4, 4]),  # 27
            (SCAN, True, "Highest weighted score and the team can start it in a week.", [4, 4, 3]),
        ],
    )
    result = check(portfolio)
    found = warned(result, "chosen-not-top")
    assert len(found) == 1 and found[0].marking_point_id == "process-reengineering.MP3"
    assert "claims “Highest weighted score”" in found[0].text
    assert (
        "ranked 2 of 2 with 23" in found[0].text
        and "option 1 “Collection lockers”" in found[0].text
    )
    assert (found[0].fixes[0].kind, found[0].fixes[0].field) == ("decision_option", "reason")
    mp3 = result.point("MP3")
    assert mp3.status is Status.PARTLY
    assert any("claims “Highest weighted score”" in r.text for r in mp3.reasons)


def test_a_second_ranked_choice_with_the_first_ruled_out_is_fine(make: Make) -> None:
    portfolio = make("process-reengineering")
    matrix(
        portfolio,
        [
            (LOCKERS, False, REJECT_LOCKERS, [5, 4, 4]),
            (SCAN, True, "Removes the cause at almost no cost to run.", [4, 4, 3]),
        ],
    )
    result = check(portfolio)
    assert warned(result, "chosen-not-top") == []
    assert result.point("MP3").status is Status.MET
    assert "ranked 2 of 2" in result.point("MP3").reasons[0].text


def test_a_choice_whose_reason_rules_out_the_higher_option_is_explained(make: Make) -> None:
    portfolio = make("process-reengineering")
    matrix(
        portfolio,
        [
            (LOCKERS, False, "Too slow.", [5, 4, 4]),
            (
                SCAN,
                True,
                "Chosen over collection lockers, which take six months to fit.",
                [4, 4, 3],
            ),
        ],
    )
    result = check(portfolio)
    assert warned(result, "chosen-not-top") == []
    # the matrix still asks for the lockers' own reason
    assert "no reason why option 1 “Collection lockers” was rejected" in (
        result.point("MP3").reasons[0].text
    )


def test_a_higher_option_rejected_for_scoring_lower_is_flagged(make: Make) -> None:
    portfolio = make("process-reengineering")
    matrix(
        portfolio,
        [
            (LOCKERS, False, "Rejected because it had a lower score than the scan.", [5, 4, 4]),
            (SCAN, True, "Removes the cause at almost no cost to run.", [4, 4, 3]),
        ],
    )
    result = check(portfolio)
    found = warned(result, "chosen-not-top")
    assert len(found) == 1 and "says it scored lower" in found[0].text
    assert "“Rejected because it had a lower score than the scan.”" in found[0].text
    assert result.point("MP3").status is Status.PARTLY


@pytest.mark.parametrize(
    "claim",
    ["It scored best overall.", "It was the top scorer.", "Ranked first on the matrix."],
)
def test_every_way_of_claiming_the_top_score_is_read(make: Make, claim: str) -> None:
    portfolio = make("process-reengineering")
    matrix(
        portfolio,
        [
            (LOCKERS, False, REJECT_LOCKERS, [5, 4, 4]),
            (SCAN, True, claim + " It removes the cause.", [4, 4, 3]),
        ],
    )
    assert len(warned(check(portfolio), "chosen-not-top")) == 1


@pytest.mark.parametrize(
    "claim",
    [
        "Although it did not have the highest weighted score, it removes the cause cheaply.",
        "The second highest score, but it removes the cause at no cost.",
        "It scored best on cost, which matters most this year.",
    ],
)
def test_a_claim_turned_round_or_about_one_criterion_is_not_a_top_claim(
    make: Make, claim: str
) -> None:
    portfolio = make("process-reengineering")
    matrix(
        portfolio,
        [
            (LOCKERS, False, REJECT_LOCKERS, [5, 4, 4]),
            (SCAN, True, claim, [4, 4, 3]),
        ],
    )
    assert warned(check(portfolio), "chosen-not-top") == []


def test_a_choice_tied_on_the_top_score_may_claim_it(make: Make) -> None:
    portfolio = make("process-reengineering")
    matrix(
        portfolio,
        [
            (LOCKERS, False, REJECT_LOCKERS, [4, 4, 3]),
            (
                SCAN,
                True,
                "Highest weighted score, level with the lockers, and far quicker.",
                [4, 4, 3],
            ),
        ],
    )
    result = check(portfolio)
    assert warned(result, "chosen-not-top") == []
    assert result.point("MP3").status is Status.MET


def test_the_demo_matrix_with_the_choice_moved_to_a_lower_option(tmp_path: Path) -> None:
    with make_demo(tmp_path, "process-reengineering") as store:
        options = store.load().options
        reason_first = options[0].reason
        store.update_item("decision_option", options[0].id, chosen=False)
        store.update_item("decision_option", options[2].id, chosen=True, reason=reason_first)
        store.update_item(
            "decision_option",
            options[0].id,
            reason="Rejected: the IT supplier cannot change the email trigger until spring.",
        )
        result = run_check(store)
    assert result.point("MP3").status is Status.PARTLY
    assert [w.code for w in result.warnings] == ["chosen-not-top"]
    assert "“Collection lockers in every store”" in result.warnings[0].text


# -- same-technique ---------------------------------------------------------------------------


def case(store: PortfolioStore, techniques: list[tuple[str, str, str]], **fields: Any) -> int:
    values: dict[str, Any] = {
        "title": "Missed collection after time off work",
        "issue": "The order was still at the warehouse after she took unpaid leave to collect.",
        "customer_requirements": "Her order this week and an apology from one named person.",
        "constraints": "No more than £25 in goodwill without a manager; one van every two days.",
        "solution": "Free home delivery the next evening and a £20 voucher, with one named "
        "colleague calling her at each step.",
    }
    values.update(fields)
    case_id = new(store, "complaint_case", **values)
    for technique, rationale, how in techniques:
        new(
            store,
            "case_technique",
            case_id=case_id,
            technique=technique,
            rationale=rationale,
            how_applied=how,
        )
    return case_id


CALM = "She was angry after two calls, so hearing her out first stopped the repetition."
CAUSE = "The same failure hit other customers, so fixing only her order leaves the cause."


def test_two_different_techniques_with_their_own_rationales_are_multiple(make: Make) -> None:
    portfolio = make("strategic-service")
    case(portfolio, [("heat", CALM, "Listened, apologised."), ("root_cause", CAUSE, "Traced.")])
    result = check(portfolio)
    assert warned(result, "same-technique") == []
    assert reason(result, "MP2", "Multiple different").status is Status.MET


def test_the_same_technique_twice_counts_once(make: Make) -> None:
    portfolio = make("strategic-service")
    case(portfolio, [("heat", CALM, "Listened first."), ("heat", CAUSE, "Apologised later.")])
    result = check(portfolio)
    found = warned(result, "same-technique")
    assert len(found) == 1 and found[0].marking_point_id == "strategic-service.MP2"
    assert "techniques 1 and 2 count as one (both are HEAT" in found[0].text
    assert found[0].text.startswith("Techniques: Case 1 “Missed collection after time off work”: ")
    rule = reason(result, "MP2", "Multiple different")
    assert rule.status is Status.PARTLY and "has 1 of 2 different" in rule.text
    assert result.point("MP2").status is Status.PARTLY


def test_one_approach_under_two_names_counts_once(make: Make) -> None:
    """HEAT and LAST are the same listen-apologise-resolve sequence; five whys is a way of
    finding the root cause: each pair is one technique, however the rationales differ."""
    portfolio = make("strategic-service")
    case(portfolio, [("heat", CALM, "Listened first."), ("last", CAUSE, "Solved it, thanked her.")])
    case(
        portfolio,
        [("root_cause", CAUSE, "Traced it."), ("five_whys", CALM, "Asked why five times.")],
        title="Second case",
    )
    result = check(portfolio)
    found = warned(result, "same-technique")
    assert len(found) == 2
    assert "(HEAT and LAST are the same listen, apologise and put-it-right" in found[0].text
    assert "Root cause analysis and Five whys are one search for the cause" in found[1].text
    assert reason(result, "MP2", "Multiple different").status is Status.PARTLY


def test_last_beside_a_different_technique_is_multiple(make: Make) -> None:
    portfolio = make("strategic-service")
    case(portfolio, [("last", CALM, "Listened, thanked her."), ("five_whys", CAUSE, "Asked why.")])
    result = check(portfolio)
    assert warned(result, "same-technique") == []
    assert reason(result, "MP2", "Multiple different").status is Status.MET


def test_a_technique_only_intended_is_not_applied(make: Make) -> None:
    """'How applied' records what was done: "I will listen" selects a technique but shows
    no application of it to the case."""
    portfolio = make("strategic-service")
    case(
        portfolio,
        [
            ("heat", CALM, "I will listen and apologise."),
            ("root_cause", CAUSE, "We plan to trace it."),
        ],
    )
    result = check(portfolio)
    assert reason(result, "MP2", "Multiple different").status is Status.PARTLY
    warning = next(w for w in result.substance if w.code == "intention")
    assert "how applied “I will listen and apologise.”" in warning.text
    assert {f.field for f in warning.fixes} == {"how_applied"}


def test_two_techniques_sharing_one_rationale_count_once(make: Make) -> None:
    portfolio = make("strategic-service")
    case(
        portfolio,
        [("heat", CALM, "Listened first."), ("escalation", CALM + " ", "Passed to the manager.")],
    )
    result = check(portfolio)
    found = warned(result, "same-technique")
    assert len(found) == 1 and "they share one rationale" in found[0].text
    assert reason(result, "MP2", "Multiple different").status is Status.PARTLY


def test_other_twice_is_one_technique_only_when_the_texts_match(make: Make) -> None:
    portfolio = make("strategic-service")
    same = "Mirroring her words back so she knew she had been heard correctly."
    case(
        portfolio,
        [("other", same, "Mirroring."), ("other", same.replace("so", "and"), "Mirroring.")],
    )
    case(
        portfolio,
        [("other", same, "Mirroring."), ("other", CAUSE, "Process mapping of the order trail.")],
        title="Second case",
    )
    found = warned(check(portfolio), "same-technique")
    assert len(found) == 1 and found[0].text.startswith("Techniques: Case 1 ")
    assert "both are Other with near-identical text" in found[0].text


def test_constraints_waved_away_show_the_customer_only_mistake(make: Make) -> None:
    """A case whose constraints deny there are any weighs nothing for the business: the
    solution is not shown to satisfy both sides."""
    portfolio = make("strategic-service")
    case(
        portfolio,
        [("heat", CALM, "Listened."), ("root_cause", CAUSE, "Traced.")],
        constraints="None really – when a customer is this upset, cost shouldn't come into it.",
    )
    result = check(portfolio)
    assert "M1" in {w.code for w in result.misconceptions}
    assert result.point("MP3").status is Status.PARTLY
    assert "negated" in {w.code for w in result.substance}


def test_escalating_by_rule_holds_back_only_the_point_it_shows_in(tmp_path: Path) -> None:
    """'Any complaint goes to a manager' as a technique's rationale is the mistake, flagged;
    it holds back the solution point only when the solution itself is handed up."""
    with make_demo(tmp_path, "strategic-service") as store:
        case_item = store.load().cases[0]
        escalation = next(t for t in case_item.techniques if t.technique == "escalation")
        store.update_item(
            "case_technique",
            escalation.id,
            rationale="Any complaint should go to a manager; it isn't my place to decide.",
            how_applied="Passed the call to the duty manager straight away.",
        )
        in_technique = run_check(store)
        store.update_item(
            "complaint_case",
            case_item.id,
            solution="I passed the complaint to the store manager, as I do with every "
            "complaint, and he decided what to offer her.",
        )
        in_solution = run_check(store)
    assert "M3" in {w.code for w in in_technique.misconceptions}
    assert in_technique.point("MP3").status is Status.MET
    assert "M3" in {w.code for w in in_solution.misconceptions}
    point = in_solution.point("MP3")
    assert point.status is Status.PARTLY
    assert [r.status for r in point.reasons if not r.text.startswith("Common mistake")] == [
        Status.MET,
        Status.MET,
    ]


# -- exceeds-limit ----------------------------------------------------------------------------


def test_a_solution_above_the_limit_its_case_states_is_flagged(make: Make) -> None:
    portfolio = make("strategic-service")
    case(
        portfolio,
        [("heat", CALM, "Listened."), ("root_cause", CAUSE, "Traced.")],
        constraints="Desk staff have a £25 limit on refunds and vouchers.",
        solution="Refunded the customer £200 and apologised in writing for the missed slot.",
    )
    result = check(portfolio)
    found = warned(result, "exceeds-limit")
    assert len(found) == 1 and found[0].marking_point_id == "strategic-service.MP3"
    assert "gives “£200” but the constraints allow at most “£25”" in found[0].text
    assert "(“Desk staff have a £25 limit on refunds and vouchers”)" in found[0].text
    assert (found[0].fixes[0].kind, found[0].fixes[0].field) == ("complaint_case", "solution")
    rule = reason(result, "MP3", "A solution that states")
    assert rule.status is Status.PARTLY and "“£200”" in rule.text
    assert result.point("MP3").status is not Status.MET


def test_a_solution_within_the_limit_is_fine(make: Make) -> None:
    portfolio = make("strategic-service")
    case(
        portfolio,
        [("heat", CALM, "Listened."), ("root_cause", CAUSE, "Traced.")],
        constraints="Desk staff have a £25 limit on refunds and vouchers.",
        solution="A £20 voucher and free delivery; she asked for £200 but accepted this.",
    )
    result = check(portfolio)
    assert warned(result, "exceeds-limit") == []
    assert reason(result, "MP3", "A solution that states").status is Status.MET


@pytest.mark.parametrize(
    ("constraints", "solution", "flagged"),
    [
        ("Goodwill of up to £25 per customer.", "A £25 voucher sent the same day.", False),
        ("Goodwill of up to £25 per customer.", "A £30 voucher sent the same day.", True),
        ("A maximum of £25 goodwill per case.", "Refund of £25.01 for the wasted trip.", True),
        ("Replacements go out in no more than 48 hours.", "A replacement within 2 days.", False),
        ("Replacements go out in no more than 48 hours.", "A replacement within 3 days.", True),
        ("Discounts up to 10% on the next order.", "A 15% discount on her next order.", True),
        ("Discounts up to 10% on the next order.", "A refund within 30 days.", False),
        ("Cash over £25 needs a manager's approval.", "The manager approved a £60 refund.", False),
        ("Cash over £25 needs a manager's approval.", "I refunded £60 on the spot.", True),
        ("Orders over £50 get free delivery.", "Refunded £60 and delivered free.", False),
    ],
)
def test_limits_stated_in_different_ways(
    make: Make, constraints: str, solution: str, flagged: bool
) -> None:
    portfolio = make("strategic-service")
    case(portfolio, [("heat", CALM, "L.")], constraints=constraints, solution=solution)
    assert bool(warned(check(portfolio), "exceeds-limit")) is flagged


# -- SMART actions ----------------------------------------------------------------------------

SMART = "Each recommendation has a named owner"


@pytest.mark.parametrize("owner", ["Team leader (Priya)", "Customer service manager", "Me"])
def test_a_person_or_a_role_is_a_named_owner(make: Make, owner: str) -> None:
    portfolio = make("journey-review")
    action(portfolio, owner=owner)
    assert reason(check(portfolio), "MP2", SMART).status is Status.MET


@pytest.mark.parametrize("owner", ["TBC", "N/A", "someone", "the team", "All staff", "Management"])
def test_a_placeholder_or_a_crowd_is_not_a_named_owner(make: Make, owner: str) -> None:
    portfolio = make("journey-review")
    action(portfolio, owner=owner)
    action(portfolio, owner="Priya Shah")
    rule = reason(check(portfolio), "MP2", SMART)
    assert rule.status is Status.PARTLY
    assert f"action 1 “Triage the shared inbox twice a day into faults…” has owner “{owner}”" in (
        rule.text
    )
    assert "names no one accountable" in rule.text
    assert (rule.fixes[0].kind, rule.fixes[0].field) == ("action_item", "owner")


def test_an_action_without_a_date_or_a_measure_is_not_smart(make: Make) -> None:
    portfolio = make("journey-review")
    action(portfolio, due_on=None, success_measure="")
    rule = reason(check(portfolio), "MP2", SMART)
    assert rule.status is Status.PARTLY
    assert "has no due date and has no measure of success" in rule.text
    assert rule.fixes[0].field == "due_on"


def test_process_changes_need_smart_actions(make: Make) -> None:
    portfolio = make("process-reengineering")
    action(portfolio, changes_process=True, owner="tbc")
    rule = reason(check(portfolio), "MP4", "Each change to the process")
    assert rule.status is Status.PARTLY and "has owner “tbc”, which names no one" in rule.text


# -- the settings in a tutor's unit -----------------------------------------------------------


def _unit_with_rule(rule: dict[str, Any]) -> dict[str, Any]:
    return {
        "format": "folio-unit",
        "format_version": 1,
        "id": "custom",
        "title": "Custom",
        "qualification": "Q",
        "synopsis": "S",
        "marking_points": [{"id": "custom.MP1", "text": "T", "rules": [rule]}],
    }


CHILDREN = {"rule": "children", "label": "x", "collection": "complaint_case"}


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({**CHILDREN, "relation": "techniques", "distinct": "technique"}, "list of field names"),
        ({**CHILDREN, "relation": "techniques", "distinct": ["colour"]}, "no field 'colour'"),
        (
            {"rule": "items", "label": "x", "collection": "complaint_case", "within": "£25"},
            "'within' must be",
        ),
        (
            {
                "rule": "items",
                "label": "x",
                "collection": "complaint_case",
                "within": {"amounts": ["solution"], "limits": "budget"},
            },
            "complaint_case has no field 'budget'",
        ),
        ({"rule": "smart", "label": "x", "measure_words": 0}, "at least 1"),
        ({"rule": "smart", "label": "x", "where": {"colour": "red"}}, "no field 'colour'"),
    ],
)
def test_bad_relation_settings_are_refused(
    tmp_path: Path, rule: dict[str, Any], message: str
) -> None:
    source = tmp_path / "custom.json"
    source.write_text(json.dumps(_unit_with_rule(rule)))
    with pytest.raises(InvalidInputError, match=message):
        import_unit_file(source)


def test_good_relation_settings_are_accepted(tmp_path: Path) -> None:
    rules = [
        {**CHILDREN, "relation": "techniques", "distinct": ["technique", "rationale"]},
        {
            "rule": "items",
            "label": "x",
            "collection": "complaint_case",
            "within": {"amounts": ["solution", "outcome"], "limits": "constraints"},
        },
        {"rule": "smart", "label": "x", "each": True, "where": {"changes_process": True}},
    ]
    document = _unit_with_rule(rules[0])
    document["marking_points"][0]["rules"] = rules
    source = tmp_path / "custom.json"
    source.write_text(json.dumps(document))
    assert import_unit_file(source).id == "custom"
