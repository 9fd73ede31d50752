"""A final PDF of a signed-off portfolio carries the assessor's PAdES signature: pyHanko's
validator and poppler's pdfsig (with an NSS store trusting only the centre) both accept it,
and both notice a PDF edited after signing."""

from __future__ import annotations

import subprocess
from io import BytesIO
from pathlib import Path

import pytest

from app.checker import check
from app.cli import main
from app.errors import DomainError, InvalidInputError
from app.export.service import export_portfolio
from app.store import PortfolioStore
from app.trust import pki
from app.trust.keystore import KeyStore
from app.trust.pdf_signing import verify_pdf
from app.workflow import submission
from tests.conftest import Centre, make_demo, require_tool
from tests.export.conftest import pdf_text


@pytest.fixture
def signed_off(tmp_path: Path, centre: Centre) -> Path:
    with make_demo(tmp_path, "continuous-improvement") as store:
        submission.submit(store, "Priya Shah", check(store.load(), store.unit()))
    path = tmp_path / "continuous-improvement.folio"
    with PortfolioStore.open(path, actor="assessor: Daniel Okafor") as store:
        for point in store.unit().marking_points:
            submission.assess(store, point.id, "met", f"{point.short_id}: seen")
        submission.sign_off(store, "competent", "", centre.assessor)
    return path


@pytest.fixture
def signed_pdf(signed_off: Path, tmp_path: Path, centre: Centre) -> Path:
    target = tmp_path / "final.pdf"
    with PortfolioStore.open(signed_off) as store:
        export_portfolio(store, "pdf", target, signer=centre.assessor)
    return target


def _pdfsig(pdf: Path, centre: Centre, tmp_path: Path) -> str:
    """poppler's verdict, with an NSS database that trusts the centre's certificate only."""
    pdfsig = require_tool("pdfsig", "poppler-utils")
    certutil = require_tool("certutil", "libnss3-tools")
    nss = tmp_path / "nss"
    if not nss.exists():
        nss.mkdir()
        subprocess.run([certutil, "-N", "-d", f"sql:{nss}", "--empty-password"], check=True)
        centre_pem = str(centre.keys.centre_dir / "centre.pem")
        trust = ["-n", "centre", "-t", "CT,C,C", "-i", centre_pem]
        subprocess.run([certutil, "-A", "-d", f"sql:{nss}", *trust], check=True)
    done = subprocess.run(
        [pdfsig, "-nssdir", f"sql:{nss}", str(pdf)], capture_output=True, text=True
    )
    return done.stdout + done.stderr


def test_the_signed_pdf_validates_in_pyhanko(signed_pdf: Path, centre: Centre) -> None:
    from asn1crypto import x509 as asn1_x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = asn1_x509.Certificate.load(pki.der(centre.keys.centre_certificate()))
    with signed_pdf.open("rb") as handle:
        (embedded,) = PdfFileReader(handle).embedded_signatures
        status = validate_pdf_signature(embedded, ValidationContext(trust_roots=[root]))
    assert status.bottom_line and status.trusted and status.intact
    assert embedded.signer_cert.subject.native["common_name"] == "Daniel Okafor"
    assert "signed by Daniel Okafor, assessor, Northgate College (40123), verified" in (
        pdf_text(signed_pdf)
    )


def test_the_signed_pdf_validates_in_pdfsig(
    signed_pdf: Path, centre: Centre, tmp_path: Path
) -> None:
    out = _pdfsig(signed_pdf, centre, tmp_path)
    assert "Signer Certificate Common Name: Daniel Okafor" in out
    assert "Signature Validation: Signature is Valid." in out
    assert "Certificate Validation: Certificate is Trusted." in out
    assert "Total document signed" in out


def test_folio_verify_checks_the_pdf(signed_pdf: Path, capsys) -> None:
    assert main(["verify", str(signed_pdf)]) == 0
    out = capsys.readouterr().out
    assert "signed by Daniel Okafor, assessor, Northgate College (40123)" in out
    assert "verified: the PDF is unchanged" in out


