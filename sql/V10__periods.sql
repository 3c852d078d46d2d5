-- Reporting dates as they come, and rate-only indicators.
--
-- A value's period is its reporting date (Stichtag), no longer a year: each indicator declares its
-- periodicity, and the period's key ("2015-H1") and German label ("1. Halbjahr 2015") follow from
-- the Stichtag and the periodicity here, in one place, for every output:
--   year          31.12.                      key 2015        label 2015
--   half_year     30.06. / 31.12.             key 2015-H1     label 1. Halbjahr 2015
--   quarter       last day of the quarter     key 2015-Q2     label 2. Quartal 2015
--   month         last day of the month       key 2015-06     label Juni 2015
--   yearly:MM-DD  a fixed date every year     key 2023-03-01  label 01.03.2023 (Kita statistics 01.03.)
--   school_year:MM-DD  the school year's date key 2023/24     label Schuljahr 2023/24 (school statistics 15.10.)
-- Existing values become their year's 31.12., so nothing changes for annual data.
--
-- Rate-only indicators (an official quota per area, delivered without counts) aggregate not at
-- all, or as the mean weighted by another indicator of the territory (weight_indicator, e.g. the
-- population), taken at the same Stichtag or the latest one within the year before.

------------------------------------------------------------------------------------------------
-- Periods: the rules.

-- Whether a Stichtag is a reporting date of a periodicity.
create function atlas.period_fits(d date, periodicity text) returns boolean
    language sql immutable parallel safe set search_path = pg_catalog, pg_temp as $$
    select case split_part(periodicity, ':', 1)
        when 'year'      then extract(month from d) = 12 and extract(day from d) = 31
        when 'half_year' then to_char(d, 'MM-DD') in ('06-30', '12-31')
        when 'quarter'   then extract(month from d) in (3, 6, 9, 12) and extract(day from d + 1) = 1
        when 'month'     then extract(day from d + 1) = 1
        else to_char(d, 'MM-DD') = split_part(periodicity, ':', 2)
    end
$$;

-- The period's key: what the API, WFS and URLs name it by ("2015", "2015-H1", "2023/24", ...).
create function atlas.period_key(d date, periodicity text) returns text
    language sql immutable parallel safe set search_path = pg_catalog, pg_temp as $$
    select case split_part(periodicity, ':', 1)
        when 'year'        then to_char(d, 'FMYYYY')
        when 'half_year'   then to_char(d, 'FMYYYY') || case when extract(month from d) <= 6 then '-H1' else '-H2' end
        when 'quarter'     then to_char(d, 'FMYYYY') || '-Q' || to_char(d, 'Q')
        when 'month'       then to_char(d, 'FMYYYY-MM')
        when 'school_year' then (extract(year from d)::int - case when extract(month from d) < 8 then 1 else 0 end)::text || '/'
                                || lpad(((extract(year from d)::int - case when extract(month from d) < 8 then 1 else 0 end + 1) % 100)::text, 2, '0')
        else to_char(d, 'FMYYYY-MM-DD')
    end
$$;

-- The period's German label, as tables, legends, reports and the web atlas print it.
create function atlas.period_label(d date, periodicity text) returns text
    language sql immutable parallel safe set search_path = pg_catalog, pg_temp as $$
    select case split_part(periodicity, ':', 1)
        when 'year'        then to_char(d, 'FMYYYY')
        when 'half_year'   then case when extract(month from d) <= 6 then '1.' else '2.' end || ' Halbjahr ' || to_char(d, 'FMYYYY')
        when 'quarter'     then to_char(d, 'Q') || '. Quartal ' || to_char(d, 'FMYYYY')
        when 'month'       then (array['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober',
                                       'November', 'Dezember'])[extract(month from d)::int] || ' ' || to_char(d, 'FMYYYY')
        -- the key's rule again, not a call: the reader roles may not look into schema atlas
        when 'school_year' then 'Schuljahr ' || (extract(year from d)::int - case when extract(month from d) < 8 then 1 else 0 end)::text || '/'
                                || lpad(((extract(year from d)::int - case when extract(month from d) < 8 then 1 else 0 end + 1) % 100)::text, 2, '0')
        else to_char(d, 'DD.MM.YYYY')
    end
$$;

------------------------------------------------------------------------------------------------
-- Catalogue: periodicity and the weighted mean.

