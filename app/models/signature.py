"""Staff signatures carried inside a portfolio, and the certificates that check them.

A record signature is an assessor's or IQA's ECDSA signature over a canonical JSON record
(``payload_json``) that names the submitted snapshot's digest, the judgements, the decision
and the audit trail's head as they were when signed. The certificates travel with the file,
so anyone who trusts the issuing centre can check them offline; trust never comes from the
file itself.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, LargeBinary, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, utc_now


class RecordSignature(Base):
    __tablename__ = "record_signature"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(comment="sign-off | countersign | reopen")
    version: Mapped[int] = mapped_column(comment="The submitted version the record is about")
    signer_name: Mapped[str] = mapped_column(comment="As the certificate names the signer")
    certificate_sha256: Mapped[str] = mapped_column(comment="Fingerprint of the signer's cert")
    signed_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    payload_json: Mapped[str] = mapped_column(Text, comment="The canonical record signed")
    signature: Mapped[bytes] = mapped_column(LargeBinary, comment="ECDSA P-256 / SHA-256, DER")


class StaffCertificate(Base):
    """An X.509 certificate (DER) of a staff member who signed something in this file."""

    __tablename__ = "staff_certificate"
    __table_args__ = (UniqueConstraint("portfolio_id", "sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), index=True
    )
    sha256: Mapped[str] = mapped_column(comment="SHA-256 fingerprint of the DER")
    der: Mapped[bytes] = mapped_column(LargeBinary)
    subject: Mapped[str] = mapped_column(default="", comment="For people reading the file")
