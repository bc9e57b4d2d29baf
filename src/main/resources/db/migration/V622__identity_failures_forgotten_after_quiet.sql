-- Failed logins are "in a row" only while they keep coming: after a quiet spell as long as the lock (15 minutes)
-- both the account's count and a source's count start again. Counting from the last failure (not from the first)
-- means one address, held to 3 failures per account until it has been quiet that long, never reaches the 5 that lock.
alter table login_failure rename column window_start to last_failure_at;
alter index login_failure_window_idx rename to login_failure_last_idx;
alter table user_account add column last_failed_at timestamptz;
