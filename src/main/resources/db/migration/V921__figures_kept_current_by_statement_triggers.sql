-- Figures counted on every request at province scale (100,000 schools): the start page's
-- school statistics, the school list's count, a campaign's progress and to-do counts,
-- the compliance rates. Each is kept in a summary table grouped by the units a scope
-- above schools names (education bureau, police station, township: such a scope names
-- no school, see DataScope) and the columns the figures are filtered by; kept current
-- inside the writing transaction by statement-level triggers over the transition
-- tables: one upsert per group whose count moved (a draft saved again moves none and
-- takes no lock). Exact, not eventually right: FigureSummaryTests recounts each from
-- its table. A scope of one school (the school's own users) reads the table itself.

-- Schools per group: the start page's statistics and the school list's count when no name is searched.
create table school_figure (
    region_code varchar(6) not null,
    police_station_id bigint not null,
    kind varchar(30) not null,
    locality varchar(10) not null,
    boarding boolean not null,
    unit_ids bigint[] not null,
    schools bigint not null,
    students bigint not null,
    primary key (region_code, police_station_id, kind, locality, boarding, unit_ids)
);
create index school_figure_unit_ids on school_figure using gin (unit_ids);
create function school_figure_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into school_figure as f (region_code, police_station_id, kind, locality, boarding, unit_ids, schools, students)
        select region_code, police_station_id, kind, locality, boarding, unit_ids, sum(schools), sum(students)
        from (select r.region_code as region_code, r.police_station_id as police_station_id, r.kind as kind, r.locality as locality, r.boarding as boarding, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null) as unit_ids, +(1) as schools, +(r.students) as students from new_rows r) d
        group by 1, 2, 3, 4, 5, 6 having sum(schools) <> 0 or sum(students) <> 0 order by 1, 2, 3, 4, 5, 6
        on conflict (region_code, police_station_id, kind, locality, boarding, unit_ids) do update set schools = f.schools + excluded.schools, students = f.students + excluded.students;
    elsif tg_op = 'DELETE' then
        insert into school_figure as f (region_code, police_station_id, kind, locality, boarding, unit_ids, schools, students)
        select region_code, police_station_id, kind, locality, boarding, unit_ids, sum(schools), sum(students)
        from (select r.region_code as region_code, r.police_station_id as police_station_id, r.kind as kind, r.locality as locality, r.boarding as boarding, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null) as unit_ids, -(1) as schools, -(r.students) as students from old_rows r) d
        group by 1, 2, 3, 4, 5, 6 having sum(schools) <> 0 or sum(students) <> 0 order by 1, 2, 3, 4, 5, 6
        on conflict (region_code, police_station_id, kind, locality, boarding, unit_ids) do update set schools = f.schools + excluded.schools, students = f.students + excluded.students;
    else
        insert into school_figure as f (region_code, police_station_id, kind, locality, boarding, unit_ids, schools, students)
        select region_code, police_station_id, kind, locality, boarding, unit_ids, sum(schools), sum(students)
        from (select r.region_code as region_code, r.police_station_id as police_station_id, r.kind as kind, r.locality as locality, r.boarding as boarding, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null) as unit_ids, +(1) as schools, +(r.students) as students from new_rows r union all select r.region_code as region_code, r.police_station_id as police_station_id, r.kind as kind, r.locality as locality, r.boarding as boarding, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null) as unit_ids, -(1) as schools, -(r.students) as students from old_rows r) d
        group by 1, 2, 3, 4, 5, 6 having sum(schools) <> 0 or sum(students) <> 0 order by 1, 2, 3, 4, 5, 6
        on conflict (region_code, police_station_id, kind, locality, boarding, unit_ids) do update set schools = f.schools + excluded.schools, students = f.students + excluded.students;
    end if;
    return null;
end $$;
create trigger school_figure_insert after insert on school referencing new table as new_rows
    for each statement execute function school_figure_apply();
