-- The tasks' timelines, anchored: every timeline line (task_event) is linked, in the order it was chained, into one
-- hash chain, and the chain's head is sealed from time to time (checkpoints). A database owner who rewrites a line and
-- re-hashes everything after it is caught by anyone holding a checkpoint made before; one who cuts the tail, too.
-- Lines are queued by a trigger as they are written and chained by one replica at a time a few seconds later, so no
-- task write waits for the chain.
create table timeline_pending (
    line_id bigint primary key references task_event (id)
);

create function timeline_event_queued() returns trigger language plpgsql as $$
begin
    insert into timeline_pending (line_id) values (new.id);
    return new;
end $$;

create trigger task_event_queued after insert on task_event
    for each row execute function timeline_event_queued();

-- every line already written joins the chain, oldest first
insert into timeline_pending (line_id) select id from task_event;

create table timeline_link (
    seq        bigint primary key,
    line_id    bigint       not null unique references task_event (id),
    prev_hash  varchar(64)  not null,
    hash       varchar(64)  not null,
    chained_at timestamptz  not null
);

create table timeline_checkpoint (
    seq       bigint       primary key,
    head_hash varchar(64)  not null,
    made_at   timestamptz  not null,
    key_id    varchar(64)  not null,
    seal      varchar(200) not null
);

create function timeline_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger timeline_link_append_only before update or delete on timeline_link
    for each row execute function timeline_is_append_only();
create trigger timeline_link_no_truncate before truncate on timeline_link
    for each statement execute function timeline_is_append_only();
create trigger timeline_checkpoint_append_only before update or delete on timeline_checkpoint
    for each row execute function timeline_is_append_only();
create trigger timeline_checkpoint_no_truncate before truncate on timeline_checkpoint
    for each statement execute function timeline_is_append_only();
