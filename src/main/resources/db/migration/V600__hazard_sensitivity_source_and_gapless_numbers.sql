-- A hazard raised from a police-only (sensitive) checklist item is police-only itself; a hazard raised from an
-- inspection item remembers the form and item, and one failing item has at most one open hazard.
alter table hazard add column sensitive boolean not null default false;
alter table hazard add column source_inspection_id bigint;
alter table hazard add column source_item varchar(60);
create unique index hazard_open_source_uidx on hazard (source_inspection_id, source_item)
    where state <> 'CLOSED' and source_inspection_id is not null;

-- Rectification notice numbers are official numbers: gapless per issuing unit and year, taken from a counter row
-- locked in the transaction that writes the hazard (a sequence would burn numbers on a rolled-back insert).
alter table hazard add column issuer_unit_id bigint;
alter table hazard alter column notice_number type varchar(160);
alter table hazard drop constraint hazard_notice_number_key;
create unique index hazard_notice_number_uidx on hazard (coalesce(issuer_unit_id, 0), notice_number);
create table hazard_notice_counter (
    issuer_unit_id bigint not null,
    year           int    not null,
    last_number    int    not null,
    primary key (issuer_unit_id, year)
);
