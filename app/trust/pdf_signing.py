"""PDF signatures (PAdES baseline B-B) with pyHanko: a final export signed by a staff key,
so the PDF alone shows who signed it and that it is unchanged, in any reader that trusts the
centre's certificate; and checking such a PDF against this machine's trust list.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import serialization

from app.errors import InvalidInputError
from app.trust import pki
from app.trust.keystore import KeyStore, Signer

FIELD_NAME = "FolioAssessorSignature"

# pyHanko logs validation failures with tracebacks; Folio reports them in one line instead.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


def _asn1_certificate(certificate: x509.Certificate):  # type: ignore[no-untyped-def]
    from asn1crypto import x509 as asn1_x509

    return asn1_x509.Certificate.load(pki.der(certificate))


def sign_pdf(source: Path, target: Path, signer: Signer, reason: str, location: str = "") -> None:
    """Write ``source`` signed by ``signer`` to ``target`` (an incremental update, so the
    signed bytes are exactly the export's)."""
    from asn1crypto import keys as asn1_keys
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    key_der = signer.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    pdf_signer = signers.SimpleSigner(
        signing_cert=_asn1_certificate(signer.certificate),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(
            [_asn1_certificate(c) for c in signer.chain]
        ),
    )
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
        name=signer.identity.name,
        certify=True,
        docmdp_permissions=fields.MDPPerm.NO_CHANGES,
    )
    with source.open("rb") as handle:
        writer = IncrementalPdfFileWriter(handle, strict=False)
        output = BytesIO()
        signers.PdfSigner(meta, signer=pdf_signer).sign_pdf(writer, output=output)
    target.write_bytes(output.getvalue())


@dataclass
class PdfSignatureReport:
    """One signature in a PDF, as a person needs to hear about it."""

    field: str
    signer: pki.Identity | None = None
    problems: list[str] = field(default_factory=list)
    signed_at: str = ""

    @property
    def verified(self) -> bool:
        return not self.problems

    def describe(self) -> str:
        who = self.signer.describe() if self.signer else "an unknown signer"
        if self.verified:
            return f"signed by {who} on {self.signed_at}, verified: the PDF is unchanged"
        return f"signed by {who}: " + "; ".join(self.problems)


def verify_pdf(path: Path, keystore: KeyStore | None = None) -> list[PdfSignatureReport]:
    """Check every signature in the PDF at ``path`` against the trusted centres."""
    from pyhanko.pdf_utils.misc import PdfReadError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    keystore = keystore or KeyStore()
    trusted = keystore.trusted()
    revocations = keystore.revocation_lists()
    reports: list[PdfSignatureReport] = []
    try:
        with path.open("rb") as handle:
            reader = PdfFileReader(handle, strict=False)
            for embedded in reader.embedded_signatures:
                report = PdfSignatureReport(embedded.field_name)
                reports.append(report)
                certificate = x509.load_der_x509_certificate(embedded.signer_cert.dump())
                report.signer = pki.identity(certificate)
                # The issuing centre's CRL, when this machine has one, must be consulted.
                crl = next(
                    (
                        revocations[pki.fingerprint(c)]
                        for c in trusted
                        if pki.fingerprint(c) in revocations and pki.issued_by(certificate, c)
                    ),
                    None,
                )
                context = ValidationContext(
                    trust_roots=[_asn1_certificate(c) for c in trusted],
                    crls=[] if crl is None else [crl.public_bytes(serialization.Encoding.DER)],
                    allow_fetching=False,
                    revocation_mode="soft-fail" if crl is None else "require",
                )
                try:
                    status = validate_pdf_signature(embedded, context)
                except SignatureValidationError as error:
                    report.problems.append(f"the signature cannot be checked ({error})")
                    continue
                if status.signer_reported_dt is not None:
                    report.signed_at = f"{status.signer_reported_dt:%Y-%m-%d %H:%M} UTC"
                report.problems += _status_problems(status, SignatureCoverageLevel, trusted)
    except (OSError, PdfReadError, ValueError) as error:
        raise InvalidInputError(f"'{path.name}' cannot be read as a PDF ({error})") from None
    return reports


def _status_problems(status, coverage_levels, trusted: Sequence[x509.Certificate]) -> list[str]:  # type: ignore[no-untyped-def]
    problems = []
    if not status.intact or not status.valid:
        problems.append("ALTERED: the PDF's content no longer matches the signature")
    elif status.coverage != coverage_levels.ENTIRE_FILE:
        problems.append("ALTERED: the PDF was changed after it was signed")
    if status.revoked:
        problems.append("the signer's certificate is revoked")
    elif not status.trusted:
        problems.append(
            "NOT TRUSTED: the certificate does not lead to a centre you trust"
            + ("" if trusted else " (none is trusted here: folio trust add CENTRE.pem)")
        )
    return problems
