-- What each parse run read and could not read (the reading report: parts, tables, unread rows and cells with their
-- reasons), kept whole as JSON on the run: it is read only with the report's detail, one row by primary key.
alter table processing_run add column reading jsonb;
-- Validation runs: why each not-assessable rule could not be assessed (rule id -> Chinese reason), and why the
-- verdict asks for a human review.
alter table processing_run add column not_assessable_reasons jsonb;
alter table processing_run add column review_reasons jsonb;
-- How sure the reader is of each cell. Null means CERTAIN, as most cells are, so the columns cost almost nothing and
-- the detail still reads the cells of a run with one index range scan.
alter table cell add column certainty varchar(16);
alter table cell add column doubt varchar(32);
