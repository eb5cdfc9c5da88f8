-- Which report is the current version of its agency and year is computed when read (the newest submission wins):
-- keeping a flag on every row of the group made concurrent consumers update each other's rows and deadlock.
alter table report drop column current_version;
create index report_version_newest_idx on report (version_agency, version_year, (coalesce(submitted_at, created_at)) desc, report_id desc);
