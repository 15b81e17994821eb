-- A province for the scale benchmark, straight into units-service's database: 1 province (620000000000),
-- 10 prefectures, 100 counties, 1,000 townships, 29,000 villages. Ids are derived from codes (md5) so the
-- other services' rows can point at them without a cross-database join.
insert into unit (id, code, kind, parent_id, path, depth, name_zh, names, search_text,
                  created_at, created_by, updated_at, updated_by, version)
with recursive
province as (select '620000000000'::text as code),
prefecture as (select '62' || lpad(p::text, 2, '0') || '00000000' as code, p from generate_series(1, 10) p),
county as (select '62' || lpad(p::text, 2, '0') || lpad(c::text, 2, '0') || '000000' as code, pr.code as parent
           from prefecture pr, generate_series(1, 10) c),
township as (select substr(co.code, 1, 6) || (100 + t)::text || '000' as code, co.code as parent
             from county co, generate_series(0, 9) t),
village as (select substr(tw.code, 1, 9) || lpad(v::text, 3, '0') as code, tw.code as parent
            from township tw, generate_series(1, 29) v),
levels as (
    select code, 'PROVINCE' as kind, null::text as parent, '/' || code || '/' as path, 0 as depth from province
    union all select code, 'PREFECTURE', '620000000000', '/620000000000/' || code || '/', 1 from prefecture
    union all select co.code, 'COUNTY', co.parent, '/620000000000/' || co.parent || '/' || co.code || '/', 2 from county co
    union all select tw.code, 'TOWNSHIP', tw.parent,
        '/620000000000/' || substr(tw.code, 1, 4) || '00000000/' || tw.parent || '/' || tw.code || '/', 3 from township tw
    union all select vi.code, 'VILLAGE', vi.parent,
        '/620000000000/' || substr(vi.code, 1, 4) || '00000000/' || substr(vi.code, 1, 6) || '000000/' || vi.parent || '/' || vi.code || '/', 4
        from village vi)
select md5(code)::uuid, code, kind, case when parent is null then null else md5(parent)::uuid end, path, depth,
       kind || code, jsonb_build_object('zh', kind || code), lower(code || ' ' || kind || ' ' || kind || code),
       now(), 'bench', now(), 'bench', 0
from levels
order by depth;

insert into unit_readiness (unit_id, score, complete, three_none, created_at, created_by, updated_at, updated_by, version)
select id, 0, false, true, now(), 'bench', now(), 'bench', 0 from unit where created_by = 'bench';
vacuum analyze unit;
vacuum analyze unit_readiness;
