-- What a unit's scorecard is computed from changed: every write to its dossier, its scores, its readiness profile,
-- its domain memberships or its kind takes a new stamp, in the same transaction. A replica keeps the facts it read
-- for a unit with the stamp it read before them, and reads them again only when the stamp moved; a county's roll-up
-- then reads the facts of the units that changed, not of all its units.
create sequence scorecard_stamp_seq;

create table scorecard_stamp (
    unit_id uuid   primary key references unit (id),
    stamp   bigint not null
);

-- one function for every table: the rows a statement touched (as "touched"), their units stamped once
create function scorecard_stamp_touched() returns trigger language plpgsql as $$
begin
    insert into scorecard_stamp (unit_id, stamp)
    select unit_id, nextval('scorecard_stamp_seq') from (select distinct unit_id from touched) t
    on conflict (unit_id) do update set stamp = excluded.stamp;
    return null;
end $$;

create trigger dossier_entry_stamp_insert after insert on dossier_entry
    referencing new table as touched for each statement execute function scorecard_stamp_touched();
create trigger dossier_entry_stamp_update after update on dossier_entry
    referencing new table as touched for each statement execute function scorecard_stamp_touched();
create trigger indicator_score_stamp_insert after insert on indicator_score
    referencing new table as touched for each statement execute function scorecard_stamp_touched();
create trigger unit_readiness_stamp_insert after insert on unit_readiness
    referencing new table as touched for each statement execute function scorecard_stamp_touched();
create trigger unit_readiness_stamp_update after update on unit_readiness
    referencing new table as touched for each statement execute function scorecard_stamp_touched();
create trigger domain_member_stamp_insert after insert on campaign_domain_member
    referencing new table as touched for each statement execute function scorecard_stamp_touched();
create trigger domain_member_stamp_delete after delete on campaign_domain_member
    referencing old table as touched for each statement execute function scorecard_stamp_touched();

-- a unit's kind decides which indicators apply to it (row triggers: a column list allows no transition table)
create function scorecard_stamp_unit() returns trigger language plpgsql as $$
begin
    insert into scorecard_stamp (unit_id, stamp) values (new.id, nextval('scorecard_stamp_seq'))
    on conflict (unit_id) do update set stamp = excluded.stamp;
    return null;
end $$;

create trigger unit_stamp_kind after update of kind on unit
    for each row when (old.kind is distinct from new.kind) execute function scorecard_stamp_unit();

-- a domain's code decides which indicators apply to its members
create function scorecard_stamp_domain() returns trigger language plpgsql as $$
begin
    insert into scorecard_stamp (unit_id, stamp)
    select m.unit_id, nextval('scorecard_stamp_seq') from campaign_domain_member m where m.domain_id = new.id
    on conflict (unit_id) do update set stamp = excluded.stamp;
    return null;
end $$;

create trigger campaign_domain_stamp_code after update of code on campaign_domain
    for each row when (old.code is distinct from new.code) execute function scorecard_stamp_domain();
