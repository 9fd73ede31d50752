"""The audit log: who changed what, when. Written by the store on every change.

Entries form a hash chain (each names the hash of the one before), so a deleted or edited
entry breaks the chain; signed records pin the chain's head, so it cannot be rebuilt
quietly behind a signature."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utc_now


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    actor: Mapped[str] = mapped_column(comment="Who made the change")
    action: Mapped[str] = mapped_column(comment="e.g. add, update, delete, attach")
    target: Mapped[str] = mapped_column(default="", comment="e.g. feedback_item:3")
    detail: Mapped[str] = mapped_column(Text, default="")
    previous_hash: Mapped[str] = mapped_column(
        default="", server_default="", comment="entry_hash of the entry before"
    )
    entry_hash: Mapped[str] = mapped_column(
        default="", server_default="", comment="SHA-256 over this entry and previous_hash"
    )