alter table atlas.indicator
    add column periodicity text not null default 'year'
        check (periodicity ~ '^(year|half_year|quarter|month|(yearly|school_year):(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]))$'
               and periodicity not like '%:02-29'),
    add column weight_indicator text;   -- key of the indicator weighting a weighted_mean

-- the aggregation rules of V1, extended by weighted_mean (a ratio delivered as a quota, or a plain value)
do $$
declare
    c record;
begin
    for c in select conname from pg_constraint
             where conrelid = 'atlas.indicator'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%aggregation%' loop
        execute format('alter table atlas.indicator drop constraint %I', c.conname);
    end loop;
end $$;
alter table atlas.indicator
    add constraint indicator_aggregation_check check (aggregation in ('ratio_of_sums', 'sum', 'none', 'weighted_mean')),
    add constraint indicator_kind_aggregation_check check (
           (kind = 'ratio' and aggregation in ('ratio_of_sums', 'none', 'weighted_mean'))
        or (kind = 'count' and aggregation in ('sum', 'none'))
        or (kind = 'value' and aggregation in ('none', 'weighted_mean'))),
    add constraint indicator_weight_check check ((aggregation = 'weighted_mean') = (weight_indicator is not null)
                                                 and weight_indicator is distinct from key);

------------------------------------------------------------------------------------------------
-- Values: the period becomes the Stichtag. Every view reading it is rebuilt below.

drop materialized view atlas_internal.layer_value;
drop materialized view atlas_public.layer_value;
drop view atlas.v_layer_frame;
drop materialized view atlas_public.indicator_value;
drop view atlas_internal.indicator_value;
drop view atlas_public.indicator;
drop view atlas_internal.indicator;
drop view atlas.v_indicator_value;

alter table atlas.indicator_value drop constraint indicator_value_period_check;
alter table atlas.indicator_value alter column period type date using make_date(period, 12, 31);
alter table atlas.indicator_value rename column period to stichtag;
alter table atlas.indicator_value add constraint indicator_value_stichtag_check
    check (stichtag between date '1900-01-01' and date '2200-12-31');
alter table atlas.indicator_value_history alter column period type date using make_date(period, 12, 31);
alter table atlas.indicator_value_history rename column period to stichtag;

-- Referential integrity of values (V1), now with the Stichtag itself: each row names an indicator,
-- a unit version valid on its Stichtag, a batch, all of its territory, and a Stichtag that is a
-- reporting date of the indicator's periodicity.
create or replace function atlas.check_value_references() returns trigger language plpgsql as $$
declare
    bad record;
begin
    -- an aggregate over all rows (not "limit 1"), so the planner joins by hash, not row by row
    select count(*) as n,
           min(format('(indicator %s, unit %s, Stichtag %s) refers to %s', n.indicator_id, n.unit_id, n.stichtag,
               case when i.indicator_id is null then 'no indicator of its territory'
                    when u.unit_id is null then 'no unit version of its territory valid on its Stichtag'
                    when b.batch_id is null then 'no import batch of its territory'
                    else 'a date that is no reporting date of periodicity ' || i.periodicity end)) as example
      into bad
      from new_rows n
      left join atlas.indicator i on i.indicator_id = n.indicator_id and i.territory_id = n.territory_id
      left join atlas.spatial_unit u on u.unit_id = n.unit_id and u.territory_id = n.territory_id
                                     and u.validity @> n.stichtag
      left join atlas.import_batch b on b.batch_id = n.batch_id and b.territory_id = n.territory_id
     where i.indicator_id is null or u.unit_id is null or b.batch_id is null or not atlas.period_fits(n.stichtag, i.periodicity);
    if bad.n > 0 then
        raise exception '% value(s) with broken references, e.g. %', bad.n, bad.example
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end $$;

create or replace function atlas.check_unit_keeps_values() returns trigger language plpgsql as $$
declare
    bad record;
begin
    if tg_op = 'DELETE' then
        select o.code, v.stichtag into bad from old_rows o join atlas.indicator_value v on v.unit_id = o.unit_id limit 1;
    else
        select n.code, v.stichtag into bad from new_rows n join atlas.indicator_value v on v.unit_id = n.unit_id
         where not n.validity @> v.stichtag or v.territory_id <> n.territory_id limit 1;
    end if;
    if found then
        raise exception 'unit % has values for % that would lose their unit version', bad.code, bad.stichtag
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end $$;

