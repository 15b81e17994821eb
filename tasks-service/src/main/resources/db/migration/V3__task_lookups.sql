-- A unit's own tasks (the gateway's unit page asks for them on every view), and the tasks of one
-- inspection or finding, were found by reading every task: at 1,000,000 tasks a parallel scan of the
-- whole table, about 100 ms and 370 MB of pages per call. With these: under a millisecond.
create index task_unit on rectification_task (unit_id, deadline, id);
create index task_inspection on rectification_task (inspection_id, deadline, id) where inspection_id is not null;
create index task_finding on rectification_task (finding_id, deadline, id) where finding_id is not null;
