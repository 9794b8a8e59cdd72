-- Drafts never bind (issue 12): an account is bound to a subject only by a submitted order whose certificate passed
-- the pre-check, or by a filed subject. A typo saved in a draft must not lock an account, and nobody may squat a
-- company's credit code by saving a draft with it.

-- "One order in flight per subject" counts submitted orders only; two drafts may name the same subject.
DROP INDEX orders_one_in_flight_idx;
CREATE UNIQUE INDEX orders_one_in_flight_idx ON orders (subject_key)
  WHERE subject_key IS NOT NULL AND status NOT IN ('draft', 'approved', 'abandoned');

-- Accounts bound by nothing but a draft are free again.
UPDATE users SET subject_key = NULL, subject_bound_at = NULL
 WHERE subject_key IS NOT NULL
   AND NOT EXISTS (
     SELECT 1 FROM orders o
      WHERE o.user_id = users.id AND o.subject_key = users.subject_key
        AND o.status NOT IN ('draft', 'approved', 'abandoned'))
   AND NOT EXISTS (
     SELECT 1 FROM filed_subjects f
      WHERE f.user_id = users.id AND f.subject_key = users.subject_key AND f.status = 'active');
