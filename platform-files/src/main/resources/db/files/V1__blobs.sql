-- The bytes of stored files when files.store=postgres: one row per slice of at most 256 KiB, so that
-- neither a write nor a ranged read ever holds a whole file, and a range is served by the primary key.
create table file_chunk (
    blob varchar(64) not null,
    at   bigint      not null,
    data bytea       not null,
    primary key (blob, at)
);

-- Photos, PDFs and videos are compressed already: out of line and uncompressed spares TOAST a useless
-- compression attempt on every slice, and lets a range read fetch only the slices it needs.
alter table file_chunk alter column data set storage external;
