-- The police station may declare that it has no sensitive findings (无涉敏问题) instead of answering the
-- police-only items; who and when are kept. History lines about police-only items are police-only.
alter table inspection add column no_sensitive_findings_by varchar(100);
alter table inspection add column no_sensitive_findings_at timestamptz;
alter table inspection_step add column sensitive boolean not null default false;
