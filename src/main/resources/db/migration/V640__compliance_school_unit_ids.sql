-- The school's units in one array, so that the data scope is the one condition every module uses
-- (DataScope.where: unit_ids && the user's units), with a GIN index.
alter table compliance_school
    add column unit_ids bigint[] generated always as
        (array_remove(array[organisation_id, education_bureau_id, police_station_id, township_id], null)) stored;
create index compliance_school_units_idx on compliance_school using gin (unit_ids);
