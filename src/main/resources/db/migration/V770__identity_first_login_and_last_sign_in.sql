-- Accounts opened in bulk (or given a password by an administrator) carry a one-time password: the holder must
-- choose their own at first sign-in. The last interactive sign-in is kept for the administrators' user list.
alter table user_account add column must_change_password boolean not null default false;
alter table user_account add column last_login_at timestamptz;
-- Units can be switched off (merged, closed) without losing the history that points at them: a disabled unit is
-- no longer offered when opening accounts or choosing a parent.
alter table organisation add column enabled boolean not null default true;
