-- One-key alarms in shops, homes and 警务室 around a school (护校联防, seed 004 §三(一)) are devices of a venue:
-- the venue's name and address are copied onto the device and its alarms (this module never reads the
-- surroundings tables), the school columns hold the school it protects, station_id the venue's responsible
-- police station. Such a device and its alarms are police data: their units are that station alone.
alter table device add column owner_kind varchar(10) not null default 'SCHOOL';
alter table device add column venue_id bigint;
alter table device add column venue_name varchar(100);
alter table device add column venue_address varchar(200);
alter table device add constraint device_owner_venue check ((owner_kind = 'VENUE') = (venue_id is not null));
create index device_venue on device (venue_id) where venue_id is not null;

alter table device drop column unit_ids;
alter table device add column unit_ids bigint[] generated always as (case when owner_kind = 'VENUE'
    then array_remove(array[station_id], null)
    else array_remove(array[school_org_id, bureau_id, station_id, township_id], null) end) stored;
create index device_units_idx on device using gin (unit_ids);

alter table alarm add column owner_kind varchar(10) not null default 'SCHOOL';
alter table alarm add column venue_id bigint;
alter table alarm add column venue_name varchar(100);
alter table alarm add column venue_address varchar(200);

alter table alarm drop column unit_ids;
alter table alarm add column unit_ids bigint[] generated always as (case when owner_kind = 'VENUE'
    then array_remove(array[station_id], null)
    else array_remove(array[school_org_id, bureau_id, station_id, township_id], null) end) stored;
create index alarm_units_idx on alarm using gin (unit_ids);
