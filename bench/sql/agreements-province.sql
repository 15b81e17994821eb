-- One agreement per township and village of the benchmark province (30,000), under one template.
insert into agreement_template (id, family_id, version_no, year, title, clauses, targets, adjustments, pass_mark,
    status, owner_code, owner_path, created_at, created_by, updated_at, updated_by, version)
values (md5('bench-template')::uuid, md5('bench-template')::uuid, 1, 2026, '基准测试责任书', '["条款"]',
        '[{"code":"T1","title":"整改","weight":100,"measure":"MANUAL","category":null}]', '[]', 60, 'PUBLISHED',
        '620000000000', '/620000000000/', now(), 'bench', now(), 'bench', 0);
insert into agreement (id, template_id, year, unit_id, unit_code, unit_name, unit_path, unit_kind, township_code,
    township_name, issuer_code, issuer_path, version_no, state, content, content_hash,
    created_at, created_by, updated_at, updated_by, version)
select md5('bench-agreement-' || code)::uuid, md5('bench-template')::uuid, 2026, md5(code)::uuid, code, 'UNIT' || code,
       '/620000000000/' || substr(code, 1, 4) || '00000000/' || substr(code, 1, 6) || '000000/'
           || case when right(code, 3) = '000' then code || '/' else substr(code, 1, 9) || '000/' || code || '/' end,
       case when right(code, 3) = '000' then 'TOWNSHIP' else 'VILLAGE' end,
       substr(code, 1, 9) || '000', 'TOWNSHIP' || substr(code, 1, 9) || '000',
       substr(code, 1, 6) || '000000', '/620000000000/' || substr(code, 1, 4) || '00000000/' || substr(code, 1, 6) || '000000/',
       1, (array['ISSUED','SIGNED','ACTIVE'])[1 + n % 3], jsonb_build_object('unit', code), md5(code) || md5(code), now(), 'bench', now(), 'bench', 0
from (select code, row_number() over () as n from (
        select '62' || lpad(p::text, 2, '0') || lpad(c::text, 2, '0') || (100 + t)::text || case when v = 0 then '000' else lpad(v::text, 3, '0') end as code
        from generate_series(1, 10) p, generate_series(1, 10) c, generate_series(0, 9) t, generate_series(0, 29) v) codes) numbered;
vacuum analyze agreement;
