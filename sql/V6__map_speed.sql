-- Map speed: generalised geometry for small scales, and the layer rows of one period by index.
--
-- A GetMap of all of Köln at 256 pixels draws 100 m per pixel from 38,864 vertices; all of
-- Germany at 1,000 pixels draws a kilometre per pixel from millions. Every unit therefore keeps
-- simplified copies of its geometry, and a map request reads the coarsest copy whose tolerance is
-- at most half a pixel on the ground (de.chancenatlas.ogc.Generalization), so the simplification
-- stays invisible. Feature info, WFS and reports always read the full geometry.
-- Generated columns: computed in the same statement that writes the geometry, so they can never
-- disagree with it. The topology-preserving variant keeps every ring, island and hole.

alter table atlas.spatial_unit
    add column geom_5   geometry generated always as (st_simplifypreservetopology(geom, 5)) stored,
    add column geom_25  geometry generated always as (st_simplifypreservetopology(geom, 25)) stored,
    add column geom_125 geometry generated always as (st_simplifypreservetopology(geom, 125)) stored,
    add column geom_500 geometry generated always as (st_simplifypreservetopology(geom, 500)) stored;

-- The layer geometry of both audiences, with the copies; each copy is filtered by its own box.
drop view atlas_internal.unit_geometry;
create view atlas_internal.unit_geometry as
select u.unit_id, u.geom, u.geom_5, u.geom_25, u.geom_125, u.geom_500 from atlas.spatial_unit u;

drop materialized view atlas_public.unit_geometry;
create materialized view atlas_public.unit_geometry as
select u.unit_id, u.geom, u.geom_5, u.geom_25, u.geom_125, u.geom_500 from atlas.spatial_unit u
where u.territory_id in (select territory_id from atlas.v_territory_publication where published >= min_published);
create unique index unit_geometry_key on atlas_public.unit_geometry (unit_id);
create index unit_geometry_geom on atlas_public.unit_geometry using gist (geom);
create index unit_geometry_geom_5 on atlas_public.unit_geometry using gist (geom_5);
create index unit_geometry_geom_25 on atlas_public.unit_geometry using gist (geom_25);
create index unit_geometry_geom_125 on atlas_public.unit_geometry using gist (geom_125);
create index unit_geometry_geom_500 on atlas_public.unit_geometry using gist (geom_500);
create index spatial_unit_geom_5_idx on atlas.spatial_unit using gist (geom_5);
create index spatial_unit_geom_25_idx on atlas.spatial_unit using gist (geom_25);
create index spatial_unit_geom_125_idx on atlas.spatial_unit using gist (geom_125);
create index spatial_unit_geom_500_idx on atlas.spatial_unit using gist (geom_500);

-- WMS TIME becomes a range condition on stichtag: with it in the index, a map reads exactly its
-- period's rows instead of filtering all periods of the layer.
create index layer_value_period on atlas_public.layer_value (territory, indicator, level, stichtag);
create index layer_value_period on atlas_internal.layer_value (territory, indicator, level, stichtag);

grant select on atlas_public.unit_geometry to atlas_public_reader, atlas_internal_reader;
grant select on atlas_internal.unit_geometry to atlas_internal_reader;
