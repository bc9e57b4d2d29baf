-- At 100,000 schools two reads of the unit tree scanned every school on every request:
-- a scope's units (the subtree of the user's unit without its schools, OrganisationStore.scopeIds)
-- and the units of one kind in a region (the police stations of a school list's filter).
create index organisation_unit_path_idx on organisation (path varchar_pattern_ops) where kind <> 'SCHOOL';
create index organisation_kind_region_idx on organisation (kind, region_code varchar_pattern_ops);
