-- The unit hierarchy. path is a materialized path of codes ('/510000000000/513200000000/'):
-- a subtree is a prefix, read with an index range scan instead of a recursive walk.
create extension if not exists pg_trgm;

create table unit (
    id           uuid primary key,
    code         varchar(18)  not null,
    kind         varchar(32)  not null,
    parent_id    uuid references unit (id),
    path         text collate "C" not null,
    depth        int          not null check (depth >= 0),
    name_zh      text         not null,
    names        jsonb        not null,
    search_text  text         not null,
    closed_on    date,
    close_reason text,
    -- transaction that last wrote the row: delta sync reads changes in commit-safe order
    change_txid  xid8         not null default pg_current_xact_id(),
    created_at   timestamptz  not null,
    created_by   varchar(255) not null,
    updated_at   timestamptz  not null,
    updated_by   varchar(255) not null,
    version      bigint       not null,
    constraint unit_code_unique unique (code),
    constraint unit_path_unique unique (path)
);

create index unit_parent on unit (parent_id);
create index unit_search_trgm on unit using gin (search_text gin_trgm_ops);
create index unit_change on unit (change_txid, id);

create function unit_touch_change() returns trigger language plpgsql as $$
begin
    new.change_txid := pg_current_xact_id();
    return new;
end $$;

create trigger unit_change_txid before update on unit
    for each row execute function unit_touch_change();

-- The readiness profile (创建工作基础), one row per unit, created with it.
create table unit_readiness (
    unit_id                uuid primary key references unit (id),
    staff_count            int          not null default 0 check (staff_count >= 0),
    staff_names            jsonb        not null default '[]',
    office                 boolean      not null default false,
    office_location        text,
    leading_group_doc_no   text,
    leading_group_date     date,
    work_plan              boolean      not null default false,
    signage                boolean      not null default false,
    equipment              boolean      not null default false,
    principal_leader_name  text,
    principal_leader_phone text,
    liaison_name           text,
    liaison_phone          text,
    score                  int          not null,
    complete               boolean      not null,
    three_none             boolean      not null,
    created_at             timestamptz  not null,
    created_by             varchar(255) not null,
    updated_at             timestamptz  not null,
    updated_by             varchar(255) not null,
    version                bigint       not null
);

create index unit_readiness_incomplete on unit_readiness (unit_id) where not complete;

-- "9+N进" campaign domains of one jurisdiction (usually a county): the nine standard ones are
-- created with each county, local ones added by its office.
create table campaign_domain (
    id            uuid primary key,
    owner_unit_id uuid         not null references unit (id),
    code          varchar(40)  not null,
    name_zh       text         not null,
    names         jsonb        not null,
    standard      boolean      not null,
    lead_unit_id  uuid references unit (id),
    created_at    timestamptz  not null,
    created_by    varchar(255) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(255) not null,
    version       bigint       not null,
    constraint campaign_domain_code_unique unique (owner_unit_id, code)
);

create table campaign_domain_member (
    domain_id uuid         not null references campaign_domain (id),
    unit_id   uuid         not null references unit (id),
    added_at  timestamptz  not null,
    added_by  varchar(255) not null,
    primary key (domain_id, unit_id)
);

create index campaign_domain_member_unit on campaign_domain_member (unit_id);
