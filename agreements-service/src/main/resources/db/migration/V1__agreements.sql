-- Templates of responsibility agreements; a published version never changes.
create table agreement_template (
    id          uuid primary key,
    family_id   uuid         not null,
    version_no  int          not null,
    year        int          not null,
    title       text         not null,
    clauses     jsonb        not null,
    targets     jsonb        not null,
    adjustments jsonb        not null,
    pass_mark   int          not null,
    status      varchar(10)  not null,
    owner_code  varchar(18)  not null,
    owner_path  text collate "C" not null,
    created_at  timestamptz  not null,
    created_by  varchar(255) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(255) not null,
    version     bigint       not null,
    constraint template_family_version unique (family_id, version_no)
);

-- One agreement per unit and year (revoked and superseded versions aside). content is what is
-- signed; content_hash its SHA-256 over the RFC 8785 canonical form.
create table agreement (
    id            uuid primary key,
    template_id   uuid         not null references agreement_template (id),
    year          int          not null,
    unit_id       uuid         not null,
    unit_code     varchar(18)  not null,
    unit_name     text         not null,
    unit_path     text collate "C" not null,
    unit_kind     varchar(32)  not null,
    township_code varchar(18),
    township_name text,
    issuer_code   varchar(18)  not null,
    issuer_path   text collate "C" not null,
    version_no    int          not null,
    supersedes    uuid references agreement (id),
    state         varchar(20)  not null,
    result        varchar(20),
    revoke_reason text,
    content       jsonb        not null,
    content_hash  varchar(64)     not null,
    created_at    timestamptz  not null,
    created_by    varchar(255) not null,
    updated_at    timestamptz  not null,
    updated_by    varchar(255) not null,
    version       bigint       not null
);

create unique index agreement_one_current on agreement (unit_id, year) where state not in ('REVOKED', 'SUPERSEDED');
create index agreement_unit_path on agreement (unit_path);
create index agreement_township on agreement (township_code);

create table signature (
    id             uuid primary key,
    agreement_id   uuid         not null references agreement (id),
    kind           varchar(20)  not null,
    signer_subject varchar(255) not null,
    signer_name    text         not null,
    signer_role    varchar(30)  not null,
    unit_code      varchar(18)  not null,
    signed_at      timestamptz  not null,
    content_hash   varchar(64)     not null,
    seal           text         not null,
    key_id         varchar(64)  not null
);

create index signature_agreement on signature (agreement_id);

create table assessment (
    agreement_id uuid primary key references agreement (id),
    targets      jsonb        not null,
    adjustments  jsonb        not null,
    total        numeric(7, 2) not null,
    vetoed       boolean      not null,
    result       varchar(20)  not null,
    assessed_by  varchar(255) not null,
    assessed_at  timestamptz  not null
);

-- The audit trail: append-only and hash-chained; the database itself refuses changes.
create table audit_entry (
    seq          bigint primary key,
    at           timestamptz  not null,
    actor        varchar(255) not null,
    action       varchar(30)  not null,
    agreement_id uuid,
    unit_code    varchar(18),
    unit_path    text collate "C",
    detail       jsonb        not null,
    prev_hash    varchar(64)     not null,
    hash         varchar(64)     not null
);

create index audit_agreement on audit_entry (agreement_id, seq);
create index audit_unit_path on audit_entry (unit_path, seq);
create index audit_actor on audit_entry (actor, seq);

create function audit_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger audit_entry_append_only before update or delete on audit_entry
    for each row execute function audit_entry_is_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_is_append_only();
