-- The two read audiences, each a schema of views with the same names and a database role of its own:
--   atlas_public   – what anonymous users get: published indicators and levels of live territories,
--                    with statistical disclosure control applied. The one place for public rules.
--   atlas_internal – what staff readers get: every indicator with its true values.
-- The read API, OGC layers, exports and reports pick the schema by audience and connect with its
-- role; the roles can read nothing else, so even an injection cannot reach internal tables.

drop materialized view atlas_public.layer_value;
drop view atlas_public.indicator_value;
create schema atlas_internal;

do $$
begin
    if not exists (select from pg_roles where rolname = 'atlas_public_reader') then
        create role atlas_public_reader nologin;
    end if;
    if not exists (select from pg_roles where rolname = 'atlas_internal_reader') then
        create role atlas_internal_reader nologin;
    end if;
end $$;
-- a runaway filter from a client must not hold a connection forever
alter role atlas_public_reader set statement_timeout = '30s';
alter role atlas_internal_reader set statement_timeout = '60s';

------------------------------------------------------------------------------------------------
-- Catalogue views. Public: only live territories' published indicators and levels.

create view atlas_public.territory as
select t.territory_id, t.key, t.name, t.kind, t.ags, t.srid, t.attribution,
       jsonb_strip_nulls(jsonb_build_object('disclosure', t.settings -> 'disclosure', 'publication', t.settings -> 'publication',
                                            'report', t.settings -> 'report')) as settings,
       p.published, p.min_published, p.published >= p.min_published as live
from atlas.territory t join atlas.v_territory_publication p using (territory_id);

create view atlas_internal.territory as
select t.territory_id, t.key, t.name, t.kind, t.ags, t.srid, t.attribution, t.settings,
       p.published, p.min_published, p.published >= p.min_published as live
from atlas.territory t join atlas.v_territory_publication p using (territory_id);

create view atlas_internal.unit_level as select * from atlas.unit_level;
create view atlas_public.unit_level as
select l.* from atlas.unit_level l join atlas_public.territory t on t.territory_id = l.territory_id and t.live;

create view atlas_internal.spatial_unit as select * from atlas.spatial_unit;
create view atlas_public.spatial_unit as
select u.* from atlas.spatial_unit u join atlas_public.territory t on t.territory_id = u.territory_id and t.live;

create view atlas_internal.theme as select * from atlas.theme;
create view atlas_public.theme as
select th.* from atlas.theme th join atlas_public.territory t on t.territory_id = th.territory_id and t.live;

-- Indicators with their description, the levels they are published on and the periods with values.
create view atlas_internal.indicator as
select i.*,
       array(select l.key from atlas.publication p join atlas.unit_level l using (level_id)
             where p.indicator_id = i.indicator_id order by l.rank) as published_levels,
       array(select distinct v.period from atlas.indicator_value v where v.indicator_id = i.indicator_id order by 1) as periods
from atlas.indicator i;

create view atlas_public.indicator as
select i.territory_id, i.indicator_id, i.key, i.theme_id, i.title, i.short_title, i.definition, i.interpretation, i.formula,
       i.numerator_label, i.denominator_label, i.unit_label, i.scale_factor, i.decimals, i.polarity, i.kind, i.aggregation,
       i.source, i.update_cycle, i.department, 'public'::text as visibility, i.counts_public, i.classification, i.sort_order,
       i.published_levels, i.periods
from atlas_internal.indicator i
join atlas_public.territory t on t.territory_id = i.territory_id and t.live
where cardinality(i.published_levels) > 0;

------------------------------------------------------------------------------------------------
-- Values.

create view atlas_internal.indicator_value as
select v.territory_id, v.indicator_id, v.unit_id, v.period, v.value, v.numerator, v.denominator, v.status, v.aggregated,
       atlas.display_value(v.value, i.decimals, v.status) as formatted
from atlas.v_indicator_value v join atlas.indicator i using (indicator_id);

