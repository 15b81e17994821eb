-- The evaluation indicator (测评指标) a finding puts at risk: its points count as at risk in the unit's scorecard until
-- the finding's tasks are verified. Checked against units-service's catalogue in force when recorded; none for
-- findings made before catalogues, or where no catalogue is in force.
alter table finding add column indicator_code varchar(40);
create index finding_indicator on finding (indicator_code) where indicator_code is not null;
