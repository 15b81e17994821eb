-- Responses to POSTs that carried an Idempotency-Key, replayed when the same request is retried.
create table idempotency_record (
    scope_key    varchar(400) primary key,
    request_hash char(64)     not null,
    state        varchar(16)  not null check (state in ('IN_PROGRESS', 'DONE')),
    status       int,
    location     text,
    body         text,
    created_at   timestamptz  not null default now()
);

create index idempotency_record_created_at on idempotency_record (created_at);
