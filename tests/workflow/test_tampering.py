"""Every way of forging or bypassing an assessment record that the file alone can reveal is
found by verify, with a message naming the record; the honest flow verifies on another
machine that trusts only the centre's certificate."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from app.checker import check
from app.cli import main
from app.errors import DomainError
from app.store import PortfolioStore
from app.store.audit_chain import entry_hash
from app.trust import pki, records
from app.trust.keystore import KeyStore, Signer
from app.workflow import submission
from app.workflow.verification import VerifyReport, verify
from tests.conftest import Centre, make_centre, make_demo

ASSESSOR = "assessor: Daniel Okafor"


def _sql(path: Path, *statements: str) -> None:
    connection = sqlite3.connect(path)
    for statement in statements:
        connection.execute(statement)
    connection.commit()
    connection.close()


def _assess_and_sign(path: Path, centre: Centre, decision: str = "competent") -> None:
    with PortfolioStore.open(path, actor=ASSESSOR) as store:
        for point in store.unit().marking_points:
            verdict = "not-yet" if decision == "refer" and point.short_id == "MP3" else "met"
            submission.assess(store, point.id, verdict, f"{point.short_id}: seen in the work")
        action_points = "Say more about MP3" if decision == "refer" else ""
        submission.sign_off(store, decision, action_points, centre.assessor)


@pytest.fixture
def signed(tmp_path: Path, centre: Centre) -> Path:
    """Submitted, judged, signed off competent by the assessor, countersigned by the IQA."""
    with make_demo(tmp_path, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    path = tmp_path / "continuous-improvement.folio"
    _assess_and_sign(path, centre)
    with PortfolioStore.open(path, actor="iqa: Grace Mensah") as store:
        submission.countersign(store, "Sampled: judgements agree with the evidence", centre.iqa)
    return path


@pytest.fixture
def elsewhere(tmp_path: Path, centre: Centre) -> KeyStore:
    """An awarding body's machine: it trusts the centre's certificate and nothing else."""
    return centre.verifier(tmp_path / "awarding-body")


def _verify(path: Path, keys: KeyStore) -> VerifyReport:
    with PortfolioStore.open(path) as store:
        return verify(store, keys)


def _problems(report: VerifyReport) -> list[str]:
    found = report.file_problems + report.audit_problems
    for version in report.versions:
        found += version.problems
        found += [p for record in version.records for p in record.problems]
    return found


def _resign(path: Path, signer: Signer, **changes: object) -> None:
    """What a forger with a key of their own does: rewrite the sign-off record, sign it again
    and put their certificate in the file."""
    connection = sqlite3.connect(path)
    row_id, payload_json = connection.execute(
        "SELECT id, payload_json FROM record_signature WHERE kind = 'sign-off'"
    ).fetchone()
    payload = {**json.loads(payload_json), **changes, "certificate_sha256": signer.fingerprint}
    data = records.canonical(payload)
    connection.execute(
        "UPDATE record_signature SET payload_json = ?, signature = ?, certificate_sha256 = ? "
        "WHERE id = ?",
        (data.decode(), signer.sign(data), signer.fingerprint, row_id),
    )
    connection.execute(
        "INSERT INTO staff_certificate (portfolio_id, sha256, der, subject) VALUES (1, ?, ?, '')",
        (signer.fingerprint, pki.der(signer.certificate)),
    )
    connection.commit()
    connection.close()


# -- the honest flow ---------------------------------------------------------------------------


def test_honest_flow_verifies_on_another_machine(
    signed: Path, tmp_path: Path, centre: Centre, elsewhere: KeyStore, capsys, monkeypatch
) -> None:
    emailed = tmp_path / "inbox" / "priya.folio"
    emailed.parent.mkdir()
    shutil.copyfile(signed, emailed)
    report = _verify(emailed, elsewhere)
    assert report.exit_code == 0, _problems(report)
    secret = centre.assessor.key.private_numbers().private_value.to_bytes(32, "big")
    assert secret not in emailed.read_bytes()  # no private key travels with the file
    (version,) = report.versions
    assert version.trust() == (
        "signed by Daniel Okafor, assessor, Northgate College (40123), verified"
    )
    assert version.work_line() == "learner work: intact, pinned by Daniel Okafor's signature"
    assert [r.describe() for r in version.records][1] == (
        "countersigned by Grace Mensah, IQA, Northgate College (40123), verified"
    )
    monkeypatch.setenv("FOLIO_DATA_DIR", str(tmp_path / "awarding-body-data"))
    KeyStore().add_file(elsewhere.trusted_dir / next(elsewhere.trusted_dir.glob("*.pem")).name)
    assert main(["verify", str(emailed)]) == 0
    out = capsys.readouterr().out
    assert "decision competent: signed by Daniel Okafor, assessor" in out
    assert "IQA countersignature: countersigned by Grace Mensah, IQA" in out
    assert out.rstrip().endswith("Result: intact and signed.")


def test_without_the_centre_in_the_trust_list_nothing_is_trusted(
    signed: Path, tmp_path: Path
) -> None:
    report = _verify(signed, KeyStore(tmp_path / "empty"))
    assert report.exit_code == 1
    assert report.versions[0].trust().startswith("NOT TRUSTED: ")
    assert "issued by a centre you do not trust (Northgate College (40123))" in (
        report.versions[0].trust()
    )


# -- rows edited or inserted with sqlite3 ------------------------------------------------------


def test_an_edited_judgement_is_named(signed: Path, elsewhere: KeyStore, capsys) -> None:
    _sql(
        signed,
        "UPDATE assessment SET judgement = 'not-yet', feedback = 'forged' "
        "WHERE marking_point_id LIKE '%MP8'",
    )
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert "the judgement of MP8 (feedback) differs from what Daniel Okafor signed" in (
        _problems(report)
    )
    assert "the judgement of MP8 (judgement) differs from what Daniel Okafor signed" in (
        _problems(report)
    )


def test_an_inserted_judgement_is_named(signed: Path, elsewhere: KeyStore) -> None:
    _sql(
        signed,
        "INSERT INTO assessment (portfolio_id, submission_id, marking_point_id, judgement, "
        "feedback, assessor_name, assessed_at, snapshot_digest) SELECT portfolio_id, "
        "submission_id, marking_point_id, 'met', 'Met — Learner Herself', 'Learner Herself', "
        "assessed_at, snapshot_digest FROM assessment WHERE marking_point_id LIKE '%MP2'",
    )
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert any("the judgement of MP2 (assessor) differs" in p for p in _problems(report))


def test_an_edited_decision_is_named(signed: Path, elsewhere: KeyStore) -> None:
    _sql(signed, "UPDATE assessment_decision SET decision = 'refer'")
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert (
        "the decision on version 1 is 'refer', but Daniel Okafor signed 'competent'"
        in _problems(report)
    )


def test_rewritten_work_with_a_recomputed_digest_is_found(
    signed: Path, elsewhere: KeyStore
) -> None:
    """The digest has no secret; the assessor's signature over it is what pins the work."""
    connection = sqlite3.connect(signed)
    snapshot = connection.execute("SELECT snapshot_json FROM submission").fetchone()[0]
    forged = snapshot.replace("Priya", "Pria")
    from app.workflow.snapshot import digest

    connection.execute(
        "UPDATE submission SET snapshot_json = ?, digest = ?", (forged, digest(forged))
    )
    connection.execute("UPDATE feedback_item SET text = replace(text, 'Priya', 'Pria')")
    connection.commit()
    connection.close()
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert any(
        "sign-off of version 1 by Daniel Okafor: the submitted work differs from what was "
        "signed" in p
        for p in _problems(report)
    )


