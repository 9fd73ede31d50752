"""The JSON interchange format: exact round trips, a published schema, clear refusals."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import jsonschema
import pytest

from app.checker import check
from app.errors import FolioFileError, InvalidInputError
from app.resources import load_schema
from app.store import PortfolioStore
from app.store.interchange import SCHEMA_FILE, build_schema, export_document, read_json, write_json
from app.workflow import submission
from tests.conftest import UNIT_IDS, Centre, make_demo


@pytest.mark.parametrize("unit_id", UNIT_IDS)
def test_demo_round_trips_exactly(tmp_path: Path, unit_id: str) -> None:
    with make_demo(tmp_path, unit_id) as store:
        first = tmp_path / "first.json"
        write_json(store, first)
        original = export_document(store)
    with read_json(first, tmp_path / "copy.folio") as copy:
        second = tmp_path / "second.json"
        write_json(copy, second)
        again = export_document(copy)
        blobs = {row["sha256"]: row["data"] for row in original["tables"]["evidence_blob"]}
        for row in original["tables"]["evidence_file"]:
            assert copy.read_evidence(row["id"]) == base64.b64decode(blobs[row["blob_sha256"]])
    assert again == original
    assert json.loads(first.read_text()) == json.loads(second.read_text())
    jsonschema.validate(original, load_schema(SCHEMA_FILE))


def test_published_schema_matches_the_models() -> None:
    assert load_schema(SCHEMA_FILE) == build_schema(), "run 'make schema' after a model change"


def _demo_json(tmp_path: Path) -> dict:
    with make_demo(tmp_path, "continuous-improvement") as store:
        return export_document(store)


def _write(tmp_path: Path, document: object, name: str = "in.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document))
    return path


def test_tampered_attachment_is_refused(tmp_path: Path) -> None:
    document = _demo_json(tmp_path)
    document["tables"]["evidence_blob"][0]["data"] = base64.b64encode(b"forged").decode()
    with pytest.raises(InvalidInputError, match="does not match its SHA-256"):
        read_json(_write(tmp_path, document), tmp_path / "out.folio")
    assert not (tmp_path / "out.folio").exists()


def test_broken_reference_is_refused(tmp_path: Path) -> None:
    document = _demo_json(tmp_path)
    document["tables"]["log_entry"][0]["action_id"] = 999
    with pytest.raises(InvalidInputError, match="inconsistent"):
        read_json(_write(tmp_path, document), tmp_path / "out.folio")
    assert not (tmp_path / "out.folio").exists()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(format="something-else"), "not a Folio interchange file"),
        (lambda d: d.update(format_version=7), "format version 7"),
        (lambda d: d.update(schema_revision="9999"), "newer Folio"),
        (lambda d: d["tables"]["metric"][0].update(colour="red"), "colour"),
        (lambda d: d["tables"]["metric"][0].update(baseline_value="high"), "baseline_value"),
        (lambda d: d["tables"].update(portfolio=[]), "exactly one portfolio"),
    ],
)
def test_invalid_documents_are_refused(tmp_path: Path, mutate, message: str) -> None:
    document = _demo_json(tmp_path)
    mutate(document)
    with pytest.raises(InvalidInputError, match=message):
        read_json(_write(tmp_path, document), tmp_path / "out.folio")


def test_not_json_and_existing_target(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    with pytest.raises(InvalidInputError, match="not valid JSON"):
        read_json(bad, tmp_path / "out.folio")
    existing = tmp_path / "exists.folio"
    existing.write_text("keep me")
    good = _write(tmp_path, _demo_json(tmp_path), "good.json")
    with pytest.raises(FolioFileError, match="already exists"):
        read_json(good, existing)
    assert existing.read_text() == "keep me"


def test_a_document_from_the_previous_schema_imports_with_the_new_columns_defaulted(
    tmp_path: Path,
) -> None:
    from app.store.interchange import export_document, import_document
    from tests.conftest import make_demo

    with make_demo(tmp_path, "journey-review") as store:
        document = export_document(store)
    # As Folio wrote it before the assessment record existed (schema 0005).
    document["schema_revision"] = "0005"
    for table in ("assessment_record", "record_question", "plan_activity", "assessment_review"):
        document["tables"].pop(table)
    for row in document["tables"]["portfolio"]:
        del row["registration_number"], row["employer_contact"]
    imported = import_document(document, tmp_path / "old.folio", "old.json")
    with imported:
        portfolio = imported.load()
    assert (portfolio.registration_number, portfolio.employer_contact) == ("", "")
    assert portfolio.learner_name == "Priya Shah"
    assert portfolio.records == []
    # A document that claims today's schema but lacks its columns is refused, not guessed.
    document["schema_revision"] = "0006"
    for row in document["tables"]["portfolio"]:
        del row["registration_number"]
    import pytest

    from app.errors import InvalidInputError

    with pytest.raises(InvalidInputError, match="registration_number"):
        import_document(document, tmp_path / "current.folio", "current.json")


def test_a_signature_that_is_not_base64_is_refused(tmp_path: Path, centre: Centre) -> None:
    """A character outside base64 is refused, not skipped: what is imported is exactly what
    the document says."""
    with make_demo(tmp_path, "journey-review") as store:
        portfolio = store.load()
        submission.submit(store, portfolio.learner_name, check(portfolio, store.unit()))
    with PortfolioStore.open(store.path, actor="assessor: Daniel Okafor") as assessor:
        for point in assessor.unit().marking_points:
            submission.assess(assessor, point.id, "met", "Shown.")
        submission.sign_off(assessor, "competent", signer=centre.assessor)
        document = export_document(assessor)
    (row, *_) = document["tables"]["record_signature"]
    row["signature"] = row["signature"][:8] + "!" + row["signature"][8:]
    with pytest.raises(InvalidInputError, match="tables/record_signature/0: "):
        read_json(_write(tmp_path, document), tmp_path / "out.folio")
    assert not (tmp_path / "out.folio").exists()
