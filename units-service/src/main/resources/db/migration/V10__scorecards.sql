-- Scores given to a unit on the indicators of a catalogue: its own (自评) and reviewers' (评审). Kept, never changed:
-- a scorecard read as of a day takes the latest of each kind given by then.
create table indicator_score (
    id           uuid primary key,
    unit_id      uuid          not null references unit (id),
    catalogue_id uuid          not null references indicator_catalogue (id),
    code         varchar(40)   not null,
    kind         varchar(16)   not null check (kind in ('SELF', 'REVIEW')),
    score        numeric(7, 2) not null check (score >= 0),
    note         text,
    recorded_at  timestamptz   not null,
    recorded_by  varchar(255)  not null,
    constraint indicator_score_indicator foreign key (catalogue_id, code) references indicator (catalogue_id, code)
);

create index indicator_score_unit on indicator_score (unit_id, catalogue_id, kind, recorded_at);
