-- The one place where a value is derived: stored values of every level, plus exact aggregates.
--
-- For an indicator and period, the finest level that holds stored values is the base. Every unit
-- above it gets the aggregate of its base-level descendants: the ratio of summed numerators to
-- summed denominators for ratio indicators, the sum for count indicators. A value stored for a
-- higher unit itself (delivered by the source) takes precedence over the aggregate.
-- status 'incomplete' marks an aggregate to which not every base-level unit contributed.
create view atlas.v_indicator_value as
select v.territory_id, v.indicator_id, v.unit_id, v.period,
       case when i.kind = 'ratio' and v.numerator is not null
            then v.numerator / v.denominator * i.scale_factor
            else v.value end                                   as value,
       v.numerator, v.denominator, v.status,
       false                                                    as aggregated,
       v.batch_id
from atlas.indicator_value v
join atlas.indicator i on i.indicator_id = v.indicator_id
union all
select a.territory_id, a.indicator_id, a.unit_id, a.period,
       case a.aggregation
            when 'ratio_of_sums' then a.sum_numerator / a.sum_denominator * a.scale_factor
            else a.sum_value end,
       a.sum_numerator, a.sum_denominator,
       case when a.contributors < a.base_units then 'incomplete'
            when a.provisional then 'provisional'
            when a.estimated then 'estimated'
            else 'ok' end,
       true,
       null
from (
    select c.territory_id, b.indicator_id, c.ancestor_id as unit_id, b.period,
           b.aggregation, b.scale_factor,
           sum(b.numerator)   as sum_numerator,
           sum(b.denominator) as sum_denominator,
           sum(b.value)       as sum_value,
           count(*)           as contributors,
           bool_or(b.status = 'provisional') as provisional,
           bool_or(b.status = 'estimated')   as estimated,
           (select count(*) from atlas.unit_closure cc
              join atlas.spatial_unit su on su.unit_id = cc.unit_id
             where cc.ancestor_id = c.ancestor_id and su.level_id = b.level_id
               and su.validity @> make_date(b.period, 12, 31)) as base_units
    from (
        select v.*, i.aggregation, i.scale_factor, u.level_id,
               l.rank, max(l.rank) over (partition by v.indicator_id, v.period) as base_rank
        from atlas.indicator_value v
        join atlas.indicator i   on i.indicator_id = v.indicator_id
        join atlas.spatial_unit u on u.unit_id = v.unit_id
        join atlas.unit_level l  on l.level_id = u.level_id
        -- only values with a figure contribute (a secret value may be stored without one)
        where i.aggregation <> 'none' and v.status <> 'no_data'
          and (case when i.aggregation = 'sum' then v.value is not null else v.numerator is not null end)
    ) b
    join atlas.unit_closure c on c.unit_id = b.unit_id and c.depth > 0
    where b.rank = b.base_rank
    group by c.territory_id, b.indicator_id, c.ancestor_id, b.period, b.aggregation, b.scale_factor, b.level_id
) a
where not exists (select 1 from atlas.indicator_value s
                  where s.indicator_id = a.indicator_id and s.unit_id = a.unit_id and s.period = a.period);

comment on view atlas.v_indicator_value is
  'Stored and aggregated indicator values of every level; the single source for API, OGC layers and reports.';
