"""The audit trail's hash chain: each entry's hash covers its fields and the hash before it.

Kept in one place because migration 0005 and verification must compute exactly the same.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json


def entry_hash(
    previous_hash: str, at: dt.datetime, actor: str, action: str, target: str, detail: str
) -> str:
    moment = (at if at.tzinfo is None else at.astimezone(dt.UTC)).strftime("%Y-%m-%dT%H:%M:%S")
    text = json.dumps(
        [previous_hash, moment, actor, action, target, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
