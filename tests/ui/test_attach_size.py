"""Adding evidence that would make a portfolio too big to email: the warning, the offer to
downscale photos, cancelling, and the limit kept as a preference."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from app import preferences
from app.store import PortfolioStore
from app.ui import attach_prompt
from app.ui.preferences_dialog import PreferencesDialog
from tests.conftest import noisy_photo


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """What the size question said and how many photos it offered to downscale; answered with
    ``asked.answer``."""

    class Asked(list):  # type: ignore[type-arg]
        answer: str | None = attach_prompt.DOWNSCALE

    questions = Asked()

    def ask(parent, warning, photos):  # type: ignore[no-untyped-def]
        questions.append((warning, photos))
        return questions.answer

    monkeypatch.setattr(attach_prompt, "ask", ask)
    return questions


def _add(qtbot, window, paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    page = window.pages["evidence"]
    window.show_stage("evidence")
    with qtbot.waitSignal(window.session.importFinished, timeout=20_000):
        page.add_files(paths)


def test_over_the_limit_asks_and_downscales_thenoisy_photo(
    qtbot, window_for, new_portfolio: Path, tmp_path: Path, asked
) -> None:  # type: ignore[no-untyped-def]
    preferences.save(preferences.Preferences(email_limit_mb=1))
    photo = noisy_photo(tmp_path / "till.png")
    notes = tmp_path / "notes.txt"
    notes.write_text("Shift notes")
    window = window_for(new_portfolio)
    _add(qtbot, window, [photo, notes])

    ((warning, photos),) = asked
    assert photos == 1
    assert "more than the 1.0 MB most email services accept" in warning
    assert warning.endswith("Downscaling the photo would make it much smaller.")
    files = window.session.document.evidence_files
    assert [f.original_name for f in files] == ["till.jpg", "notes.txt"]
    assert files[0].size < photo.stat().st_size / 2
    with PortfolioStore.open(new_portfolio) as store:
        stored = store.read_content(files[0].blob_sha256)
    with Image.open(io.BytesIO(stored)) as image:
        assert (image.size, image.format) == ((1200, 1200), "JPEG")


def test_as_they_are_keeps_the_original_bytes(
    qtbot, window_for, new_portfolio: Path, tmp_path: Path, asked
) -> None:  # type: ignore[no-untyped-def]
    preferences.save(preferences.Preferences(email_limit_mb=1))
    asked.answer = attach_prompt.AS_THEY_ARE
    photo = noisy_photo(tmp_path / "till.png")
    window = window_for(new_portfolio)
    _add(qtbot, window, [photo])
    (file,) = window.session.document.evidence_files
    assert (file.original_name, file.size) == ("till.png", photo.stat().st_size)


def test_cancel_adds_nothing(qtbot, window_for, new_portfolio: Path, tmp_path: Path, asked) -> None:  # type: ignore[no-untyped-def]
    preferences.save(preferences.Preferences(email_limit_mb=1))
    asked.answer = None
    window = window_for(new_portfolio)
    window.show_stage("evidence")
    window.pages["evidence"].add_files([noisy_photo(tmp_path / "till.png")])
    qtbot.wait(300)
    assert len(asked) == 1
    assert window.session.document.evidence_files == []
    with PortfolioStore.open(new_portfolio) as store:
        assert store.load().evidence_files == []


def test_under_the_limit_asks_nothing(
    qtbot, window_for, new_portfolio: Path, tmp_path: Path, asked
) -> None:  # type: ignore[no-untyped-def]
    photo = noisy_photo(tmp_path / "till.png")  # about 4 MB, under the default 20 MB
    window = window_for(new_portfolio)
    _add(qtbot, window, [photo])
    assert asked == []
    assert window.session.document.evidence_files[0].size == photo.stat().st_size


def test_settings_dialog_saves_the_limit_that_attaching_uses(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.email_limit.value() == 20
    dialog.email_limit.setValue(7)
    dialog.accept()
    assert preferences.load().email_limit_bytes == 7 * 1024 * 1024
    assert PreferencesDialog().email_limit.value() == 7


@pytest.mark.parametrize("text", ["email_limit_mb = 0\n", "email_limit_mb = 'x'\n", "= = =\n"])
def test_unusable_preferences_mean_the_default(text: str) -> None:
    from app.paths import data_dir

    (data_dir() / preferences.FILE_NAME).write_text(text)
    assert preferences.load() == preferences.Preferences()
