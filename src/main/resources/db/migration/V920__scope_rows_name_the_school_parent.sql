-- A data scope above schools names the subtree's units other than the schools (a city
-- bureau of 100,000 schools would otherwise send 100,000 ids with every query, and
-- PostgreSQL compares an array overlap element by element). The scope stays exactly the
-- subtree because every row that names a school also names the school's parent. Rows
-- that name one unit (a report target or submission, a supervision group or recipient,
-- an accountability record's target) were generated as array[unit_id]; they now carry
-- the ids written by the application (Organisations.recordUnitIds): the unit and, for a
-- school, its parent. Existing rows get the parent here.

alter table report_target alter column unit_ids drop expression;
alter table report_submission alter column unit_ids drop expression;
alter table supervision_group alter column unit_ids drop expression;
alter table supervision_notice_recipient alter column unit_ids drop expression;
alter table supervision_accountability alter column unit_ids drop expression;

create function pg_temp.with_school_parents(ids bigint[]) returns bigint[] language sql as $$
    select coalesce(array_agg(distinct x), ids)
    from (select unnest(ids) as x
          union
          select o.parent_id from organisation o where o.id = any(ids) and o.kind = 'SCHOOL' and o.parent_id is not null) s
$$;

update report_target set unit_ids = pg_temp.with_school_parents(unit_ids);
update report_submission set unit_ids = pg_temp.with_school_parents(unit_ids);
update supervision_group set unit_ids = pg_temp.with_school_parents(unit_ids);
update supervision_notice_recipient set unit_ids = pg_temp.with_school_parents(unit_ids);
update supervision_accountability set unit_ids = pg_temp.with_school_parents(unit_ids);
update report_definition set unit_ids = pg_temp.with_school_parents(unit_ids);
update report_notice set unit_ids = pg_temp.with_school_parents(unit_ids);

alter table report_target alter column unit_ids set not null;
alter table report_submission alter column unit_ids set not null;
alter table supervision_group alter column unit_ids set not null;
alter table supervision_notice_recipient alter column unit_ids set not null;
alter table supervision_accountability alter column unit_ids set not null;