-- A periodicity may change only while every stored value still fits it (year to half-year: yes;
-- year to the Kita date 01.03.: not while there are values on 31.12.).
create function atlas.check_periodicity_keeps_values() returns trigger language plpgsql as $$
declare
    bad record;
begin
    select n.key, n.periodicity, v.stichtag into bad
      from new_rows n join atlas.indicator_value v on v.indicator_id = n.indicator_id
     where not atlas.period_fits(v.stichtag, n.periodicity) limit 1;
    if found then
        raise exception 'indicator % has values on %, which is no reporting date of periodicity %', bad.key, bad.stichtag, bad.periodicity
            using errcode = 'check_violation';
    end if;
    return null;
end $$;
create trigger indicator_periodicity_keeps_values after update on atlas.indicator
    referencing new table as new_rows for each statement execute function atlas.check_periodicity_keeps_values();

------------------------------------------------------------------------------------------------
-- The one place where a value is derived (V2), per Stichtag, with the weighted mean.
--
-- For an indicator and Stichtag, the finest level that holds stored values is the base. Every unit
-- above it gets the aggregate of its base-level descendants: the ratio of summed numerators to
-- summed denominators (ratio_of_sums), the sum (sum), or the mean of the values weighted by the
-- weight indicator's value of each unit (weighted_mean; a unit without a weight does not
-- contribute). A value stored for a higher unit itself takes precedence over the aggregate.
-- status 'incomplete' marks an aggregate to which not every base-level unit contributed.
create view atlas.v_indicator_value as
select v.territory_id, v.indicator_id, v.unit_id, v.stichtag,
       case when i.kind = 'ratio' and v.numerator is not null
            then v.numerator / v.denominator * i.scale_factor
            else v.value end                                   as value,
       v.numerator, v.denominator, v.status,
       false                                                    as aggregated,
       v.batch_id
from atlas.indicator_value v
join atlas.indicator i on i.indicator_id = v.indicator_id
union all
select a.territory_id, a.indicator_id, a.unit_id, a.stichtag,
       case a.aggregation
            when 'ratio_of_sums' then a.sum_numerator / a.sum_denominator * a.scale_factor
            when 'weighted_mean' then a.sum_weighted / nullif(a.sum_weight, 0)
            else a.sum_value end,
       case when a.aggregation = 'ratio_of_sums' then a.sum_numerator end,
       case when a.aggregation = 'ratio_of_sums' then a.sum_denominator end,
       case when a.contributors < a.base_units then 'incomplete'
            when a.provisional then 'provisional'
            when a.estimated then 'estimated'
            else 'ok' end,
       true,
       null
from (
    select c.territory_id, b.indicator_id, c.ancestor_id as unit_id, b.stichtag,
           b.aggregation, b.scale_factor,
           sum(b.numerator)          as sum_numerator,
           sum(b.denominator)        as sum_denominator,
           sum(b.value)              as sum_value,
           sum(b.rate * b.weight)    as sum_weighted,
           sum(b.weight)             as sum_weight,
           count(*)                  as contributors,
           bool_or(b.status = 'provisional') as provisional,
           bool_or(b.status = 'estimated')   as estimated,
           (select count(*) from atlas.unit_closure cc
              join atlas.spatial_unit su on su.unit_id = cc.unit_id
             where cc.ancestor_id = c.ancestor_id and su.level_id = b.level_id
               and su.validity @> b.stichtag) as base_units
    from (
        select v.*, i.aggregation, i.scale_factor, u.level_id, wt.weight,
               case when v.numerator is not null then v.numerator / v.denominator * i.scale_factor else v.value end as rate,
               l.rank, max(l.rank) over (partition by v.indicator_id, v.stichtag) as base_rank
        from atlas.indicator_value v
        join atlas.indicator i   on i.indicator_id = v.indicator_id
        join atlas.spatial_unit u on u.unit_id = v.unit_id
        join atlas.unit_level l  on l.level_id = u.level_id
        -- the weight: the weight indicator's value of the unit on the Stichtag, else the latest one
        -- in the year before (a half-year rate weighted by the population of the last 31.12.)
        left join lateral (
            select w.value as weight
            from atlas.indicator wi
            join atlas.indicator_value w on w.indicator_id = wi.indicator_id and w.unit_id = v.unit_id
            where i.aggregation = 'weighted_mean' and wi.territory_id = i.territory_id and wi.key = i.weight_indicator
              and w.stichtag <= v.stichtag and w.stichtag > v.stichtag - interval '1 year' and w.value is not null
            order by w.stichtag desc limit 1
        ) wt on true
        -- only values with a figure contribute (a secret value may be stored without one)
        where i.aggregation <> 'none' and v.status <> 'no_data'
          and (case i.aggregation when 'sum' then v.value is not null
                                  when 'weighted_mean' then (v.value is not null or v.numerator is not null) and wt.weight is not null
                                  else v.numerator is not null end)
    ) b
    join atlas.unit_closure c on c.unit_id = b.unit_id and c.depth > 0
    where b.rank = b.base_rank
    group by c.territory_id, b.indicator_id, c.ancestor_id, b.stichtag, b.aggregation, b.scale_factor, b.level_id
) a
where not exists (select 1 from atlas.indicator_value s
                  where s.indicator_id = a.indicator_id and s.unit_id = a.unit_id and s.stichtag = a.stichtag);

