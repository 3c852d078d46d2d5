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
drop function atlas.disclosure_report(integer);
drop function atlas.disclosure();
drop type atlas.disclosure_cell;

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

-- Disclosure control (V8, atlas.disclosure()), per Stichtag: the same rules, each sum an analyst can
-- difference taken per Stichtag; the minimum-population rule reads the population on the Stichtag or
-- the latest one in the year before. The function, its cell type and the report are rebuilt with the
-- Stichtag in place of the year.
-- One cell: a value of an indicator, unit and Stichtag on a published level, with what the rules need.
create type atlas.disclosure_cell as (
    cell_id integer, territory_id integer, indicator_id integer, unit_id bigint, parent_id bigint, level_id integer,
    stichtag date, value numeric, numerator numeric, denominator numeric, status text, aggregated boolean,
    kind text, aggregation text, counts_public boolean, decimals integer, pub_decimals integer, cases numeric,
    round_to integer, secondary boolean, reason text, count_elsewhere boolean,
    scale_factor numeric, may_exceed boolean, min_candidates integer, guarded boolean);

-- (atlas.disclosure_member, a cell's place in a sum, stays as V8 made it: it has no period)

-- Every cell of live territories on published levels, with the reason it is withheld (null: published)
-- and the decimals it is published with. Reasons: secret (at source), primary (case count below the
-- threshold), population (area below the minimum population), ambiguity (a rate that would give its
-- count away), secondary (a sum of one indicator: parent and children), relation (a declared relation).
-- Internal: the public views publish no reason (telling primary from secondary would point at the small one).
create function atlas.disclosure()
    returns table (territory_id integer, indicator_id integer, unit_id bigint, level_id integer, stichtag date, value numeric,
                   numerator numeric, denominator numeric, status text, aggregated boolean, kind text, counts_public boolean,
                   round_to integer, decimals integer, reason text)
    language plpgsql stable as $$
#variable_conflict use_column
declare
    cells atlas.disclosure_cell[];
    reasons text[];
    decs integer[];
    members atlas.disclosure_member[];
    pick_ids integer[];
    pick_why text[];
    rounds integer := 0;
begin
    select coalesce(array_agg(c order by c.cell_id), '{}') into cells from (
        with live as materialized (
            select v.* from atlas.v_indicator_value v
            where v.territory_id in (select p.territory_id from atlas.v_territory_publication p where p.published >= p.min_published)
        ),
        -- the population of a unit holds from its Stichtag to the next one, at most a year (V10: a half-year
        -- rate on 30.06. is judged by the population of the last 31.12.)
        populations as materialized (
            select v.unit_id, v.value,
                   daterange(v.stichtag, least(lead(v.stichtag) over (partition by v.unit_id order by v.stichtag),
                                               (v.stichtag + interval '1 year')::date), '[)') as valid
            from live v join atlas.v_disclosure_rule r on r.indicator_id = v.indicator_id
            where r.is_population
        ),
        base as (
            -- every value of live territories: the population indicator is needed even where it is not published
            select v.territory_id, v.indicator_id, v.unit_id, v.stichtag, v.value, v.numerator, v.denominator, v.status, v.aggregated,
                   u.parent_id, u.level_id, i.kind, i.aggregation, i.counts_public, i.decimals, i.scale_factor,
                   i.numerator_may_exceed_denominator as may_exceed,
                   r.threshold, r.suppress_zero, r.secondary, r.min_population, r.round_to, r.min_candidates,
                   -- a count of cases; a difference (numerator_may_be_negative, e.g. population change) is none
                   case when i.numerator_may_be_negative then null when i.kind = 'count' then v.value when i.kind = 'ratio' then v.numerator end
                       as cases,
                   pop.value as population
            from live v
            join atlas.indicator i on i.indicator_id = v.indicator_id
            join atlas.v_disclosure_rule r on r.indicator_id = v.indicator_id
            join atlas.spatial_unit u on u.unit_id = v.unit_id
            left join populations pop on pop.unit_id = v.unit_id and pop.valid @> v.stichtag
        ),
        cell as (
            select b.* from base b
            where exists (select 1 from atlas.publication p where p.indicator_id = b.indicator_id and p.level_id = b.level_id)
        ),
        -- cells of a ratio whose numerator is, by a declared one-part relation, the count of a count
        -- indicator published for the same unit and Stichtag: its count is public anyway
        count_elsewhere as (
            select distinct c.indicator_id, c.unit_id, c.stichtag
            from cell c
            join atlas.indicator_relation rel on rel.kind = 'sum' and rel.part_id = c.indicator_id
                 and not exists (select 1 from atlas.indicator_relation o where o.territory_id = rel.territory_id
                                   and o.relation_no = rel.relation_no and o.part_id <> rel.part_id)
            join cell t on t.indicator_id = rel.indicator_id and t.unit_id = c.unit_id and t.stichtag = c.stichtag and t.kind = 'count'
            where c.kind = 'ratio'
        ),
        guarded as (
            select c.*, (e.unit_id is not null) as count_elsewhere,
                   c.kind = 'ratio' and c.numerator is not null and not c.counts_public and c.cases is not null and c.cases >= 0
                       and e.unit_id is null as guarded
            from cell c left join count_elsewhere e using (indicator_id, unit_id, stichtag)
        ),
        prec as (
            select g.*,
                   case when not g.guarded then g.decimals
                        else (select max(dd) from generate_series(0, g.decimals) dd
                              -- the finest precision whose rounding step holds min_candidates numerators for any
                              -- figure (a choice by the public denominator alone reveals nothing about the figure) ...
                              where g.denominator >= g.min_candidates * g.scale_factor * power(10::numeric, dd)
                                -- ... and for this figure, near 0 and 100 % included
                                and atlas.numerator_candidates(round(g.value, dd), dd, g.denominator, g.scale_factor, g.may_exceed,
                                                               g.threshold, g.suppress_zero) >= g.min_candidates)
                   end as pub_decimals
            from guarded g
        )
        select (row_number() over (order by p.indicator_id, p.unit_id, p.stichtag))::int as cell_id, p.territory_id, p.indicator_id,
               p.unit_id, p.parent_id, p.level_id, p.stichtag, p.value, p.numerator, p.denominator, p.status, p.aggregated,
               p.kind, p.aggregation, p.counts_public, p.decimals, p.pub_decimals, p.cases, p.round_to, p.secondary,
               case when p.status = 'secret' then 'secret'
                    when p.cases is not null and p.cases < p.threshold and (p.cases <> 0 or p.suppress_zero) then 'primary'
                    when p.kind = 'ratio' and p.min_population > 0 and coalesce(p.population, 0) < p.min_population then 'population'
                    when p.guarded and p.pub_decimals is null then 'ambiguity'
               end as reason,
               p.count_elsewhere, p.scale_factor, p.may_exceed, p.min_candidates, p.guarded
        from prec p
    ) c;
    select coalesce(array_agg(c.reason order by c.cell_id), '{}'), coalesce(array_agg(c.pub_decimals order by c.cell_id), '{}')
      into reasons, decs from unnest(cells) c;

    -- Rates joined by a declared sum whose total is an exact public count: each part's range of numerators,
    -- intersected with the total minus the other parts' ranges, must still hold min_candidates numerators
    -- (Köln: Minderjährige = unter 6 + 6 bis unter 18 narrowed one in 29 Stadtteil-years to a single count).
    -- Otherwise the group's rates go out one decimal coarser, below no decimals they are withheld.
    loop
        with rel as (
            select x.territory_id, x.relation_no, x.indicator_id as total_id, x.part_id,
                   count(*) over (partition by x.territory_id, x.relation_no) as parts
            from atlas.indicator_relation x where x.kind = 'sum'
        ),
        part as (
            select r.relation_no, t.cell_id as total_cell, t.cases as total, r.parts, c.cell_id, c.guarded, c.min_candidates,
                   reasons[c.cell_id] is null and (c.guarded or c.round_to = 1 and (c.kind = 'count' or c.counts_public or c.count_elsewhere))
                       as known,
                   case when c.guarded and reasons[c.cell_id] is null
                        then atlas.numerator_range(round(c.value, decs[c.cell_id]), decs[c.cell_id], c.denominator, c.scale_factor, c.may_exceed)
                        else array[c.cases, c.cases] end as r
            from rel r
            join unnest(cells) t on t.territory_id = r.territory_id and t.indicator_id = r.total_id
            join unnest(cells) c on c.indicator_id = r.part_id and c.unit_id = t.unit_id and c.stichtag = t.stichtag
            -- the total: an exact count, published
            where reasons[t.cell_id] is null and t.round_to = 1 and t.cases is not null
              and (t.kind = 'count' or t.counts_public or t.count_elsewhere)
        ),
        grp as (
            select relation_no, total_cell from part group by relation_no, total_cell, parts
            having count(*) = parts and bool_and(known) and bool_or(guarded)
        ),
        sums as (
            select p.*, sum(p.r[1]) over w as low_sum, sum(p.r[2]) over w as high_sum
            from part p join grp using (relation_no, total_cell)
            window w as (partition by p.relation_no, p.total_cell)
        ),
        tight as (
            select distinct relation_no, total_cell from sums s
            where s.guarded and least(s.r[2], s.total - (s.low_sum - s.r[1])) - greatest(s.r[1], s.total - (s.high_sum - s.r[2])) + 1
                                < s.min_candidates
        )
        select array_agg(distinct s.cell_id) into pick_ids from sums s join tight using (relation_no, total_cell) where s.guarded;
        exit when pick_ids is null;
        for k in 1 .. array_length(pick_ids, 1) loop
            if decs[pick_ids[k]] > 0 then
                decs[pick_ids[k]] := decs[pick_ids[k]] - 1;
            else
                reasons[pick_ids[k]] := 'ambiguity';
            end if;
        end loop;
    end loop;

    -- the sums an analyst can difference
    select coalesce(array_agg(row(m.group_key, m.cell_id, m.cases, m.is_total, m.count_elsewhere)::atlas.disclosure_member), '{}')
      into members
      from (
        -- parent = sum of its children on one level (one indicator and Stichtag), where the indicator sums
        select 'h:' || c.indicator_id || ':' || c.stichtag || ':' || c.parent_id || ':' || c.level_id as group_key,
               c.cell_id, c.cases, false as is_total, c.count_elsewhere
        from unnest(cells) c where c.parent_id is not null and c.secondary and c.aggregation <> 'none'
        union
        select 'h:' || ch.indicator_id || ':' || ch.stichtag || ':' || ch.parent_id || ':' || ch.level_id, p.cell_id, p.cases, true, p.count_elsewhere
        from unnest(cells) ch
        join unnest(cells) p on p.indicator_id = ch.indicator_id and p.stichtag = ch.stichtag and p.unit_id = ch.parent_id
        where ch.secondary and ch.aggregation <> 'none'
        union
        -- a declared sum: the total and its parts, per unit and Stichtag
        select 'r:' || rel.relation_no || ':' || c.unit_id || ':' || c.stichtag, c.cell_id, c.cases, c.indicator_id = rel.total_id,
               c.count_elsewhere
        from (select x.territory_id, x.relation_no, x.indicator_id as total_id, array_agg(x.part_id) || x.indicator_id as ids
              from atlas.indicator_relation x where x.kind = 'sum' group by x.territory_id, x.relation_no, x.indicator_id) rel
        join unnest(cells) c on c.territory_id = rel.territory_id and c.indicator_id = any(rel.ids)
      ) m;

    loop
        with m as (
            -- a withheld rate whose count is published elsewhere hides nothing of that count
            select m.group_key, m.cell_id, m.cases, m.is_total, reasons[m.cell_id] as reason,
                   reasons[m.cell_id] is not null and not (reasons[m.cell_id] = 'population' and m.count_elsewhere) as hidden
            from unnest(members) m
        ),
        -- sums with exactly one hidden count (a rate withheld for the minimum population alone keeps
        -- no count secret): the total and the others would give it away
        open as (
            select m.group_key from m group by m.group_key
            having count(*) filter (where m.hidden) = 1 and bool_or(m.hidden and m.reason <> 'population')
        ),
        pick as (
            -- the part with the smallest count, the total only when no part is left
            select distinct on (m.group_key) m.cell_id, case when m.group_key like 'h:%' then 'secondary' else 'relation' end as why
            from m join open o using (group_key)
            where not m.hidden
            order by m.group_key, m.is_total, m.cases nulls last, m.cell_id
        ),
        denominators as (
            -- a ratio with public counts publishes its denominator: withheld with the count that is its denominator
            select r.cell_id, 'relation' as why
            from unnest(cells) r
            join atlas.indicator_relation rel on rel.kind = 'denominator' and rel.part_id = r.indicator_id
            join unnest(cells) d on d.indicator_id = rel.indicator_id and d.unit_id = r.unit_id and d.stichtag = r.stichtag
            where r.counts_public and (reasons[r.cell_id] is null or reasons[r.cell_id] = 'population')
              and reasons[d.cell_id] is not null and reasons[d.cell_id] <> 'population'
        )
        select array_agg(x.cell_id), array_agg(x.why) into pick_ids, pick_why
        from (select distinct on (y.cell_id) y.cell_id, y.why from (select * from pick union all select * from denominators) y
              order by y.cell_id, y.why desc) x;
        exit when pick_ids is null;
        for k in 1 .. array_length(pick_ids, 1) loop
            reasons[pick_ids[k]] := pick_why[k];
        end loop;
        rounds := rounds + 1;
        if rounds > 10000 then   -- every round withholds at least one more cell: cannot happen
            raise exception 'disclosure control did not settle';
        end if;
    end loop;

    return query
    select c.territory_id, c.indicator_id, c.unit_id, c.level_id, c.stichtag, c.value, c.numerator, c.denominator, c.status,
           c.aggregated, c.kind, c.counts_public, c.round_to, decs[c.cell_id], reasons[c.cell_id]
    from unnest(cells) c;
end $$;

create materialized view atlas_public.indicator_value as
with d as (select * from atlas.disclosure()),
published as (
    select d.territory_id, d.indicator_id, d.unit_id, d.stichtag, d.aggregated,
           case when d.reason is null then d.decimals end as decimals,
           case when d.reason is not null then null
                when d.kind = 'count' and d.round_to > 1 then round(d.value / d.round_to) * d.round_to
                else round(d.value, d.decimals) end as value,
           case when d.reason is not null or not d.counts_public then null
                when d.round_to > 1 then round(d.numerator / d.round_to) * d.round_to
                else d.numerator end as numerator,
           case when d.reason is not null or not d.counts_public then null
                when d.round_to > 1 then round(d.denominator / d.round_to) * d.round_to
                else d.denominator end as denominator,
           case when d.reason is not null then 'suppressed' else d.status end as status
    from d
)
select p.territory_id, p.indicator_id, p.unit_id, atlas.period_key(p.stichtag, i.periodicity) as period, p.stichtag,
       atlas.period_label(p.stichtag, i.periodicity) as period_label, p.value, p.numerator, p.denominator, p.status, p.aggregated,
       atlas.display_value(p.value, coalesce(p.decimals, 0), p.status) as formatted, p.decimals
from published p
join atlas.indicator i on i.indicator_id = p.indicator_id;
create unique index indicator_value_key on atlas_public.indicator_value (indicator_id, unit_id, stichtag);

-- The administrator's report (V8), per indicator, level and period (key, Stichtag, label).
create function atlas.disclosure_report(territory integer)
    returns table (indicator text, level text, period text, stichtag date, period_label text, cells bigint, published bigint, coarser bigint,
                   secret bigint, primary_ bigint, population bigint, ambiguity bigint, secondary bigint, relation bigint)
    language sql stable as $$
    select i.key, l.key, atlas.period_key(d.stichtag, i.periodicity), d.stichtag, atlas.period_label(d.stichtag, i.periodicity), count(*), count(*) filter (where d.reason is null),
           count(*) filter (where d.reason is null and d.decimals < i.decimals),
           count(*) filter (where d.reason = 'secret'), count(*) filter (where d.reason = 'primary'),
           count(*) filter (where d.reason = 'population'), count(*) filter (where d.reason = 'ambiguity'),
           count(*) filter (where d.reason = 'secondary'), count(*) filter (where d.reason = 'relation')
    from atlas.disclosure() d
    join atlas.indicator i on i.indicator_id = d.indicator_id
    join atlas.unit_level l on l.level_id = d.level_id
    where d.territory_id = territory
    group by i.key, i.sort_order, i.periodicity, l.key, l.rank, d.stichtag
    order by i.sort_order, i.key, l.rank, d.stichtag
$$;

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
