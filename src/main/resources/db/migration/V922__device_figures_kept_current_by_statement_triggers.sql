-- Networking rates at province scale (V921 did the same for schools, forms and compliance):
-- the devices and the devices required to be networked per owner kind, county, station and
-- the units above the school, kept by statement triggers on device. The online part of a
-- rate depends on the clock, so it is not kept: a rate is the required devices less those
-- offline now (no heartbeat since the cutoff, or registration lapsed), which a healthy
-- province has few of; DeviceStore reads them from device_status. Every device has a
-- status row (made with the device); the rows a bulk load may have missed are added here.
insert into device_status (device_id) select d.id from device d
where not exists (select 1 from device_status s where s.device_id = d.id);

-- Devices per owner kind, county, station (0: none) and units above the school.
create table device_figure (
    owner_kind varchar(10) not null,
    region_code varchar(6) not null,
    station_id bigint not null,
    unit_ids bigint[] not null,
    devices bigint not null,
    required bigint not null,
    primary key (owner_kind, region_code, station_id, unit_ids)
);
create index device_figure_unit_ids on device_figure using gin (unit_ids);
create function device_figure_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into device_figure as f (owner_kind, region_code, station_id, unit_ids, devices, required)
        select owner_kind, region_code, station_id, unit_ids, sum(devices), sum(required)
        from (select r.owner_kind as owner_kind, r.region_code as region_code, coalesce(r.station_id, 0) as station_id, case when r.owner_kind = 'VENUE' then array_remove(array[r.station_id], null) else array_remove(array[r.bureau_id, r.station_id, r.township_id], null) end as unit_ids, +(1) as devices, +(case when r.must_be_networked then 1 else 0 end) as required from new_rows r) d
        group by 1, 2, 3, 4 having sum(devices) <> 0 or sum(required) <> 0 order by 1, 2, 3, 4
        on conflict (owner_kind, region_code, station_id, unit_ids) do update set devices = f.devices + excluded.devices, required = f.required + excluded.required;
    elsif tg_op = 'DELETE' then
        insert into device_figure as f (owner_kind, region_code, station_id, unit_ids, devices, required)
        select owner_kind, region_code, station_id, unit_ids, sum(devices), sum(required)
        from (select r.owner_kind as owner_kind, r.region_code as region_code, coalesce(r.station_id, 0) as station_id, case when r.owner_kind = 'VENUE' then array_remove(array[r.station_id], null) else array_remove(array[r.bureau_id, r.station_id, r.township_id], null) end as unit_ids, -(1) as devices, -(case when r.must_be_networked then 1 else 0 end) as required from old_rows r) d
        group by 1, 2, 3, 4 having sum(devices) <> 0 or sum(required) <> 0 order by 1, 2, 3, 4
        on conflict (owner_kind, region_code, station_id, unit_ids) do update set devices = f.devices + excluded.devices, required = f.required + excluded.required;
    else
        insert into device_figure as f (owner_kind, region_code, station_id, unit_ids, devices, required)
        select owner_kind, region_code, station_id, unit_ids, sum(devices), sum(required)
        from (select r.owner_kind as owner_kind, r.region_code as region_code, coalesce(r.station_id, 0) as station_id, case when r.owner_kind = 'VENUE' then array_remove(array[r.station_id], null) else array_remove(array[r.bureau_id, r.station_id, r.township_id], null) end as unit_ids, +(1) as devices, +(case when r.must_be_networked then 1 else 0 end) as required from new_rows r union all select r.owner_kind as owner_kind, r.region_code as region_code, coalesce(r.station_id, 0) as station_id, case when r.owner_kind = 'VENUE' then array_remove(array[r.station_id], null) else array_remove(array[r.bureau_id, r.station_id, r.township_id], null) end as unit_ids, -(1) as devices, -(case when r.must_be_networked then 1 else 0 end) as required from old_rows r) d
        group by 1, 2, 3, 4 having sum(devices) <> 0 or sum(required) <> 0 order by 1, 2, 3, 4
        on conflict (owner_kind, region_code, station_id, unit_ids) do update set devices = f.devices + excluded.devices, required = f.required + excluded.required;
    end if;
    return null;
end $$;
create trigger device_figure_insert after insert on device referencing new table as new_rows
    for each statement execute function device_figure_apply();
create trigger device_figure_update after update on device referencing old table as old_rows new table as new_rows
    for each statement execute function device_figure_apply();
create trigger device_figure_delete after delete on device referencing old table as old_rows
    for each statement execute function device_figure_apply();
insert into device_figure (owner_kind, region_code, station_id, unit_ids, devices, required)
select r.owner_kind, r.region_code, coalesce(r.station_id, 0), case when r.owner_kind = 'VENUE' then array_remove(array[r.station_id], null) else array_remove(array[r.bureau_id, r.station_id, r.township_id], null) end, sum(1), sum(case when r.must_be_networked then 1 else 0 end) from device r group by 1, 2, 3, 4;

