-- Statistical secrecy that holds against arithmetic (issue 10). Still one place: the public view
-- family reads atlas.disclosure(), and the rules below are the whole of disclosure control.
--
--  1. Public figures leave rounded to the indicator's decimals (the stored precision stays internal):
--     a rate at full precision times its (public) denominator gave back the exact numerator.
--  2. A rate whose counts are not public is published only at a precision that leaves at least
--     min_candidates whole numerators possible for the published figure and the (assumed known)
--     denominator; with too small a denominator it is published with fewer decimals, down to none,
--     and withheld below that (reason 'ambiguity').
--  3. Declared relations between indicators (atlas.indicator_relation: a count is the sum of other
--     counts, a ratio's numerator is another indicator's count, ratios share a count as denominator)
--     join the hierarchy as sums that an analyst can difference: in every sum (parent and children
--     of one indicator; total and parts of a relation, per unit and period) either no figure is
--     withheld or at least two are; the rules repeat until that holds everywhere (a withholding in
--     one sum may open another).
-- Docs with the reasoning: docs/zugang.md (docs/access.en.md).

------------------------------------------------------------------------------------------------
-- How indicators' counts relate, per territory (catalogue "relations:", docs/catalogue.md).
--   kind 'sum':         count(indicator_id) = sum of count(part_id) over the relation's parts; a
--                       relation with one part says two indicators count the same cases
--   kind 'denominator': the ratio part_id has the count indicator_id as its denominator
-- The count of an indicator is its value (count) or its numerator (ratio).
create table atlas.indicator_relation (
    territory_id integer not null,
    relation_no  integer not null,
    kind         text not null check (kind in ('sum', 'denominator')),
    indicator_id integer not null,
    part_id      integer not null,
    primary key (territory_id, relation_no, part_id),
    check (indicator_id <> part_id),
    foreign key (territory_id, indicator_id) references atlas.indicator (territory_id, indicator_id) on delete cascade,
    foreign key (territory_id, part_id) references atlas.indicator (territory_id, indicator_id) on delete cascade
);

