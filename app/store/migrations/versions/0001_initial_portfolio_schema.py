"""initial portfolio schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 19:36:29.136238
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('evidence_blob',
    sa.Column('sha256', sa.String(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_evidence_blob'))
    )
    op.create_table('portfolio',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(), nullable=False, comment='Catalogue id of the unit, e.g. journey-review'),
    sa.Column('qualification_title', sa.String(), nullable=False),
    sa.Column('learner_name', sa.String(), nullable=False),
    sa.Column('candidate_number', sa.String(), nullable=False, comment='Candidate/enrolment no.'),
    sa.Column('centre_name', sa.String(), nullable=False),
    sa.Column('centre_number', sa.String(), nullable=False),
    sa.Column('assessor_name', sa.String(), nullable=False),
    sa.Column('started_on', sa.Date(), nullable=True),
    sa.Column('submission_due_on', sa.Date(), nullable=True),
    sa.Column('submitted_on', sa.Date(), nullable=True),
    sa.Column('workplace', sa.String(), nullable=False, comment='Organisation the work is set in'),
    sa.Column('evaluation_narrative', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_portfolio'))
    )
    op.create_table('action_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('action', sa.Text(), nullable=False, comment='What will be done (specific)'),
    sa.Column('owner', sa.String(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(), nullable=False, comment='Vocabulary: ACTION_STATUSES'),
    sa.Column('resources', sa.Text(), nullable=False, comment='Resources and cost'),
    sa.Column('cost', sa.Float(), nullable=True, comment='Estimated cost in GBP'),
    sa.Column('expected_benefit', sa.Text(), nullable=False),
    sa.Column('objective', sa.Text(), nullable=False, comment='Organisational objective'),
    sa.Column('stakeholders', sa.Text(), nullable=False),
    sa.Column('team_roles', sa.Text(), nullable=False, comment="Team members' part in it"),
    sa.Column('barriers', sa.Text(), nullable=False),
    sa.Column('overcome_barriers', sa.Text(), nullable=False),
    sa.Column('communication', sa.Text(), nullable=False, comment='Communication/training'),
    sa.Column('changes_process', sa.Boolean(), nullable=False, comment='Changes a policy or process'),
    sa.Column('legislation', sa.Text(), nullable=False, comment='Legislation/standard'),
    sa.Column('compliance_justification', sa.Text(), nullable=False),
    sa.Column('success_measure', sa.Text(), nullable=False, comment='How success is measured'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_action_item_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_action_item'))
    )
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_action_item_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('analysis_finding',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('theme', sa.String(), nullable=False),
    sa.Column('touchpoint', sa.String(), nullable=False, comment='Touchpoint or channel'),
    sa.Column('back_office', sa.Boolean(), nullable=False, comment='Behind-the-scenes process'),
    sa.Column('root_cause', sa.Text(), nullable=False),
    sa.Column('data_summary', sa.Text(), nullable=False, comment='Figures that support it'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_analysis_finding_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_analysis_finding'))
    )
    with op.batch_alter_table('analysis_finding', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_analysis_finding_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('audit_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(), nullable=False, comment='Who made the change'),
    sa.Column('action', sa.String(), nullable=False, comment='e.g. add, update, delete, attach'),
    sa.Column('target', sa.String(), nullable=False, comment='e.g. feedback_item:3'),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_audit_entry_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entry'))
    )
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entry_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('declaration',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('statement', sa.Text(), nullable=False),
    sa.Column('signed_name', sa.String(), nullable=False, comment='Typed name, acts as signature'),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_declaration_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_declaration')),
    sa.UniqueConstraint('portfolio_id', name=op.f('uq_declaration_portfolio_id'))
    )
    op.create_table('evidence_file',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('blob_sha256', sa.String(), nullable=False),
    sa.Column('original_name', sa.String(), nullable=False),
    sa.Column('media_type', sa.String(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['blob_sha256'], ['evidence_blob.sha256'], name=op.f('fk_evidence_file_blob_sha256_evidence_blob')),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_evidence_file_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_file'))
    )
    with op.batch_alter_table('evidence_file', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_file_blob_sha256'), ['blob_sha256'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_file_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('feedback_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('source_type', sa.String(), nullable=False, comment='Vocabulary: FEEDBACK_SOURCES'),
    sa.Column('received_on', sa.Date(), nullable=True),
    sa.Column('channel', sa.String(), nullable=False, comment='Phone, email, web, store ...'),
    sa.Column('customer_ref', sa.String(), nullable=False, comment='Anonymised customer reference'),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('rating', sa.Float(), nullable=True),
    sa.Column('rating_scale', sa.Float(), nullable=True, comment='Best possible rating, e.g. 5'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_feedback_item_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_feedback_item'))
    )
    with op.batch_alter_table('feedback_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_feedback_item_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('metric',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(), nullable=False, comment='CSAT, FCR, NPS, complaint count ...'),
    sa.Column('unit', sa.String(), nullable=False, comment='%, score, count, minutes ...'),
    sa.Column('higher_is_better', sa.Boolean(), nullable=False),
    sa.Column('baseline_value', sa.Float(), nullable=True),
    sa.Column('baseline_on', sa.Date(), nullable=True),
    sa.Column('target_value', sa.Float(), nullable=True),
    sa.Column('result_value', sa.Float(), nullable=True),
    sa.Column('result_on', sa.Date(), nullable=True),
    sa.Column('source', sa.String(), nullable=False, comment='Where the figures come from'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_metric_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_metric'))
    )
    with op.batch_alter_table('metric', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_metric_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('unit_snapshot',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('unit_id', sa.String(), nullable=False),
    sa.Column('definition_json', sa.Text(), nullable=False, comment='Unit file as JSON text'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_unit_snapshot_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_unit_snapshot')),
    sa.UniqueConstraint('portfolio_id', name=op.f('uq_unit_snapshot_portfolio_id'))
    )
    op.create_table('action_finding',
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action_item.id'], name=op.f('fk_action_finding_action_id_action_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['finding_id'], ['analysis_finding.id'], name=op.f('fk_action_finding_finding_id_analysis_finding'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('action_id', 'finding_id', name=op.f('pk_action_finding')),
    comment='Findings (service gaps) an action addresses'
    )
    op.create_table('finding_feedback',
    sa.Column('finding_id', sa.Integer(), nullable=False),
    sa.Column('feedback_item_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['feedback_item_id'], ['feedback_item.id'], name=op.f('fk_finding_feedback_feedback_item_id_feedback_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['finding_id'], ['analysis_finding.id'], name=op.f('fk_finding_feedback_finding_id_analysis_finding'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('finding_id', 'feedback_item_id', name=op.f('pk_finding_feedback')),
    comment='Feedback items that support an analysis finding'
    )
    op.create_table('log_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('logged_on', sa.Date(), nullable=True),
    sa.Column('action_id', sa.Integer(), nullable=True, comment='Action it implements'),
    sa.Column('what_done', sa.Text(), nullable=False),
    sa.Column('who_involved', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('reflection', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['action_item.id'], name=op.f('fk_log_entry_action_id_action_item'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_log_entry_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_log_entry'))
    )
    with op.batch_alter_table('log_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_log_entry_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('evidence_link',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('marking_point_id', sa.String(), nullable=False),
    sa.Column('justification', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('evidence_file_id', sa.Integer(), nullable=True),
    sa.Column('feedback_item_id', sa.Integer(), nullable=True),
    sa.Column('finding_id', sa.Integer(), nullable=True),
    sa.Column('action_id', sa.Integer(), nullable=True),
    sa.Column('log_entry_id', sa.Integer(), nullable=True),
    sa.Column('metric_id', sa.Integer(), nullable=True),
    sa.CheckConstraint('(CASE WHEN evidence_file_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN feedback_item_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN finding_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN action_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN log_entry_id IS NOT NULL THEN 1 ELSE 0 END) + (CASE WHEN metric_id IS NOT NULL THEN 1 ELSE 0 END) = 1', name=op.f('ck_evidence_link_one_target')),
    sa.ForeignKeyConstraint(['action_id'], ['action_item.id'], name=op.f('fk_evidence_link_action_id_action_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['evidence_file_id'], ['evidence_file.id'], name=op.f('fk_evidence_link_evidence_file_id_evidence_file'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['feedback_item_id'], ['feedback_item.id'], name=op.f('fk_evidence_link_feedback_item_id_feedback_item'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['finding_id'], ['analysis_finding.id'], name=op.f('fk_evidence_link_finding_id_analysis_finding'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['log_entry_id'], ['log_entry.id'], name=op.f('fk_evidence_link_log_entry_id_log_entry'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['metric_id'], ['metric.id'], name=op.f('fk_evidence_link_metric_id_metric'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_evidence_link_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence_link'))
    )
    with op.batch_alter_table('evidence_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_evidence_link_marking_point_id'), ['marking_point_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_evidence_link_portfolio_id'), ['portfolio_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('evidence_link', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_link_portfolio_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_link_marking_point_id'))

    op.drop_table('evidence_link')
    with op.batch_alter_table('log_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_log_entry_portfolio_id'))

    op.drop_table('log_entry')
    op.drop_table('finding_feedback')
    op.drop_table('action_finding')
    op.drop_table('unit_snapshot')
    with op.batch_alter_table('metric', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_metric_portfolio_id'))

    op.drop_table('metric')
    with op.batch_alter_table('feedback_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_feedback_item_portfolio_id'))

    op.drop_table('feedback_item')
    with op.batch_alter_table('evidence_file', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_evidence_file_portfolio_id'))
        batch_op.drop_index(batch_op.f('ix_evidence_file_blob_sha256'))

    op.drop_table('evidence_file')
    op.drop_table('declaration')
    with op.batch_alter_table('audit_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entry_portfolio_id'))

    op.drop_table('audit_entry')
    with op.batch_alter_table('analysis_finding', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_analysis_finding_portfolio_id'))

    op.drop_table('analysis_finding')
    with op.batch_alter_table('action_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_action_item_portfolio_id'))

    op.drop_table('action_item')
    op.drop_table('portfolio')
    op.drop_table('evidence_blob')
