-- Whether the assigning office asked for evidence (a photo, a document) with the completion report.
alter table rectification_task add column evidence_required boolean not null default false;
