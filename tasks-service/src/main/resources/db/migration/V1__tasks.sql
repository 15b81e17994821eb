-- Inspections (督查) by a county office, the units they covered, and what they found.
create table inspection (
    id           uuid primary key,
    title        text         not null,
    start_date   date         not null,
    end_date     date         not null check (end_date >= start_date),
    groups       jsonb        not null,
    report       text,
    owner_code   varchar(18)  not null,
    owner_path   text collate "C" not null,
    created_at   timestamptz  not null,
    created_by   varchar(255) not null,
    updated_at   timestamptz  not null,
    updated_by   varchar(255) not null,
    version      bigint       not null
);

create index inspection_owner on inspection (owner_path);

create table inspection_unit (
    inspection_id uuid         not null references inspection (id),
    unit_id       uuid         not null,
    unit_code     varchar(18)  not null,
    unit_name     text         not null,
    unit_path     text collate "C" not null,
    primary key (inspection_id, unit_id)
);

create table finding (
    id            uuid primary key,
    inspection_id uuid         not null references inspection (id),
    unit_id       uuid         not null,
    unit_code     varchar(18)  not null,
    unit_name     text         not null,
    unit_path     text collate "C" not null,
    category      varchar(20)  not null,
    severity      varchar(10)  not null,
    description   text         not null,
    created_at    timestamptz  not null,
    created_by    varchar(255) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(255) not null,
    version       bigint       not null
);

create index finding_inspection on finding (inspection_id);
create index finding_unit_path on finding (unit_path);

-- Rectification tasks (整改任务). The responsible unit's code path is copied from units-service
-- when the task is assigned, so that jurisdiction checks and figures need no remote call.
create table rectification_task (
    id                 uuid primary key,
    finding_id         uuid references finding (id),
    inspection_id      uuid references inspection (id),
    title              text         not null,
    category           varchar(20)  not null,
    measures           text         not null,
    unit_id            uuid         not null,
    unit_code          varchar(18)  not null,
    unit_name          text         not null,
    unit_path          text collate "C" not null,
    township_code      varchar(18),
    township_name      text,
    responsible_person text         not null,
    cooperating_units  jsonb        not null,
    owner_path         text collate "C" not null,
    deadline           date         not null,
    state              varchar(20)  not null,
    completion_report  text,
    submitted_by       varchar(255),
    submitted_at       timestamptz,
    verified_by        varchar(255),
    verified_at        timestamptz,
    overdue_flagged_at timestamptz,
    created_at         timestamptz  not null,
    created_by         varchar(255) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(255) not null,
    version            bigint       not null
);

create index task_unit_path on rectification_task (unit_path, deadline, id);
create index task_deadline on rectification_task (deadline, id);
create index task_township on rectification_task (township_code);
create index task_open_deadline on rectification_task (deadline) where state <> 'VERIFIED';

-- Everything that happened to a task, in order: the timeline.
create table task_event (
    id         bigserial primary key,
    task_id    uuid         not null references rectification_task (id),
    type       varchar(30)  not null,
    from_state varchar(20),
    to_state   varchar(20),
    detail     jsonb        not null,
    actor      varchar(255) not null,
    at         timestamptz  not null
);

create index task_event_task on task_event (task_id, id);

create table extension_request (
    id                 uuid primary key,
    task_id            uuid         not null references rectification_task (id),
    reason             text         not null,
    current_deadline   date         not null,
    requested_deadline date         not null,
    state              varchar(10)  not null,
    decision_note      text,
    decided_by         varchar(255),
    decided_at         timestamptz,
    created_at         timestamptz  not null,
    created_by         varchar(255) not null,
    updated_at         timestamptz  not null,
    updated_by         varchar(255) not null,
    version            bigint       not null
);

create unique index extension_one_pending on extension_request (task_id) where state = 'PENDING';

-- Urging notices (催办) and hand-backs (退办) are records of their own.
create table urging_notice (
    id        uuid primary key,
    task_id   uuid         not null references rectification_task (id),
    message   text         not null,
    automatic boolean      not null,
    issued_by varchar(255) not null,
    issued_at timestamptz  not null
);

create index urging_task on urging_notice (task_id);
