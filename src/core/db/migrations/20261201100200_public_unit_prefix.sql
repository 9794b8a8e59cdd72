-- The public query finds an organisation by the start of its name (at least 4 characters, issue 12): LIKE 'prefix%'
-- needs an index in pattern order, whatever the database's collation.
CREATE INDEX filed_subjects_name_prefix_idx ON filed_subjects (name text_pattern_ops);