def test_rewriting_version_1_and_relinking_version_2_is_found(
    tmp_path: Path, centre: Centre, elsewhere: KeyStore
) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    path = tmp_path / "continuous-improvement.folio"
    _assess_and_sign(path, centre, "refer")
    with PortfolioStore.open(path) as store:
        submission.start_new_draft(store)
        store.add_item("feedback_item", source_type="survey", text="more on team roles")
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    from app.workflow.snapshot import digest

    connection = sqlite3.connect(path)
    snapshot = connection.execute("SELECT snapshot_json FROM submission WHERE version = 1")
    forged = snapshot.fetchone()[0].replace("Priya", "Pria")
    connection.execute(
        "UPDATE submission SET snapshot_json = ?, digest = ? WHERE version = 1",
        (forged, digest(forged)),
    )
    connection.execute(
        "UPDATE submission SET previous_digest = ? WHERE version = 2", (digest(forged),)
    )
    connection.commit()
    connection.close()
    report = _verify(path, elsewhere)
    assert report.exit_code == 1
    problems = _problems(report)
    assert any("version 1's digest differs from the one recorded" in p for p in problems)
    assert any("the submitted work differs from what was signed" in p for p in problems)


# -- signatures and certificates that are not what they claim ----------------------------------


def test_a_signature_copied_from_another_portfolio_is_named(
    signed: Path, tmp_path: Path, centre: Centre, elsewhere: KeyStore
) -> None:
    other_dir = tmp_path / "other"
    other_dir.mkdir()
    with make_demo(other_dir, "continuous-improvement") as store:
        store.update_details(learner_name="Sam Other")
        submission.submit(store, "Sam Other", check(store.load(), store.unit()))
    other = other_dir / "continuous-improvement.folio"
    _assess_and_sign(other, centre)
    source = sqlite3.connect(other)
    payload, signature = source.execute(
        "SELECT payload_json, signature FROM record_signature WHERE kind = 'sign-off'"
    ).fetchone()
    source.close()
    _sql(signed, "DELETE FROM record_signature WHERE kind = 'countersign'")
    connection = sqlite3.connect(signed)
    connection.execute(
        "UPDATE record_signature SET payload_json = ?, signature = ? WHERE kind = 'sign-off'",
        (payload, signature),
    )
    connection.commit()
    connection.close()
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert any(
        "it was made for another portfolio (learner Sam Other" in p for p in _problems(report)
    )


