-- The public view family: everything anonymous users get (read API, exports, OGC layers) is read
-- from here. Disclosure control (issue "internal and public areas") will be added here and nowhere
-- else; for now: public indicators only, a value kept secret at source is withheld, and counts only
-- where the indicator declares them public.
create schema atlas_public;

create view atlas_public.indicator_value as
select v.territory_id, v.indicator_id, v.unit_id, v.period,
       case when v.status = 'secret' then null else v.value end as value,
       case when v.status = 'secret' or not i.counts_public then null else v.numerator end as numerator,
       case when v.status = 'secret' or not i.counts_public then null else v.denominator end as denominator,
       v.status, v.aggregated
from atlas.v_indicator_value v
join atlas.indicator i on i.indicator_id = v.indicator_id
where i.visibility = 'public';

-- German number format ("1.234,5"), the one rule for numbers in layers, legends and feature info.
create function atlas.format_de(v numeric, decimals integer) returns text language sql immutable parallel safe as $$
    select translate(to_char(round(v, decimals),
           'FM999G999G999G990' || case when decimals > 0 then 'D' || repeat('0', decimals) else '' end), ',.', '.,')
$$;

-- One feature per unit and period of each public indicator: units without a value in a period are
-- present with status no_data, so maps show them as such instead of leaving a hole.
-- Materialised, because MapServer reads it once per layer and request: the aggregation behind it
-- costs 75-300 ms, an index lookup here under a millisecond. The OGC service refreshes it
-- (concurrently, readers are not blocked) when it sees that imports changed the data.
create materialized view atlas_public.layer_value as
-- the public values once, then joined by hash: evaluating the aggregation view per unit would not end
with pv as materialized (select * from atlas_public.indicator_value)
select (u.unit_id * 1000 + (p.period - 1900))::bigint as fid,
       t.key as territory, l.key as level, i.key as indicator,
       u.code, u.name, p.period, make_date(p.period, 12, 31) as stichtag,
       v.value::float8 as value,
       case when v.status = 'secret' then '–'
            when v.value is null then 'x'
            else atlas.format_de(v.value, i.decimals) end as wert,
       coalesce(v.status, 'no_data') as status,
       u.geom
from atlas.indicator i
join atlas.territory t on t.territory_id = i.territory_id
join atlas.unit_level l on l.territory_id = i.territory_id and l.geometry_kind = 'polygon'
join lateral (select distinct period from atlas.indicator_value x where x.indicator_id = i.indicator_id) p on true
join atlas.spatial_unit u on u.level_id = l.level_id and u.validity @> make_date(p.period, 12, 31)
left join pv v on v.indicator_id = i.indicator_id and v.unit_id = u.unit_id and v.period = p.period
where i.visibility = 'public';

create unique index layer_value_key on atlas_public.layer_value (territory, indicator, level, fid);