create trigger school_figure_update after update on school referencing old table as old_rows new table as new_rows
    for each statement execute function school_figure_apply();
create trigger school_figure_delete after delete on school referencing old table as old_rows
    for each statement execute function school_figure_apply();
insert into school_figure (region_code, police_station_id, kind, locality, boarding, unit_ids, schools, students)
select r.region_code, r.police_station_id, r.kind, r.locality, r.boarding, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null), sum(1), sum(r.students) from school r group by 1, 2, 3, 4, 5, 6;

-- Forms per campaign and group: a campaign's progress, its to-do counts (待会签, 待验收, 逾期未报) and its school list's count.
-- A form's unit_ids are SchoolUnits.ids(): the school's own unit first, then its bureau, station and township.
create table inspection_figure (
    campaign_id bigint not null,
    region_code varchar(6) not null,
    state varchar(20) not null,
    due date not null,
    sampled boolean not null,
    cosigned boolean not null,
    unit_ids bigint[] not null,
    forms bigint not null,
    primary key (campaign_id, region_code, state, due, sampled, cosigned, unit_ids)
);
create index inspection_figure_unit_ids on inspection_figure using gin (unit_ids);
create function inspection_figure_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into inspection_figure as f (campaign_id, region_code, state, due, sampled, cosigned, unit_ids, forms)
        select campaign_id, region_code, state, due, sampled, cosigned, unit_ids, sum(forms)
        from (select r.campaign_id as campaign_id, r.region_code as region_code, r.state as state, r.due as due, r.sampled as sampled, r.cosigned_by is not null as cosigned, r.unit_ids[2:] as unit_ids, +(1) as forms from new_rows r) d
        group by 1, 2, 3, 4, 5, 6, 7 having sum(forms) <> 0 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (campaign_id, region_code, state, due, sampled, cosigned, unit_ids) do update set forms = f.forms + excluded.forms;
    elsif tg_op = 'DELETE' then
        insert into inspection_figure as f (campaign_id, region_code, state, due, sampled, cosigned, unit_ids, forms)
        select campaign_id, region_code, state, due, sampled, cosigned, unit_ids, sum(forms)
        from (select r.campaign_id as campaign_id, r.region_code as region_code, r.state as state, r.due as due, r.sampled as sampled, r.cosigned_by is not null as cosigned, r.unit_ids[2:] as unit_ids, -(1) as forms from old_rows r) d
        group by 1, 2, 3, 4, 5, 6, 7 having sum(forms) <> 0 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (campaign_id, region_code, state, due, sampled, cosigned, unit_ids) do update set forms = f.forms + excluded.forms;
    else
        insert into inspection_figure as f (campaign_id, region_code, state, due, sampled, cosigned, unit_ids, forms)
        select campaign_id, region_code, state, due, sampled, cosigned, unit_ids, sum(forms)
        from (select r.campaign_id as campaign_id, r.region_code as region_code, r.state as state, r.due as due, r.sampled as sampled, r.cosigned_by is not null as cosigned, r.unit_ids[2:] as unit_ids, +(1) as forms from new_rows r union all select r.campaign_id as campaign_id, r.region_code as region_code, r.state as state, r.due as due, r.sampled as sampled, r.cosigned_by is not null as cosigned, r.unit_ids[2:] as unit_ids, -(1) as forms from old_rows r) d
        group by 1, 2, 3, 4, 5, 6, 7 having sum(forms) <> 0 order by 1, 2, 3, 4, 5, 6, 7
        on conflict (campaign_id, region_code, state, due, sampled, cosigned, unit_ids) do update set forms = f.forms + excluded.forms;
    end if;
    return null;
end $$;
create trigger inspection_figure_insert after insert on inspection referencing new table as new_rows
    for each statement execute function inspection_figure_apply();
create trigger inspection_figure_update after update on inspection referencing old table as old_rows new table as new_rows
    for each statement execute function inspection_figure_apply();
