-- Evaluation indicators (测评指标): the table a county is judged by at the provincial acceptance check, as data. A
-- catalogue belongs to a region's office (the county's, or a province's for all its counties) and a campaign year; it
-- is edited as a draft, by importing the sheet in which such tables circulate, and once published never changes: a
-- correction is the next edition of the same year, which then applies from its publication on.
create table indicator_catalogue (
    id             uuid primary key,
    owner_unit_id  uuid         not null references unit (id),
    campaign_year  int          not null check (campaign_year between 2000 and 2100),
    edition        int          not null check (edition >= 1),
    title          text         not null,
    state          varchar(16)  not null check (state in ('DRAFT', 'PUBLISHED')),
    published_at   timestamptz,
    published_by   varchar(255),
    created_at     timestamptz  not null,
    created_by     varchar(255) not null,
    updated_at     timestamptz  not null,
    updated_by     varchar(255) not null,
    version        bigint       not null,
    constraint indicator_catalogue_edition unique (owner_unit_id, campaign_year, edition),
    constraint indicator_catalogue_published check ((state = 'PUBLISHED') = (published_at is not null)
        and (published_at is null) = (published_by is null))
);

-- one draft at a time per owner and year: two clerks editing two drafts would publish one over the other
create unique index indicator_catalogue_one_draft on indicator_catalogue (owner_unit_id, campaign_year)
    where state = 'DRAFT';

create table indicator (
    id                  uuid          primary key,
    catalogue_id        uuid          not null references indicator_catalogue (id),
    code                varchar(40)   not null,
    position            int           not null,
    parent_code         varchar(40),
    title_zh            text          not null,
    titles              jsonb         not null,
    points              numeric(7, 2) not null check (points > 0),
    -- empty: every kind of unit, every domain
    unit_kinds          text[]        not null,
    domains             text[]        not null,
    measured_by         varchar(16)   not null check (measured_by in ('SUITE', 'REVIEWER')),
    expected_documents  int           not null check (expected_documents >= 0),
    -- activity kind → how many on file
    expected_activities jsonb         not null,
    constraint indicator_code unique (catalogue_id, code),
    constraint indicator_parent foreign key (catalogue_id, parent_code) references indicator (catalogue_id, code)
        deferrable initially deferred
);

-- the indicators a unit's dossier, findings and targets name, looked up by code across a year's catalogues
create index indicator_by_code on indicator (code);
