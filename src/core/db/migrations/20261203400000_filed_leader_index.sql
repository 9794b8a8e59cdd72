-- "Which filings use my ID?" finds the subjects a person leads by the keyed hash of their ID number, including the
-- subjects imported from an earlier system, which have no order to search (src/privacy/id-check.ts). Organisations'
-- imported rows carry '' (their leader's ID is not known), so they are left out of the index.
CREATE INDEX filed_subjects_leader_idx ON filed_subjects (leader_key) WHERE leader_key <> '';
