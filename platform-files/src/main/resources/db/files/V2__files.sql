-- What is known of each stored file; its bytes are in the blob store under the file's id
-- (and its thumbnail under id + '.thumb').
create table stored_file (
    id            uuid primary key,
    name          varchar(255) not null,
    declared_size bigint       not null,           -- Upload-Length, or the multipart part's size
    received      bigint       not null default 0, -- bytes staged so far (resumable uploads)
    state         varchar(10)  not null,           -- UPLOADING, STORED
    store         varchar(10)  not null,           -- where the bytes are: postgres, s3
    type          varchar(8),                      -- decided from the bytes once complete
    sha256        char(64),
    uploaded_by   varchar(255) not null,
    uploader_unit varchar(64)  not null,           -- the unit whose quota it counts against
    created_at    timestamptz  not null,
    stored_at     timestamptz,
    expires_at    timestamptz,                     -- until attached: then it lives as long as its record
    taken_at      timestamptz,
    latitude      double precision,
    longitude     double precision,
    thumbnail     boolean      not null default false,
    owner_kind    varchar(32),
    owner_id      varchar(64),
    attached_at   timestamptz,
    frozen_at     timestamptz,
    constraint stored_file_state check (state in ('UPLOADING', 'STORED')),
    constraint stored_file_owner check ((owner_kind is null) = (owner_id is null))
);
create index stored_file_owner_idx on stored_file (owner_kind, owner_id);
create index stored_file_unit_idx on stored_file (uploader_unit);
create index stored_file_expiry_idx on stored_file (expires_at) where expires_at is not null;