comment on view atlas.v_indicator_value is
  'Stored and aggregated indicator values of every level and Stichtag; the single source for API, OGC layers and reports.';

-- Why a polygon level of an indicator has no values (null: it has or can have them), from the
-- catalogue and the levels that hold stored values. The API says it, and publishing warns with it.
create view atlas.v_level_coverage as
with levels as (
    -- probes by index (units of the level, then the value key), never a scan of all values
    select i.territory_id, i.indicator_id, i.key as indicator, i.aggregation, i.weight_indicator, l.level_id, l.key as level, l.rank,
           exists (select 1 from atlas.spatial_unit u join atlas.indicator_value v on v.unit_id = u.unit_id
                   where v.indicator_id = i.indicator_id and u.level_id = l.level_id) as stored
    from atlas.indicator i
    join atlas.unit_level l on l.territory_id = i.territory_id and l.geometry_kind = 'polygon'
),
based as (
    -- the base: the finest level holding stored values
    select x.*, max(x.rank) filter (where x.stored) over (partition by x.indicator_id) as base_rank,
           first_value(x.level_id) over (partition by x.indicator_id order by x.stored desc, x.rank desc) as base_level_id
    from levels x
)
select b.territory_id, b.indicator_id, b.indicator, b.level_id, b.level, b.rank,
       case when b.stored then null
            when b.base_rank is null then 'no_values'
            when b.rank > b.base_rank then 'finer_than_data'
            when b.aggregation = 'none' then 'not_aggregated'
            when b.aggregation = 'ratio_of_sums' and not exists (
                     select 1 from atlas.spatial_unit u join atlas.indicator_value v on v.unit_id = u.unit_id
                     where v.indicator_id = b.indicator_id and u.level_id = b.base_level_id and v.numerator is not null) then 'no_counts'
            when b.aggregation = 'weighted_mean' and not exists (
                     select 1 from atlas.indicator wi join atlas.indicator_value w on w.indicator_id = wi.indicator_id
                     join atlas.spatial_unit u on u.unit_id = w.unit_id
                     where wi.territory_id = b.territory_id and wi.key = b.weight_indicator and u.level_id = b.base_level_id) then 'no_weights'
       end as reason,
       case when b.base_rank is not null then bl.key end as data_level, b.weight_indicator
from based b
left join atlas.unit_level bl on bl.level_id = b.base_level_id;

------------------------------------------------------------------------------------------------
-- The audiences' catalogue views (V5) with periodicity and the periods as parallel arrays, in
-- Stichtag order: keys, Stichtage, labels.

create view atlas_internal.indicator as
select i.*,
       array(select l.key from atlas.publication p join atlas.unit_level l using (level_id)
             where p.indicator_id = i.indicator_id order by l.rank) as published_levels,
       array(select atlas.period_key(d, i.periodicity) from (select distinct v.stichtag d from atlas.indicator_value v
             where v.indicator_id = i.indicator_id) s order by d) as periods,
       array(select distinct v.stichtag from atlas.indicator_value v where v.indicator_id = i.indicator_id order by 1) as stichtage,
       array(select atlas.period_label(d, i.periodicity) from (select distinct v.stichtag d from atlas.indicator_value v
             where v.indicator_id = i.indicator_id) s order by d) as period_labels
from atlas.indicator i;

