-- Bulk operations run as jobs (store.job): one row per job with its progress and a cursor, so that a job resumes where
-- it stopped after a restart of store-service. The cursor is the last report id whose events the broker acknowledged;
-- a job visits the reports that existed when it was created (created_at cut-off) in report id order. One process at a
-- time runs a job: it holds a lease that it renews with every batch; another takes over a job whose lease ran out.
create table job (
    job_id       uuid primary key,
    kind         varchar(32) not null,           -- REPROCESS
    filter       text not null,                  -- the report filter as JSON
    state        varchar(16) not null,           -- RUNNING, DONE, FAILED
    total        integer not null,
    done         integer not null default 0,
    failed       integer not null default 0,
    cursor       varchar(16),
    last_error   text,
    owner        varchar(64),                    -- the store-service process running it
    lease_until  timestamptz,                    -- until when that process holds it (renewed with every batch)
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    finished_at  timestamptz
);
create index job_running_idx on job (state, created_at) where state = 'RUNNING';
