-- Webhook subscriptions of other platforms: where to send which events of what scope, how far delivery got
-- (the feed position last delivered), and how it is failing. Delivery state lives here, not in memory, so a
-- restart resumes where it was: at least once, in feed order.
create table webhook_subscription (
    id                   uuid         primary key,
    url                  varchar(2000) not null,
    types                jsonb        not null,
    scope_path           varchar(400) not null,
    secret               varchar(100) not null,
    previous_secret      varchar(100),
    previous_secret_until timestamptz,
    state                varchar(16)  not null check (state in ('ACTIVE', 'DISABLED')),
    disabled_reason      varchar(500),
    delivered_position   bigint       not null,
    failures             int          not null default 0,
    failing_since        timestamptz,
    next_attempt_at      timestamptz  not null,
    lease_until          timestamptz,
    created_by           varchar(200) not null,
    created_at           timestamptz  not null
);

create index webhook_subscription_due on webhook_subscription (next_attempt_at) where state = 'ACTIVE';

-- Every delivery attempt, answered or not.
create table webhook_attempt (
    id              bigserial    primary key,
    subscription_id uuid         not null references webhook_subscription (id) on delete cascade,
    event_id        uuid         not null,
    position        bigint       not null,
    attempt         int          not null,
    at              timestamptz  not null,
    status          int,
    error           varchar(500),
    millis          int          not null
);

create index webhook_attempt_by_subscription on webhook_attempt (subscription_id, id desc);
