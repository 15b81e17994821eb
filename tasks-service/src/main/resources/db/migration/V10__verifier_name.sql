-- Who signed a task off, as people read it in the ledger (their name), beside the login kept for the rules.
alter table rectification_task add column verified_by_name text;
