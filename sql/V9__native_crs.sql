-- Native CRS everywhere: a territory may use any projected EPSG system in metres that PostGIS knows
-- (25832, 25833, the Gauß-Krüger zones 31466-31469, 3035, ...), and no geometry column that a
-- query reads across territories mixes SRIDs behind the query's back.
--
-- Why: MapServer pushes its bounding-box test (and for WFS and feature info the exact
-- ST_Intersects) down into the scan of the shared geometry relation. Köln's EPSG:25832 and a
-- Saxon territory's EPSG:25833 coordinates overlap numerically, so rows of the other territory
-- reached ST_Intersects and PostGIS refused the mixed SRIDs. Every geometry row therefore carries
-- its SRID, the layer queries select their territory's SRID on the geometry relation itself, and
-- the spatial indexes lead with the SRID, so an index scan never returns another SRID's rows.

-- One rule for which coordinate systems a territory may use (the catalogue import asks it too):
-- projected, in metres (the generalisation tolerances and map scales are metres), known to PostGIS.
create function atlas.projected_srid(code integer) returns boolean language sql stable as $$
    select exists (select 1 from public.spatial_ref_sys s
                   where s.srid = code and s.auth_name = 'EPSG' and s.srtext like 'PROJCS[%'
                     and s.proj4text like '%+units=m %')
$$;

alter table atlas.territory drop constraint territory_srid_check;

create function atlas.check_territory_srid() returns trigger language plpgsql as $$
begin
    if not atlas.projected_srid(new.srid) then
        raise exception 'EPSG:% is not a projected coordinate system in metres known to PostGIS', new.srid
            using errcode = 'check_violation';
    end if;
    if tg_op = 'UPDATE' and new.srid <> old.srid
       and exists (select 1 from atlas.spatial_unit u where u.territory_id = new.territory_id) then
        raise exception 'territory % has boundaries in EPSG:%; its SRID cannot change', new.key, old.srid
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger territory_srid before insert or update of srid on atlas.territory
    for each row execute function atlas.check_territory_srid();

-- The SRID beside each geometry, generated so it can never disagree with it.
alter table atlas.spatial_unit add column srid integer generated always as (st_srid(geom)) stored;
alter table atlas.facility add column srid integer generated always as (st_srid(geom)) stored;

drop index atlas.spatial_unit_geom_5_idx, atlas.spatial_unit_geom_25_idx, atlas.spatial_unit_geom_125_idx,
    atlas.spatial_unit_geom_500_idx;
create index spatial_unit_srid_geom_idx on atlas.spatial_unit using gist (srid, geom);
create index spatial_unit_srid_geom_5_idx on atlas.spatial_unit using gist (srid, geom_5);
create index spatial_unit_srid_geom_25_idx on atlas.spatial_unit using gist (srid, geom_25);
create index spatial_unit_srid_geom_125_idx on atlas.spatial_unit using gist (srid, geom_125);
create index spatial_unit_srid_geom_500_idx on atlas.spatial_unit using gist (srid, geom_500);
create index facility_srid_geom_idx on atlas.facility using gist (srid, geom);

drop view atlas_internal.unit_geometry;
create view atlas_internal.unit_geometry as
select u.unit_id, u.srid, u.geom, u.geom_5, u.geom_25, u.geom_125, u.geom_500 from atlas.spatial_unit u;

drop materialized view atlas_public.unit_geometry;
create materialized view atlas_public.unit_geometry as
select u.unit_id, u.srid, u.geom, u.geom_5, u.geom_25, u.geom_125, u.geom_500 from atlas.spatial_unit u
where u.territory_id in (select territory_id from atlas.v_territory_publication where published >= min_published);
create unique index unit_geometry_key on atlas_public.unit_geometry (unit_id);
create index unit_geometry_geom on atlas_public.unit_geometry using gist (srid, geom);
create index unit_geometry_geom_5 on atlas_public.unit_geometry using gist (srid, geom_5);
create index unit_geometry_geom_25 on atlas_public.unit_geometry using gist (srid, geom_25);
create index unit_geometry_geom_125 on atlas_public.unit_geometry using gist (srid, geom_125);
create index unit_geometry_geom_500 on atlas_public.unit_geometry using gist (srid, geom_500);

drop view atlas_internal.facility;
create view atlas_internal.facility as
select f.facility_id, f.territory_id, f.code, f.name, f.facility_type, f.unit_id, f.srid, f.geom
from atlas.facility f where f.valid_to is null;

drop view atlas_public.facility;
create view atlas_public.facility as
select f.facility_id, f.territory_id, f.code, f.name, f.facility_type, f.unit_id, f.srid, f.geom
from atlas.facility f join atlas_public.territory t on t.territory_id = f.territory_id and t.live
where f.valid_to is null;

grant select on atlas_public.unit_geometry to atlas_public_reader, atlas_internal_reader;
grant select on atlas_internal.unit_geometry to atlas_internal_reader;
grant select on atlas_internal.facility to atlas_internal_reader;
grant select on atlas_public.facility to atlas_public_reader, atlas_internal_reader;
