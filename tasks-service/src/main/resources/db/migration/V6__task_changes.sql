-- Delta sync for the mobile app (GET /tasks/changes), as units-service does it: each task row carries the id of the
-- transaction that last wrote it, and a reader follows (change_txid, id) from its cursor, holding back rows of
-- transactions that may still commit below it (pg_snapshot_xmin), so no change is ever skipped.
alter table rectification_task add column change_txid xid8 not null default pg_current_xact_id();

create function rectification_task_changed() returns trigger as $$
begin
    new.change_txid := pg_current_xact_id();
    -- a task that leaves a unit or an office (reassigned, or its unit moved by the unit feed) is gone from the
    -- devices of those who saw it there: remember where it was
    if old.unit_path is distinct from new.unit_path or old.owner_path is distinct from new.owner_path then
        insert into task_departure (task_id, old_unit_path, old_owner_path) values (old.id, old.unit_path, old.owner_path)
        on conflict (task_id, change_txid) do nothing;
    end if;
    return new;
end
$$ language plpgsql;

create table task_departure (
    task_id        uuid             not null,
    old_unit_path  text collate "C" not null,
    old_owner_path text collate "C" not null,
    change_txid    xid8             not null default pg_current_xact_id(),
    primary key (task_id, change_txid)
);

create trigger rectification_task_change before update on rectification_task
    for each row execute function rectification_task_changed();

create index rectification_task_change on rectification_task (change_txid, id);
create index task_departure_change on task_departure (change_txid, task_id);
