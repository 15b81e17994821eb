-- A person's account at the identity server, made by this service: its id there, username, the realm roles
-- granted (token names, space separated) and whether it is ACTIVE or DISABLED (the day its period ended).
alter table person
    add column account_id       varchar(64),
    add column account_username varchar(255),
    add column account_roles    varchar(255),
    add column account_state    varchar(16) check (account_state in ('ACTIVE', 'DISABLED')),
    add constraint person_account check ((account_id is null) = (account_state is null)
        and (account_id is null) = (account_username is null));

create unique index person_account_username on person (lower(account_username));

-- an account's active people, for the daily disabling of those whose period ended
create index person_active_account on person (to_date) where account_state = 'ACTIVE';

-- grants and revocations of a person's account roles go on the unit's history, with who and when
alter table unit_history drop constraint unit_history_change_check;
alter table unit_history alter column change type varchar(32);
alter table unit_history
    add constraint unit_history_change_check
        check (change in ('CLOSED', 'REOPENED', 'ACCOUNT_ROLE_GRANTED', 'ACCOUNT_ROLE_REVOKED')),
    add column person_id    uuid references person (id),
    add column username     varchar(255),
    add column account_role varchar(32);

-- Accounts made at the identity server by a write that then did not commit, and that could not be removed at
-- once (the identity server was gone): removed by the next run of the periods job, or when their username is
-- asked for again. Until then they stay disabled (accounts are enabled only once their write is done).
create table orphan_account (
    account_id  varchar(64)  primary key,
    username    varchar(255) not null,
    recorded_at timestamptz  not null default now()
);

create index orphan_account_username on orphan_account (lower(username));
