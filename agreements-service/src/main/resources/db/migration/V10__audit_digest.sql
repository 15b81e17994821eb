-- How each entry's hash was taken: SHA-256, or SM3 (GB/T 32905) where a deployment's cryptography is assessed
-- (密评, GB/T 39786). Set per entry, so a deployment that switches keeps every earlier entry verifiable; an SM3
-- entry names its digest inside what it hashes, so the name cannot be changed afterwards either.
alter table audit_entry add column digest varchar(8) not null default 'SHA-256';
alter table audit_entry add constraint audit_entry_digest check (digest in ('SHA-256', 'SM3'));
