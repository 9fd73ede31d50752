"""Where a machine keeps its keys, its centre authority and the centres it trusts.

One folder (by default ``trust`` in Folio's per-user data folder; any other may be given, as
tests do): ``centre/`` holds a centre's own authority (encrypted key, certificate, revoked
serials, CRL), ``keys/`` the staff keys installed here (encrypted PKCS#8 beside their
certificates), ``trusted/`` the centre certificates this user trusts and their CRLs.
Nothing here is ever copied into a portfolio except certificates.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding

from app.errors import DomainError, InvalidInputError
from app.paths import data_dir
from app.trust import pki

_PEM = Encoding.PEM


def default_root() -> Path:
    return data_dir() / "trust"


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


@dataclass(frozen=True)
class Signer:
    """An unlocked staff key with its certificate: what signs a record or a PDF."""

    key: ec.EllipticCurvePrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...] = ()

    @property
    def identity(self) -> pki.Identity:
        return pki.identity(self.certificate)

    @property
    def fingerprint(self) -> str:
        return pki.fingerprint(self.certificate)

    def sign(self, data: bytes) -> bytes:
        return self.key.sign(data, ec.ECDSA(hashes.SHA256()))


class KeyStore:
    def __init__(self, root: Path | None = None) -> None:
        self.root = root or default_root()

    # -- the centre's own authority ------------------------------------------------------------

    @property
    def centre_dir(self) -> Path:
        return self.root / "centre"

    def has_centre(self) -> bool:
        return (self.centre_dir / "centre.pem").exists()

    def init_centre(self, name: str, number: str, passphrase: str) -> x509.Certificate:
        if self.has_centre():
            raise DomainError(f"a centre authority already exists in {self.centre_dir}")
        key, certificate = pki.create_centre(name, number)
        _write_private(self.centre_dir / "centre-key.pem", pki.encrypt_key(key, passphrase))
        (self.centre_dir / "centre.pem").write_bytes(pki.pem(certificate))
        (self.centre_dir / "revoked.json").write_text("{}", encoding="utf-8")
        self.trust(certificate)
        return certificate

    def centre_certificate(self) -> x509.Certificate:
        if not self.has_centre():
            raise DomainError("this machine holds no centre authority (folio centre init)")
        return pki.load_certificates((self.centre_dir / "centre.pem").read_bytes())[0]

    def _centre_key(self, passphrase: str) -> ec.EllipticCurvePrivateKey:
        self.centre_certificate()
        return pki.decrypt_key((self.centre_dir / "centre-key.pem").read_bytes(), passphrase)

    def issue(
        self, centre_passphrase: str, name: str, role: str, passphrase: str, days: int
    ) -> tuple[bytes, x509.Certificate]:
        """A staff member's encrypted key (PKCS#8 PEM) and certificate."""
        centre = self.centre_certificate()
        if len(passphrase) < pki.MIN_PASSPHRASE:
            raise InvalidInputError(f"a passphrase needs at least {pki.MIN_PASSPHRASE} characters")
        key, certificate = pki.issue_staff(
            self._centre_key(centre_passphrase), centre, name, role, days
        )
        return pki.encrypt_key(key, passphrase), certificate

    def revoke(
        self, centre_passphrase: str, serial: int, when: dt.datetime | None = None
    ) -> x509.CertificateRevocationList:
        """Add ``serial`` to the centre's CRL; the new CRL is trusted here at once."""
        centre = self.centre_certificate()
        key = self._centre_key(centre_passphrase)
        revoked_file = self.centre_dir / "revoked.json"
        revoked = {int(k): v for k, v in json.loads(revoked_file.read_text("utf-8")).items()}
        revoked[serial] = (when or dt.datetime.now(dt.UTC)).isoformat()
        crl = pki.revocation_list(
            key, centre, {s: dt.datetime.fromisoformat(w) for s, w in revoked.items()}
        )
        revoked_file.write_text(json.dumps({str(k): v for k, v in revoked.items()}), "utf-8")
        (self.centre_dir / "centre.crl").write_bytes(crl.public_bytes(_PEM))
        self.add_revocation_list(crl)
        return crl

    # -- staff keys installed on this machine -------------------------------------------------

    @property
    def keys_dir(self) -> Path:
        return self.root / "keys"

    def add_key(self, key_pem: bytes, certificate: x509.Certificate) -> None:
        stem = pki.fingerprint(certificate)
        _write_private(self.keys_dir / f"{stem}.key.pem", key_pem)
        (self.keys_dir / f"{stem}.pem").write_bytes(pki.pem(certificate))

    def staff_certificates(self) -> list[x509.Certificate]:
        if not self.keys_dir.is_dir():
            return []
        return [
            pki.load_certificates(path.read_bytes())[0]
            for path in sorted(self.keys_dir.glob("*.pem"))
            if not path.name.endswith(".key.pem")
        ]

    def key_for(self, name: str = "", role: str = "") -> x509.Certificate | None:
        """The newest installed certificate for ``name`` (any, when empty) and ``role``."""
        wanted = " ".join(name.split()).casefold()
        found = [
            c
            for c in self.staff_certificates()
            if (not wanted or " ".join(pki.identity(c).name.split()).casefold() == wanted)
            and (not role or pki.identity(c).role == role)
        ]
        return max(found, key=lambda c: c.not_valid_after_utc, default=None)

    def unlock(self, certificate: x509.Certificate, passphrase: str) -> Signer:
        path = self.keys_dir / f"{pki.fingerprint(certificate)}.key.pem"
        if not path.exists():
            raise DomainError(f"no key for {pki.identity(certificate).name} on this machine")
        key = pki.decrypt_key(path.read_bytes(), passphrase)
        chain = tuple(c for c in self.trusted() if c.subject == certificate.issuer)
        return Signer(key, certificate, chain)

    # -- trusted centres and their revocation lists -------------------------------------------

    @property
    def trusted_dir(self) -> Path:
        return self.root / "trusted"

    def trust(self, certificate: x509.Certificate) -> None:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
        if not constraints.value.ca:
            raise InvalidInputError("only a centre's certificate can be trusted, not a staff one")
        if not pki.issued_by(certificate, certificate):
            raise InvalidInputError("a centre's certificate must be self-signed")
        self.trusted_dir.mkdir(parents=True, exist_ok=True)
        (self.trusted_dir / f"{pki.fingerprint(certificate)}.pem").write_bytes(pki.pem(certificate))

    def trusted(self) -> list[x509.Certificate]:
        if not self.trusted_dir.is_dir():
            return []
        return [
            pki.load_certificates(path.read_bytes())[0]
            for path in sorted(self.trusted_dir.glob("*.pem"))
        ]

    def add_revocation_list(self, crl: x509.CertificateRevocationList) -> x509.Certificate:
        """Keep a CRL for a trusted centre, after checking the centre really signed it."""
        issuer = next((c for c in self.trusted() if crl.is_signature_valid(c.public_key())), None)
        if issuer is None:
            raise InvalidInputError("the revocation list is not signed by a trusted centre")
        self.trusted_dir.mkdir(parents=True, exist_ok=True)
        target = self.trusted_dir / f"{pki.fingerprint(issuer)}.crl"
        if target.exists():
            current = x509.load_pem_x509_crl(target.read_bytes())
            if current.last_update_utc > crl.last_update_utc:
                raise InvalidInputError("a newer revocation list from that centre is already kept")
        target.write_bytes(crl.public_bytes(_PEM))
        return issuer

    def revocation_lists(self) -> dict[str, x509.CertificateRevocationList]:
        """Centre fingerprint -> its newest CRL."""
        if not self.trusted_dir.is_dir():
            return {}
        return {
            path.name.removesuffix(".crl"): x509.load_pem_x509_crl(path.read_bytes())
            for path in sorted(self.trusted_dir.glob("*.crl"))
        }

    def add_file(self, path: Path) -> str:
        """Trust a centre certificate, or keep a CRL, from a file; says which it was."""
        data = path.read_bytes()
        if b"X509 CRL" in data:
            try:
                crl = x509.load_pem_x509_crl(data)
            except ValueError:
                raise InvalidInputError(f"'{path.name}' is not a revocation list") from None
            issuer = self.add_revocation_list(crl)
            return f"revocation list of {pki.identity(issuer).centre} ({len(list(crl))} revoked)"
        certificate = pki.load_certificates(data)[0]
        self.trust(certificate)
        return f"centre certificate of {pki.identity(certificate).centre_label}"
