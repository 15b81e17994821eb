-- A deployment that seals with two algorithms (seal.co-key-file) co-seals each checkpoint: the key and the co-seal.
-- Checkpoints made before have none. The table stays append-only.
alter table history_checkpoint add column co_key_id varchar(64), add column co_seal varchar(200);
