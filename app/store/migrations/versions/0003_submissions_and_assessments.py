"""submissions and assessments

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('submission',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False, comment='1, 2, 3 … in submission order'),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.Column('submitted_by', sa.String(), nullable=False, comment="The learner's typed name"),
    sa.Column('declared_on', sa.Date(), nullable=False),
    sa.Column('incomplete_reason', sa.Text(), nullable=False, comment='Why it was submitted with marking points not met'),
    sa.Column('digest', sa.String(), nullable=False, comment='SHA-256 of snapshot_json'),
    sa.Column('previous_digest', sa.String(), nullable=False, comment='Digest of version - 1'),
    sa.Column('snapshot_json', sa.Text(), nullable=False, comment='Canonical content at submission'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_submission_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_submission')),
    sa.UniqueConstraint('portfolio_id', 'version', name=op.f('uq_submission_portfolio_id'))
    )
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_submission_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('assessment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('marking_point_id', sa.String(), nullable=False),
    sa.Column('judgement', sa.String(), nullable=False, comment='met | not-yet'),
    sa.Column('feedback', sa.Text(), nullable=False),
    sa.Column('assessor_name', sa.String(), nullable=False),
    sa.Column('assessed_at', sa.DateTime(), nullable=False),
    sa.Column('snapshot_digest', sa.String(), nullable=False, comment='Digest of the version judged'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_assessment_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_assessment_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment'))
    )
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('assessment_decision',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('submission_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(), nullable=False, comment='competent | refer'),
    sa.Column('action_points', sa.Text(), nullable=False),
    sa.Column('assessor_name', sa.String(), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=False),
    sa.Column('signed_at', sa.DateTime(), nullable=False),
    sa.Column('snapshot_digest', sa.String(), nullable=False),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_assessment_decision_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['submission_id'], ['submission.id'], name=op.f('fk_assessment_decision_submission_id_submission'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_decision')),
    sa.UniqueConstraint('submission_id', name=op.f('uq_assessment_decision_submission_id'))
    )
    with op.batch_alter_table('assessment_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_decision_portfolio_id'), ['portfolio_id'], unique=False)

    with op.batch_alter_table('portfolio', schema=None) as batch_op:
        batch_op.add_column(sa.Column('status', sa.String(), server_default='draft', nullable=False, comment='draft | submitted'))
        batch_op.add_column(sa.Column('draft_version', sa.Integer(), server_default='1', nullable=False, comment='The version being worked on or last submitted'))



def downgrade() -> None:
    with op.batch_alter_table('portfolio', schema=None) as batch_op:
        batch_op.drop_column('draft_version')
        batch_op.drop_column('status')

    with op.batch_alter_table('assessment_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_decision_portfolio_id'))

    op.drop_table('assessment_decision')
    with op.batch_alter_table('assessment', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_portfolio_id'))

    op.drop_table('assessment')
    with op.batch_alter_table('submission', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_submission_portfolio_id'))

    op.drop_table('submission')
