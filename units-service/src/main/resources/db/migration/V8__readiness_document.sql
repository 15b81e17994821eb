-- The readiness profile's leading-group item may link the document of the unit's dossier that set the group up
-- (its number and date are then the document's). The numbers and dates typed into profiles before stay as they
-- are and keep counting: nothing is moved, so nothing is lost.
alter table unit_readiness
    add column leading_group_document_id uuid references dossier_entry (id);
