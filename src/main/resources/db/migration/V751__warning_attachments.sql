-- Files sent with a warning (PDF or photos), checked by their own first bytes; readable by the sender's scope and
-- the receiving schools.
create table warning_attachment (
    id           bigint generated always as identity primary key,
    warning_id   bigint       not null references warning (id),
    file_name    varchar(200) not null,
    content_type varchar(40)  not null,
    size_bytes   int          not null,
    bytes        bytea        not null,
    uploaded_by  varchar(100) not null,
    uploaded_at  timestamptz  not null
);
create index warning_attachment_warning on warning_attachment (warning_id);
create index warning_delivery_unread_order on warning_delivery (warning_id, region_code, school_name, id) where read_at is null;