create view atlas_public.indicator as
select i.territory_id, i.indicator_id, i.key, i.theme_id, i.title, i.short_title, i.definition, i.interpretation, i.formula,
       i.numerator_label, i.denominator_label, i.unit_label, i.scale_factor, i.decimals, i.polarity, i.kind, i.aggregation,
       i.source, i.update_cycle, i.department, 'public'::text as visibility, i.counts_public, i.classification, i.sort_order,
       i.published_levels, i.periods, i.periodicity, i.weight_indicator, i.stichtage, i.period_labels
from atlas_internal.indicator i
join atlas_public.territory t on t.territory_id = i.territory_id and t.live
where cardinality(i.published_levels) > 0;

-- Level coverage per audience: the public sees published levels only; a level not published is
-- said to be so before anything about its data.
create view atlas_internal.level_coverage as
select c.territory_id, c.indicator_id, c.indicator, c.level, c.rank, c.reason, c.data_level, c.weight_indicator
from atlas.v_level_coverage c;

create view atlas_public.level_coverage as
select c.territory_id, c.indicator_id, c.indicator, c.level, c.rank,
       case when p.level_id is null then 'not_published' else c.reason end as reason,
       case when p.level_id is null then null else c.data_level end as data_level, c.weight_indicator
from atlas.v_level_coverage c
join atlas_public.indicator i on i.indicator_id = c.indicator_id
left join atlas.publication p on p.indicator_id = c.indicator_id and p.level_id = c.level_id;

------------------------------------------------------------------------------------------------
-- Values per audience (V5), with the period's key and label beside the Stichtag.

create view atlas_internal.indicator_value as
select v.territory_id, v.indicator_id, v.unit_id, atlas.period_key(v.stichtag, i.periodicity) as period, v.stichtag,
       atlas.period_label(v.stichtag, i.periodicity) as period_label,
       v.value, v.numerator, v.denominator, v.status, v.aggregated,
       atlas.display_value(v.value, i.decimals, v.status) as formatted
from atlas.v_indicator_value v join atlas.indicator i using (indicator_id);

