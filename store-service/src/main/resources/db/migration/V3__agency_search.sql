-- Agency substring search compares against a stored lower-case copy, so a query does not lower-case every row.
alter table report add column agency_search text generated always as (lower(agency)) stored;