-- Disclosure control (statistical secrecy). Rules per indicator from atlas.v_disclosure_rule:
--  1. primary: a case count (the count itself, or a ratio's numerator) below the threshold is
--     withheld (zero only with suppress_zero, as the Bundesagentur publishes zeros); a value kept
--     secret at source is withheld as well;
--  2. minimum population: no rate for a unit whose population (the territory's population
--     indicator, same unit and period) is below the minimum; an unknown population counts as below;
--  3. secondary: when exactly one unit among the children of a parent is withheld, the sibling
--     with the next-smallest case count is withheld too, so parent minus siblings reveals nothing;
--     a parent whose only child is withheld is withheld itself;
--  4. published counts may be rounded to multiples of round_to (Destatis practice: 5); rates are
--     computed from the exact counts before rounding.
-- Withheld values leave as status 'suppressed' with no figure at all; the reason is not published
-- (telling primary from secondary apart would point at the small one).
-- Materialised: the rules need whole sibling groups, so the view cannot be narrowed to one
-- indicator cheaply; the atlas refreshes it (concurrently) when data or publication change.
create materialized view atlas_public.indicator_value as
with base as (
    -- every value of live territories: the population indicator is needed even where it is not published
    select v.territory_id, v.indicator_id, v.unit_id, v.period, v.value, v.numerator, v.denominator, v.status, v.aggregated,
           u.parent_id, u.level_id, i.kind, i.counts_public, i.decimals,
           r.threshold, r.suppress_zero, r.secondary, r.min_population, r.round_to,
           -- a count of cases; a difference (numerator_may_be_negative, e.g. population change) is none
           case when i.numerator_may_be_negative then null when i.kind = 'count' then v.value when i.kind = 'ratio' then v.numerator end
               as cases,
           max(v.value) filter (where r.is_population) over (partition by v.unit_id, v.period) as population
    from atlas.v_indicator_value v
    join atlas.indicator i on i.indicator_id = v.indicator_id
    join atlas.v_disclosure_rule r on r.indicator_id = v.indicator_id
    join atlas.spatial_unit u on u.unit_id = v.unit_id
    where v.territory_id in (select territory_id from atlas.v_territory_publication where published >= min_published)
),
first_pass as (
    select b.*,
           case when b.status = 'secret' then 'secret'
                when b.cases is not null and b.cases < b.threshold and (b.cases <> 0 or b.suppress_zero) then 'primary'
                when b.kind = 'ratio' and b.min_population > 0 and coalesce(b.population, 0) < b.min_population then 'population'
           end as reason
    from base b
    where exists (select 1 from atlas.publication p where p.indicator_id = b.indicator_id and p.level_id = b.level_id)
),
siblings as (
    select f.*,
           count(*) over w                                      as sibling_count,
           count(*) filter (where f.reason is not null) over w  as withheld_siblings,
           row_number() over (partition by f.indicator_id, f.period, f.parent_id, f.level_id, f.reason is null
                              order by f.cases nulls last, f.value nulls last, f.unit_id) as rank_by_cases
    from first_pass f
    window w as (partition by f.indicator_id, f.period, f.parent_id, f.level_id)
),
second_pass as (
    select s.*,
           coalesce(s.reason, case when s.secondary and s.parent_id is not null and s.withheld_siblings = 1
                                    and s.rank_by_cases = 1 then 'secondary' end) as reason2
    from siblings s
),
lonely as (
    select distinct indicator_id, period, parent_id as unit_id
    from second_pass where secondary and sibling_count = 1 and reason2 is not null and parent_id is not null
),
controlled as (
    select s.*, coalesce(s.reason2, case when l.unit_id is not null then 'secondary' end) as suppression
    from second_pass s left join lonely l using (indicator_id, period, unit_id)
),
published as (
    select c.territory_id, c.indicator_id, c.unit_id, c.period, c.aggregated, c.decimals,
           case when c.suppression is not null then null
                when c.kind = 'count' and c.round_to > 1 then round(c.value / c.round_to) * c.round_to
                else c.value end as value,
           case when c.suppression is not null or not c.counts_public then null
                when c.round_to > 1 then round(c.numerator / c.round_to) * c.round_to
                else c.numerator end as numerator,
           case when c.suppression is not null or not c.counts_public then null
                when c.round_to > 1 then round(c.denominator / c.round_to) * c.round_to
                else c.denominator end as denominator,
           case when c.suppression is not null then 'suppressed' else c.status end as status
    from controlled c
)
select territory_id, indicator_id, unit_id, period, value, numerator, denominator, status, aggregated,
       atlas.display_value(value, decimals, status) as formatted
from published;
create unique index indicator_value_key on atlas_public.indicator_value (indicator_id, unit_id, period);

------------------------------------------------------------------------------------------------
-- Map layers: one row per unit and period of each indicator and polygon level, units without a
-- value present as no_data so maps show them as such. Materialised, because MapServer reads them
-- once per layer and request: the aggregation behind costs 75-300 ms, an index lookup here under a
-- millisecond. Refreshed with atlas_public.indicator_value (concurrently) when the data change.
-- The geometry is joined from spatial_unit per request: copying it per period and indicator made
-- every refresh copy and compare thousands of polygons (seconds instead of milliseconds).

create view atlas.v_layer_frame as
with periods as materialized (select distinct indicator_id, period from atlas.indicator_value)
select i.territory_id, i.indicator_id, l.level_id, i.decimals, t.key as territory, l.key as level, i.key as indicator,
       u.unit_id, u.code, u.name, p.period, make_date(p.period, 12, 31) as stichtag
from atlas.indicator i
join atlas.territory t on t.territory_id = i.territory_id
join atlas.unit_level l on l.territory_id = i.territory_id and l.geometry_kind = 'polygon'
join periods p on p.indicator_id = i.indicator_id
join atlas.spatial_unit u on u.level_id = l.level_id and u.validity @> make_date(p.period, 12, 31);

create materialized view atlas_public.layer_value as
select (f.unit_id * 1000 + (f.period - 1900))::bigint as fid, f.territory, f.level, f.indicator, f.unit_id, f.code, f.name,
       f.period, f.stichtag, v.value::float8 as value, coalesce(v.formatted, 'x') as wert, coalesce(v.status, 'no_data') as status
from atlas.v_layer_frame f
join atlas.publication p on p.indicator_id = f.indicator_id and p.level_id = f.level_id
left join atlas_public.indicator_value v on v.indicator_id = f.indicator_id and v.unit_id = f.unit_id and v.period = f.period
where f.territory_id in (select territory_id from atlas.v_territory_publication where published >= min_published);
create unique index layer_value_key on atlas_public.layer_value (territory, indicator, level, fid);

-- The layers' geometry, joined per request (MapServer plans every query anew: a plain table keeps
-- that at a third of a millisecond; the unit views above cost a millisecond more per layer).
create materialized view atlas_public.unit_geometry as
select u.unit_id, u.geom from atlas.spatial_unit u
where u.territory_id in (select territory_id from atlas.v_territory_publication where published >= min_published);
create unique index unit_geometry_key on atlas_public.unit_geometry (unit_id);
create index unit_geometry_geom on atlas_public.unit_geometry using gist (geom);
create view atlas_internal.unit_geometry as select u.unit_id, u.geom from atlas.spatial_unit u;

create materialized view atlas_internal.layer_value as
with iv as materialized (select * from atlas_internal.indicator_value)
select (f.unit_id * 1000 + (f.period - 1900))::bigint as fid, f.territory, f.level, f.indicator, f.unit_id, f.code, f.name,
       f.period, f.stichtag, v.value::float8 as value, coalesce(v.formatted, 'x') as wert, coalesce(v.status, 'no_data') as status
from atlas.v_layer_frame f
left join iv v on v.indicator_id = f.indicator_id and v.unit_id = f.unit_id and v.period = f.period;
create unique index layer_value_key on atlas_internal.layer_value (territory, indicator, level, fid);

------------------------------------------------------------------------------------------------
-- Grants. Internal readers also read the public family (other territories' public areas).
-- Objects added by later migrations must be granted there explicitly.
revoke all on schema atlas from public;
grant usage on schema atlas_public to atlas_public_reader, atlas_internal_reader;
grant select on all tables in schema atlas_public to atlas_public_reader, atlas_internal_reader;
grant usage on schema atlas_internal to atlas_internal_reader;
grant select on all tables in schema atlas_internal to atlas_internal_reader;
