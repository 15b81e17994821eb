-- What needs a person (the field app's inbox), per unit and audience: UNIT is the task's unit's liaison and leader,
-- OFFICE the assigning office's admins and inspectors. Written in the transaction of the change that made it (a task
-- assigned, urged, rejected, submitted, near or past its deadline...) and resolved by the change that answers it.
-- Devices follow it by (change_txid, id) as the task feed, read marks included (one row per person and item).
create table inbox_item (
    id          uuid             primary key,
    kind        varchar(30)      not null,
    task_id     uuid             not null references rectification_task (id),
    unit_path   text collate "C" not null,
    audience    varchar(10)      not null check (audience in ('UNIT', 'OFFICE')),
    detail      jsonb            not null,
    dedup_key   varchar(200)     unique,
    created_at  timestamptz      not null,
    resolved_at timestamptz,
    change_txid xid8             not null default pg_current_xact_id()
);

create function inbox_item_changed() returns trigger as $$
begin
    new.change_txid := pg_current_xact_id();
    return new;
end
$$ language plpgsql;

create trigger inbox_item_change before update on inbox_item for each row execute function inbox_item_changed();

create index inbox_item_for on inbox_item (unit_path, change_txid, id);
create index inbox_item_open_of_task on inbox_item (task_id) where resolved_at is null;

create table inbox_read (
    subject     varchar(255) not null,
    item_id     uuid         not null references inbox_item (id),
    read_at     timestamptz  not null,
    change_txid xid8         not null default pg_current_xact_id(),
    primary key (subject, item_id)
);

create index inbox_read_change on inbox_read (subject, change_txid, item_id);
