"""Evidence files kept inside the .folio, and the mappings of evidence to marking points."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint, ForeignKey, LargeBinary, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, utc_now

#: The columns of EvidenceLink that may point at a target; exactly one is set per link.
LINK_TARGETS: dict[str, str] = {
    "evidence_file": "evidence_file_id",
    "feedback_item": "feedback_item_id",
    "analysis_finding": "finding_id",
    "action_item": "action_id",
    "log_entry": "log_entry_id",
    "metric": "metric_id",
}

_ONE_TARGET = (
    " + ".join(
        f"(CASE WHEN {column} IS NOT NULL THEN 1 ELSE 0 END)" for column in LINK_TARGETS.values()
    )
    + " = 1"
)


class EvidenceBlob(Base):
    """File content, stored once per SHA-256 however many evidence entries share it."""

    __tablename__ = "evidence_blob"

    sha256: Mapped[str] = mapped_column(primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)


class EvidenceFile(Base):
    """A file the learner added as evidence (photo, document, export...)."""

    __tablename__ = "evidence_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    blob_sha256: Mapped[str] = mapped_column(ForeignKey("evidence_blob.sha256"), index=True)
    original_name: Mapped[str]
    media_type: Mapped[str] = mapped_column(default="application/octet-stream")
    size: Mapped[int]
    title: Mapped[str] = mapped_column(default="")
    description: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    author: Mapped[str] = mapped_column(
        default="learner", server_default="learner", comment="Vocabulary: EVIDENCE_AUTHORS"
    )
    source_name: Mapped[str] = mapped_column(
        default="", server_default="", comment="Who produced it, when not the learner"
    )
    produced_on: Mapped[dt.date | None] = mapped_column(comment="When the evidence was produced")

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


class EvidenceLink(Base):
    """Maps one evidence file or stage item to one marking point, with the learner's reason."""

    __tablename__ = "evidence_link"
    __table_args__ = (CheckConstraint(_ONE_TARGET, name="one_target"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    portfolio_id: Mapped[int] = mapped_column(
        ForeignKey("portfolio.id", ondelete="CASCADE"), index=True
    )
    marking_point_id: Mapped[str] = mapped_column(index=True)
    justification: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utc_now)
    evidence_file_id: Mapped[int | None] = mapped_column(
        ForeignKey("evidence_file.id", ondelete="CASCADE")
    )
    feedback_item_id: Mapped[int | None] = mapped_column(
        ForeignKey("feedback_item.id", ondelete="CASCADE")
    )
    finding_id: Mapped[int | None] = mapped_column(
        ForeignKey("analysis_finding.id", ondelete="CASCADE")
    )
    action_id: Mapped[int | None] = mapped_column(ForeignKey("action_item.id", ondelete="CASCADE"))
    log_entry_id: Mapped[int | None] = mapped_column(ForeignKey("log_entry.id", ondelete="CASCADE"))
    metric_id: Mapped[int | None] = mapped_column(ForeignKey("metric.id", ondelete="CASCADE"))

    evidence_file: Mapped[EvidenceFile | None] = relationship(lazy="raise")

    @property
    def target(self) -> tuple[str, int]:
        """(kind, id) of what this link points at."""
        for kind, column in LINK_TARGETS.items():
            value = getattr(self, column)
            if value is not None:
                return kind, value
        raise ValueError(f"evidence link {self.id} has no target")
