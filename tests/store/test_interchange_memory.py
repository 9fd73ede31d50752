"""export-json and import-json of a portfolio with a 64 MB attachment run in a process whose
address space is capped at what the same step costs with a 1 MB attachment plus 40 MB: a
step that held the attachment (or its base64) in memory even once would not fit."""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pytest

from app.store import PortfolioStore
from bench.memory import capped_step, portfolio_with, random_file

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS and /proc are Linux's"),
]

MB = 1024 * 1024
ATTACHMENT_MB = 64
MARGIN = 40 * MB


def _content_sha(path: Path) -> str:
    with PortfolioStore.open(path) as store:
        (item,) = store.load().evidence_files
        digest = hashlib.sha256()
        with store.evidence_chunks(item.id) as chunks:
            for chunk in chunks:
                digest.update(chunk)
        assert digest.hexdigest() == item.blob_sha256
        return item.blob_sha256


def test_export_and_import_json_fit_in_a_constant_whatever_the_attachment(
    tmp_path: Path,
) -> None:
    small = portfolio_with(tmp_path / "small.folio", random_file(tmp_path / "s.bin", 1))
    big = portfolio_with(tmp_path / "big.folio", random_file(tmp_path / "b.bin", ATTACHMENT_MB))
    steps = {
        "export-json": lambda name, source: (str(source), str(tmp_path / f"{name}.json")),
        "import-json": lambda name, source: (
            str(tmp_path / f"{name}.json"),
            str(tmp_path / f"{name}-copy.folio"),
        ),
    }
    for verb, arguments in steps.items():
        status, floor, error = capped_step(None, verb, *arguments("small", small))
        assert status == 0 and floor > 0, error
        status, _, error = capped_step(floor + MARGIN, verb, *arguments("big", big))
        assert status == 0, f"{verb} did not fit in {(floor + MARGIN) // MB} MB: {error}"
    assert _content_sha(tmp_path / "big-copy.folio") == _content_sha(big)