def test_a_certificate_from_another_centre_is_named(
    signed: Path, tmp_path: Path, elsewhere: KeyStore
) -> None:
    southfield = make_centre(tmp_path / "southfield", "Southfield Academy", "50999")
    _resign(signed, southfield.assessor)
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert "issued by a centre you do not trust (Southfield Academy (50999))" in report.trust()


def test_a_learner_made_key_is_named(signed: Path, tmp_path: Path, elsewhere: KeyStore) -> None:
    """Same centre name and number, same assessor name — but not the centre's key."""
    lookalike = make_centre(tmp_path / "learner-laptop", "Northgate College", "40123")
    _resign(signed, lookalike.assessor)
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert "issued by a centre you do not trust (Northgate College (40123))" in report.trust()
    key = pki.new_key()
    name = pki._name("Daniel Okafor", "Northgate College", "40123", "assessor")
    self_made = (
        pki.x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(dt.datetime.now(dt.UTC) - dt.timedelta(days=1))
        .not_valid_after(dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
        .sign(key, pki.hashes.SHA256())
    )
    _resign(signed, Signer(key, self_made))
    assert "the certificate is self-made" in _verify(signed, elsewhere).trust()


def test_an_expired_certificate_is_named(signed: Path, centre: Centre, elsewhere: KeyStore) -> None:
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=400)
    key, certificate = pki.issue_staff(
        centre.keys._centre_key("centre-passphrase"),
        centre.keys.centre_certificate(),
        "Daniel Okafor",
        "assessor",
        days=30,
        now=long_ago,
    )
    expired = Signer(key, certificate)
    with (  # Folio itself refuses to sign with it
        PortfolioStore.open(signed, actor=ASSESSOR) as store,
        pytest.raises(DomainError, match="certificate is not valid now"),
    ):
        submission.reopen(store, "try with an old key", expired)
    _resign(signed, expired)
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert "the certificate had expired on" in report.trust()


def test_a_revoked_certificate_is_named(
    tmp_path: Path, centre: Centre, elsewhere: KeyStore
) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    path = tmp_path / "continuous-improvement.folio"
    serial = centre.assessor.certificate.serial_number
    centre.keys.revoke("centre-passphrase", serial, dt.datetime.now(dt.UTC) - dt.timedelta(hours=1))
    _assess_and_sign(path, centre)  # the stolen key still signs on a machine without the CRL
    assert _verify(path, elsewhere).exit_code == 0  # until the CRL arrives
    elsewhere.add_file(centre.keys.centre_dir / "centre.crl")
    report = _verify(path, elsewhere)
    assert report.exit_code == 1
    assert "the certificate was revoked on" in report.trust() and "before this was signed" in (
        report.trust()
    )


