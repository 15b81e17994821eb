-- Signed checkpoints of the audit chain: its length and head hash at a moment, sealed with the sealing key in force
-- then. Whoever keeps a checkpoint catches a database owner who rewrites history and re-hashes it (the head at that
-- seq no longer matches), or cuts its tail (the chain is shorter than a checkpoint). Append-only, as the chain is.
create table audit_checkpoint (
    seq       bigint       primary key,
    head_hash varchar(64)  not null,
    made_at   timestamptz  not null,
    key_id    varchar(64)  not null,
    seal      text         not null
);

create trigger audit_checkpoint_append_only before update or delete on audit_checkpoint
    for each row execute function audit_entry_is_append_only();
create trigger audit_checkpoint_no_truncate before truncate on audit_checkpoint
    for each statement execute function audit_entry_is_append_only();
