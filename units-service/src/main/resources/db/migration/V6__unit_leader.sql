-- The unit's current principal leader (一把手), as its people records say, kept on the unit row: changing it
-- rewrites the row, so the change feed (GET /units/changes, ordered by change_txid) carries it to the services
-- whose agreements the leader signed.
alter table unit
    add column leader_person_id uuid,
    add column leader_name      text,
    add column leader_from      date,
    -- the username of the leader's account, while it is active: the caller who alone signs for the unit
    add column leader_account   varchar(64);

-- The readiness profile's leader and liaison come from the people records from now on: what was typed into a
-- profile before becomes a record (from the day it was typed), so no unit loses an item it had; a unit whose
-- people of that role are already recorded keeps its records as they are (a leader who left stays gone).
insert into person (id, unit_id, role, name_zh, phone, from_date, created_at, created_by, updated_at, updated_by, version)
select gen_random_uuid(), r.unit_id, 'LEADER', r.principal_leader_name, r.principal_leader_phone,
       least(r.updated_at::date, current_date), now(), 'migration', now(), 'migration', 0
from unit_readiness r
where r.principal_leader_name is not null
  and not exists (select 1 from person p where p.unit_id = r.unit_id and p.role = 'LEADER');

insert into person (id, unit_id, role, name_zh, phone, from_date, created_at, created_by, updated_at, updated_by, version)
select gen_random_uuid(), r.unit_id, 'LIAISON', r.liaison_name, r.liaison_phone,
       least(r.updated_at::date, current_date), now(), 'migration', now(), 'migration', 0
from unit_readiness r
where r.liaison_name is not null
  and not exists (select 1 from person p where p.unit_id = r.unit_id and p.role = 'LIAISON');

update unit u set leader_person_id = p.id, leader_name = p.name_zh, leader_from = p.from_date,
    leader_account = case when p.account_state = 'ACTIVE' then p.account_username end
from person p
where p.unit_id = u.id and p.role = 'LEADER' and p.from_date <= current_date
  and (p.to_date is null or p.to_date >= current_date);
