-- The school's units in the one scope form every module uses (DataScope.where): its own unit, its education
-- bureau, its police station and its township, kept by PostgreSQL from the separate columns.
alter table school
    add column unit_ids bigint[] generated always as
        (array_remove(array[organisation_id, education_bureau_id, police_station_id, township_id], null)) stored;
create index school_units_idx on school using gin (unit_ids);