def test_a_pdf_edited_after_signing_fails_everywhere(
    signed_pdf: Path, centre: Centre, tmp_path: Path, capsys
) -> None:
    data = bytearray(signed_pdf.read_bytes())
    at = data.index(b"Priya")
    data[at] = ord("Q")
    edited = tmp_path / "edited.pdf"
    edited.write_bytes(bytes(data))
    assert main(["verify", str(edited)]) == 1
    assert "ALTERED: the PDF's content no longer matches the signature" in capsys.readouterr().out
    assert "Signature Validation: Digest Mismatch." in _pdfsig(edited, centre, tmp_path)


def test_a_pdf_updated_after_signing_fails(signed_pdf: Path, tmp_path: Path, capsys) -> None:
    """A change appended as an incremental update keeps the signed bytes but is not signed."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(BytesIO(signed_pdf.read_bytes()))
    writer.root["/Lang"] = generic.TextStringObject("fr")
    writer.update_root()
    output = BytesIO()
    writer.write(output)
    updated = tmp_path / "updated.pdf"
    updated.write_bytes(output.getvalue())
    (report,) = verify_pdf(updated)
    assert not report.verified
    assert any(p.startswith("ALTERED") for p in report.problems)
    assert main(["verify", str(updated)]) == 1


def test_an_untrusted_or_unsigned_pdf_is_not_verified(
    signed_pdf: Path, signed_off: Path, tmp_path: Path, capsys
) -> None:
    (report,) = verify_pdf(signed_pdf, KeyStore(tmp_path / "trusts-nobody"))
    assert "NOT TRUSTED" in report.describe()
    plain = tmp_path / "plain.pdf"
    with PortfolioStore.open(signed_off) as store:
        export_portfolio(store, "pdf", plain)
    assert main(["verify", str(plain)]) == 1
    assert "the PDF carries no signature" in capsys.readouterr().out
    assert main(["verify", str(tmp_path / "missing.pdf")]) == 2


def test_only_a_signed_off_final_pdf_is_signed(
    tmp_path: Path, signed_off: Path, centre: Centre
) -> None:
    with PortfolioStore.open(signed_off) as store:
        with pytest.raises(InvalidInputError, match="only a final PDF"):
            export_portfolio(store, "pdf", tmp_path / "d.pdf", draft=True, signer=centre.assessor)
        with pytest.raises(InvalidInputError, match="only a final PDF"):
            export_portfolio(store, "docx", tmp_path / "d.docx", signer=centre.assessor)
        submission.start_new_draft(store)
        with pytest.raises(DomainError, match="only a signed-off version"):
            export_portfolio(store, "pdf", tmp_path / "v2.pdf", signer=centre.assessor)
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob(".folio-export-*"))


def test_the_cli_signs_the_export(signed_off: Path, tmp_path: Path, capsys) -> None:
    target = tmp_path / "cli.pdf"
    args = ["export", str(signed_off), "--format", "pdf", "-o", str(target)]
    assert main([*args, "--sign", "Daniel Okafor"]) == 0
    assert "signed by Daniel Okafor, assessor" in capsys.readouterr().out
    assert main(["verify", str(target)]) == 0
    assert main([*args, "--sign", "Nobody Here"]) == 2


def test_a_pdf_signed_with_a_revoked_certificate_is_not_verified(
    signed_pdf: Path, centre: Centre, tmp_path: Path, capsys
) -> None:
    elsewhere = centre.verifier(tmp_path / "awarding-body")
    (before,) = verify_pdf(signed_pdf, elsewhere)
    assert before.verified
    centre.keys.revoke("centre-passphrase", centre.assessor.certificate.serial_number)
    elsewhere.add_file(centre.keys.centre_dir / "centre.crl")
    (after,) = verify_pdf(signed_pdf, elsewhere)
    assert "the signer's certificate is revoked" in after.problems
    assert main(["verify", str(signed_pdf)]) == 1  # the centre's own machine has the CRL too
    captured = capsys.readouterr()
    assert "the signer's certificate is revoked" in captured.out
    assert "Traceback" not in captured.err + captured.out
