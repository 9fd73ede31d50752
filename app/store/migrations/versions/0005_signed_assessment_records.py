"""signed assessment records: staff signatures and certificates, reopened decisions, and a
hash chain through the audit trail

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def _entry_hash(previous: str, at: object, actor: str, action: str, target: str, detail: str) -> str:
    # The same formula as app.store.audit_chain.entry_hash, frozen here with the format.
    moment = at if isinstance(at, dt.datetime) else dt.datetime.fromisoformat(str(at))
    text = json.dumps(
        [previous, moment.strftime("%Y-%m-%dT%H:%M:%S"), actor, action, target, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    op.create_table('record_signature',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(), nullable=False, comment='sign-off | countersign | reopen'),
    sa.Column('version', sa.Integer(), nullable=False, comment='The submitted version the record is about'),
    sa.Column('signer_name', sa.String(), nullable=False, comment='As the certificate names the signer'),
    sa.Column('certificate_sha256', sa.String(), nullable=False, comment="Fingerprint of the signer's cert"),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('payload_json', sa.Text(), nullable=False, comment='The canonical record signed'),
    sa.Column('signature', sa.LargeBinary(), nullable=False, comment='ECDSA P-256 / SHA-256, DER'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_record_signature_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_signature'))
    )
    with op.batch_alter_table('record_signature', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_signature_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('staff_certificate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(), nullable=False, comment='SHA-256 fingerprint of the DER'),
    sa.Column('der', sa.LargeBinary(), nullable=False),
    sa.Column('subject', sa.String(), nullable=False, comment='For people reading the file'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_staff_certificate_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_certificate')),
    sa.UniqueConstraint('portfolio_id', 'sha256', name=op.f('uq_staff_certificate_portfolio_id'))
    )
    with op.batch_alter_table('staff_certificate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_staff_certificate_portfolio_id'), ['portfolio_id'], unique=False)

    with op.batch_alter_table('assessment_decision', schema=None) as batch_op:
        batch_op.add_column(sa.Column('reopened_at', sa.DateTime(), nullable=True, comment='Set when the decision was reopened; a reopened decision is history'))
        batch_op.add_column(sa.Column('reopen_reason', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('made_before_signatures', sa.Boolean(), server_default='0', nullable=False, comment='Recorded by a Folio without signatures'))
        batch_op.drop_constraint('uq_assessment_decision_submission_id', type_='unique')
        batch_op.create_index(batch_op.f('ix_assessment_decision_submission_id'), ['submission_id'], unique=False)
    op.execute(sa.text("UPDATE assessment_decision SET made_before_signatures = :yes").bindparams(yes=True))

    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.add_column(sa.Column('previous_hash', sa.String(), server_default='', nullable=False, comment='entry_hash of the entry before'))
        batch_op.add_column(sa.Column('entry_hash', sa.String(), server_default='', nullable=False, comment='SHA-256 over this entry and previous_hash'))

    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT id, portfolio_id, at, actor, action, target, detail FROM audit_entry ORDER BY portfolio_id, id")
    ).all()
    previous: dict[int, str] = {}
    for row in rows:
        before = previous.get(row.portfolio_id, "")
        value = _entry_hash(before, row.at, row.actor, row.action, row.target, row.detail)
        connection.execute(
            sa.text("UPDATE audit_entry SET previous_hash = :p, entry_hash = :h WHERE id = :i"),
            {"p": before, "h": value, "i": row.id},
        )
        previous[row.portfolio_id] = value


def downgrade() -> None:
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_column('entry_hash')
        batch_op.drop_column('previous_hash')

    with op.batch_alter_table('assessment_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_decision_submission_id'))
        batch_op.create_unique_constraint('uq_assessment_decision_submission_id', ['submission_id'])
        batch_op.drop_column('made_before_signatures')
        batch_op.drop_column('reopen_reason')
        batch_op.drop_column('reopened_at')

    with op.batch_alter_table('staff_certificate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_staff_certificate_portfolio_id'))
    op.drop_table('staff_certificate')
    with op.batch_alter_table('record_signature', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_signature_portfolio_id'))
    op.drop_table('record_signature')
