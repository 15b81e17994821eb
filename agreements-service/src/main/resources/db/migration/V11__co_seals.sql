-- A deployment that seals with two algorithms (seal.co-key-file) co-seals every signature and audit checkpoint: the
-- co-sealing key and the co-seal, over the same text. Seals made before have none.
alter table signature add column co_key_id varchar(64), add column co_seal text;
alter table audit_checkpoint add column co_key_id varchar(64), add column co_seal text;
