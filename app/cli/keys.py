"""Passphrases and staff keys for the command line.

Passphrases are asked for on the terminal (never echoed); scripts may set FOLIO_PASSPHRASE
(the staff key's) and FOLIO_CENTRE_PASSPHRASE (the centre's) instead.
"""

from __future__ import annotations

import getpass
import os

from app.errors import InvalidInputError
from app.trust import pki
from app.trust.keystore import KeyStore, Signer

ENV_PASSPHRASE = "FOLIO_PASSPHRASE"
ENV_CENTRE_PASSPHRASE = "FOLIO_CENTRE_PASSPHRASE"


def ask_passphrase(prompt: str, variable: str = ENV_PASSPHRASE, confirm: bool = False) -> str:
    if os.environ.get(variable):
        return os.environ[variable]
    try:
        first = getpass.getpass(f"{prompt}: ")
        if confirm and getpass.getpass(f"{prompt} (again): ") != first:
            raise InvalidInputError("the passphrases do not match")
    except EOFError:
        raise InvalidInputError(f"no passphrase given (type it, or set {variable})") from None
    return first


def staff_signer(name: str, role: str, keystore: KeyStore | None = None) -> Signer | None:
    """The unlocked key of ``name`` on this machine, None when there is none."""
    keystore = keystore or KeyStore()
    certificate = keystore.key_for(name, role)
    if certificate is None:
        return None
    who = pki.identity(certificate).describe()
    return keystore.unlock(certificate, ask_passphrase(f"Passphrase for {who}"))
