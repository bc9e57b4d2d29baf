-- Photos kept as evidence of a hazard and of its fix.
create table hazard_photo (
    id           bigint generated always as identity primary key,
    hazard_id    bigint       not null references hazard (id),
    content_type varchar(40)  not null,
    size_bytes   int          not null,
    bytes        bytea        not null,
    caption      varchar(100),
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz  not null
);
create index hazard_photo_idx on hazard_photo (hazard_id);
