-- The filed-subjects list pages by (approved_at, number), newest first: staff over every subject, an applicant over
-- its own (src/filing/filed/queries.ts).
CREATE INDEX filed_subjects_approved_idx ON filed_subjects (approved_at DESC, number DESC);
CREATE INDEX filed_subjects_user_approved_idx ON filed_subjects (user_id, approved_at DESC, number DESC);
