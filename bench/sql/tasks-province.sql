-- Rectification tasks spread over the benchmark province's villages, rows :from to :to
-- (psql -v from=1 -v to=1000000). States, categories and deadlines cycle; verified ones have a verifier. The overdue
-- ones were flagged by an earlier overdue check, as in a county that has run the suite: the figures are of a steady
-- state, not of the one-time catch-up flagging them (100 per transaction, tasks/OverdueCheck) while they are timed.
insert into rectification_task (id, title, category, measures, unit_id, unit_code, unit_name, unit_path,
    township_code, township_name, responsible_person, cooperating_units, owner_path, deadline, state,
    verified_by, verified_at, overdue_flagged_at, created_at, created_by, updated_at, updated_by, version)
select md5('bench-task-' || g)::uuid, '整改任务 ' || g,
       (array['LEADERSHIP','PUBLICITY','PROGRESS','GUARANTEES','CAPACITY','HIGHLIGHTS','COORDINATION','ATMOSPHERE','BALANCE'])[1 + g % 9],
       '制定整改方案，限期完成', md5(village)::uuid, village, 'VILLAGE' || village,
       '/620000000000/' || substr(village, 1, 4) || '00000000/' || substr(village, 1, 6) || '000000/'
           || substr(village, 1, 9) || '000/' || village || '/',
       substr(village, 1, 9) || '000', 'TOWNSHIP' || substr(village, 1, 9) || '000', '负责人', '[]'::jsonb,
       '/620000000000/' || substr(village, 1, 4) || '00000000/' || substr(village, 1, 6) || '000000/',
       current_date + (g % 90) - 30, state,
       case when state = 'VERIFIED' then 'bench-inspector' end,
       case when state = 'VERIFIED' then now() end,
       case when state <> 'VERIFIED' and current_date + (g % 90) - 30 < current_date then now() - interval '1 day' end,
       now() - interval '10 days', 'bench', now(), 'bench', 0
from (select g,
             '62' || lpad((1 + g % 10)::text, 2, '0') || lpad((1 + (g / 10) % 10)::text, 2, '0')
                 || (100 + (g / 100) % 10)::text || lpad((1 + (g / 1000) % 29)::text, 3, '0') as village,
             (array['ASSIGNED','IN_PROGRESS','SUBMITTED','VERIFIED','REJECTED'])[1 + g % 5] as state
      from generate_series(:from, :to) g) rows;
vacuum analyze rectification_task;
