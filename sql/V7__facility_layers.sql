-- Facilities (schools, Kitas, youth centres, ...) as point layers: the current ones of a territory.
-- The public sees them once the territory's public area is open, like its boundaries.

create view atlas_internal.facility as
select f.facility_id, f.territory_id, f.code, f.name, f.facility_type, f.unit_id, f.geom
from atlas.facility f where f.valid_to is null;

create view atlas_public.facility as
select f.facility_id, f.territory_id, f.code, f.name, f.facility_type, f.unit_id, f.geom
from atlas.facility f join atlas_public.territory t on t.territory_id = f.territory_id and t.live
where f.valid_to is null;

grant select on atlas_internal.facility to atlas_internal_reader;
grant select on atlas_public.facility to atlas_public_reader, atlas_internal_reader;
