-- What happened to a unit's standing, with why and by whom: closings and reopenings. The unit row holds
-- only its current state (a reopened unit has no closed_on), so the reasons live here, appended, never edited.
create table unit_history (
    id           bigint generated always as identity primary key,
    unit_id      uuid         not null references unit (id),
    change       varchar(16)  not null check (change in ('CLOSED', 'REOPENED')),
    effective_on date,
    reason       text,
    recorded_at  timestamptz  not null,
    recorded_by  varchar(255) not null
);

create index unit_history_unit on unit_history (unit_id, id);

-- units closed before this table existed keep their closing on record
insert into unit_history (unit_id, change, effective_on, reason, recorded_at, recorded_by)
select id, 'CLOSED', closed_on, close_reason, updated_at, updated_by from unit where closed_on is not null;
