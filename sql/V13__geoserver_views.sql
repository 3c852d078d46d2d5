-- Views an external GeoServer publishes (issue 14, docs/geoserver.md). One parameter-free view per
-- audience and kind; GeoServer filters each featuretype by a CQL filter on territory, indicator, level
-- and SRID, as MapServer's layers do. They only join the audience's own family (values with
-- disclosure control applied, geometry of open territories), so a GeoServer connected as a reader
-- role sees exactly what that audience may see. Not GeoServer SQL views: those break across upgrades.
-- A later migration that drops layer_value, unit_geometry or facility must drop and recreate these.

create view atlas_public.geoserver_layer as
select v.fid, v.territory, v.indicator, v.level, v.code, v.name, v.period, v.stichtag, v.period_label, v.value, v.wert, v.status,
       g.srid, g.geom
from atlas_public.layer_value v join atlas_public.unit_geometry g on g.unit_id = v.unit_id;

create view atlas_internal.geoserver_layer as
select v.fid, v.territory, v.indicator, v.level, v.code, v.name, v.period, v.stichtag, v.period_label, v.value, v.wert, v.status,
       g.srid, g.geom
from atlas_internal.layer_value v join atlas_internal.unit_geometry g on g.unit_id = v.unit_id;

-- the current units of each polygon level (the outline layers)
create view atlas_public.geoserver_outline as
select u.unit_id as fid, t.key as territory, l.key as level, u.code, u.name, g.srid, g.geom
from atlas_public.spatial_unit u join atlas_public.unit_geometry g on g.unit_id = u.unit_id
join atlas_public.unit_level l on l.level_id = u.level_id join atlas_public.territory t on t.territory_id = u.territory_id
where u.valid_to is null and l.geometry_kind = 'polygon';

create view atlas_internal.geoserver_outline as
select u.unit_id as fid, t.key as territory, l.key as level, u.code, u.name, g.srid, g.geom
from atlas_internal.spatial_unit u join atlas_internal.unit_geometry g on g.unit_id = u.unit_id
join atlas_internal.unit_level l on l.level_id = u.level_id join atlas_internal.territory t on t.territory_id = u.territory_id
where u.valid_to is null and l.geometry_kind = 'polygon';

create view atlas_public.geoserver_facility as
select f.facility_id as fid, t.key as territory, f.facility_type, f.code, f.name, f.srid, f.geom
from atlas_public.facility f join atlas_public.territory t on t.territory_id = f.territory_id;

create view atlas_internal.geoserver_facility as
select f.facility_id as fid, t.key as territory, f.facility_type, f.code, f.name, f.srid, f.geom
from atlas_internal.facility f join atlas_internal.territory t on t.territory_id = f.territory_id;

grant select on atlas_public.geoserver_layer, atlas_public.geoserver_outline, atlas_public.geoserver_facility
    to atlas_public_reader, atlas_internal_reader;
grant select on atlas_internal.geoserver_layer, atlas_internal.geoserver_outline, atlas_internal.geoserver_facility
    to atlas_internal_reader;
