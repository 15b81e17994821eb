-- What needs a person (the field app's inbox), as in tasks-service (platform-data's InboxStore): an agreement to sign
-- for its unit's principal leader (UNIT), one to countersign for the issuing office's admins (OFFICE). Written in the
-- transaction of the step that made it and resolved by the step that answers it; devices follow it by
-- (change_txid, id), read marks included (one row per person and item).
create table inbox_item (
    id          uuid             primary key,
    kind        varchar(30)      not null,
    about_id    uuid             not null references agreement (id),
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
create index inbox_item_open_about on inbox_item (about_id) where resolved_at is null;

create table inbox_read (
    subject     varchar(255) not null,
    item_id     uuid         not null references inbox_item (id),
    read_at     timestamptz  not null,
    change_txid xid8         not null default pg_current_xact_id(),
    primary key (subject, item_id)
);

create index inbox_read_change on inbox_read (subject, change_txid, item_id);
