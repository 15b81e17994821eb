-- The inbox's tables are the same in every service that keeps one (platform-data's InboxStore): an item is about
-- one record, here a task.
alter table inbox_item rename column task_id to about_id;
