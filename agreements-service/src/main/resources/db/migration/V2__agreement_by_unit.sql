-- A unit's agreements (the gateway's unit page asks for the current year's on every view) were found by
-- reading every agreement: 30,000 in a province, about 8 ms per call.
create index agreement_unit on agreement (unit_id, year);
