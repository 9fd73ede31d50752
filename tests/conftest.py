"""Shared fixtures. Every test gets its own data folder, so nothing touches the real one."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from app.catalogue import Unit, load_catalogue
from app.demo import build_demo
from app.store import PortfolioStore, template
from app.trust.keystore import KeyStore, Signer

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
UNIT_IDS = (
    "journey-review",
    "continuous-improvement",
    "service-foundations",
    "process-reengineering",
    "strategic-service",
)


def require(available: object, what: str) -> None:
    """Skip a test whose outside requirement (a program, a server, a font, the seed documents)
    is missing here; under CI (``CI=true``) the missing piece fails the test instead, so a
    green run means every test ran."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"missing here: {what} (under CI every test runs)", pytrace=False)
    pytest.skip(f"missing here: {what}")


def require_tool(name: str, package: str) -> str:
    """The path of the program ``name`` (from the Debian package ``package``), see require()."""
    path = shutil.which(name)
    require(path, f"{name} (Debian package {package})")
    return path  # type: ignore[return-value]


def require_seeds() -> Path:
    """The seed documents the units were written from, beside the repository."""
    require(SEEDS.is_dir() and any(SEEDS.glob("*.txt")), f"the seed documents in {SEEDS}")
    return SEEDS


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under CI a run that skipped a test does not pass, whoever skipped it."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if os.environ.get("CI") == "true" and exitstatus == pytest.ExitCode.OK and skipped:
        reporter.write_line(f"\nUnder CI nothing may be skipped; skipped: {len(skipped)}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True, scope="session")
def _batches_in_one_process() -> Iterator[None]:
    """A batch left to its default ("every core") runs in the test's own process; the tests
    of the worker pool ask for it (``jobs=2``). Under xdist every core already runs a test,
    and each pool worker would spend 2-3 s importing the exporters before its first file."""
    from app.export import batch

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(batch, "default_jobs", lambda: 1)
        yield


# -- mutation testing (`make mutate`) ----------------------------------------------------------
# mutmut first records which tests reach each function, then runs only those tests against a
# mutant of it. It credits a function to the test during which it ran, so work done once and
# shared (a module's fixture, a demo built once per run) would be credited to the first test
# that needed it alone, and a mutant there checked against that one test. Here that work is
# credited to every test that uses it, and each mutant gets its own demo builds.


def _mutant() -> str:
    """The mutant the tests run against: "stats" while mutmut records which tests reach which
    function, a mutant's name while it checks one, "" outside `make mutate`."""
    return os.environ.get("MUTANT_UNDER_TEST", "")


def _reached() -> set[str] | None:
    """The functions mutmut has seen called in the current test (while it records), or None."""
    if _mutant() != "stats":
        return None
    from mutmut.state import state

    return state()._stats


_SHARED_REACH: dict[object, set[str]] = {}


@contextmanager
def _shared_work(key: object) -> Iterator[None]:
    """Work done once for the tests that share it: what it reaches is kept under ``key``."""
    reached = _reached()
    if reached is None:
        yield
        return
    before = set(reached)
    reached.clear()
    try:
        yield
    finally:
        _SHARED_REACH[key] = set(reached)
        reached |= before


def _uses_shared_work(key: object) -> None:
    """The current test relies on the work kept under ``key``: it reaches that work's functions."""
    reached = _reached()
    if reached is not None:
        reached |= _SHARED_REACH.get(key, set())


@pytest.hookimpl(wrapper=True)
def pytest_fixture_setup(fixturedef: Any, request: pytest.FixtureRequest) -> Any:
    if fixturedef.scope == "function" or _reached() is None:
        return (yield)
    with _shared_work(("fixture", id(fixturedef))):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Any:
    if _reached() is not None:  # before mutmut reads what this test reached
        for fixturedefs in item._fixtureinfo.name2fixturedefs.values():  # type: ignore[attr-defined]
            for fixturedef in fixturedefs:
                _uses_shared_work(("fixture", id(fixturedef)))
    return (yield)


#: Packages whose memoised functions (functools caches) compute results from code that is
#: mutated. A cache filled by the clean run before mutmut forks for a mutant would hand the
#: mutant's tests the original's answers, and one filled by an earlier test while mutmut
#: records would keep later tests from being credited with the functions it calls.
MEMOISED = ("app.checker", "app.catalogue", "app.workflow", "app.store")


def _clear_memoised() -> None:
    for name, module in list(sys.modules.items()):
        if module is None or not name.startswith(MEMOISED):
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()
    # The image new files are written from was made by the (perhaps mutated) migrations, and
    # the create that made it ran them for one test only.
    template.forget()


@pytest.fixture(autouse=True, scope="session")
def _fresh_caches_per_mutant() -> None:
    """Under a mutant, start from empty caches (see MEMOISED); in every run, the first new
    file of the session is migrated, so a run always exercises the migrations."""
    template.forget()
    if _mutant() not in ("", "stats"):
        _clear_memoised()


@pytest.fixture(autouse=True)
def _fresh_caches_while_recording() -> None:
    """While mutmut records which tests reach which function, each test starts from empty
    caches, so it is credited with what it computes (see MEMOISED)."""
    if _mutant() == "stats":
        _clear_memoised()


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "user-data"
    monkeypatch.setenv("FOLIO_DATA_DIR", str(data))
    return data


@pytest.fixture(scope="module")
def module_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A data folder for a module's shared fixtures, which are made before any test's own
    (_private_data_dir): ask for it in each of them that opens a portfolio or a key store."""
    data = tmp_path_factory.mktemp("user-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("FOLIO_DATA_DIR", str(data))
        yield data


@pytest.fixture
def catalogue():  # type: ignore[no-untyped-def]
    return load_catalogue()


@pytest.fixture
def unit(catalogue) -> Unit:  # type: ignore[no-untyped-def]
    return catalogue.get("continuous-improvement")


@pytest.fixture
def store(tmp_path: Path, unit: Unit) -> Iterator[PortfolioStore]:
    with PortfolioStore.create(tmp_path / "learner.folio", unit, "Ada Learner") as opened:
        yield opened


_DEMO_CACHE: dict[tuple[str, str, dt.date], Path] = {}


def noisy_photo(path: Path, side: int = 1200) -> Path:
    """A photo of random pixels, which no encoder can shrink: well over 1 MB as PNG."""
    from PIL import Image

    Image.frombytes("RGB", (side, side), os.urandom(side * side * 3)).save(path)
    return path


def _demo_file(unit_id: str, today: dt.date | None = None) -> Path:
    """The demo portfolio for ``unit_id`` as of ``today`` (built once per test run and day,
    and once per mutant under `make mutate`); copy it, never open it."""
    day = today or dt.date.today()
    key = (unit_id, _mutant(), day)
    if key not in _DEMO_CACHE:
        folder = Path(tempfile.mkdtemp(prefix="folio-demo-cache-"))
        with _shared_work(("demo", key)):
            build_demo(folder / f"{unit_id}.folio", load_catalogue().get(unit_id), day).close()
        _DEMO_CACHE[key] = folder / f"{unit_id}.folio"
    _uses_shared_work(("demo", key))
    return _DEMO_CACHE[key]


def make_demo(tmp_path: Path, unit_id: str) -> PortfolioStore:
    """An open copy of the demo portfolio for ``unit_id`` (see _demo_file)."""
    target = tmp_path / f"{unit_id}.folio"
    shutil.copyfile(_demo_file(unit_id), target)
    return PortfolioStore.open(target)


def _copied_demo(path: Path | str, unit: Unit, today: dt.date | None = None) -> PortfolioStore:
    """build_demo for the demo cohort: a copy of the demo make_demo copies (built by
    build_demo for the same unit and day), instead of building each unit's demo again."""
    shutil.copyfile(_demo_file(unit.id, today), path)
    return PortfolioStore.open(path)


def make_incomplete_demo(tmp_path: Path) -> PortfolioStore:
    """The process re-engineering demo without the arrows of its process maps: no handoffs,
    so MP1 and MP4 are partly met and 3 of its 5 marking points are met."""
    store = make_demo(tmp_path, "process-reengineering")
    for step in store.load().process_steps:
        store.set_related("process_step", step.id, [])
    return store


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


CENTRE_PASSPHRASE = "centre-passphrase"
STAFF_PASSPHRASE = "staff-passphrase"


@dataclass
class Centre:
    """A centre's authority with an assessor and an IQA whose keys are installed in this
    test's own key store (the default one, under the redirected data folder)."""

    keys: KeyStore
    assessor: Signer
    iqa: Signer

    @property
    def certificate_pem(self) -> bytes:
        return (self.keys.centre_dir / "centre.pem").read_bytes()

    def issue(self, name: str, role: str, days: int = 365) -> Signer:
        key_pem, certificate = self.keys.issue(
            CENTRE_PASSPHRASE, name, role, STAFF_PASSPHRASE, days
        )
        self.keys.add_key(key_pem, certificate)
        return self.keys.unlock(certificate, STAFF_PASSPHRASE)

    def verifier(self, root: Path) -> KeyStore:
        """Another machine's key store that trusts only this centre's certificate."""
        other = KeyStore(root)
        other.add_file(self.keys.centre_dir / "centre.pem")
        return other


def make_centre(root: Path | None = None, name: str = "Northgate College", number: str = "40123"):  # type: ignore[no-untyped-def]
    keys = KeyStore(root)
    keys.init_centre(name, number, CENTRE_PASSPHRASE)
    centre = Centre(keys, None, None)  # type: ignore[arg-type]
    centre.assessor = centre.issue("Daniel Okafor", "assessor")
    centre.iqa = centre.issue("Grace Mensah", "iqa")
    return centre


@pytest.fixture
def centre(monkeypatch: pytest.MonkeyPatch) -> Centre:
    """The centre, its staff keys installed here, and their passphrase for the CLI."""
    monkeypatch.setenv("FOLIO_PASSPHRASE", STAFF_PASSPHRASE)
    monkeypatch.setenv("FOLIO_CENTRE_PASSPHRASE", CENTRE_PASSPHRASE)
    return make_centre()


_COHORT_CACHE: dict[tuple[bool, str], tuple[Path, Centre]] = {}


def make_demo_cohort(tmp_path: Path, signed: bool = True) -> tuple[Path, Centre]:
    """A copy of the demo cohort (app.demo.cohort) in ``tmp_path / 'cohort'``, its decisions
    signed by a centre of its own (built once per test run, from the demos make_demo copies),
    with no sampling plan or IQA report yet; and that centre, whose IQA can report and whose
    ``verifier`` trusts it."""
    from app.demo.cohort import EXPERIENCED, NEW_ASSESSOR, DemoStaff, build_demo_cohort

    key = (signed, _mutant())
    if key not in _COHORT_CACHE:
        root = Path(tempfile.mkdtemp(prefix="folio-cohort-cache-"))
        with _shared_work(("cohort", key)), pytest.MonkeyPatch.context() as patch:
            centre = make_centre(root / "keys")
            staff = DemoStaff(
                {EXPERIENCED: centre.assessor, NEW_ASSESSOR: centre.issue(NEW_ASSESSOR, "assessor")}
            )
            patch.setattr("app.demo.cohort.build_demo", _copied_demo)
            build_demo_cohort(root / "cohort", staff if signed else None)
        _COHORT_CACHE[key] = (root / "cohort", centre)
    _uses_shared_work(("cohort", key))
    source, centre = _COHORT_CACHE[key]
    shutil.copytree(source, tmp_path / "cohort")
    return tmp_path / "cohort", centre
