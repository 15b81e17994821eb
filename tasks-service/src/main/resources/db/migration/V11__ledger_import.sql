-- A rectification ledger (整改台账) brought in from before the suite: who brought it in, when, and what it held.
-- The inspections, findings and tasks it made carry their historical times as created_at and point back here.
create table ledger_import (
    id           uuid primary key,
    owner_code   varchar(18)  not null,
    owner_path   text collate "C" not null,
    file_sha256  varchar(64)  not null,
    file_rows    integer      not null,
    inspections  integer      not null,
    findings     integer      not null,
    tasks        integer      not null,
    imported_at  timestamptz  not null,
    imported_by  varchar(255) not null
);

-- the same file twice is the same history twice
create unique index ledger_import_once on ledger_import (owner_path, file_sha256);

alter table inspection add column import_id uuid references ledger_import (id);
alter table finding add column import_id uuid references ledger_import (id);
alter table rectification_task add column import_id uuid references ledger_import (id);

-- When a timeline line was written, beside when what it records happened (at): the same moment for work done
-- in the suite, later for history brought in.
alter table task_event add column recorded_at timestamptz;
update task_event set recorded_at = at;
alter table task_event alter column recorded_at set not null;
