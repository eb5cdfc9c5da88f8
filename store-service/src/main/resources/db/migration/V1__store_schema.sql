-- The system of record of store-service: reports, their submissions and versions, every processing run
-- (parse and validation, history kept), the content of each parse run, findings, failures, an event log,
-- and the ids of the events already applied (idempotent consumers).

-- One row per report (reportId = first 16 hex digits of the file's SHA-256). The identity and the current
-- parse and validation runs are denormalized here so that list queries read one table.
create table report (
    report_id                 varchar(16) primary key,
    sha256                    varchar(64),
    file_name                 text,
    media_type                text,
    size_bytes                bigint,
    blob_uri                  text,
    submitter                 text,
    declared_agency           text,
    declared_year             integer,
    submitted_at              timestamptz,
    status                    varchar(16) not null default 'RECEIVED',
    status_at                 timestamptz,
    title                     text,
    agency                    text,
    region                    text,
    report_year               integer,
    edition                   varchar(16),
    current_parse_run_id      bigint,
    current_validation_run_id bigint,
    verdict                   varchar(16),
    ruleset_version           text,
    parser_version            text,
    errors                    integer,
    warnings                  integer,
    infos                     integer,
    validated_at              timestamptz,
    -- versions: reports of the same agency and year form one group; the newest submission is current
    version_agency            text,
    version_year              integer,
    current_version           boolean not null default true,
    created_at                timestamptz not null default now(),
    updated_at                timestamptz not null default now()
);

create index report_status_idx on report (status);
create index report_verdict_idx on report (verdict);
create index report_year_idx on report (report_year);
create index report_edition_idx on report (edition);
create index report_region_idx on report (region);
create index report_version_idx on report (version_agency, version_year);
create index report_updated_idx on report (updated_at desc, report_id);
create index report_validated_at_idx on report (validated_at);

-- Every ReportSubmittedEvent received for a report (a report can be submitted again or reprocessed).
create table submission (
    id            bigserial primary key,
    report_id     varchar(16) not null references report (report_id),
    event_id      uuid not null unique,
    occurred_at   timestamptz not null,
    sha256        varchar(64),
    file_name     text,
    media_type    text,
    size_bytes    bigint,
    blob_uri      text,
    submitter     text,
    declared_agency text,
    declared_year integer,
    submitted_at  timestamptz
);
create index submission_report_idx on submission (report_id, occurred_at desc);

-- Every parse or validation run of a report, with the versions of the parser and rule set that did it.
create table processing_run (
    id               bigserial primary key,
    report_id        varchar(16) not null references report (report_id),
    stage            varchar(16) not null,          -- PARSE or VALIDATE
    event_id         uuid not null unique,
    occurred_at      timestamptz not null,
    recorded_at      timestamptz not null default now(),
    parser_version   text,
    ruleset_version  text,
    parsed_event_id  uuid,                          -- validation runs: the parse run they validated
    verdict          varchar(16),
    errors           integer,
    warnings         integer,
    infos            integer,
    not_assessable   jsonb,
    extraction       jsonb,
    parse_warnings   jsonb,
    identity         jsonb,
    full_text        text
);
create index processing_run_report_idx on processing_run (report_id, stage, occurred_at desc);

alter table report add constraint report_current_parse_fk foreign key (current_parse_run_id) references processing_run (id);
alter table report add constraint report_current_validation_fk foreign key (current_validation_run_id) references processing_run (id);

-- The six parts as read by one parse run.
create table section (
    run_id      bigint not null references processing_run (id) on delete cascade,
    number      integer not null,
    heading     text,
    body        text,
    span_start  integer,
    span_end    integer,
    primary key (run_id, number)
);

-- Table cells in long form, one row per canonical key per parse run.
create table cell (
    run_id    bigint not null references processing_run (id) on delete cascade,
    ordinal   integer not null,
    cell_key  varchar(96) not null,
    value     numeric,
    raw       text,
    semantic  varchar(16),
    page      integer,
    line      integer,
    source    text,
    primary key (run_id, cell_key)
);
create index cell_key_idx on cell (cell_key, run_id);

-- Numbers stated in the narrative, per parse run (the whole fact as JSON, the name and value as columns).
create table fact (
    run_id    bigint not null references processing_run (id) on delete cascade,
    ordinal   integer not null,
    name      text,
    value     numeric,
    section   integer,
    body      jsonb not null,
    primary key (run_id, ordinal)
);

-- Findings of one validation run.
create table finding (
    run_id       bigint not null references processing_run (id) on delete cascade,
    ordinal      integer not null,
    rule_id      varchar(32) not null,
    rule_version text,
    severity     varchar(16) not null,
    message      text,
    message_en   text,
    cells        jsonb not null default '[]'::jsonb,
    section      integer,
    expected     numeric,
    actual       numeric,
    evidence     text,
    primary key (run_id, ordinal)
);
create index finding_rule_idx on finding (rule_id, run_id);

-- Every ReportFailedEvent.
create table failure (
    id           bigserial primary key,
    report_id    varchar(16) not null references report (report_id),
    event_id     uuid not null unique,
    occurred_at  timestamptz not null,
    stage        varchar(16),
    reason       varchar(32),
    message      text,
    attempt      integer
);
create index failure_report_idx on failure (report_id, occurred_at desc);

-- Provenance: which stage did what to a report, when, and how long it took where known.
create table event_log (
    id           bigserial primary key,
    report_id    varchar(16) not null references report (report_id),
    event_id     uuid not null,
    stage        varchar(16) not null,
    event_type   varchar(48) not null,
    occurred_at  timestamptz not null,
    recorded_at  timestamptz not null default now(),
    duration_ms  bigint,
    detail       text
);
create index event_log_report_idx on event_log (report_id, occurred_at);

-- Ids of the events already applied, written in the same transaction as their effect.
create table processed_event (
    event_id     uuid primary key,
    report_id    varchar(16) not null,
    event_type   varchar(48) not null,
    processed_at timestamptz not null default now()
);
