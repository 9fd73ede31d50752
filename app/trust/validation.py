"""Checking one staff signature: the ECDSA signature itself, the certificate chain to a
centre this user trusts, validity and revocation at the time of signing, and the role.

Only the trust list on this machine makes a certificate trusted; certificates carried in a
portfolio are candidates, never roots.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from app.trust import pki

#: The certificate role each kind of record needs.
REQUIRED_ROLE = {
    "sign-off": ("assessor",),
    "countersign": ("iqa",),
    "iqa-report": ("iqa",),
    "reopen": ("assessor", "iqa"),
}


@dataclass
class SignatureCheck:
    """The outcome for one signature: who (if the certificate could be read), what is wrong,
    and notes that do not invalidate it (e.g. revoked later)."""

    signer: pki.Identity | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    untrusted: bool = False

    @property
    def valid(self) -> bool:
        return self.signer is not None and not self.problems


def check_signature(
    kind: str,
    data: bytes,
    signature: bytes,
    certificate_der: bytes | None,
    signed_at: dt.datetime,
    trusted: Sequence[x509.Certificate],
    revocations: Mapping[str, x509.CertificateRevocationList],
) -> SignatureCheck:
    result = SignatureCheck()
    if certificate_der is None:
        result.problems.append("the signer's certificate is missing from the file")
        return result
    try:
        certificate = x509.load_der_x509_certificate(certificate_der)
    except ValueError:
        result.problems.append("the signer's certificate cannot be read")
        return result
    result.signer = pki.identity(certificate)
    public = certificate.public_key()
    if not isinstance(public, ec.EllipticCurvePublicKey):
        result.problems.append("the signer's key is not an ECDSA key")
        return result
    try:
        public.verify(signature, data, ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        result.problems.append("the signature does not match the signed record")
        return result
    centre = next(
        (c for c in trusted if c.subject == certificate.issuer and pki.issued_by(certificate, c)),
        None,
    )
    if centre is None:
        result.untrusted = True
        issuer = describe_name(certificate.issuer)
        if certificate.issuer == certificate.subject:
            result.problems.append(f"the certificate is self-made ({issuer}), not a centre's")
        else:
            result.problems.append(
                f"the certificate was issued by a centre you do not trust ({issuer})"
            )
        return result
    if not centre.not_valid_before_utc <= signed_at <= centre.not_valid_after_utc:
        result.problems.append("the centre's certificate was not valid when this was signed")
    if signed_at < certificate.not_valid_before_utc:
        result.problems.append(
            f"the certificate was not yet valid when this was signed ({signed_at:%Y-%m-%d})"
        )
    if signed_at > certificate.not_valid_after_utc:
        result.problems.append(
            f"the certificate had expired on {certificate.not_valid_after_utc:%Y-%m-%d}, "
            f"before this was signed ({signed_at:%Y-%m-%d})"
        )
    if _is_ca(certificate):
        result.problems.append("a centre certificate signed a record instead of a staff one")
    crl = revocations.get(pki.fingerprint(centre))
    if crl is not None and crl.is_signature_valid(centre.public_key()):
        revoked = crl.get_revoked_certificate_by_serial_number(certificate.serial_number)
        if revoked is not None:
            when = revoked.revocation_date_utc
            if when <= signed_at:
                result.problems.append(
                    f"the certificate was revoked on {when:%Y-%m-%d %H:%M} UTC, before this "
                    "was signed"
                )
            else:
                result.notes.append(f"the certificate was revoked later, on {when:%Y-%m-%d}")
    roles = REQUIRED_ROLE.get(kind, ())
    if roles and result.signer.role not in roles:
        result.problems.append(
            f"a {kind} needs an {' or '.join(pki.ROLE_LABELS[r] for r in roles)} certificate, "
            f"not {result.signer.role or 'one without a role'}"
        )
    return result


def describe_name(name: x509.Name) -> str:
    """A certificate name as a person reads it: organisation (number), else the common name."""

    def first(oid: x509.ObjectIdentifier) -> str:
        values = name.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    organisation = first(NameOID.ORGANIZATION_NAME) or first(NameOID.COMMON_NAME) or "unnamed"
    number = first(NameOID.ORGANIZATION_IDENTIFIER)
    return organisation + (f" ({number})" if number else "")


def _is_ca(certificate: x509.Certificate) -> bool:
    try:
        return bool(certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False