-- min_candidates: how many numerators a published rate must leave possible (at least 2; default
-- the threshold, so that a rate says no more about its count than the threshold allows).
create or replace view atlas.v_disclosure_rule as
select i.indicator_id, i.territory_id,
       coalesce((i.disclosure ->> 'threshold')::int, (t.settings #>> '{disclosure,threshold}')::int, 3)          as threshold,
       coalesce((i.disclosure ->> 'suppress_zero')::boolean, (t.settings #>> '{disclosure,suppress_zero}')::boolean, false)
                                                                                                                  as suppress_zero,
       coalesce((i.disclosure ->> 'secondary')::boolean, (t.settings #>> '{disclosure,secondary}')::boolean, true) as secondary,
       coalesce((i.disclosure ->> 'min_population')::numeric, (t.settings #>> '{disclosure,min_population}')::numeric, 0)
                                                                                                                  as min_population,
       i.key = (t.settings #>> '{disclosure,population_indicator}')                                               as is_population,
       coalesce((i.disclosure ->> 'round_to')::int, (t.settings #>> '{disclosure,round_to}')::int, 1)             as round_to,
       greatest(2, coalesce((i.disclosure ->> 'min_candidates')::int, (t.settings #>> '{disclosure,min_candidates}')::int,
                            (i.disclosure ->> 'threshold')::int, (t.settings #>> '{disclosure,threshold}')::int, 3)) as min_candidates
from atlas.indicator i
join atlas.territory t on t.territory_id = i.territory_id;

-- The whole numbers n that a published rate p (d decimals) leaves possible for its numerator, given
-- the denominator: round(n / denominator * scale, d) = p (rounding half away from zero, as round()
-- does), n >= 0, n <= denominator for shares, and n not a count that primary suppression would
-- have withheld (1 .. threshold-1, or 0 .. threshold-1 with suppress_zero): an analyst knows all of that.
create function atlas.numerator_candidates(p numeric, d integer, denominator numeric, scale numeric, may_exceed boolean,
                                           threshold integer, suppress_zero boolean)
    returns numeric language sql immutable parallel safe as $$
    with h as (select 0.5 * power(10::numeric, -d) as half),
    b as (select ceil(greatest((p - half) * denominator / scale, 0)) as lo,
                 ceil(case when may_exceed then (p + half) * denominator / scale
                           else least((p + half) * denominator / scale, denominator + 1) end) as hi
          from h)
    select greatest(hi - lo, 0)
           - greatest(least(hi, threshold::numeric) - greatest(lo, case when suppress_zero then 0 else 1 end), 0)
    from b
$$;

-- The same, as the range [low, high] of those numerators without the threshold's gap: what a rate says
-- about its count when it is combined with other figures.
create function atlas.numerator_range(p numeric, d integer, denominator numeric, scale numeric, may_exceed boolean)
    returns numeric[] language sql immutable parallel safe as $$
    select array[ceil(greatest((p - half) * denominator / scale, 0)),
                 ceil(case when may_exceed then (p + half) * denominator / scale
                           else least((p + half) * denominator / scale, denominator + 1) end) - 1]
    from (select 0.5 * power(10::numeric, -d) as half) h
$$;

-- One cell: a value of an indicator, unit and period on a published level, with what the rules need.
create type atlas.disclosure_cell as (
    cell_id integer, territory_id integer, indicator_id integer, unit_id bigint, parent_id bigint, level_id integer,
    period smallint, value numeric, numerator numeric, denominator numeric, status text, aggregated boolean,
    kind text, aggregation text, counts_public boolean, decimals integer, pub_decimals integer, cases numeric,
    round_to integer, secondary boolean, reason text, count_elsewhere boolean,
    scale_factor numeric, may_exceed boolean, min_candidates integer, guarded boolean);

-- A cell's place in a sum that an analyst can difference (group_key), as total or part.
create type atlas.disclosure_member as (group_key text, cell_id integer, cases numeric, is_total boolean, count_elsewhere boolean);

-- Every cell of live territories on published levels, with the reason it is withheld (null: published)
-- and the decimals it is published with. Reasons: secret (at source), primary (case count below the
-- threshold), population (area below the minimum population), ambiguity (a rate that would give its
-- count away), secondary (a sum of one indicator: parent and children), relation (a declared relation).
-- Internal: the public views publish no reason (telling primary from secondary would point at the small one).
create function atlas.disclosure()
    returns table (territory_id integer, indicator_id integer, unit_id bigint, level_id integer, period smallint, value numeric,
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
        with base as (
            -- every value of live territories: the population indicator is needed even where it is not published
            select v.territory_id, v.indicator_id, v.unit_id, v.period, v.value, v.numerator, v.denominator, v.status, v.aggregated,
                   u.parent_id, u.level_id, i.kind, i.aggregation, i.counts_public, i.decimals, i.scale_factor,
                   i.numerator_may_exceed_denominator as may_exceed,
                   r.threshold, r.suppress_zero, r.secondary, r.min_population, r.round_to, r.min_candidates,
                   -- a count of cases; a difference (numerator_may_be_negative, e.g. population change) is none
                   case when i.numerator_may_be_negative then null when i.kind = 'count' then v.value when i.kind = 'ratio' then v.numerator end
                       as cases,
                   max(v.value) filter (where r.is_population) over (partition by v.unit_id, v.period) as population
            from atlas.v_indicator_value v
            join atlas.indicator i on i.indicator_id = v.indicator_id
            join atlas.v_disclosure_rule r on r.indicator_id = v.indicator_id
            join atlas.spatial_unit u on u.unit_id = v.unit_id
            where v.territory_id in (select p.territory_id from atlas.v_territory_publication p where p.published >= p.min_published)
        ),
        cell as (
            select b.* from base b
            where exists (select 1 from atlas.publication p where p.indicator_id = b.indicator_id and p.level_id = b.level_id)
        ),
        -- cells of a ratio whose numerator is, by a declared one-part relation, the count of a count
        -- indicator published for the same unit and period: its count is public anyway
        count_elsewhere as (
            select distinct c.indicator_id, c.unit_id, c.period
            from cell c
            join atlas.indicator_relation rel on rel.kind = 'sum' and rel.part_id = c.indicator_id
                 and not exists (select 1 from atlas.indicator_relation o where o.territory_id = rel.territory_id
                                   and o.relation_no = rel.relation_no and o.part_id <> rel.part_id)
            join cell t on t.indicator_id = rel.indicator_id and t.unit_id = c.unit_id and t.period = c.period and t.kind = 'count'
            where c.kind = 'ratio'
        ),
        guarded as (
            select c.*, (e.unit_id is not null) as count_elsewhere,
                   c.kind = 'ratio' and c.numerator is not null and not c.counts_public and c.cases is not null and c.cases >= 0
                       and e.unit_id is null as guarded
            from cell c left join count_elsewhere e using (indicator_id, unit_id, period)
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
        select (row_number() over (order by p.indicator_id, p.unit_id, p.period))::int as cell_id, p.territory_id, p.indicator_id,
               p.unit_id, p.parent_id, p.level_id, p.period, p.value, p.numerator, p.denominator, p.status, p.aggregated,
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
            join unnest(cells) c on c.indicator_id = r.part_id and c.unit_id = t.unit_id and c.period = t.period
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
        -- parent = sum of its children on one level (one indicator and period), where the indicator sums
        select 'h:' || c.indicator_id || ':' || c.period || ':' || c.parent_id || ':' || c.level_id as group_key,
               c.cell_id, c.cases, false as is_total, c.count_elsewhere
        from unnest(cells) c where c.parent_id is not null and c.secondary and c.aggregation <> 'none'
        union
        select 'h:' || ch.indicator_id || ':' || ch.period || ':' || ch.parent_id || ':' || ch.level_id, p.cell_id, p.cases, true, p.count_elsewhere
        from unnest(cells) ch
        join unnest(cells) p on p.indicator_id = ch.indicator_id and p.period = ch.period and p.unit_id = ch.parent_id
        where ch.secondary and ch.aggregation <> 'none'
        union
        -- a declared sum: the total and its parts, per unit and period
        select 'r:' || rel.relation_no || ':' || c.unit_id || ':' || c.period, c.cell_id, c.cases, c.indicator_id = rel.total_id,
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
            join unnest(cells) d on d.indicator_id = rel.indicator_id and d.unit_id = r.unit_id and d.period = r.period
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
    select c.territory_id, c.indicator_id, c.unit_id, c.level_id, c.period, c.value, c.numerator, c.denominator, c.status,
           c.aggregated, c.kind, c.counts_public, c.round_to, decs[c.cell_id], reasons[c.cell_id]
    from unnest(cells) c;
end $$;

------------------------------------------------------------------------------------------------
-- The public values: what atlas.disclosure() lets through, rounded. The layer view depends on it
-- and is rebuilt unchanged (it now reads rounded figures, and so do WFS, feature info and SLD).
drop materialized view atlas_public.layer_value;
drop materialized view atlas_public.indicator_value;

create materialized view atlas_public.indicator_value as
with d as (select * from atlas.disclosure()),
published as (
    select d.territory_id, d.indicator_id, d.unit_id, d.period, d.aggregated,
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
select territory_id, indicator_id, unit_id, period, value, numerator, denominator, status, aggregated,
       atlas.display_value(value, coalesce(decimals, 0), status) as formatted, decimals
from published;
create unique index indicator_value_key on atlas_public.indicator_value (indicator_id, unit_id, period);

create materialized view atlas_public.layer_value as
select (f.unit_id * 1000 + (f.period - 1900))::bigint as fid, f.territory, f.level, f.indicator, f.unit_id, f.code, f.name,
       f.period, f.stichtag, v.value::float8 as value, coalesce(v.formatted, 'x') as wert, coalesce(v.status, 'no_data') as status
from atlas.v_layer_frame f
join atlas.publication p on p.indicator_id = f.indicator_id and p.level_id = f.level_id
left join atlas_public.indicator_value v on v.indicator_id = f.indicator_id and v.unit_id = f.unit_id and v.period = f.period
where f.territory_id in (select territory_id from atlas.v_territory_publication where published >= min_published);
create unique index layer_value_key on atlas_public.layer_value (territory, indicator, level, fid);
create index layer_value_period on atlas_public.layer_value (territory, indicator, level, stichtag);

grant select on atlas_public.indicator_value, atlas_public.layer_value to atlas_public_reader, atlas_internal_reader;

------------------------------------------------------------------------------------------------
-- The administrator's report: per indicator, level and period, how many cells each rule withheld
-- and how many rates went out with fewer decimals than declared. Internal (schema atlas).
create function atlas.disclosure_report(territory integer)
    returns table (indicator text, level text, period smallint, cells bigint, published bigint, coarser bigint,
                   secret bigint, primary_ bigint, population bigint, ambiguity bigint, secondary bigint, relation bigint)
    language sql stable as $$
    select i.key, l.key, d.period, count(*), count(*) filter (where d.reason is null),
           count(*) filter (where d.reason is null and d.decimals < i.decimals),
           count(*) filter (where d.reason = 'secret'), count(*) filter (where d.reason = 'primary'),
           count(*) filter (where d.reason = 'population'), count(*) filter (where d.reason = 'ambiguity'),
           count(*) filter (where d.reason = 'secondary'), count(*) filter (where d.reason = 'relation')
    from atlas.disclosure() d
    join atlas.indicator i on i.indicator_id = d.indicator_id
    join atlas.unit_level l on l.level_id = d.level_id
    where d.territory_id = territory
    group by i.key, i.sort_order, l.key, l.rank, d.period
    order by i.sort_order, i.key, l.rank, d.period
$$;
