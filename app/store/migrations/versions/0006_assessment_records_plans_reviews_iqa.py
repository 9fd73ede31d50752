"""the assessment record: methods records (observation, questioning, professional discussion,
witness testimony, product evidence, RPL) with their questions, the assessment plan and its
reviews, IQA reports, and the learner's registration number and employer contact

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assessment_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=True),
    sa.Column('progress', sa.Text(), nullable=False, comment='Progress since last review'),
    sa.Column('feedback', sa.Text(), nullable=False, comment="The assessor's feedback"),
    sa.Column('next_targets', sa.Text(), nullable=False),
    sa.Column('next_review_on', sa.Date(), nullable=True),
    sa.Column('learner_response', sa.Text(), nullable=False),
    sa.Column('learner_accepts', sa.Boolean(), nullable=True, comment='The learner accepts the feedback (None: not yet answered)'),
    sa.Column('learner_signed_name', sa.String(), nullable=False),
    sa.Column('learner_signed_on', sa.Date(), nullable=True),
    sa.Column('assessor_signed_name', sa.String(), nullable=False),
    sa.Column('assessor_signed_on', sa.Date(), nullable=True),
    sa.Column('employer_name', sa.String(), nullable=False, comment="Employer's representative"),
    sa.Column('employer_signed_on', sa.Date(), nullable=True),
    sa.Column('locked_version', sa.Integer(), nullable=True, comment='The submitted version whose signed decision covered it; locked from then'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_assessment_review_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_review'))
    )
    with op.batch_alter_table('assessment_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_review_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('iqa_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False, comment='The submitted version sampled'),
    sa.Column('iqa_name', sa.String(), nullable=False),
    sa.Column('sampled_on', sa.Date(), nullable=False),
    sa.Column('sample_reason', sa.String(), nullable=False, comment='Why sampled: new assessor, unit, method, risk …'),
    sa.Column('agrees', sa.Boolean(), nullable=False, comment="The IQA agrees with the assessor's decision"),
    sa.Column('comments', sa.Text(), nullable=False),
    sa.Column('action_points', sa.Text(), nullable=False, comment='For the assessor'),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_iqa_report_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_iqa_report'))
    )
    with op.batch_alter_table('iqa_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_iqa_report_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('plan_activity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('activity', sa.Text(), nullable=False),
    sa.Column('method', sa.String(), nullable=False, comment='Vocabulary: ASSESSMENT_METHODS'),
    sa.Column('planned_on', sa.Date(), nullable=True),
    sa.Column('involved', sa.Text(), nullable=False, comment='Who takes part'),
    sa.Column('marking_points', sa.Text(), nullable=False),
    sa.Column('status', sa.String(), nullable=False, comment='Vocabulary: PLAN_STATUSES'),
    sa.Column('locked_version', sa.Integer(), nullable=True, comment='The submitted version whose signed decision covered it; locked from then'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_plan_activity_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_activity'))
    )
    with op.batch_alter_table('plan_activity', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_activity_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('assessment_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(), nullable=False, comment='Vocabulary: ASSESSMENT_METHODS'),
    sa.Column('held_on', sa.Date(), nullable=True, comment='When it took place'),
    sa.Column('location', sa.String(), nullable=False, comment='Where: workplace, site, online'),
    sa.Column('recorded_by', sa.String(), nullable=False, comment='Vocabulary: RECORDED_BY (assessor | learner)'),
    sa.Column('assessor_name', sa.String(), nullable=False, comment='Assessor who made it'),
    sa.Column('witness_name', sa.String(), nullable=False),
    sa.Column('witness_role', sa.String(), nullable=False, comment='Job title'),
    sa.Column('witness_relationship', sa.String(), nullable=False, comment='Relationship to the learner (line manager, colleague …)'),
    sa.Column('witness_contact', sa.String(), nullable=False, comment='Email or phone'),
    sa.Column('expert_witness', sa.Boolean(), nullable=False, comment='The witness holds occupational expertise (expert witness)'),
    sa.Column('activity', sa.Text(), nullable=False, comment='The activity, product or prior learning considered'),
    sa.Column('account', sa.Text(), nullable=False, comment="What was seen, said or shown, in the recorder's words"),
    sa.Column('judgement', sa.Text(), nullable=False, comment="The assessor's judgement"),
    sa.Column('outcome', sa.String(), nullable=False, comment='Vocabulary: RECORD_OUTCOMES; empty until judged'),
    sa.Column('marking_points', sa.Text(), nullable=False, comment='Short ids of the marking points it evidences: MP1, MP3'),
    sa.Column('evidence_file_id', sa.Integer(), nullable=True, comment='A file it refers to (the product, a signed statement)'),
    sa.Column('learner_comment', sa.Text(), nullable=False),
    sa.Column('locked_version', sa.Integer(), nullable=True, comment='The submitted version whose signed decision relied on it; locked from then'),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['evidence_file_id'], ['evidence_file.id'], name=op.f('fk_assessment_record_evidence_file_id_evidence_file'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_assessment_record_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_assessment_record'))
    )
    with op.batch_alter_table('assessment_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assessment_record_portfolio_id'), ['portfolio_id'], unique=False)

    op.create_table('record_question',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('portfolio_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('record_id', sa.Integer(), nullable=False),
    sa.Column('question', sa.Text(), nullable=False),
    sa.Column('answer', sa.Text(), nullable=False, comment="The learner's answer"),
    sa.Column('outcome', sa.String(), nullable=False, comment='Vocabulary: RECORD_OUTCOMES'),
    sa.ForeignKeyConstraint(['portfolio_id'], ['portfolio.id'], name=op.f('fk_record_question_portfolio_id_portfolio'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['record_id'], ['assessment_record.id'], name=op.f('fk_record_question_record_id_assessment_record'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_record_question'))
    )
    with op.batch_alter_table('record_question', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_record_question_portfolio_id'), ['portfolio_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_record_question_record_id'), ['record_id'], unique=False)

    with op.batch_alter_table('portfolio', schema=None) as batch_op:
        batch_op.add_column(sa.Column('registration_number', sa.String(), server_default='', nullable=False, comment="Awarding body's learner registration number"))
        batch_op.add_column(sa.Column('employer_contact', sa.String(), server_default='', nullable=False, comment="Employer's contact (line manager) for reviews"))



def downgrade() -> None:
    with op.batch_alter_table('portfolio', schema=None) as batch_op:
        batch_op.drop_column('employer_contact')
        batch_op.drop_column('registration_number')

    with op.batch_alter_table('record_question', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_record_question_record_id'))
        batch_op.drop_index(batch_op.f('ix_record_question_portfolio_id'))

    op.drop_table('record_question')
    with op.batch_alter_table('assessment_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_record_portfolio_id'))

    op.drop_table('assessment_record')
    with op.batch_alter_table('plan_activity', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_activity_portfolio_id'))

    op.drop_table('plan_activity')
    with op.batch_alter_table('iqa_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_iqa_report_portfolio_id'))

    op.drop_table('iqa_report')
    with op.batch_alter_table('assessment_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assessment_review_portfolio_id'))

    op.drop_table('assessment_review')
