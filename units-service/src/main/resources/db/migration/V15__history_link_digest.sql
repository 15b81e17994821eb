-- Each link records the digest it was hashed with: SHA-256 (every link so far), or SM3 where the deployment's
-- cryptography is assessed (units.history.digest); an SM3 link names it among the fields it hashes.
alter table history_link add column digest varchar(8) not null default 'SHA-256';
