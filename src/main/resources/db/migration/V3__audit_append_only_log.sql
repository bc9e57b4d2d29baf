-- Append-only audit log (等保 2.0): who, when, from which IP, what. Never updated, never deleted.
create table audit_event (
    id              bigint generated always as identity primary key,
    occurred_at     timestamptz  not null default now(),
    actor           varchar(50),
    organisation_id bigint,
    client_ip       varchar(64),
    action          varchar(40)  not null,
    subject_type    varchar(40),
    subject_id      varchar(64),
    detail          text
);
create index audit_event_occurred_idx on audit_event (occurred_at desc);
create index audit_event_actor_idx on audit_event (actor, occurred_at desc);
create index audit_event_subject_idx on audit_event (subject_type, subject_id);

create function audit_event_is_append_only() returns trigger language plpgsql as
$$
begin
    raise exception '审计日志只能追加，不能修改或删除 (audit_event is append-only)';
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
