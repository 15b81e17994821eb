-- Who led party B's unit when it signed, as units-service said (its people record id and name), and the token
-- subject that signed for party B. When the unit feed later shows another principal leader (or none), an agreement in
-- force is flagged: leader_changed_at and the new leader (null ids: no leader any more). A signature by the new
-- leader clears the flag and records them as the signing leader.
-- Agreements signed before this migration record no leader: a change of leader cannot be told for them.
alter table agreement
    add column signing_leader_person_id uuid,
    add column signing_leader_name      text,
    add column party_b_signer           varchar(255),
    add column leader_changed_at        timestamptz,
    add column new_leader_person_id     uuid,
    add column new_leader_name          text;

update agreement a set party_b_signer = (
    select s.signer_subject from signature s
    where s.agreement_id = a.id and s.kind = 'SIGN' order by s.signed_at desc limit 1)
where a.state <> 'ISSUED';

-- GET /agreements?resigningNeeded=true, and the feed finding a page's units' agreements in force (agreement_unit
-- already serves the latter)
create index agreement_resigning on agreement (unit_path) where leader_changed_at is not null;
