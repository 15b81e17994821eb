-- What happened, written in the transaction of the change (an outbox). A row becomes part of the feed when
-- the relay gives it a position: only committed rows get one, in the order they are found, so a reader
-- that has seen position n never later finds a row below n (a sequence alone would: a transaction that
-- took seq 5 may commit after one that took seq 6).
create table outbox_event (
    seq         bigserial    primary key,
    position    bigint       unique,
    id          uuid         not null unique,
    type        varchar(100) not null,
    subject     varchar(200) not null,
    unit_path   varchar(400) not null,
    office_path varchar(400),
    occurred_at timestamptz  not null,
    data        jsonb        not null
);

create index outbox_event_unpositioned on outbox_event (seq) where position is null;
