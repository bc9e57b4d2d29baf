-- Name search at province scale (issue 16): part of a school's name is found through an index instead of
-- reading every row. Chinese names are searched with two-character words as often as longer ones, and a
-- trigram index cannot serve a pattern shorter than three characters, so there are two indexes:
--   * pg_trgm (gin_trgm_ops) for LIKE '%…%' with three or more characters; the database's ctype is
--     C.UTF-8, where CJK characters are word characters and make trigrams;
--   * the name's two-character pieces (bigrams, as Chinese search engines index CJK text) for a query of
--     exactly two characters, e.g. 实验 or 红梅.
-- Both GIN indexes are written at once (fastupdate off): schools change rarely, and a long pending list
-- (entries waiting for vacuum) would make every search read it and the planner shun the index.
-- The code is searched by its start: a pattern-ops B-tree serves LIKE 'prefix%' under any collation.
create extension if not exists pg_trgm;

create function school_name_bigrams(name text) returns text[]
    language sql immutable strict parallel safe
as $$
    select coalesce(array_agg(distinct substr(name, i, 2)), '{}')
    from generate_series(1, char_length(name) - 1) as i
$$;

alter table school add column name_bigrams text[] generated always as (school_name_bigrams(name)) stored;
create index school_name_bigrams_idx on school using gin (name_bigrams) with (fastupdate = off);
create index school_name_trgm_idx on school using gin (name gin_trgm_ops) with (fastupdate = off);
create index school_code_prefix_idx on school (code varchar_pattern_ops);
