"""evidence provenance: who produced an evidence file, and when

Assessors judge evidence as valid, authentic, current and sufficient; authenticity needs the
author of evidence not produced by the learner, currency needs the date it was produced.
Existing files are taken as the learner's own, undated.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "author",
                sa.String(),
                server_default="learner",
                nullable=False,
                comment="Vocabulary: EVIDENCE_AUTHORS",
            )
        )
        batch_op.add_column(
            sa.Column(
                "source_name",
                sa.String(),
                server_default="",
                nullable=False,
                comment="Who produced it, when not the learner",
            )
        )
        batch_op.add_column(
            sa.Column(
                "produced_on", sa.Date(), nullable=True, comment="When the evidence was produced"
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("evidence_file", schema=None) as batch_op:
        batch_op.drop_column("produced_on")
        batch_op.drop_column("source_name")
        batch_op.drop_column("author")
