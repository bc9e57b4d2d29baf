-- Every node's console feed learns of a new or changed actionable alarm at once: the row's
-- change is announced on the channel alarm_changed ("id:version") by a trigger, so in the
-- same transaction that stores it (PostgreSQL delivers the notification at commit, and
-- never for a rolled-back change). The feed's poll of changed_at stays as a fallback.
create function alarm_notify_change() returns trigger language plpgsql as $$
begin
    if new.actionable then
        perform pg_notify('alarm_changed', new.id || ':' || new.version);
    end if;
    return null;
end
$$;

create trigger alarm_notify_change after insert or update on alarm
    for each row execute function alarm_notify_change();
