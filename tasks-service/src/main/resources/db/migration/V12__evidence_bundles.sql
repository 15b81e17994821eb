-- Evidence bundles (证据包) an auditor asked for: a unit's subtree and a period, built in the background into one
-- sealed ZIP kept in the file store until it expires.
create table evidence_bundle (
    id            uuid primary key,
    unit_id       uuid         not null,
    unit_code     varchar(18)  not null,
    unit_name     varchar(200) not null,
    unit_path     text collate "C" not null,
    period_from   date         not null,
    period_to     date         not null,
    state         varchar(16)  not null,
    requested_by  varchar(255) not null,
    requested_at  timestamptz  not null,
    finished_at   timestamptz,
    expires_at    timestamptz  not null,
    store         varchar(16),
    size_bytes    bigint,
    sha256        varchar(64),
    tasks         integer,
    files         integer,
    failure       text
);

create index evidence_bundle_expiry on evidence_bundle (expires_at);
