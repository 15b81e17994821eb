-- The dossier (创建档案): the activities a unit held and the documents (文件) it files as the record of its creation
-- work, each under evaluation-indicator codes and optionally a "9+N进" domain. Activities and documents share one
-- table: lists, counts per indicator and the phones' delta sync read them together, in one order. Entries are never
-- deleted; a withdrawal keeps the entry with why, who and when, and it counts no more. Attachments (photos, the
-- document's file) will refer to an entry by its id.
create table dossier_entry (
    id              uuid primary key,
    entry_type      varchar(16)  not null check (entry_type in ('ACTIVITY', 'DOCUMENT')),
    unit_id         uuid         not null references unit (id),
    kind            varchar(32)  not null check (kind in ('PUBLICITY', 'TRAINING', 'PROMOTION_MEETING', 'POLICY_STUDY',
                                                          'SHOWCASE', 'DOCUMENT')),
    entry_date      date         not null,
    title           text         not null,
    -- the codes' form is checked by the service; the catalogue of indicators comes later
    indicator_codes text[]       not null check (cardinality(indicator_codes) between 1 and 10),
    domain_id       uuid references campaign_domain (id),
    -- an activity's
    place           text,
    attendees       int check (attendees >= 0),
    summary         text,
    -- a document's
    doc_number      text,
    issuer          text,
    withdrawn_at    timestamptz,
    withdrawn_by    varchar(255),
    withdraw_reason text,
    -- transaction that last wrote the row: delta sync reads changes in commit-safe order
    change_txid     xid8         not null default pg_current_xact_id(),
    created_at      timestamptz  not null,
    created_by      varchar(255) not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(255) not null,
    version         bigint       not null,
    constraint dossier_entry_kind check ((entry_type = 'DOCUMENT') = (kind = 'DOCUMENT')),
    constraint dossier_document_stated check (entry_type <> 'DOCUMENT' or (doc_number is not null and issuer is not null)),
    constraint dossier_withdrawal check ((withdrawn_at is null) = (withdraw_reason is null)
        and (withdrawn_at is null) = (withdrawn_by is null))
);

-- a unit's entries newest first, and a subtree's (walked in date order, filtered by the unit's path)
create index dossier_entry_unit_date on dossier_entry (unit_id, entry_date desc, id desc);
create index dossier_entry_date on dossier_entry (entry_date desc, id desc);
create index dossier_entry_indicators on dossier_entry using gin (indicator_codes);
create index dossier_entry_change on dossier_entry (change_txid, id);

-- a unit files a document once: the same number again is a retry or a mistake (a withdrawn one may be filed anew)
create unique index dossier_document_number on dossier_entry (unit_id, doc_number)
    where entry_type = 'DOCUMENT' and withdrawn_at is null;

create trigger dossier_entry_change_txid before update on dossier_entry
    for each row execute function unit_touch_change();
