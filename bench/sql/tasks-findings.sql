-- Findings behind the benchmark province's tasks (tasks-province.sql first): one inspection per county, and each task
-- the rectification of a finding at its village that names one of the catalogue's leaf indicators (units-scorecards.sql),
-- so that a scorecard's "at risk" asks tasks-service for real work.
insert into inspection (id, title, start_date, end_date, groups, owner_code, owner_path, created_at, created_by,
                        updated_at, updated_by, version)
select md5('bench-inspection-' || county)::uuid, '督查 ' || county, current_date - 40, current_date - 35, '[]'::jsonb,
       county || '000000', '/620000000000/' || substr(county, 1, 4) || '00000000/' || county || '000000/',
       now() - interval '40 days', 'bench', now() - interval '40 days', 'bench', 0
from (select distinct substr(unit_code, 1, 6) as county from rectification_task where created_by = 'bench') counties;

insert into finding (id, inspection_id, unit_id, unit_code, unit_name, unit_path, category, severity, description,
                     indicator_code, created_at, created_by, updated_at, updated_by, version)
select md5('bench-finding-' || t.id)::uuid, md5('bench-inspection-' || substr(t.unit_code, 1, 6))::uuid, t.unit_id,
       t.unit_code, t.unit_name, t.unit_path, t.category, 'MEDIUM', '发现问题 ' || t.title,
       'B' || (1 + abs(hashtext(t.id::text)) % 10) || '.' || (1 + abs(hashtext(t.id::text)) % 7),
       t.created_at - interval '1 day', 'bench', t.created_at - interval '1 day', 'bench', 0
from rectification_task t
where t.created_by = 'bench' and t.finding_id is null;

update rectification_task t set finding_id = md5('bench-finding-' || t.id)::uuid,
       inspection_id = md5('bench-inspection-' || substr(t.unit_code, 1, 6))::uuid
where t.created_by = 'bench' and t.finding_id is null;

vacuum analyze finding;
vacuum analyze rectification_task;
