-- Units' history, anchored: every row of unit_history (a closing, a reopening) is linked, in the order it was
-- chained, into one hash chain, and the chain's head is sealed from time to time (checkpoints), as tasks-service does
-- with the tasks' timelines. Rows are queued by a trigger as they are written and linked a few seconds later by one
-- replica at a time, so no write waits for the chain.
create table history_pending (
    line_id bigint primary key references unit_history (id)
);

create function history_row_queued() returns trigger language plpgsql as $$
begin
    insert into history_pending (line_id) values (new.id);
    return new;
end $$;

create trigger unit_history_queued after insert on unit_history
    for each row execute function history_row_queued();

-- every row already written joins the chain, oldest first
insert into history_pending (line_id) select id from unit_history;

create table history_link (
    seq        bigint primary key,
    line_id    bigint       not null unique references unit_history (id),
    prev_hash  varchar(64)  not null,
    hash       varchar(64)  not null,
    chained_at timestamptz  not null
);

create table history_checkpoint (
    seq       bigint       primary key,
    head_hash varchar(64)  not null,
    made_at   timestamptz  not null,
    key_id    varchar(64)  not null,
    seal      varchar(200) not null
);

create function history_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger history_link_append_only before update or delete on history_link
    for each row execute function history_is_append_only();
create trigger history_link_no_truncate before truncate on history_link
    for each statement execute function history_is_append_only();
create trigger history_checkpoint_append_only before update or delete on history_checkpoint
    for each row execute function history_is_append_only();
create trigger history_checkpoint_no_truncate before truncate on history_checkpoint
    for each statement execute function history_is_append_only();
