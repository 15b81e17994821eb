-- The people of a unit (its liaison 联络员, leader 一把手 and staff 工作人员), each for one period:
-- from_date to to_date, both days included; to_date stays null while the period runs. Rows are never deleted.
create table person (
    id          uuid primary key,
    unit_id     uuid         not null references unit (id),
    role        varchar(16)  not null check (role in ('LIAISON', 'LEADER', 'STAFF')),
    name_zh     text         not null,
    name_bo     text,
    phone       varchar(20),
    position    text,
    from_date   date         not null,
    to_date     date,
    created_at  timestamptz  not null,
    created_by  varchar(255) not null,
    updated_at  timestamptz  not null,
    updated_by  varchar(255) not null,
    version     bigint       not null,
    constraint person_period check (to_date is null or to_date >= from_date)
);

create index person_unit on person (unit_id, role, from_date);

-- one liaison and one leader at a time per unit (the service locks the unit; this is the backstop)
create unique index person_one_open_sole on person (unit_id, role)
    where to_date is null and role in ('LIAISON', 'LEADER');
