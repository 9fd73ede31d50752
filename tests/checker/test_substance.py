"""The checker judges what a text says, not that a box is filled (app/checker/substance.py).

Each case below is a text an examiner would (or would not) credit; the store-level tests show
the judgement reaching a verdict, the reasons and the audit trail.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from app.catalogue import load_catalogue
from app.checker import Status
from app.checker.context import Context
from app.checker.substance import (
    Term,
    content_lemmas,
    covered,
    find_term,
    judge,
    retells,
    similarity,
)
from app.cli import main
from app.store import PortfolioStore
from tests.checker.helpers import run_check
from tests.conftest import make_demo

POINT = "Credit for recognising potential barriers to change and suggesting ways to overcome them."


@pytest.mark.parametrize(
    ("text", "label", "record", "code"),
    [
        ("TBC", "owner", False, "placeholder"),
        ("N/A", "resources", False, "placeholder"),
        ("-", "resources", False, "placeholder"),
        ("To be completed…", "root cause", False, "placeholder"),
        ("To be completed after the review meeting", "evaluation narrative", True, "placeholder"),
        ("Whatever is needed.", "resources", False, "placeholder"),
        ("See the attached spreadsheet", "data summary", False, "pointer"),
        ("see above", "root cause", False, "pointer"),
        ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "reflection", False, "lorem"),
        ("Barriers", "barriers", False, "label"),
        ("None identified here", "pain point", False, "negated"),
        ("None. There were no barriers", "barriers", False, "negated"),
        (
            "None. The customer is always right, so there were no constraints.",
            "constraints",
            False,
            "negated",
        ),
        (
            "None really – when a customer is this upset, cost shouldn't come into it.",
            "constraints",
            False,
            "negated",
        ),
        (
            "I will brief the team on Monday and we plan to trial the rota.",
            "what done",
            True,
            "intention",
        ),
        ("We are going to update the procedure next week.", "what done", True, "intention"),
        (
            "Recognising potential barriers to change and suggesting ways to overcome them",
            "overcome barriers",
            False,
            "echo",
        ),
        (
            "Staff wait too long. Staff wait too long. Staff wait too long.",
            "pain point",
            False,
            "padding",
        ),
    ],
)
def test_non_answers_do_not_count(text: str, label: str, record: bool, code: str) -> None:
    judgement = judge(text, label, record, (POINT,))
    assert judgement.code == code
    assert not judgement.counts
    assert judgement.why


@pytest.mark.parametrize(
    ("text", "label", "record", "words"),
    [
        ("Team leader (Priya)", "owner", False, 3),
        (
            "Staff were worried about extra work; I held a short huddle to explain it.",
            "barriers",
            False,
            8,
        ),
        ("Briefed the team on Monday. Next week I will review it.", "what done", True, 3),
        ("No owner for the shared inbox, so emails wait three days.", "root cause", False, 7),
        (
            "None of the desk staff knew the escalation route, so calls bounced between teams.",
            "root cause",
            False,
            7,
        ),
        ("Rejected: costs £40k and takes six months to install.", "reason", False, 6),
        ("No – the manager must approve any voucher over the desk limit.", "constraints", False, 5),
    ],
)
def test_real_answers_count_their_content_words(
    text: str, label: str, record: bool, words: int
) -> None:
    judgement = judge(text, label, record, (POINT,))
    assert judgement.counts, judgement
    assert judgement.content_words == words


def test_a_record_counts_only_what_happened() -> None:
    done = judge("Ran the trial for a week and timed 120 scans.", "what done", True)
    planned = judge("Ran the trial for a week and timed 120 scans.", "what done", False)
    assert done.content_words == planned.content_words == 6
    mixed = judge("Timed 120 scans. I will share the results on Friday.", "what done", True)
    assert mixed.counts and mixed.content_words == 3


#: The wording of a marking point a padded answer may hand back.
STRUCTURES = (
    "Assessors should look for evidence of how internal structures (e.g., escalation "
    "procedures, communication channels) directly affect customer outcomes."
)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Our customers deserve the very best experience and we are committed to "
            "excellent service at every stage.",
            "pain point",
        ),
        (
            "Good communication across the organisation is essential because it affects "
            "the outcomes our customers get.",
            "root cause",
        ),
        (
            "Performance data and customer feedback were reviewed and key trends identified.",
            "data summary",
        ),
        (
            "Clear benefits for the business and its customers, now and in the future.",
            "expected benefit",
        ),
    ],
)
def test_padding_that_names_nothing_does_not_count(text: str, label: str) -> None:
    criterion = frozenset(content_lemmas(STRUCTURES))
    judgement = judge(text, label, False, (), criterion)
    assert judgement.code == "vague" and not judgement.counts
    assert "names nothing specific" in judgement.why
    assert judge(text, label, False, (), None).counts  # a customer's words are not judged so


@pytest.mark.parametrize(
    "text",
    [
        "Staff search the stockroom because parcels arrive from the warehouse without a label.",
        "Replies wait two days whenever Maria is on leave, and nobody else reads the inbox.",
        "Customers told us the 'ready' message comes before the order is there.",
        "The shared inbox has no owner, so urgent faults wait behind routine questions.",
        "Escalation goes through the area manager, who is on site only on Tuesdays.",
    ],
)
def test_a_plain_answer_that_names_something_counts(text: str) -> None:
    judgement = judge(text, "root cause", False, (), frozenset(content_lemmas(STRUCTURES)))
    assert judgement.counts, judgement


def test_padded_pain_points_leave_the_journey_without_pain_points(tmp_path: Path) -> None:
    padding = "Every customer expects a great experience here and we always aim to deliver it."
    with make_demo(tmp_path, "journey-review") as store:
        for touchpoint in store.load().touchpoints:
            store.update_item("journey_touchpoint", touchpoint.id, pain_point=padding)
        result = run_check(store)
    assert result.point("MP1").status is Status.PARTLY
    warning = next(w for w in result.substance if "nothing specific (no figure" in w.text)
    assert warning.code == "placeholder" and warning.fixes[0].field == "pain_point"


@pytest.mark.parametrize(
    ("text", "term", "found"),
    [
        ("Please contact the store", "act", False),
        ("Complies with the Consumer Rights Act", "act", True),
        ("I briefly mentioned it", "brief", False),
        ("Briefed the team at the huddle", "brief", True),
        ("They escalated it the same day", "escalate", True),
        ("Good value for money", {"term": "value", "not_near": ["money"]}, False),
        ("Our brand values of honesty", {"term": "value", "near": ["brand"]}, True),
        ("A customer left an online review", {"term": "review", "not_near": ["online"]}, False),
        ("We review the figures monthly", {"term": "review", "not_near": ["online"]}, True),
        ("Handled through the back office team", "back office", True),
        ("Back at the office", "back office", False),
        ("It isn't my place to decide", {"term": "my place", "denied": True}, True),
        ("It was my place to decide", {"term": "my place", "denied": True}, False),
        ("It isn't my place to decide", "my place", False),
        (
            "Desk colleagues check the list each shift",
            {"term": "colleague", "followed_by": ["check"]},
            True,
        ),
        (
            "I check the list; colleagues just follow it",
            {"term": "colleague", "followed_by": ["check"]},
            False,
        ),
        (
            "I wrote the templates myself; the team just work from them.",
            {"term": "team", "followed_by": ["write"]},
            False,
        ),
        ("Templates were written by the team", {"term": "team", "preceded_by": ["by"]}, True),
        ("More a suggestion rather than a complaint", "complaint", False),
        ("More a suggestion rather than a complaint", {"term": "complaint", "denied": True}, True),
        ("Logged as a complaint rather than a suggestion", "complaint", True),
        (
            "By Friday I had told the team",
            {"term": "team", "preceded_by": ["by"], "window": 3},
            False,
        ),
    ],
)
def test_terms_match_whole_lemmas_in_context(text: str, term: str | dict, found: bool) -> None:
    assert find_term(text, Term.parse(term)) is found


def test_similarity_sees_restatement_and_rewording() -> None:
    feedback = "I waited 40 minutes at the desk and nobody knew where my order was."
    assert (
        covered(
            "Customer waited 40 minutes at the desk; nobody knew where the order was.", [feedback]
        )
        >= 85
    )
    assert (
        covered("Orders are marked ready at picking, before they reach the desk.", [feedback]) < 85
    )
    assert similarity("Email replies are slow.", "Email replies are slow!") == 100
    assert similarity("Email replies are slow.", "Lockers cost too much to install.") < 40


# -- through the store, as a learner would ------------------------------------------------------


def test_one_placeholder_among_good_items_is_named_but_the_point_holds(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        action = store.load().actions[0]
        store.update_item("action_item", action.id, barriers="TBC")
        result = run_check(store)
    point = result.point("MP4")
    assert point.status is Status.MET  # the other actions still recognise their barriers
    warning = next(w for w in result.substance if w.code == "placeholder")
    assert "barriers “TBC”" in warning.text
    assert warning.fixes[0].item_id == action.id and warning.fixes[0].field == "barriers"
    rejected = [r for r in point.rejected if r.location.item_id == action.id]
    assert [(r.location.field, r.text, r.code) for r in rejected] == [
        ("barriers", "TBC", "placeholder")
    ]


def test_negated_barriers_everywhere_leave_the_point_missing(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        for action in store.load().actions:
            store.update_item(
                "action_item",
                action.id,
                barriers="None. There were no barriers.",
                overcome_barriers="N/A",
            )
        result = run_check(store)
    point = result.point("MP4")
    # The demo maps an action to MP4, but a mapping of an item whose barriers say "none"
    # shows no barriers, so it does not lift the point to partly.
    assert point.status is Status.MISSING
    assert "“None. There were no barriers.” says there is none" in point.reasons[0].text
    assert {w.code for w in result.substance} >= {"negated", "placeholder"}


def test_concise_complete_evaluation_is_met(tmp_path: Path) -> None:
    narrative = (
        "After the scan-on-arrival change, collection complaints fell from 31 to 8 a month "
        "and first email replies from 52 to 19 hours, inside the 24-hour standard. CSAT rose "
        "from 71% to 83%. I reported the figures to the store manager, who adopted the "
        "change in all three stores; the triage rota is reviewed monthly."
    )
    assert len(narrative.split()) < 60
    with make_demo(tmp_path, "continuous-improvement") as store:
        store.update_details(evaluation_narrative=narrative)
        assert run_check(store).point("MP5").status is Status.MET
        store.update_details(evaluation_narrative="It went well and customers were happier.")
        short = run_check(store).point("MP5")
        store.update_details(evaluation_narrative="Lorem ipsum dolor sit amet, consectetur.")
        lorem = run_check(store).point("MP5")
    assert short.status is Status.PARTLY
    assert lorem.status is Status.PARTLY  # the metrics still show monitoring
    assert any("filler text" in r.text for r in lorem.reasons)


def test_future_dated_records_are_not_evidence(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        today = run_check(store).checked_on
        for entry in store.load().log_entries:
            store.update_item("log_entry", entry.id, logged_on=today.replace(year=today.year + 1))
        result = run_check(store)
    point = result.point("MP8")
    # Only the mapped witness statement and photo are left: the log itself counts for nothing.
    assert point.status is Status.PARTLY
    assert point.reasons[0].text.endswith("none found yet (add 2 log entries).")
    warning = next(w for w in result.substance if w.code == "future-dated")
    assert "after today" in warning.text and warning.category == "substance"


def test_copied_feedback_counts_once(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        first = store.load().feedback_items[0]
        store.add_item("feedback_item", source_type="online_review", text=first.text + "!")
        result = run_check(store)
    warning = next(w for w in result.substance if w.code == "duplicate-text")
    assert "says the same as feedback 1" in warning.text or "the same as another" in warning.text


def test_restated_root_cause_holds_analysis_at_partly(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        portfolio = store.load()
        for finding in portfolio.findings[:2]:
            store.update_item(
                "analysis_finding", finding.id, root_cause=finding.feedback_items[0].text
            )
        result = run_check(store)
    assert result.point("MP2").status is Status.PARTLY
    assert any(w.code == "restated" for w in result.substance)


COMPLAINT = "I waited forty minutes at the desk and nobody could find my parcel."


@pytest.mark.parametrize(
    ("cause", "retold"),
    [
        (
            "Customers told us they waited a long time at the desk and no one found the parcel.",
            True,
        ),
        ("She complained that staff couldn't find her parcel, so she waited at the desk.", True),
        ("Parcels reach the desk without a shelf label, so staff search the stockroom.", False),
        ("The desk waits for the warehouse van, which arrives after the first slots.", False),
    ],
)
def test_a_cause_that_retells_the_feedback_is_a_restatement(cause: str, retold: bool) -> None:
    assert retells(cause, [COMPLAINT]) is retold


def test_root_causes_that_retell_the_feedback_hold_the_analysis(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        finding = store.load().findings[1]
        store.update_item(
            "analysis_finding",
            finding.id,
            root_cause="Customers said their emails went unanswered for days and had to chase.",
        )
        result = run_check(store)
    assert result.point("MP2").status is Status.PARTLY
    warning = next(w for w in result.substance if w.code == "restated")
    assert warning.fixes[0].item_id == finding.id


@pytest.mark.parametrize(
    ("names", "activity"),
    [
        (["Quick guides printed for the desk", "Saturday rota shifts filled"], True),
        (["Collection complaints each month", "Hours to the first email response"], False),
    ],
)
def test_metrics_that_count_the_plans_own_work_do_not_evaluate_it(
    tmp_path: Path, names: list[str], activity: bool
) -> None:
    """A result for what the actions did (guides printed, shifts filled) is not a result for
    what they were for (the complaints and replies their measures of success name)."""
    with make_demo(tmp_path, "continuous-improvement") as store:
        metrics = store.load().metrics
        for metric, name in zip(metrics, names, strict=False):
            store.update_item("metric", metric.id, name=name)
        for metric in metrics[len(names) :]:
            store.delete_item("metric", metric.id)
        result = run_check(store)
    m4 = [w for w in result.misconceptions if w.code == "M4"]
    assert bool(m4) is activity
    assert (result.point("MP5").status is Status.PARTLY) is activity
    if activity:
        assert m4[0].text.startswith("Your metrics count the work of carrying out the plan")
        assert {f.field for f in m4[0].fixes} == {"name"}


@pytest.mark.parametrize(
    ("roles", "management_only"),
    [
        (
            [
                "The manager decided the new rota and I put it in place; staff simply do as asked.",
                "Head office owns this change. Colleagues are informed once it is live.",
                "Managers run the procedure and the desk team follow their instructions.",
            ],
            True,
        ),
        (
            [
                "The manager signed it off; two advisers test each template and suggest changes.",
                "Head office owns this change. Colleagues are informed once it is live.",
                "Managers run the procedure and the desk team follow their instructions.",
            ],
            False,
        ),
    ],
)
def test_team_members_must_act_in_the_roles_not_only_be_told(
    tmp_path: Path, roles: list[str], management_only: bool
) -> None:
    """Who does what: colleagues who only follow, are told or are informed take no part."""
    with make_demo(tmp_path, "continuous-improvement") as store:
        for action, text in zip(store.load().actions, roles, strict=True):
            store.update_item("action_item", action.id, team_roles=text)
        result = run_check(store)
    assert ("M3" in {w.code for w in result.misconceptions}) is management_only
    assert (result.point("MP3").status is Status.PARTLY) is management_only


def test_complaints_analysed_as_ideas_hold_the_analysis_a_slip_in_recording_does_not(
    tmp_path: Path,
) -> None:
    """The same mistake in two places: a complaint filed under the wrong type is flagged,
    the analysis still sound; an analysis that calls complaints ideas is not systematic."""
    with make_demo(tmp_path, "continuous-improvement") as store:
        complaint = next(f for f in store.load().feedback_items if f.source_type == "complaint")
        store.update_item("feedback_item", complaint.id, source_type="compliment")
        slip = run_check(store)
        store.update_item("feedback_item", complaint.id, source_type="complaint")
        finding = store.load().findings[1]
        store.update_item(
            "analysis_finding",
            finding.id,
            data_summary="Those emails were not really complaints, just a customer offering "
            "ideas about reply times; 52 hours on average.",
        )
        analysis = run_check(store)
    for result in (slip, analysis):
        assert "M1" in {w.code for w in result.misconceptions}
    assert slip.point("MP6").status is Status.MET
    assert analysis.point("MP6").status is Status.PARTLY
    warning = next(w for w in analysis.misconceptions if w.code == "M1")
    assert warning.text.startswith("Your analysis treats complaints as suggestions or ideas")


def test_misconception_caps_the_point_it_concerns(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        for action in store.load().actions:
            store.update_item(
                "action_item",
                action.id,
                overcome_barriers="We just went ahead and told the staff about it afterwards.",
            )
        result = run_check(store)
    assert [w.code for w in result.misconceptions] == ["M6"]
    point = result.point("MP4")
    assert point.status is Status.PARTLY
    assert point.reasons[-1].text.startswith("Common mistake shown: “Overlooking the need")


def test_generic_recommendation_is_flagged(tmp_path: Path) -> None:
    with make_demo(tmp_path, "journey-review") as store:
        action = store.load().actions[1]
        store.update_item(
            "action_item",
            action.id,
            action="Provide customer service training for all staff so service improves.",
        )
        result = run_check(store)
    assert [w.code for w in result.misconceptions] == ["M2"]
    assert result.point("MP2").status is Status.PARTLY


def test_check_json_explains_what_it_relied_on_and_rejected(tmp_path: Path, capsys) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        action = store.load().actions[0]
        store.update_item("action_item", action.id, team_roles="TBC")
        path = store.path
    assert main(["check", str(path), "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    mp3 = next(p for p in document["marking_points"] if p["id"].endswith("MP3"))
    rejected = [r for r in mp3["rejected"] if r["where"]["item_id"] == action.id]
    assert rejected == [
        {
            "where": rejected[0]["where"],
            "text": "TBC",
            "counted": False,
            "code": "placeholder",
            "why": "reads as a placeholder, not an answer",
        }
    ]
    assert rejected[0]["where"]["field"] == "team_roles"
    assert mp3["relied_on"] and all(r["counted"] for r in mp3["relied_on"])
    assert any(w["code"] == "placeholder" for w in document["substance"])


def test_imported_unit_rejects_a_cap_on_an_unknown_point(tmp_path: Path) -> None:
    document = {
        "format": "folio-unit",
        "format_version": 1,
        "id": "custom",
        "title": "Custom",
        "qualification": "Q",
        "synopsis": "S",
        "misconceptions": [{"id": "M1", "text": "t", "caps": ["MP9"]}],
        "marking_points": [{"id": "custom.MP1", "text": "T", "rules": []}],
    }
    path = tmp_path / "unit.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    from app.catalogue import import_unit_file
    from app.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="caps 'MP9'"):
        import_unit_file(path)
    document["misconceptions"] = [
        {"id": "M1", "text": "t", "when_any": [{"rules": [], "caps": ["MP9"]}]}
    ]
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(InvalidInputError, match="alternative 1 caps 'MP9'"):
        import_unit_file(path)


def test_store_portfolio_of_placeholders_is_not_complete(tmp_path: Path, unit) -> None:
    """Every field filled with something long enough used to reach 'complete'."""
    with PortfolioStore.create(tmp_path / "filler.folio", unit, "Ada") as store:
        for source in ("survey", "complaint"):
            store.add_item("feedback_item", source_type=source, text="To be completed later on.")
        store.add_item(
            "analysis_finding",
            theme="TBC",
            touchpoint="TBC",
            root_cause="See attached",
            data_summary="See the attached spreadsheet",
        )
        store.add_item(
            "action_item",
            action="To be confirmed",
            owner="TBC",
            resources="TBD",
            expected_benefit="N/A",
            objective="N/A",
            team_roles="TBC",
            barriers="None",
            overcome_barriers="N/A",
            success_measure="TBC",
        )
        result = run_check(store)
    assert result.met_count == 0


def test_a_unit_may_ask_a_root_cause_for_more_words_beyond_its_theme(tmp_path: Path) -> None:
    """How many words of its own a root cause must add to its finding's theme is the unit's
    setting: three new words pass where two are asked for, not where three are."""
    theme = "Long queues at the tills on Saturdays"
    cause = "Long queues at the tills on Saturdays: rota leaves gaps"
    with PortfolioStore.create(
        tmp_path / "a.folio", load_catalogue().get("strategic-service"), "Ada"
    ) as store:
        store.add_item("analysis_finding", theme=theme, root_cause=cause)
        portfolio = store.load()
        unit = store.unit()
    (finding,) = portfolio.findings
    spec = {"against": "feedback_items", "max_similarity": 85, "also": ["theme"]}
    verdicts = {}
    for asked in (2, 3):
        context = Context.build(portfolio, unit, dt.date.today())
        rules = {"analysis_finding.root_cause": {**spec, "min_new_words": asked}}
        context.settings = {**context.settings, "restatement": rules}
        verdicts[asked] = context.restatement("analysis_finding", finding, "root_cause")
    assert verdicts == {2: "", 3: "only repeats the finding's theme; say why it happens"}
