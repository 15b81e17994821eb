-- Each seal records the signer's own unit (from the token), where it sat, and on which party's behalf
-- the signature was made, so that verification can tell a signer who could not act for that party.
-- Signatures made before this migration have none of it: verification reports them as unproven.
alter table signature add column signer_unit_code varchar(18);
alter table signature add column signer_unit_path text;
alter table signature add column on_behalf_of varchar(10);
