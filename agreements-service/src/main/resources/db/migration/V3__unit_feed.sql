-- The unit feed (units-client's UnitFeed) follows units-service's changes from a cursor kept in this table and moves the copies
-- of unit paths kept here when a unit moves: found by unit id or code, then rewritten by path prefix.
-- Each run starts from settled and reads again what the last few minutes' runs read (see UnitFeed.run).
create table unit_feed (
    id         int primary key check (id = 1),
    settled    text,
    reached    text        not null,
    reached_at timestamptz not null
);
create index agreement_issuer_path on agreement (issuer_path);
