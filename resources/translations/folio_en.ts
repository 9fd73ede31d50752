<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>Application</name>
    <message>
        <source>Portfolio already open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{0}&apos; is already open in another Folio (process {1} on {2}). Close it there first, so no changes are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open portfolio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AssessmentPage</name>
    <message>
        <source>Not judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Competent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} judgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback to the learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record judgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign off…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Void the sign-off, saying why, to judge again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Countersign (IQA)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQA re&amp;port…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report on this sampled portfolio: agree or disagree, signed with your key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Action points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment bank: click a phrase to insert it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New phrase for the comment bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A phrase of your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve to the bank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep this phrase for every portfolio you assess (saved on this computer, not in the portfolio); with the box empty, the text selected in the feedback is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your phrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a phrase to add it to the {0} feedback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checker (advisory): {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checker (advisory): {0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0} is a draft; an assessor marks a submitted version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been submitted yet; an assessor marks a submitted version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0} was signed off by {1} on {2}: {3}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0}, submitted by {1}. Digest {2}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing as {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No staff key for {0} on this machine: you can record judgements, but signing off needs a key from your centre (folio key add).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why reopen this decision? (kept in the record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countersign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQA comment (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported by {0} on {1}: {2} with the decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>agrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disagrees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action points: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sampled yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQA report</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttachPrompt</name>
    <message>
        <source>Portfolio too big to email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The limit can be changed in File → Settings….</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Downscale photos and add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;as they are</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Created the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed the declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted the portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started a new draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed off the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopened the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Countersigned the assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported on the sampled assessment (IQA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tidied the evidence store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the learner details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {0} since deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted a {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mapped {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Linked {0} to {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlinked everything from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Moved {0} to place {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessed {0} as {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (version {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scored {0} on {1}: {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n unused file(s) removed</source>
        <translation>
            <numerusform>%n unused file removed</numerusform>
            <numerusform>%n unused files removed</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s), newest first. Times are UTC.</source>
        <translation>
            <numerusform>%n change, newest first. Times are UTC.</numerusform>
            <numerusform>%n changes, newest first. Times are UTC.</numerusform>
        </translation>
    </message>
    <message>
        <source>Audit trail, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Tools › Complaint case log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complex customer issues and how they were resolved: the techniques applied and why, the customer&apos;s requirements, the organisation&apos;s constraints, and how the solution met both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases and techniques</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CohortWindow</name>
    <message>
        <source>Cohort — {0} — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolios in the cohort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: learner, unit, status…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Word</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export selected…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build EQA &amp;pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A ZIP for the external quality assurer: the sampled portfolios and their PDFs, the IQA sampling plan and reports, achievement summaries and a SHA-256 manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop after the portfolios being rendered now; nothing is left half written</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reading %n portfolio(s)…</source>
        <translation>
            <numerusform>Reading %n portfolio…</numerusform>
            <numerusform>Reading %n portfolios…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n portfolio(s) in {0}</source>
        <translation>
            <numerusform>%n portfolio in {0}</numerusform>
            <numerusform>%n portfolios in {0}</numerusform>
        </translation>
    </message>
    <message>
        <source>{0}; IQA sample: {1} of {2} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1} of {2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling: finishing the portfolios being rendered…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the portfolios to export first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exporting %n portfolio(s)…</source>
        <translation>
            <numerusform>Exporting %n portfolio…</numerusform>
            <numerusform>Exporting %n portfolios…</numerusform>
        </translation>
    </message>
    <message>
        <source>Build EQA pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ZIP (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the EQA pack…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; left out {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EQA pack written: {0} ({1}, {2}){3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n sampled portfolio(s)</source>
        <translation>
            <numerusform>%n sampled portfolio</numerusform>
            <numerusform>%n sampled portfolios</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) in its manifest</source>
        <translation>
            <numerusform>%n file in its manifest</numerusform>
            <numerusform>%n files in its manifest</numerusform>
        </translation>
    </message>
    <message>
        <source>{0} of {1} exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: {0}, {1} not started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}; not exported: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}; see cohort-summary.csv</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CommentBank</name>
    <message>
        <source>Well evidenced: the records and your own account agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear link from the customer feedback to the action you took.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain why, not only what: say what made you choose this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compare the result with the target, not only with the baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name who was involved and what each person did.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a dated record of what happened, in the past tense.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say how this complies with the legislation you name, in your own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map this evidence to the marking point and say how it meets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet met: see the action points and resubmit.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionPage</name>
    <message>
        <source>Tools › Decision matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weigh the options against criteria: score each option 0–5 on each criterion in the grid (5 is best: for a cost or a risk, the cheapest or safest); weights multiply the scores; mark the option you chose and say why the others were rejected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add options and criteria below, then score them in the grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scores</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeclarationPage</name>
    <message>
        <source>Declaration of authenticity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type your name and the date to sign. It is part of every export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bmit portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm the declaration and freeze this version for assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by {0} on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <source>Learner name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate / enrolment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qualification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workplace / organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submission due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who the portfolio belongs to, where it is assessed and the organisation the evidence comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the learner&apos;s name is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}. Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationPage</name>
    <message>
        <source>Eva&amp;luation narrative: what changed, how you know, what you reported and to whom, and what you would do differently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation narrative</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvidencePage</name>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos, documents and exports kept inside the portfolio. Drop files here or use Add files. Map each one to the marking points it shows, saying how.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not mapped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E{0}  {1}   ({2}, {3}) — {4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding {0} ({1} of {2})…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add evidence files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>&amp;Word (.docx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;HTML (web page)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Draft: mark every page DRAFT and list what is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign the PDF as {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A final copy needs every marking point met ({0} of {1} are). Only a draft can be exported now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open when done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase for {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IqaReportDialog</name>
    <message>
        <source>IQA report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;agree with the assessor&apos;s decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;disagree with it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQA comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you sampled and what you found: evidence, judgements, feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action points for the assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needed when you disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this portfolio was sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. new assessor; unit sampled this term</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action &amp;points for the assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Why sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemForm</name>
    <message>
        <source>a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— none —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}. Not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ItemListModel</name>
    <message>
        <source>Ref</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>JourneyMapPage</name>
    <message>
        <source>Tools › Customer journey map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The customer&apos;s journey end to end: every touchpoint and channel, front stage and back office, where it hurts and what could be better.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add touchpoints below: the journey map is drawn as you go.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KpiTrackerPage</name>
    <message>
        <source>Tools › KPI tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings of your metrics over time, between the baseline and the result (the metrics themselves are on Review › Evaluation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add readings below (and baselines and results on the Evaluation page): each metric&apos;s trend is drawn here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LearnerPage</name>
    <message>
        <source>Your &amp;name (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Candidate / enrolment number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;entre name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Centre n&amp;umber</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workplace / organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About you and your centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These go on the cover sheet; you can change them later.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LegislationBox</name>
    <message>
        <source>Legislation and standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law or standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How compliance is ensured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Link law</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No law or standard linked yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no justification yet)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LegislationPage</name>
    <message>
        <source>Tools › Legislation and standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tie actions and findings to the laws and standards in the library (see the Unit guide for what each requires) and justify how compliance is ensured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a law or standard to see what it requires.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer current: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Start a &amp;new draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cohort view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open as &amp;assessor…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} marking points met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — version {1} submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — ready to submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} — {1} — {2} — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio portfolios (*.folio)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened as IQA: the learner&apos;s work is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened as assessor: the learner&apos;s work is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0} was submitted and is read-only. Start a new draft to keep working.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version {0} is a new draft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cohort folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open portfolio to assess</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (recorded with each judgement):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MappingBox</name>
    <message>
        <source>Mapped to marking points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How this shows the marking point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map to point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not mapped yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no reason)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MarkingPointsDock</name>
    <message>
        <source>Marking points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking points and their status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>What the checker read: %n counted</source>
        <translation>
            <numerusform>What the checker read: %n counted</numerusform>
            <numerusform>What the checker read: %n counted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not counted</source>
        <translation>
            <numerusform>%n not counted</numerusform>
            <numerusform>%n not counted</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MarkingPointsPicker</name>
    <message>
        <source>Marking point {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewPortfolioWizard</name>
    <message>
        <source>New portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlanReviewsPage</name>
    <message>
        <source>Assessment › Plan and reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the assessor plans to assess, how and when, and the reviews of progress against it; the learner answers each review&apos;s feedback here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PortfolioSession</name>
    <message>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score an option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the learner&apos;s work is read-only to staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this version is submitted and read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an IQA can read but not change the assessor&apos;s records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>version {0} is submitted; start a new draft to add or change a witness testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no staff key for {0} on this machine; judgements can be recorded, but signing needs a key from your centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email size limit in megabytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> MB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email size limit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding evidence warns before a portfolio passes this size, which most email services refuse, and offers to downscale photos.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProcessMapPage</name>
    <message>
        <source>Process map shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools › Swimlane process map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map the current process and the re-engineered one: a lane per role, the steps in order, the arrows between them (handoffs cross lanes) and the bottlenecks. Click a step to edit it; Ctrl+click another step to draw or remove an arrow to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add lanes (roles) and steps below: the map is drawn as you go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RaterPage</name>
    <message>
        <source>Tools › RATER self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate the service on the five RATER dimensions (1 poor – 5 excellent), each with the evidence behind the score; use it in your analysis.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a score for each dimension below: the profile is drawn here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordsPage</name>
    <message>
        <source>Assessment › Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The assessor&apos;s records of each assessment method (observation, questioning, professional discussion, product evidence, prior learning) and the witness testimonies; a record a signed decision relied on is locked as signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records and questions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewAnswerBox</name>
    <message>
        <source>Answer this review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your response to the feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;accept the feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I accept the feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name, typed as your signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type your name to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign and &amp;send answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Your response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name (signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learner&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by {0} on {1}: accepts the feedback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered by {0} on {1}: does not accept it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not answered yet. Say what you make of the feedback, tick whether you accept it, and type your name to sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The learner has not answered this review yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SavePage</name>
    <message>
        <source>Where to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A portfolio is one .folio file: email it to your assessor when ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save portfolio as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio portfolios (*.folio)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScoreGrid</name>
    <message>
        <source>Decision matrix scores</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StageNavigator</name>
    <message>
        <source>Portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Implementation log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journey map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Process map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RATER</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legislation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declaration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan and reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Judgements and sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: optional for this unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StagePage</name>
    <message>
        <source>Plan › Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Raw customer feedback, one item per comment, survey result, complaint or observation. Use at least two kinds of source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan › Analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the feedback shows: themes, the touchpoint they happen at, root causes and the data behind them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan › Action plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SMART actions that address the findings, with owners, dates, resources, barriers and the legislation they rely on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do › Implementation log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you did to implement the actions, when, with whom, what happened, and what you learned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review › Evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measures before and after the change, against a target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touchpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every point where the customer meets the organisation, stage by stage, with the channel, how the customer feels there and who or what tells you so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The roles, teams or systems that carry out the process.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The steps of the current and the re-engineered process, each in the lane of the role that does it; tick the steps each one leads to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The improvement options you weighed up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the options are judged on (benefits, costs, risks, service standards) and how much each counts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements taken between the baseline and the result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legislation and standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link actions and findings to the laws and standards they rely on, and say how compliance is ensured.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complex customer issues: what made them complex, what the customer needed, what limited the organisation, and how the solution satisfied both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution techniques</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Techniques used on the selected case, and why.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RATER self-assessment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score the service on reliability, assurance, tangibles, empathy and responsiveness.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each use of an assessment method: when and where, what was seen or said, the judgement and the marking points it evidences. A learner adds the witness testimonies they collect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The questions asked in the selected questioning or professional discussion, the learner&apos;s answers and the assessor&apos;s view of each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessment plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The planned assessment activities: what, by which method, when, with whom, and the marking points each is meant to cover.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews of progress against the plan: the assessor&apos;s feedback and targets, the learner&apos;s answer and the sign-offs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No {0} yet. Press “Add {0}” to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not added: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>It is linked to %n other item(s).</source>
        <translation>
            <numerusform>It is linked to %n other item.</numerusform>
            <numerusform>It is linked to %n other items.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It is mapped as evidence to %n marking point(s).</source>
        <translation>
            <numerusform>It is mapped as evidence to %n marking point.</numerusform>
            <numerusform>It is mapped as evidence to %n marking points.</numerusform>
        </translation>
    </message>
    <message>
        <source>The links go with it. Edit › Undo puts it all back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubmitDialog</name>
    <message>
        <source>Submit portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitting freezes version {0}: it becomes read-only, and your assessor marks exactly this. You can start a new draft afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name (signature)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you submit with marking points not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} marking points are not met. Say why you are submitting now:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Submit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <source>something went wrong: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ToolPage</name>
    <message numerus="yes">
        <source>Your unit&apos;s %1 uses this tool.</source>
        <translation>
            <numerusform>Your unit&apos;s %1 uses this tool.</numerusform>
            <numerusform>Your unit&apos;s %1 use this tool.</numerusform>
        </translation>
    </message>
    <message>
        <source>Optional for your unit: no marking point asks for this tool.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitGuidePage</name>
    <message>
        <source>Unit guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key concepts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Examiner marking points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exam tips</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Common mistakes to avoid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legislation and standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No longer current: do not cite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plain-English summaries, not legal advice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Choose the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unit decides the marking points your portfolio is checked against.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About the unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking points</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeWindow</name>
    <message>
        <source>Welcome — Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build your customer service portfolio, stage by stage, and check it against the examiner&apos;s marking points before you send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recent portfolios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}  (missing)
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New portfolio…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose your unit and give your name: Folio sets out its stages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A portfolio saved before, from this computer or a USB stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A finished example portfolio to look around; it is a copy to try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Recent portfolios</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit guides: what each unit asks for, before you start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Guide: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit guide — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open portfolio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folio portfolios (*.folio)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_DateBox</name>
    <message>
        <source>dd/mm/yyyy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a date from a calendar (Alt+Down)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>choices</name>
    <message>
        <source>Survey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compliment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mystery shop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>KPI / report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awareness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consideration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purchase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delivery / service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-purchase support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Website</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live chat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social media</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In store / face to face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post / delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Internal system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— not known —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−2 very unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>−1 unhappy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 neutral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+1 happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+2 very happy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-engineered process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alignment with service standards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEAT (hear, empathise, apologise, take ownership)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LAST (listen, apologise, solve, thank)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause analysis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Five whys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Escalation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empowerment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Service recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active listening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negotiation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assurance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tangibles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empathy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsiveness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Questioning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Professional discussion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness testimony</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Product evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognition of prior learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet judged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Satisfactory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet satisfactory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rearranged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cohort</name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking points met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>IQA sample</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>phone, email, web, store, social…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>anonymised, e.g. C-2210</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rating out of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the customer said</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touchpoint / channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-office process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Root cause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supporting data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action (specific)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Estimated cost (£)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected benefit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisational objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stakeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team members&apos; roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How barriers are overcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Communication and training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes a policy or process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legislation / standard (own words)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it ensures compliance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measure of success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who was involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reflection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSAT, FCR, NPS, complaint count…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%, count, hours…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source of the figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Journey stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Touchpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what the customer meets, e.g. order email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back-office step (not seen by the customer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer feeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pain point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stakeholder or source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who or what tells you this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role (lane)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>customer, team, system…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Responsibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bottleneck</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurable outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why chosen, or why rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 1 to 5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Law or standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How compliance is ensured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The issue (what made it complex)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Customer&apos;s stated requirements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation&apos;s constraints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solution and how it satisfies both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score (1–5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>workplace, site, online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness&apos;s job title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Relationship to the learner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line manager…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Witness&apos;s email or phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expert witness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity, product or prior learning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was seen, said or shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking points it evidences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor&apos;s judgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner&apos;s comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learner&apos;s answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Planned for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who takes part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marking points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress since the last review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor&apos;s feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets to the next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor&apos;s signature (typed name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assessor signed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer&apos;s representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer signed on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Justification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Based on feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Addresses findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leads to (arrows)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nouns</name>
    <message>
        <source>feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>evidence file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mapping</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>touchpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>option</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>criterion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>legislation link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>technique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RATER score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>assessment record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>planned activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>portfolio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>status</name>
    <message>
        <source>complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>partial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partly met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