-- Disclosure control (statistical secrecy), as in V5, per Stichtag. Rules per indicator from atlas.v_disclosure_rule:
--  1. primary: a case count (the count itself, or a ratio's numerator) below the threshold is
--     withheld (zero only with suppress_zero, as the Bundesagentur publishes zeros); a value kept
--     secret at source is withheld as well;
--  2. minimum population: no rate for a unit whose population (the territory's population
--     indicator, same unit, on the Stichtag or the latest one in the year before) is below the
--     minimum; an unknown population counts as below;
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
with live_values as (
    select v.* from atlas.v_indicator_value v
    where v.territory_id in (select territory_id from atlas.v_territory_publication where published >= min_published)
),
-- the population of a unit holds from its Stichtag to the next one, at most a year
populations as materialized (
    select v.unit_id, v.value,
           daterange(v.stichtag, least(lead(v.stichtag) over (partition by v.unit_id order by v.stichtag),
                                       (v.stichtag + interval '1 year')::date), '[)') as valid
    from live_values v join atlas.v_disclosure_rule r on r.indicator_id = v.indicator_id
    where r.is_population
),
base as (
    -- every value of live territories: the population indicator is needed even where it is not published
    select v.territory_id, v.indicator_id, v.unit_id, v.stichtag, v.value, v.numerator, v.denominator, v.status, v.aggregated,
           u.parent_id, u.level_id, i.kind, i.counts_public, i.decimals, i.periodicity,
           r.threshold, r.suppress_zero, r.secondary, r.min_population, r.round_to,
           -- a count of cases; a difference (numerator_may_be_negative, e.g. population change) is none
           case when i.numerator_may_be_negative then null when i.kind = 'count' then v.value when i.kind = 'ratio' then v.numerator end
               as cases,
           p.value as population
    from live_values v
    left join populations p on p.unit_id = v.unit_id and p.valid @> v.stichtag
    join atlas.indicator i on i.indicator_id = v.indicator_id
    join atlas.v_disclosure_rule r on r.indicator_id = v.indicator_id
    join atlas.spatial_unit u on u.unit_id = v.unit_id
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
           row_number() over (partition by f.indicator_id, f.stichtag, f.parent_id, f.level_id, f.reason is null
                              order by f.cases nulls last, f.value nulls last, f.unit_id) as rank_by_cases
    from first_pass f
    window w as (partition by f.indicator_id, f.stichtag, f.parent_id, f.level_id)
),
second_pass as (
    select s.*,
           coalesce(s.reason, case when s.secondary and s.parent_id is not null and s.withheld_siblings = 1
                                    and s.rank_by_cases = 1 then 'secondary' end) as reason2
    from siblings s
),
lonely as (
    select distinct indicator_id, stichtag, parent_id as unit_id
    from second_pass where secondary and sibling_count = 1 and reason2 is not null and parent_id is not null
),
controlled as (
    select s.*, coalesce(s.reason2, case when l.unit_id is not null then 'secondary' end) as suppression
    from second_pass s left join lonely l using (indicator_id, stichtag, unit_id)
),
published as (
    select c.territory_id, c.indicator_id, c.unit_id, c.stichtag, c.periodicity, c.aggregated, c.decimals,
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
select territory_id, indicator_id, unit_id, atlas.period_key(stichtag, periodicity) as period, stichtag,
       atlas.period_label(stichtag, periodicity) as period_label, value, numerator, denominator, status, aggregated,
       atlas.display_value(value, decimals, status) as formatted
from published;
create unique index indicator_value_key on atlas_public.indicator_value (indicator_id, unit_id, stichtag);

------------------------------------------------------------------------------------------------
-- Map layers (V5, V6): one row per unit and Stichtag. The feature id reads as the unit id followed
-- by the Stichtag (unit 123 on 30.06.2015: 12320150630), unique per layer and stable across refreshes.

create view atlas.v_layer_frame as
with periods as materialized (select distinct indicator_id, stichtag from atlas.indicator_value)
select i.territory_id, i.indicator_id, l.level_id, i.decimals, t.key as territory, l.key as level, i.key as indicator,
       u.unit_id, u.code, u.name, atlas.period_key(p.stichtag, i.periodicity) as period, p.stichtag,
       atlas.period_label(p.stichtag, i.periodicity) as period_label
from atlas.indicator i
join atlas.territory t on t.territory_id = i.territory_id
join atlas.unit_level l on l.territory_id = i.territory_id and l.geometry_kind = 'polygon'
join periods p on p.indicator_id = i.indicator_id
join atlas.spatial_unit u on u.level_id = l.level_id and u.validity @> p.stichtag;

create materialized view atlas_public.layer_value as
select (f.unit_id * 100000000 + to_char(f.stichtag, 'YYYYMMDD')::bigint) as fid, f.territory, f.level, f.indicator, f.unit_id,
       f.code, f.name, f.period, f.stichtag, f.period_label, v.value::float8 as value, coalesce(v.formatted, 'x') as wert,
       coalesce(v.status, 'no_data') as status
from atlas.v_layer_frame f
join atlas.publication p on p.indicator_id = f.indicator_id and p.level_id = f.level_id
left join atlas_public.indicator_value v on v.indicator_id = f.indicator_id and v.unit_id = f.unit_id and v.stichtag = f.stichtag
where f.territory_id in (select territory_id from atlas.v_territory_publication where published >= min_published);
create unique index layer_value_key on atlas_public.layer_value (territory, indicator, level, fid);
create index layer_value_period on atlas_public.layer_value (territory, indicator, level, stichtag);

create materialized view atlas_internal.layer_value as
with iv as materialized (select * from atlas_internal.indicator_value)
select (f.unit_id * 100000000 + to_char(f.stichtag, 'YYYYMMDD')::bigint) as fid, f.territory, f.level, f.indicator, f.unit_id,
       f.code, f.name, f.period, f.stichtag, f.period_label, v.value::float8 as value, coalesce(v.formatted, 'x') as wert,
       coalesce(v.status, 'no_data') as status
from atlas.v_layer_frame f
left join iv v on v.indicator_id = f.indicator_id and v.unit_id = f.unit_id and v.stichtag = f.stichtag;
create unique index layer_value_key on atlas_internal.layer_value (territory, indicator, level, fid);
create index layer_value_period on atlas_internal.layer_value (territory, indicator, level, stichtag);

------------------------------------------------------------------------------------------------
-- Grants of the rebuilt objects (V5: later objects are granted explicitly).
grant select on atlas_public.indicator, atlas_public.indicator_value, atlas_public.layer_value, atlas_public.level_coverage
    to atlas_public_reader, atlas_internal_reader;
grant select on atlas_internal.indicator, atlas_internal.indicator_value, atlas_internal.layer_value, atlas_internal.level_coverage
    to atlas_internal_reader;