def test_a_certificate_revoked_after_signing_still_verifies_with_a_note(
    signed: Path, centre: Centre, elsewhere: KeyStore
) -> None:
    later = dt.datetime.now(dt.UTC) + dt.timedelta(minutes=10)
    centre.keys.revoke("centre-passphrase", centre.assessor.certificate.serial_number, later)
    elsewhere.add_file(centre.keys.centre_dir / "centre.crl")
    report = _verify(signed, elsewhere)
    assert report.exit_code == 0
    assert any("revoked later" in note for note in report.versions[0].records[0].notes)


# -- the audit trail, submissions and records deleted -----------------------------------------


def test_a_deleted_audit_log_is_found(signed: Path, elsewhere: KeyStore) -> None:
    _sql(signed, "DELETE FROM audit_entry")
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert "the audit trail is empty (it was deleted)" in report.audit_problems
    assert any("the audit trail up to this signature was altered" in p for p in _problems(report))


def test_an_edited_or_deleted_audit_entry_is_found(signed: Path, elsewhere: KeyStore) -> None:
    _sql(signed, "UPDATE audit_entry SET actor = 'assessor: Someone Else' WHERE action = 'assess'")
    assert any("was edited" in p for p in _verify(signed, elsewhere).audit_problems)


def test_a_rebuilt_audit_chain_is_found_by_the_signed_head(
    signed: Path, elsewhere: KeyStore
) -> None:
    """Deleting entries and recomputing every hash leaves a consistent chain, but not the
    one the assessor signed."""
    connection = sqlite3.connect(signed)
    connection.execute("DELETE FROM audit_entry WHERE action = 'assess' AND target LIKE '%:3'")
    previous = ""
    rows = connection.execute(
        "SELECT id, at, actor, action, target, detail FROM audit_entry ORDER BY id"
    ).fetchall()
    for row_id, at, actor, action, target, detail in rows:
        value = entry_hash(previous, dt.datetime.fromisoformat(at), actor, action, target, detail)
        connection.execute(
            "UPDATE audit_entry SET previous_hash = ?, entry_hash = ? WHERE id = ?",
            (previous, value, row_id),
        )
        previous = value
    connection.commit()
    connection.close()
    report = _verify(signed, elsewhere)
    assert report.audit_problems == []  # the chain itself looks whole
    assert report.exit_code == 1
    assert any(
        "sign-off of version 1 by Daniel Okafor: the audit trail up to this signature was altered"
        in p
        for p in _problems(report)
    )


def test_a_deleted_submission_is_found(signed: Path, elsewhere: KeyStore) -> None:
    _sql(signed, "DELETE FROM submission")  # sqlite3 leaves the rows that refer to it
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert "the submission of version 1 is missing (deleted)" in report.file_problems


def test_a_deleted_signature_leaves_the_decision_unsigned(
    signed: Path, elsewhere: KeyStore
) -> None:
    _sql(signed, "DELETE FROM record_signature")
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert report.versions[0].trust() == "unsigned"


def test_a_decision_marked_reopened_without_a_signed_reopening_is_found(
    signed: Path, elsewhere: KeyStore
) -> None:
    _sql(signed, "UPDATE assessment_decision SET reopened_at = '2026-01-01 00:00:00'")
    report = _verify(signed, elsewhere)
    assert report.exit_code == 1
    assert any("no signed reopening voids it" in p for p in _problems(report))


# -- and no false alarms on normal use ---------------------------------------------------------


def test_deleting_evidence_in_a_new_draft_is_no_alteration(
    signed: Path, elsewhere: KeyStore
) -> None:
    with PortfolioStore.open(signed) as store:
        submission.start_new_draft(store)
        for item in store.load().evidence_files:
            store.delete_item("evidence_file", item.id)
        store.drop_unused_blobs()
    report = _verify(signed, elsewhere)
    assert report.exit_code == 0, _problems(report)
    assert report.versions[0].intact
