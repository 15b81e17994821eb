-- A unit moved out of a subtree is a change for whoever synced that subtree: their phones must drop it,
-- but they can no longer read it. One row per unit and move, with the path it left, written in the
-- move's transaction; delta sync reports it as removed to callers under that path who no longer see it.
create table unit_departure (
    unit_id     uuid  not null references unit (id),
    old_path    text collate "C" not null,
    change_txid xid8  not null default pg_current_xact_id(),
    primary key (unit_id, change_txid)
);

create index unit_departure_change on unit_departure (change_txid, unit_id);
