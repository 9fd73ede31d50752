"""The staff-identity commands as a centre, an assessor, an IQA and an awarding body use them,
each on a machine (data folder) of their own; bad input is one line and exit code 2."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.checker import check
from app.cli import main
from app.workflow import submission
from tests.conftest import make_demo


@pytest.fixture
def machines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Switch between machines by pointing Folio's data folder elsewhere."""

    def use(name: str) -> Path:
        folder = tmp_path / name
        monkeypatch.setenv("FOLIO_DATA_DIR", str(folder))
        return folder

    monkeypatch.setenv("FOLIO_CENTRE_PASSPHRASE", "centre-passphrase")
    monkeypatch.setenv("FOLIO_PASSPHRASE", "staff-passphrase")
    return use


def test_centre_staff_and_trust_from_the_command_line(machines, tmp_path: Path, capsys) -> None:
    with make_demo(tmp_path, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    portfolio = tmp_path / "continuous-improvement.folio"
    handout = tmp_path / "handout" / "2026"  # made on first use, like any save folder

    machines("centre-office")
    centre_pem = tmp_path / "northgate.pem"
    init = ["centre", "init", "--name", "Northgate College", "--number", "40123"]
    assert main([*init, "-o", str(centre_pem)]) == 0
    assert "Created the signing authority of Northgate College (40123)" in (capsys.readouterr().out)
    assert main(init) == 1  # one authority per machine
    for name, role in (("Daniel Okafor", "assessor"), ("Grace Mensah", "iqa")):
        issue = ["staff", "issue", "--name", name, "--role", role, "--out-dir", str(handout)]
        assert main(issue) == 0
    key_file = handout / "daniel-okafor.key.pem"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert b"ENCRYPTED PRIVATE KEY" in key_file.read_bytes()  # PKCS#8, never in the clear
    capsys.readouterr()

    machines("assessor-laptop")
    assert main(["key", "add", str(key_file), str(handout / "daniel-okafor.pem")]) == 0
    assert main(["trust", "add", str(centre_pem)]) == 0
    for point in range(1, 9):
        args = ["--assessor", "Daniel Okafor", "--mp", f"MP{point}", "--judgement", "met"]
        assert main(["assess", str(portfolio), *args]) == 0
    sign = ["sign-off", str(portfolio), "--assessor", "Daniel Okafor", "--decision", "competent"]
    assert main(sign) == 0
    assert "signed with Daniel Okafor, assessor, Northgate College (40123)" in (
        capsys.readouterr().out
    )

    machines("iqa-desk")
    iqa = ["key", "add", str(handout / "grace-mensah.key.pem"), str(handout / "grace-mensah.pem")]
    assert main(iqa) == 0
    assert main(["countersign", str(portfolio), "--iqa", "Grace Mensah"]) == 0
    capsys.readouterr()

    machines("awarding-body")
    assert main(["verify", str(portfolio)]) == 1  # trusts nobody yet
    assert "No centre is trusted on this machine yet" in capsys.readouterr().out
    assert main(["trust", "add", str(centre_pem)]) == 0
    assert main(["trust", "list"]) == 0
    assert "Northgate College (40123)" in capsys.readouterr().out
    assert main(["verify", str(portfolio)]) == 0
    out = capsys.readouterr().out
    assert "countersigned by Grace Mensah, IQA, Northgate College (40123), verified" in out

    machines("centre-office")  # Daniel's laptop is stolen: the centre revokes his key
    crl = handout / "northgate.crl"
    assert main(["staff", "revoke", str(handout / "daniel-okafor.pem"), "-o", str(crl)]) == 0
    machines("assessor-laptop")  # the thief has the key and its passphrase
    reopen = ["reopen", str(portfolio), "--assessor", "Daniel Okafor"]
    assert main([*reopen, "--reason", "the thief reopens it"]) == 0
    for point in range(1, 9):
        args = ["--assessor", "Daniel Okafor", "--mp", f"MP{point}", "--judgement", "met"]
        main(["assess", str(portfolio), *args])
    assert main(sign) == 0
    capsys.readouterr()
    machines("awarding-body")
    assert main(["trust", "add", str(crl)]) == 0
    assert "revocation list of Northgate College (1 revoked)" in capsys.readouterr().out
    assert main(["verify", str(portfolio)]) == 1
    assert "revoked on" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("command", "message"),
    [
        (["key", "add", "{key}", "{cert}"], "wrong passphrase"),
        (["trust", "add", "{cert}"], "only a centre's certificate can be trusted"),
        (["trust", "add", "{junk}"], "not a certificate file"),
        (["key", "add", "{key}", "{other}"], "do not belong together"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    machines, tmp_path: Path, capsys, monkeypatch, command: list[str], message: str
) -> None:
    machines("centre")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["centre", "init", "--name", "Northgate College"]) == 0
    assert (
        main(["staff", "issue", "--name", "A One", "--role", "assessor", "--out-dir", str(out)])
        == 0
    )
    assert main(["staff", "issue", "--name", "B Two", "--role", "iqa", "--out-dir", str(out)]) == 0
    (tmp_path / "junk.pem").write_text("hello")
    if message == "wrong passphrase":
        monkeypatch.setenv("FOLIO_PASSPHRASE", "not-the-passphrase")
    paths = {
        "key": out / "a-one.key.pem",
        "cert": out / "a-one.pem",
        "other": out / "b-two.pem",
        "junk": tmp_path / "junk.pem",
    }
    capsys.readouterr()
    assert main([part.format(**paths) for part in command]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_passphrases_are_asked_for_without_echo(machines, monkeypatch, capsys) -> None:
    machines("centre")
    monkeypatch.delenv("FOLIO_CENTRE_PASSPHRASE")
    answers = iter(["a long passphrase", "a long passphrase"])
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("getpass.getpass", fake_getpass)
    assert main(["centre", "init", "--name", "Northgate College"]) == 0
    assert asked == [
        "New passphrase for the centre's key: ",
        "New passphrase for the centre's key (again): ",
    ]
    monkeypatch.setattr("getpass.getpass", lambda prompt: "short")
    machines("elsewhere")
    assert main(["centre", "init", "--name", "Other"]) == 2
    assert "at least 8 characters" in capsys.readouterr().err
