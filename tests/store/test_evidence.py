"""Evidence files: stored inside the portfolio, hashed, de-duplicated, streamed."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image

from app.errors import DomainError, InvalidInputError
from app.store import PortfolioStore, evidence_io
from app.store.interchange import export_document


def _png(path: Path) -> Path:
    Image.new("RGB", (40, 30), "red").save(path, format="PNG")
    return path


def test_attach_stores_content_hash_type_and_size(store: PortfolioStore, tmp_path: Path) -> None:
    photo = _png(tmp_path / "desk photo.png")
    change = store.attach_file(photo, title="Desk", author="learner", produced_on="2026-10-01")
    item = store.load().evidence_files[0]
    data = photo.read_bytes()
    assert item.blob_sha256 == hashlib.sha256(data).hexdigest() == change.after["blob_sha256"]
    assert (item.size, item.media_type, item.original_name) == (
        len(data),
        "image/png",
        "desk photo.png",
    )
    assert store.read_evidence(item.id) == data


def test_the_same_file_twice_is_refused_naming_the_one_in(
    store: PortfolioStore, tmp_path: Path
) -> None:
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("same words")
    second.write_text("same words")
    store.attach_file(first)
    entries = len(store.load().audit_entries)
    with pytest.raises(
        DomainError,
        match=r"^'b.txt' is the same file as evidence E1 'a.txt', already in the portfolio; "
        "it was not added again$",
    ):
        store.attach_file(second)
    tables = export_document(store)["tables"]
    assert len(tables["evidence_file"]) == 1
    assert len(tables["evidence_blob"]) == 1
    assert len(store.load().audit_entries) == entries


def test_unused_content_is_dropped_on_compaction(store: PortfolioStore, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("words")
    change = store.attach_file(path)
    store.delete_item("evidence_file", change.item_id)
    assert store.drop_unused_blobs() == 1
    assert export_document(store)["tables"]["evidence_blob"] == []


def test_large_file_streams_in_and_out(store: PortfolioStore, tmp_path: Path) -> None:
    big = tmp_path / "video.bin"
    block = bytes(range(256)) * 4096
    with big.open("wb") as handle:
        for n in range(12):
            handle.write(block[n:] + block[:n])
    change = store.attach_file(big)
    out = io.BytesIO()
    written = store.save_evidence_as(change.item_id, out)
    assert written == big.stat().st_size
    assert hashlib.sha256(out.getvalue()).hexdigest() == change.after["blob_sha256"]


def test_too_large_file_is_refused(store: PortfolioStore, tmp_path: Path) -> None:
    huge = tmp_path / "huge.mov"
    with huge.open("wb") as handle:
        handle.truncate(evidence_io.MAX_EVIDENCE_BYTES + 1)
    with pytest.raises(InvalidInputError, match="larger than the 256 MB"):
        store.attach_file(huge)
    assert store.counts()["evidence_file"] == 0


def test_hostile_names_are_cleaned(store: PortfolioStore, tmp_path: Path) -> None:
    weird = tmp_path / "re\u202eport\tfinal <b>&amp;.txt"
    weird.write_text("x")
    store.attach_file(weird)
    name = store.load().evidence_files[0].original_name
    assert "\t" not in name and "\u202e" not in name
    assert name == "reportfinal <b>&amp;.txt"
    assert evidence_io.safe_file_name("../../etc/passwd") == "passwd"
    assert evidence_io.safe_file_name('a:b*c?"d<e>|.txt') == "a_b_c__d_e__.txt"
    assert evidence_io.safe_file_name("CON.txt") == "_CON.txt"


def test_image_type_is_taken_from_content_not_name(store: PortfolioStore, tmp_path: Path) -> None:
    fake = tmp_path / "photo.jpg"
    fake.write_bytes(b"MZ\x90\x00 not really a photo")
    real = _png(tmp_path / "scan.dat")
    store.attach_file(fake)
    store.attach_file(real)
    types = [f.media_type for f in store.load().evidence_files]
    assert types == ["application/octet-stream", "image/png"]


def test_missing_and_folder_sources_are_refused(store: PortfolioStore, tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="does not exist"):
        store.attach_file(tmp_path / "nope.png")
    with pytest.raises(InvalidInputError, match="is a folder"):
        store.attach_file(tmp_path)


def test_mapping_needs_a_marking_point_of_the_unit(store: PortfolioStore, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x")
    change = store.attach_file(path)
    with pytest.raises(InvalidInputError, match="not a marking point of the unit"):
        store.link_evidence("journey-review.MP1", "evidence_file", change.item_id, "why")
    store.link_evidence("continuous-improvement.MP1", "evidence_file", change.item_id, "why")
    link = store.load().evidence_links[0]
    assert link.target == ("evidence_file", change.item_id)
    assert link.evidence_file is not None and link.evidence_file.original_name == "a.txt"


def test_evidence_author_vocabulary_is_checked(store: PortfolioStore, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x")
    with pytest.raises(InvalidInputError, match="not one of"):
        store.attach_file(path, author="ghostwriter")