create trigger inspection_figure_delete after delete on inspection referencing old table as old_rows
    for each statement execute function inspection_figure_apply();
insert into inspection_figure (campaign_id, region_code, state, due, sampled, cosigned, unit_ids, forms)
select r.campaign_id, r.region_code, r.state, r.due, r.sampled, r.cosigned_by is not null, r.unit_ids[2:], sum(1) from inspection r group by 1, 2, 3, 4, 5, 6, 7;

-- Compliance rates per group: the rates page (per county, per station).
create table compliance_figure (
    region_code varchar(6) not null,
    police_station_id bigint not null,
    unit_ids bigint[] not null,
    schools bigint not null,
    compliant bigint not null,
    closed_management_yes bigint not null,
    closed_management_all bigint not null,
    one_key_alarm_installed_yes bigint not null,
    one_key_alarm_installed_all bigint not null,
    one_key_alarm_networked_yes bigint not null,
    one_key_alarm_networked_all bigint not null,
    video_networked_yes bigint not null,
    video_networked_all bigint not null,
    urban_full_time_guards_yes bigint not null,
    urban_full_time_guards_all bigint not null,
    primary key (region_code, police_station_id, unit_ids)
);
create index compliance_figure_unit_ids on compliance_figure using gin (unit_ids);
create function compliance_figure_apply() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into compliance_figure as f (region_code, police_station_id, unit_ids, schools, compliant, closed_management_yes, closed_management_all, one_key_alarm_installed_yes, one_key_alarm_installed_all, one_key_alarm_networked_yes, one_key_alarm_networked_all, video_networked_yes, video_networked_all, urban_full_time_guards_yes, urban_full_time_guards_all)
        select region_code, police_station_id, unit_ids, sum(schools), sum(compliant), sum(closed_management_yes), sum(closed_management_all), sum(one_key_alarm_installed_yes), sum(one_key_alarm_installed_all), sum(one_key_alarm_networked_yes), sum(one_key_alarm_networked_all), sum(video_networked_yes), sum(video_networked_all), sum(urban_full_time_guards_yes), sum(urban_full_time_guards_all)
        from (select r.region_code as region_code, r.police_station_id as police_station_id, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null) as unit_ids, +(1) as schools, +(case when r.compliant then 1 else 0 end) as compliant, +(case when r.closed_management = 'Y' then 1 else 0 end) as closed_management_yes, +(case when r.closed_management is null then 0 else 1 end) as closed_management_all, +(case when r.one_key_alarm_installed = 'Y' then 1 else 0 end) as one_key_alarm_installed_yes, +(case when r.one_key_alarm_installed is null then 0 else 1 end) as one_key_alarm_installed_all, +(case when r.one_key_alarm_networked = 'Y' then 1 else 0 end) as one_key_alarm_networked_yes, +(case when r.one_key_alarm_networked is null then 0 else 1 end) as one_key_alarm_networked_all, +(case when r.video_networked = 'Y' then 1 else 0 end) as video_networked_yes, +(case when r.video_networked is null then 0 else 1 end) as video_networked_all, +(case when r.urban_full_time_guards = 'Y' then 1 else 0 end) as urban_full_time_guards_yes, +(case when r.urban_full_time_guards is null then 0 else 1 end) as urban_full_time_guards_all from new_rows r) d
        group by 1, 2, 3 having sum(schools) <> 0 or sum(compliant) <> 0 or sum(closed_management_yes) <> 0 or sum(closed_management_all) <> 0 or sum(one_key_alarm_installed_yes) <> 0 or sum(one_key_alarm_installed_all) <> 0 or sum(one_key_alarm_networked_yes) <> 0 or sum(one_key_alarm_networked_all) <> 0 or sum(video_networked_yes) <> 0 or sum(video_networked_all) <> 0 or sum(urban_full_time_guards_yes) <> 0 or sum(urban_full_time_guards_all) <> 0 order by 1, 2, 3
        on conflict (region_code, police_station_id, unit_ids) do update set schools = f.schools + excluded.schools, compliant = f.compliant + excluded.compliant, closed_management_yes = f.closed_management_yes + excluded.closed_management_yes, closed_management_all = f.closed_management_all + excluded.closed_management_all, one_key_alarm_installed_yes = f.one_key_alarm_installed_yes + excluded.one_key_alarm_installed_yes, one_key_alarm_installed_all = f.one_key_alarm_installed_all + excluded.one_key_alarm_installed_all, one_key_alarm_networked_yes = f.one_key_alarm_networked_yes + excluded.one_key_alarm_networked_yes, one_key_alarm_networked_all = f.one_key_alarm_networked_all + excluded.one_key_alarm_networked_all, video_networked_yes = f.video_networked_yes + excluded.video_networked_yes, video_networked_all = f.video_networked_all + excluded.video_networked_all, urban_full_time_guards_yes = f.urban_full_time_guards_yes + excluded.urban_full_time_guards_yes, urban_full_time_guards_all = f.urban_full_time_guards_all + excluded.urban_full_time_guards_all;
    elsif tg_op = 'DELETE' then
        insert into compliance_figure as f (region_code, police_station_id, unit_ids, schools, compliant, closed_management_yes, closed_management_all, one_key_alarm_installed_yes, one_key_alarm_installed_all, one_key_alarm_networked_yes, one_key_alarm_networked_all, video_networked_yes, video_networked_all, urban_full_time_guards_yes, urban_full_time_guards_all)
        select region_code, police_station_id, unit_ids, sum(schools), sum(compliant), sum(closed_management_yes), sum(closed_management_all), sum(one_key_alarm_installed_yes), sum(one_key_alarm_installed_all), sum(one_key_alarm_networked_yes), sum(one_key_alarm_networked_all), sum(video_networked_yes), sum(video_networked_all), sum(urban_full_time_guards_yes), sum(urban_full_time_guards_all)
        from (select r.region_code as region_code, r.police_station_id as police_station_id, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null) as unit_ids, -(1) as schools, -(case when r.compliant then 1 else 0 end) as compliant, -(case when r.closed_management = 'Y' then 1 else 0 end) as closed_management_yes, -(case when r.closed_management is null then 0 else 1 end) as closed_management_all, -(case when r.one_key_alarm_installed = 'Y' then 1 else 0 end) as one_key_alarm_installed_yes, -(case when r.one_key_alarm_installed is null then 0 else 1 end) as one_key_alarm_installed_all, -(case when r.one_key_alarm_networked = 'Y' then 1 else 0 end) as one_key_alarm_networked_yes, -(case when r.one_key_alarm_networked is null then 0 else 1 end) as one_key_alarm_networked_all, -(case when r.video_networked = 'Y' then 1 else 0 end) as video_networked_yes, -(case when r.video_networked is null then 0 else 1 end) as video_networked_all, -(case when r.urban_full_time_guards = 'Y' then 1 else 0 end) as urban_full_time_guards_yes, -(case when r.urban_full_time_guards is null then 0 else 1 end) as urban_full_time_guards_all from old_rows r) d
        group by 1, 2, 3 having sum(schools) <> 0 or sum(compliant) <> 0 or sum(closed_management_yes) <> 0 or sum(closed_management_all) <> 0 or sum(one_key_alarm_installed_yes) <> 0 or sum(one_key_alarm_installed_all) <> 0 or sum(one_key_alarm_networked_yes) <> 0 or sum(one_key_alarm_networked_all) <> 0 or sum(video_networked_yes) <> 0 or sum(video_networked_all) <> 0 or sum(urban_full_time_guards_yes) <> 0 or sum(urban_full_time_guards_all) <> 0 order by 1, 2, 3
        on conflict (region_code, police_station_id, unit_ids) do update set schools = f.schools + excluded.schools, compliant = f.compliant + excluded.compliant, closed_management_yes = f.closed_management_yes + excluded.closed_management_yes, closed_management_all = f.closed_management_all + excluded.closed_management_all, one_key_alarm_installed_yes = f.one_key_alarm_installed_yes + excluded.one_key_alarm_installed_yes, one_key_alarm_installed_all = f.one_key_alarm_installed_all + excluded.one_key_alarm_installed_all, one_key_alarm_networked_yes = f.one_key_alarm_networked_yes + excluded.one_key_alarm_networked_yes, one_key_alarm_networked_all = f.one_key_alarm_networked_all + excluded.one_key_alarm_networked_all, video_networked_yes = f.video_networked_yes + excluded.video_networked_yes, video_networked_all = f.video_networked_all + excluded.video_networked_all, urban_full_time_guards_yes = f.urban_full_time_guards_yes + excluded.urban_full_time_guards_yes, urban_full_time_guards_all = f.urban_full_time_guards_all + excluded.urban_full_time_guards_all;
    else
        insert into compliance_figure as f (region_code, police_station_id, unit_ids, schools, compliant, closed_management_yes, closed_management_all, one_key_alarm_installed_yes, one_key_alarm_installed_all, one_key_alarm_networked_yes, one_key_alarm_networked_all, video_networked_yes, video_networked_all, urban_full_time_guards_yes, urban_full_time_guards_all)
        select region_code, police_station_id, unit_ids, sum(schools), sum(compliant), sum(closed_management_yes), sum(closed_management_all), sum(one_key_alarm_installed_yes), sum(one_key_alarm_installed_all), sum(one_key_alarm_networked_yes), sum(one_key_alarm_networked_all), sum(video_networked_yes), sum(video_networked_all), sum(urban_full_time_guards_yes), sum(urban_full_time_guards_all)
        from (select r.region_code as region_code, r.police_station_id as police_station_id, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null) as unit_ids, +(1) as schools, +(case when r.compliant then 1 else 0 end) as compliant, +(case when r.closed_management = 'Y' then 1 else 0 end) as closed_management_yes, +(case when r.closed_management is null then 0 else 1 end) as closed_management_all, +(case when r.one_key_alarm_installed = 'Y' then 1 else 0 end) as one_key_alarm_installed_yes, +(case when r.one_key_alarm_installed is null then 0 else 1 end) as one_key_alarm_installed_all, +(case when r.one_key_alarm_networked = 'Y' then 1 else 0 end) as one_key_alarm_networked_yes, +(case when r.one_key_alarm_networked is null then 0 else 1 end) as one_key_alarm_networked_all, +(case when r.video_networked = 'Y' then 1 else 0 end) as video_networked_yes, +(case when r.video_networked is null then 0 else 1 end) as video_networked_all, +(case when r.urban_full_time_guards = 'Y' then 1 else 0 end) as urban_full_time_guards_yes, +(case when r.urban_full_time_guards is null then 0 else 1 end) as urban_full_time_guards_all from new_rows r union all select r.region_code as region_code, r.police_station_id as police_station_id, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null) as unit_ids, -(1) as schools, -(case when r.compliant then 1 else 0 end) as compliant, -(case when r.closed_management = 'Y' then 1 else 0 end) as closed_management_yes, -(case when r.closed_management is null then 0 else 1 end) as closed_management_all, -(case when r.one_key_alarm_installed = 'Y' then 1 else 0 end) as one_key_alarm_installed_yes, -(case when r.one_key_alarm_installed is null then 0 else 1 end) as one_key_alarm_installed_all, -(case when r.one_key_alarm_networked = 'Y' then 1 else 0 end) as one_key_alarm_networked_yes, -(case when r.one_key_alarm_networked is null then 0 else 1 end) as one_key_alarm_networked_all, -(case when r.video_networked = 'Y' then 1 else 0 end) as video_networked_yes, -(case when r.video_networked is null then 0 else 1 end) as video_networked_all, -(case when r.urban_full_time_guards = 'Y' then 1 else 0 end) as urban_full_time_guards_yes, -(case when r.urban_full_time_guards is null then 0 else 1 end) as urban_full_time_guards_all from old_rows r) d
        group by 1, 2, 3 having sum(schools) <> 0 or sum(compliant) <> 0 or sum(closed_management_yes) <> 0 or sum(closed_management_all) <> 0 or sum(one_key_alarm_installed_yes) <> 0 or sum(one_key_alarm_installed_all) <> 0 or sum(one_key_alarm_networked_yes) <> 0 or sum(one_key_alarm_networked_all) <> 0 or sum(video_networked_yes) <> 0 or sum(video_networked_all) <> 0 or sum(urban_full_time_guards_yes) <> 0 or sum(urban_full_time_guards_all) <> 0 order by 1, 2, 3
        on conflict (region_code, police_station_id, unit_ids) do update set schools = f.schools + excluded.schools, compliant = f.compliant + excluded.compliant, closed_management_yes = f.closed_management_yes + excluded.closed_management_yes, closed_management_all = f.closed_management_all + excluded.closed_management_all, one_key_alarm_installed_yes = f.one_key_alarm_installed_yes + excluded.one_key_alarm_installed_yes, one_key_alarm_installed_all = f.one_key_alarm_installed_all + excluded.one_key_alarm_installed_all, one_key_alarm_networked_yes = f.one_key_alarm_networked_yes + excluded.one_key_alarm_networked_yes, one_key_alarm_networked_all = f.one_key_alarm_networked_all + excluded.one_key_alarm_networked_all, video_networked_yes = f.video_networked_yes + excluded.video_networked_yes, video_networked_all = f.video_networked_all + excluded.video_networked_all, urban_full_time_guards_yes = f.urban_full_time_guards_yes + excluded.urban_full_time_guards_yes, urban_full_time_guards_all = f.urban_full_time_guards_all + excluded.urban_full_time_guards_all;
    end if;
    return null;
