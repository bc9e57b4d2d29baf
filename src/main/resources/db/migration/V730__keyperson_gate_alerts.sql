-- 门岗预警: a visitor at a school gate matched a key person under control linked to that school (key_person_school).
-- Police only, like the key person; the school learns nothing but "请勿放行". The key person's ID number is matched
-- through the keyed HMAC column id_number_hmac that V660 already keeps.
create table key_person_gate_alert (
    id            bigint generated always as identity primary key,
    key_person_id bigint      not null references key_person (id),
    school_id     bigint      not null,
    school_name   varchar(200) not null,
    station_id    bigint      not null,
    at            timestamptz not null,
    unit_ids      bigint[] generated always as (array[station_id]) stored
);
create index key_person_gate_alert_unit_ids on key_person_gate_alert using gin (unit_ids);
