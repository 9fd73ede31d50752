"""The checker reads neither the audit trail nor a portfolio's time of last change: the
check worker's copy of the document does not keep them up to date (LiveDocument with
``bookkeeping=False``), so a verdict that read them could differ from the window's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.checker import check
from tests.conftest import make_demo


def test_a_check_reads_no_bookkeeping(tmp_path: Path) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        unit = store.unit()
        expected = check(store.load(), unit, dt.date.today())
        document = store.load()  # detached: what is not loaded cannot be read
        for name in ("audit_entries", "updated_at"):
            del document.__dict__[name]
            document._sa_instance_state.expired_attributes.add(name)
        assert check(document, unit, dt.date.today()) == expected
