"""The ``folio`` subcommands for staff identities: the centre's authority, staff
certificates, keys installed on this machine, and the trust list.

Passphrases are asked for on the terminal (see app.cli.keys).
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from app.cli.commands import Subparsers, command
from app.cli.keys import ENV_CENTRE_PASSPHRASE, ask_passphrase
from app.cli.output import one_line
from app.errors import DomainError, InvalidInputError
from app.trust import pki
from app.trust.keystore import KeyStore


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.casefold()).strip("-") or "staff"


# -- the centre's authority -------------------------------------------------------------------


@command
def _centre(sub: Subparsers) -> None:
    parser = sub.add_parser("centre", help="a centre's own signing authority")
    actions = parser.add_subparsers(dest="centre_command", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="create the centre's authority on this machine")
    init.add_argument("--name", required=True, metavar="CENTRE")
    init.add_argument("--number", default="", metavar="N", help="the centre number")
    init.add_argument(
        "-o", "--output", type=Path, metavar="CENTRE.pem", help="also write its certificate here"
    )
    init.set_defaults(handler=run_centre_init)


def run_centre_init(args: argparse.Namespace) -> int:
    keystore = KeyStore()
    if keystore.has_centre():
        raise DomainError(f"a centre authority already exists in {keystore.centre_dir}")
    passphrase = ask_passphrase(
        "New passphrase for the centre's key", ENV_CENTRE_PASSPHRASE, confirm=True
    )
    certificate = keystore.init_centre(args.name, args.number, passphrase)
    target = args.output or keystore.centre_dir / "centre.pem"
    target.write_bytes(pki.pem(certificate))
    print(
        f"Created the signing authority of {one_line(pki.identity(certificate).centre_label)}; "
        f"its certificate is {target} (give it to everyone who checks your portfolios: "
        "folio trust add)."
    )
    print(f"SHA-256 fingerprint: {pki.fingerprint(certificate)}")
    return 0


@command
def _staff(sub: Subparsers) -> None:
    parser = sub.add_parser("staff", help="issue and revoke staff certificates (centre only)")
    actions = parser.add_subparsers(dest="staff_command", metavar="ACTION", required=True)
    issue = actions.add_parser("issue", help="a key and certificate for an assessor or IQA")
    issue.add_argument("--name", required=True, metavar="NAME")
    issue.add_argument("--role", required=True, choices=pki.ROLES)
    issue.add_argument("--days", type=int, default=pki.STAFF_DAYS, metavar="N")
    issue.add_argument(
        "--out-dir", type=Path, required=True, metavar="DIR", help="where the key files go"
    )
    issue.set_defaults(handler=run_staff_issue)
    revoke = actions.add_parser("revoke", help="revoke a certificate; writes the centre's CRL")
    revoke.add_argument("certificate", type=Path, metavar="STAFF.pem")
    revoke.add_argument("-o", "--output", type=Path, metavar="CENTRE.crl")
    revoke.set_defaults(handler=run_staff_revoke)


def run_staff_issue(args: argparse.Namespace) -> int:
    if args.out_dir.exists() and not args.out_dir.is_dir():
        raise InvalidInputError(f"'{args.out_dir}' is a file, not a folder")
    args.out_dir.mkdir(parents=True, exist_ok=True)
    keystore = KeyStore()
    keystore.centre_certificate()
    centre_passphrase = ask_passphrase("Passphrase of the centre's key", ENV_CENTRE_PASSPHRASE)
    passphrase = ask_passphrase(f"New passphrase for {args.name}'s key", confirm=True)
    key_pem, certificate = keystore.issue(
        centre_passphrase, args.name, args.role, passphrase, args.days
    )
    stem = args.out_dir / _slug(args.name)
    key_file, cert_file = stem.with_suffix(".key.pem"), stem.with_suffix(".pem")
    for existing in (key_file, cert_file):
        if existing.exists():
            raise DomainError(f"'{existing}' already exists")
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key_pem)
    cert_file.write_bytes(pki.pem(certificate) + pki.pem(keystore.centre_certificate()))
    print(
        f"Issued {one_line(pki.identity(certificate).describe())} (serial "
        f"{certificate.serial_number:x}, valid to {certificate.not_valid_after_utc:%Y-%m-%d}): "
        f"{key_file.name} and {cert_file.name}; install them with folio key add."
    )
    return 0


def run_staff_revoke(args: argparse.Namespace) -> int:
    certificate = pki.load_certificates(args.certificate.read_bytes())[0]
    keystore = KeyStore()
    if not pki.issued_by(certificate, keystore.centre_certificate()):
        raise InvalidInputError("that certificate was not issued by this centre")
    crl = keystore.revoke(
        ask_passphrase("Passphrase of the centre's key", ENV_CENTRE_PASSPHRASE),
        certificate.serial_number,
    )
    target = args.output or keystore.centre_dir / "centre.crl"
    target.write_bytes((keystore.centre_dir / "centre.crl").read_bytes())
    print(
        f"Revoked {one_line(pki.identity(certificate).describe())}; the centre's revocation "
        f"list ({len(list(crl))} revoked) is {target}: send it to everyone who checks "
        "portfolios (folio trust add)."
    )
    return 0


# -- keys and trust on this machine -----------------------------------------------------------


@command
def _key(sub: Subparsers) -> None:
    parser = sub.add_parser("key", help="staff keys installed on this machine")
    actions = parser.add_subparsers(dest="key_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="install a staff key and certificate")
    add.add_argument("key", type=Path, metavar="NAME.key.pem")
    add.add_argument("certificate", type=Path, metavar="NAME.pem")
    add.set_defaults(handler=run_key_add)
    listing = actions.add_parser("list", help="the staff keys installed here")
    listing.set_defaults(handler=run_key_list)


def run_key_add(args: argparse.Namespace) -> int:
    certificate = pki.load_certificates(args.certificate.read_bytes())[0]
    key_pem = args.key.read_bytes()
    passphrase = ask_passphrase(f"Passphrase for {pki.identity(certificate).name}'s key")
    key = pki.decrypt_key(key_pem, passphrase)
    if key.public_key().public_numbers() != certificate.public_key().public_numbers():  # type: ignore[union-attr]
        raise InvalidInputError("the key and the certificate do not belong together")
    KeyStore().add_key(key_pem, certificate)
    print(f"Installed the key of {one_line(pki.identity(certificate).describe())}.")
    return 0


def run_key_list(_args: argparse.Namespace) -> int:
    certificates = KeyStore().staff_certificates()
    if not certificates:
        print("No staff keys are installed on this machine.")
    for certificate in certificates:
        print(
            f"{one_line(pki.identity(certificate).describe())}, valid to "
            f"{certificate.not_valid_after_utc:%Y-%m-%d}"
        )
    return 0


@command
def _trust(sub: Subparsers) -> None:
    parser = sub.add_parser("trust", help="the centres whose signatures you trust")
    actions = parser.add_subparsers(dest="trust_command", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="trust a centre's certificate, or add its CRL")
    add.add_argument("file", type=Path, metavar="CENTRE.pem|CENTRE.crl")
    add.set_defaults(handler=run_trust_add)
    listing = actions.add_parser("list", help="the centres trusted here")
    listing.set_defaults(handler=run_trust_list)


def run_trust_add(args: argparse.Namespace) -> int:
    print(f"Trusted: {one_line(KeyStore().add_file(args.file))}.")
    return 0


def run_trust_list(_args: argparse.Namespace) -> int:
    keystore = KeyStore()
    crls = keystore.revocation_lists()
    trusted = keystore.trusted()
    if not trusted:
        print("No centre is trusted yet (folio trust add CENTRE.pem).")
    for certificate in trusted:
        crl = crls.get(pki.fingerprint(certificate))
        revoked = f", {len(list(crl))} revoked" if crl is not None else ""
        print(
            f"{one_line(pki.identity(certificate).centre_label)}{revoked}; SHA-256 "
            f"{pki.fingerprint(certificate)}"
        )
    return 0
