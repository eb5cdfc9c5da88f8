-- The agency registry: one canonical agency across the years and the names it printed, the administrative
-- divisions (GB/T 2260) it belongs to, how each report was matched to it, and who merged or split agencies when.

-- Provinces, cities and counties, loaded at start-up from the vendored table (regions/regions.csv).
create table region (
    code        varchar(6) primary key,
    name        text not null,
    level       integer not null,
    parent_code varchar(6)
);
create index region_parent_idx on region (parent_code);

create table agency (
    agency_id    bigserial primary key,
    name         text not null,
    kind         varchar(16) not null,
    region_code  varchar(6),
    region_level integer,
    body         text,
    merged_into  bigint references agency (agency_id),
    created_at   timestamptz not null default now()
);
create index agency_region_idx on agency (region_code);

-- Every name an agency is known by, folded (TextFolding.compact): printed, with and without the higher-level
-- regions, declared by a submitter, or added by hand after a reform renamed it. One name belongs to one agency.
create table agency_alias (
    alias      text primary key,
    agency_id  bigint not null references agency (agency_id),
    kind       varchar(16) not null,
    created_at timestamptz not null default now()
);
create index agency_alias_agency_idx on agency_alias (agency_id);

-- How a report was attached to its agency (basis and confidence of the match).
alter table report add column agency_id bigint references agency (agency_id);
alter table report add column agency_match_basis varchar(32);
alter table report add column agency_match_confidence numeric(4, 3);
alter table report add column region_code varchar(6);
create index report_agency_idx on report (agency_id, report_year);
create index report_region_code_idx on report (region_code);

-- Who merged, split or renamed what, when.
create table agency_audit (
    id         bigserial primary key,
    at         timestamptz not null default now(),
    actor      text not null,
    action     varchar(16) not null,
    agency_id  bigint not null,
    other_id   bigint,
    detail     jsonb not null default '{}'::jsonb
);
create index agency_audit_agency_idx on agency_audit (agency_id, at desc);
