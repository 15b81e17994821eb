-- The unit feed (units-client's UnitFeed) follows units-service's changes from a cursor kept in this table and moves the copies
-- of unit paths kept here when a unit moves: found by unit id, then rewritten by path prefix.
-- Each run starts from settled and reads again what the last few minutes' runs read (see UnitFeed.run).
create table unit_feed (
    id         int primary key check (id = 1),
    settled    text,
    reached    text        not null,
    reached_at timestamptz not null
);
create index finding_unit on finding (unit_id);
create index inspection_unit_by_unit on inspection_unit (unit_id);
create index task_owner_path on rectification_task (owner_path);
