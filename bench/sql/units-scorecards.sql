-- Scorecards for the benchmark province (units-province.sql first): the province's catalogue of 100 indicators for
-- this year, published (10 groups of 9 leaves; leaves alternate measured by the suite and by a reviewer, some apply
-- to villages only, some to townships and county organs only), three dossier entries per unit (two activities and a
-- document, under leaf codes), and a self score and a reviewer's score on one reviewer-measured leaf per unit.
insert into indicator_catalogue (id, owner_unit_id, campaign_year, edition, title, state, published_at, published_by,
                                 created_at, created_by, updated_at, updated_by, version)
values (md5('bench-catalogue')::uuid, md5('620000000000')::uuid, extract(year from current_date)::int, 1,
        '基准测评指标', 'PUBLISHED', now() - interval '1 day', 'bench', now() - interval '1 day', 'bench',
        now() - interval '1 day', 'bench', 0);

insert into indicator (id, catalogue_id, code, position, parent_code, title_zh, titles, points, unit_kinds, domains,
                       measured_by, expected_documents, expected_activities)
select md5('bench-indicator-' || code)::uuid, md5('bench-catalogue')::uuid, code, position, parent, '指标 ' || code,
       jsonb_build_object('zh', '指标 ' || code), points, unit_kinds, '{}'::text[], measured_by, documents, activities
from (select 'B' || g as code, (g - 1) * 10 as position, null as parent, 9.00 as points, '{}'::text[] as unit_kinds,
             'SUITE' as measured_by, 0 as documents, '{}'::jsonb as activities
      from generate_series(1, 10) g
      union all
      select 'B' || g || '.' || l, (g - 1) * 10 + l, 'B' || g, 1.00,
             case when l = 8 then '{VILLAGE}'::text[] when l = 9 then '{TOWNSHIP,ORGAN}'::text[] else '{}'::text[] end,
             case when l % 2 = 0 then 'REVIEWER' else 'SUITE' end,
             case when l % 3 = 0 then 1 else 0 end,
             case when l % 3 = 0 then '{}'::jsonb else jsonb_build_object('PUBLICITY', 1 + l % 2) end
      from generate_series(1, 10) g, generate_series(1, 9) l) rows;

insert into dossier_entry (id, entry_type, unit_id, kind, entry_date, title, indicator_codes, place, attendees, summary,
                           doc_number, issuer, created_at, created_by, updated_at, updated_by, version)
select md5('bench-entry-' || u.code || '-' || n)::uuid,
       case when n = 3 then 'DOCUMENT' else 'ACTIVITY' end, u.id,
       case when n = 3 then 'DOCUMENT' else 'PUBLICITY' end,
       greatest(date_trunc('year', current_date)::date, current_date - 1 - (abs(hashtext(u.code)) + n) % 60),
       '创建活动 ' || n,
       array['B' || (1 + (abs(hashtext(u.code)) + n) % 10) || '.' || (1 + (abs(hashtext(u.code)) + 2 * n) % 9)],
       case when n = 3 then null else '会议室' end, case when n = 3 then null else 20 end,
       case when n = 3 then null else '宣讲' end,
       case when n = 3 then 'BENCH-' || u.code end, case when n = 3 then '办公室' end,
       now() - interval '1 day', 'bench', now() - interval '1 day', 'bench', 0
from unit u, generate_series(1, 3) n
where u.created_by = 'bench';

insert into indicator_score (id, unit_id, catalogue_id, code, kind, score, note, recorded_at, recorded_by)
select md5('bench-score-' || u.code || '-' || s.given)::uuid, u.id, md5('bench-catalogue')::uuid,
       'B' || (1 + abs(hashtext(u.code)) % 10) || '.' || (2 * (1 + abs(hashtext(u.code)) % 3)),
       s.given, case when s.given = 'SELF' then 1.00 else 0.50 end, null, now() - interval '1 day', 'bench'
from unit u, unnest(array['SELF', 'REVIEW']) s (given)
where u.created_by = 'bench';

vacuum analyze indicator;
vacuum analyze dossier_entry;
vacuum analyze indicator_score;
