-- The reviewer's workbench: corrections of cells against the page, decisions on findings, the review state of a report.
-- Every change is a new row (who, when, why): the latest row is the current value, the rows together the history.

-- A reviewer's value of one cell, entered against the page image; the machine value of the parse run it corrected is
-- kept beside it. The latest correction of a (report, cell) is what validation and exports use.
create table cell_correction (
    id            bigserial primary key,
    report_id     varchar(16) not null references report (report_id),
    cell_key      varchar(96) not null,
    value         numeric not null,
    raw           text not null,
    machine_value numeric,
    machine_raw   text,
    parse_run_id  bigint references processing_run (id),
    note          text,
    corrected_by  text not null,
    corrected_at  timestamptz not null default now()
);
create index cell_correction_report_idx on cell_correction (report_id, cell_key, id desc);

-- A reviewer's decision on a finding (CONFIRMED, DISMISSED with a reason) or a note on it. A finding is named by its
-- rule id and cells (finding_key), so that a decision holds across validation runs of the same report.
create table finding_decision (
    id          bigserial primary key,
    report_id   varchar(16) not null references report (report_id),
    finding_key text not null,
    rule_id     varchar(32) not null,
    decision    varchar(16) not null,
    reason      text,
    decided_by  text not null,
    decided_at  timestamptz not null default now()
);
create index finding_decision_report_idx on finding_decision (report_id, id);

-- The review state of a report (PENDING 待审, IN_REVIEW 审核中, REVIEWED 已审, RETURNED 退回整改); no row = PENDING.
create table review_state_change (
    id          bigserial primary key,
    report_id   varchar(16) not null references report (report_id),
    state       varchar(16) not null,
    note        text,
    changed_by  text not null,
    changed_at  timestamptz not null default now()
);
create index review_state_change_report_idx on review_state_change (report_id, id desc);