end $$;
create trigger compliance_figure_insert after insert on compliance_school referencing new table as new_rows
    for each statement execute function compliance_figure_apply();
create trigger compliance_figure_update after update on compliance_school referencing old table as old_rows new table as new_rows
    for each statement execute function compliance_figure_apply();
create trigger compliance_figure_delete after delete on compliance_school referencing old table as old_rows
    for each statement execute function compliance_figure_apply();
insert into compliance_figure (region_code, police_station_id, unit_ids, schools, compliant, closed_management_yes, closed_management_all, one_key_alarm_installed_yes, one_key_alarm_installed_all, one_key_alarm_networked_yes, one_key_alarm_networked_all, video_networked_yes, video_networked_all, urban_full_time_guards_yes, urban_full_time_guards_all)
select r.region_code, r.police_station_id, array_remove(array[r.education_bureau_id, r.police_station_id, r.township_id], null), sum(1), sum(case when r.compliant then 1 else 0 end), sum(case when r.closed_management = 'Y' then 1 else 0 end), sum(case when r.closed_management is null then 0 else 1 end), sum(case when r.one_key_alarm_installed = 'Y' then 1 else 0 end), sum(case when r.one_key_alarm_installed is null then 0 else 1 end), sum(case when r.one_key_alarm_networked = 'Y' then 1 else 0 end), sum(case when r.one_key_alarm_networked is null then 0 else 1 end), sum(case when r.video_networked = 'Y' then 1 else 0 end), sum(case when r.video_networked is null then 0 else 1 end), sum(case when r.urban_full_time_guards = 'Y' then 1 else 0 end), sum(case when r.urban_full_time_guards is null then 0 else 1 end) from compliance_school r group by 1, 2, 3;


-- The list orders, read a page at a time from the index rather than sorted whole.
create index school_list_order_idx on school (region_code, name, id);
create index inspection_list_order_idx on inspection (campaign_id, region_code, school_name, id);
