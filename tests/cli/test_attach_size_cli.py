"""`folio attach` warns when a portfolio would be too big to email and can downscale photos."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import preferences
from app.store import PortfolioStore
from tests.cli.test_cli import run
from tests.conftest import noisy_photo


@pytest.fixture
def portfolio(tmp_path: Path, unit) -> Path:  # type: ignore[no-untyped-def]
    path = tmp_path / "Ada.folio"
    PortfolioStore.create(path, unit, "Ada Learner").close()
    return path


def test_warns_over_the_limit_and_still_attaches(portfolio: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    preferences.save(preferences.Preferences(email_limit_mb=2))
    photo = noisy_photo(tmp_path / "till.png")
    code, out, err = run(capsys, "attach", str(portfolio), str(photo))
    assert code == 0
    assert "Attached till.png as evidence #1" in out
    assert err.startswith("folio: warning: With this file the portfolio would be about ")
    assert "more than the 2.0 MB most email services accept" in err
    assert "--downscale makes large photos smaller" in err
    with PortfolioStore.open(portfolio) as store:
        assert store.load().evidence_files[0].size == photo.stat().st_size


def test_downscale_attaches_a_smaller_copy_without_warning(
    portfolio: Path, tmp_path: Path, capsys
) -> None:  # type: ignore[no-untyped-def]
    preferences.save(preferences.Preferences(email_limit_mb=2))
    photo = noisy_photo(tmp_path / "till.png")
    code, out, err = run(capsys, "attach", str(portfolio), str(photo), "--downscale")
    assert (code, err) == (0, "")
    assert "Attached till.jpg as evidence #1" in out
    with PortfolioStore.open(portfolio) as store:
        (file,) = store.load().evidence_files
    assert file.size < photo.stat().st_size / 2
    assert photo.exists()  # the learner's own photo is left as it was


def test_under_the_limit_is_quiet(portfolio: Path, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "attach", str(portfolio), str(noisy_photo(tmp_path / "till.png")))
    assert (code, err) == (0, "")
