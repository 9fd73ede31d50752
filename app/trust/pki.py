"""A centre's certificate authority: create it, issue staff certificates, revoke them.

Keys are ECDSA P-256 (every PDF reader checks them) and are only ever written encrypted with
a passphrase, as PKCS#8. A staff certificate names the person (CN), their role (title), the
centre (O) and the centre number (organizationIdentifier), so a signature says who, in which
capacity, for which centre.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from app.errors import InvalidInputError

ROLES = ("assessor", "iqa")
ROLE_LABELS = {"assessor": "assessor", "iqa": "IQA"}
CENTRE_YEARS = 10
STAFF_DAYS = 2 * 365
MIN_PASSPHRASE = 8


@dataclass(frozen=True)
class Identity:
    """What a certificate says about its holder."""

    name: str
    role: str
    centre: str
    centre_number: str

    @property
    def centre_label(self) -> str:
        return self.centre + (f" ({self.centre_number})" if self.centre_number else "")

    def describe(self) -> str:
        centre = self.centre_label
        role = ROLE_LABELS.get(self.role, self.role)
        return f"{self.name}, {role}, {centre}" if role else f"{self.name}, {centre}"


def identity(certificate: x509.Certificate) -> Identity:
    def first(oid: x509.ObjectIdentifier) -> str:
        values = certificate.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    return Identity(
        first(NameOID.COMMON_NAME),
        first(NameOID.TITLE),
        first(NameOID.ORGANIZATION_NAME),
        first(NameOID.ORGANIZATION_IDENTIFIER),
    )


def fingerprint(certificate: x509.Certificate) -> str:
    return certificate.fingerprint(hashes.SHA256()).hex()


def new_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def encrypt_key(key: ec.EllipticCurvePrivateKey, passphrase: str) -> bytes:
    """The key as encrypted PKCS#8 PEM."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise InvalidInputError(f"a passphrase needs at least {MIN_PASSPHRASE} characters")
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def decrypt_key(pem: bytes, passphrase: str) -> ec.EllipticCurvePrivateKey:
    try:
        key = serialization.load_pem_private_key(pem, passphrase.encode("utf-8"))
    except (ValueError, TypeError):
        raise InvalidInputError("wrong passphrase, or not a Folio key file") from None
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise InvalidInputError("the key is not an ECDSA key")
    return key


def _name(common_name: str, centre: str, number: str, role: str = "") -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, common_name)]
    if role:
        attributes.append(x509.NameAttribute(NameOID.TITLE, role))
    attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, centre))
    if number:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_IDENTIFIER, number))
    return x509.Name(attributes)


def create_centre(
    centre: str, number: str, now: dt.datetime | None = None
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A new self-signed centre certificate, allowed to issue staff certificates and CRLs."""
    if not centre.strip():
        raise InvalidInputError("the centre's name is required")
    now = now or dt.datetime.now(dt.UTC)
    key = new_key()
    subject = _name(f"{centre.strip()} signing authority", centre.strip(), number.strip())
    public = key.public_key()
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=365 * CENTRE_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=False,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .sign(key, hashes.SHA256())
    )
    return key, certificate


def issue_staff(
    centre_key: ec.EllipticCurvePrivateKey,
    centre_certificate: x509.Certificate,
    name: str,
    role: str,
    days: int = STAFF_DAYS,
    now: dt.datetime | None = None,
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A staff member's new key and the certificate the centre issues for it."""
    if role not in ROLES:
        raise InvalidInputError(f"role must be one of: {', '.join(ROLES)}")
    if not name.strip():
        raise InvalidInputError("the staff member's name is required")
    if days < 1:
        raise InvalidInputError("a certificate must be valid for at least 1 day")
    now = now or dt.datetime.now(dt.UTC)
    centre = identity(centre_certificate)
    key = new_key()
    public = key.public_key()
    issuer_key_id = centre_certificate.extensions.get_extension_for_class(
        x509.SubjectKeyIdentifier
    ).value
    certificate = (
        x509.CertificateBuilder()
        .subject_name(_name(name.strip(), centre.centre, centre.centre_number, role))
        .issuer_name(centre_certificate.subject)
        .public_key(public)
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(public), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_subject_key_identifier(issuer_key_id),
            critical=False,
        )
        .sign(centre_key, hashes.SHA256())
    )
    return key, certificate


def revocation_list(
    centre_key: ec.EllipticCurvePrivateKey,
    centre_certificate: x509.Certificate,
    revoked: dict[int, dt.datetime],
    now: dt.datetime | None = None,
) -> x509.CertificateRevocationList:
    """The centre's CRL: every serial revoked so far, with the time it was revoked."""
    now = now or dt.datetime.now(dt.UTC)
    builder = (
        x509.CertificateRevocationListBuilder()
        .issuer_name(centre_certificate.subject)
        .last_update(now - dt.timedelta(minutes=5))
        .next_update(now + dt.timedelta(days=365))
    )
    for serial, when in sorted(revoked.items()):
        builder = builder.add_revoked_certificate(
            x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(when).build()
        )
    return builder.sign(centre_key, hashes.SHA256())


def issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Whether ``issuer``'s key really signed ``certificate`` (not just a matching name)."""
    try:
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):
        return False
    return True


def load_certificates(data: bytes) -> list[x509.Certificate]:
    """Certificates from PEM (one or more) or DER."""
    try:
        if b"-----BEGIN" in data:
            return x509.load_pem_x509_certificates(data)
        return [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise InvalidInputError("not a certificate file (PEM or DER)") from None


def pem(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.PEM)


def der(certificate: x509.Certificate) -> bytes:
    return certificate.public_bytes(serialization.Encoding.DER)
