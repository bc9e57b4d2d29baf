-- Key persons (重点人员): police-only at every layer. ID and phone numbers are stored only as AES-256-GCM
-- ciphertexts ("<key id>:<base64 nonce|ciphertext|tag>") and the ID number also as a keyed HMAC-SHA256 for
-- exact-match search; the keys live outside the database.
create table key_person_category (
    code         varchar(40)  primary key,
    label        varchar(60)  not null unique,
    sort_order   int          not null,
    low_days     int          not null check (low_days between 1 and 365),
    medium_days  int          not null check (medium_days between 1 and 365),
    high_days    int          not null check (high_days between 1 and 365),
    source       varchar(200) not null
);
insert into key_person_category (code, label, sort_order, low_days, medium_days, high_days, source) values
  ('MENTAL_DISORDER',   '易肇事肇祸精神障碍患者',       1, 30, 14, 7, '种子000 §三(二)；种子003 §二(三)；种子004 §三(三)'),
  ('SCHOOL_DISPUTE',    '因涉校矛盾纠纷扬言报复人员',   2, 30, 14, 7, '种子000 §三(二)；种子003 §二(三)'),
  ('PETITIONER',        '重点上访人员',                 3, 60, 30, 14, '种子000 §三(二)；种子003 §二(三)'),
  ('DISAFFECTED',       '心理失衡对社会不满人员',       4, 30, 14, 7, '种子000 §三(二)；种子003 §二(三)'),
  ('DRUG_USER',         '吸毒人员',                     5, 60, 30, 14, '种子000 §三(二)；种子003 §二(三)'),
  ('RELEASED_OR_CORRECTION', '刑满释放/社区矫正人员',   6, 60, 30, 14, '种子000 §三(二)；种子001 §三.2；种子004 §三(三)'),
  ('SCHOOL_OFFENDER',   '曾因涉校违法犯罪被处理人员',   7, 30, 14, 7, '种子003 §二(三)');

create table key_person (
    id                 bigint generated always as identity primary key,
    name               varchar(50)   not null,
    id_number_cipher   varchar(200)  not null,
    id_number_hmac     varchar(64)   not null,
    phone_cipher       varchar(200),
    address            varchar(200)  not null,
    longitude          numeric(9, 6),
    latitude           numeric(9, 6),
    station_id         bigint        not null,
    officer            varchar(50)   not null,
    risk               varchar(10)   not null,
    category           varchar(40)   not null references key_person_category (code),
    status             varchar(20)   not null,
    status_reason      varchar(500),
    review_date        date,
    controlled_since   date          not null,
    measures           text,
    guardians          varchar(500),
    community_contacts varchar(500),
    visit_interval_days int check (visit_interval_days between 1 and 365),
    last_visit_date    date,
    next_visit_due     date,
    created_by         varchar(50)   not null,
    created_at         timestamptz   not null,
    version            int           not null default 0,
    -- the one data-scope rule: the responsible station's unit; a county or city user's scope holds every unit below it
    unit_ids           bigint[] generated always as (array[station_id]) stored
);
create index key_person_unit_ids_idx on key_person using gin (unit_ids);
create index key_person_hmac_idx on key_person (id_number_hmac);
create index key_person_due_idx on key_person (next_visit_due) where status = 'UNDER_CONTROL';

create table key_person_visit (
    id            bigint generated always as identity primary key,
    key_person_id bigint       not null references key_person (id),
    visited_on    date         not null,
    officer       varchar(50)  not null,
    findings      varchar(2000) not null,
    recorded_by   varchar(50)  not null,
    recorded_at   timestamptz  not null
);
create index key_person_visit_person_idx on key_person_visit (key_person_id, visited_on desc);

create table key_person_step (
    id            bigint generated always as identity primary key,
    key_person_id bigint       not null references key_person (id),
    action        varchar(20)  not null,
    actor         varchar(50)  not null,
    at            timestamptz  not null,
    reason        varchar(500),
    review_date   date,
    detail        varchar(500)
);
create index key_person_step_person_idx on key_person_step (key_person_id, id);

-- schools within the configured radius, computed from the school registry's coordinates
create table key_person_school (
    key_person_id bigint       not null references key_person (id),
    school_id     bigint       not null,
    school_name   varchar(100) not null,
    distance_m    int          not null,
    primary key (key_person_id, school_id)
);
create index key_person_school_school_idx on key_person_school (school_id);
