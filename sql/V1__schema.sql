-- Chancenatlas schema: tenants, unit levels, time-versioned units, facilities, indicator catalogue,
-- values with their counts, import batches with provenance, value history.
-- Every table below carries territory_id: data and rights stay with the tenant, and it is the
-- distribution key should the database ever be sharded.

create extension if not exists postgis;
create extension if not exists btree_gist;   -- exclusion constraints on (key, validity range)

create schema atlas;

-- A tenant: a Kreis, a kreisfreie Stadt, a Gemeinde, or a whole Land for scale hosting.
create table atlas.territory (
    territory_id  integer generated always as identity primary key,
    key           text not null unique check (key ~ '^[a-z][a-z0-9_-]{1,39}$'),
    name          text not null check (btrim(name) <> ''),
    kind          text not null check (kind in ('kreis', 'kreisfreie_stadt', 'gemeinde', 'land', 'bund', 'region')),
    ags           text check (ags ~ '^[0-9]{2,12}$'),          -- AGS/ARS as text: leading zeros matter
    srid          integer not null check (srid in (25832, 25833, 31466, 31467, 31468, 3035)),
    attribution   text,                                        -- data credit shown with every output
    settings      jsonb not null default '{}'::jsonb,          -- disclosure defaults, logo, colours
    created_at    timestamptz not null default now()
);

-- Ordered levels of one territory: 0 = territory total, higher rank = finer units.
create table atlas.unit_level (
    territory_id  integer not null references atlas.territory on delete cascade,
    level_id      integer generated always as identity primary key,
    key           text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    name          text not null,
    name_plural   text,
    rank          smallint not null check (rank between 0 and 20),
    geometry_kind text not null default 'polygon' check (geometry_kind in ('polygon', 'point')),
    unique (territory_id, key),
    unique (territory_id, level_id)
);
-- Polygon levels form one chain per territory; point levels (schools, Kitas) stand beside it.
create unique index unit_level_rank_uq on atlas.unit_level (territory_id, rank) where geometry_kind = 'polygon';

-- A spatial unit version. Boundaries change (Gebietsreform): a change closes the old version
-- (valid_to) and adds a new one; values keep pointing at the version valid on their reference date.
create table atlas.spatial_unit (
    territory_id  integer not null,
    unit_id       bigint generated always as identity primary key,
    level_id      integer not null,
    code          text not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
    name          text not null check (btrim(name) <> ''),
    parent_id     bigint references atlas.spatial_unit deferrable initially deferred,
    valid_from    date not null default date '1900-01-01',
    valid_to      date,                                       -- exclusive; null = still valid
    validity      daterange generated always as (daterange(valid_from, valid_to, '[)')) stored,
    geom          geometry not null,
    area_m2       double precision generated always as (st_area(geom)) stored,
    batch_id      bigint,
    attributes    jsonb not null default '{}'::jsonb,
    foreign key (territory_id, level_id) references atlas.unit_level (territory_id, level_id) on delete cascade,
    check (valid_to is null or valid_to > valid_from),
    check (st_isvalid(geom) and not st_isempty(geom)),
    check (geometrytype(geom) in ('MULTIPOLYGON', 'POINT')),
    -- No two versions of one unit overlap in time, hence never two current versions
    -- (level_id is unique across territories, so the territory is implied).
    exclude using gist (level_id with =, code with =, daterange(valid_from, valid_to, '[)') with &&),
    unique (unit_id, territory_id)
);
create index spatial_unit_geom_idx on atlas.spatial_unit using gist (geom);
create index spatial_unit_level_idx on atlas.spatial_unit (level_id, code);
create index spatial_unit_parent_idx on atlas.spatial_unit (parent_id);

-- The geometry must be in the territory's native SRID; a trigger, because a check cannot look it up.
create function atlas.check_unit_srid() returns trigger language plpgsql as $$
declare
    expected integer;
begin
    select srid into expected from atlas.territory where territory_id = new.territory_id;
    if st_srid(new.geom) <> expected then
        raise exception 'geometry of unit % has SRID %, territory requires %', new.code, st_srid(new.geom), expected
            using errcode = 'check_violation';
    end if;
    return new;
end $$;
create trigger spatial_unit_srid before insert or update of geom on atlas.spatial_unit
    for each row execute function atlas.check_unit_srid();

-- Every (unit, ancestor) pair with the distance between them, kept by a trigger, so that aggregation
-- to any higher level is one join instead of a recursive query per request.
create table atlas.unit_closure (
    territory_id  integer not null,
    unit_id       bigint not null references atlas.spatial_unit on delete cascade,
    ancestor_id   bigint not null references atlas.spatial_unit on delete cascade,
    depth         smallint not null,
    primary key (unit_id, ancestor_id)
);
create index unit_closure_ancestor_idx on atlas.unit_closure (ancestor_id);

create function atlas.refresh_unit_closure() returns trigger language plpgsql as $$
begin
    delete from atlas.unit_closure;
    insert into atlas.unit_closure (territory_id, unit_id, ancestor_id, depth)
    with recursive up as (
        select territory_id, unit_id, unit_id as ancestor_id, parent_id, 0 as depth from atlas.spatial_unit
        union all
        select up.territory_id, up.unit_id, p.unit_id, p.parent_id, up.depth + 1
        from up join atlas.spatial_unit p on p.unit_id = up.parent_id
        where up.depth < 20
    )
    select territory_id, unit_id, ancestor_id, depth from up;
    return null;
end $$;
create trigger spatial_unit_closure after insert or update of parent_id or delete on atlas.spatial_unit
    for each statement execute function atlas.refresh_unit_closure();

-- Schools, Kitas, youth and family centres.
create table atlas.facility (
    territory_id  integer not null references atlas.territory on delete cascade,
    facility_id   bigint generated always as identity primary key,
    code          text not null,
    name          text not null,
    facility_type text not null check (facility_type in ('schule', 'kita', 'jugendzentrum', 'familienzentrum', 'beratungsstelle', 'sonstige')),
    unit_id       bigint references atlas.spatial_unit on delete set null,   -- the unit it lies in
    valid_from    date not null default date '1900-01-01',
    valid_to      date,
    geom          geometry(Point) not null,
    attributes    jsonb not null default '{}'::jsonb,
    batch_id      bigint,
    unique (territory_id, code, valid_from),
    check (valid_to is null or valid_to > valid_from)
);
create index facility_geom_idx on atlas.facility using gist (geom);

-- Who wrote what, when, from which file. A batch is atomic: all of its rows or none.
create table atlas.import_batch (
    territory_id  integer not null references atlas.territory on delete cascade,
    batch_id      bigint generated always as identity primary key,
    kind          text not null check (kind in ('catalogue', 'boundaries', 'values', 'facilities')),
    file_name     text not null,
    sha256        text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    row_count     integer not null check (row_count >= 0),
    written       integer not null default 0,       -- rows that changed something
    unchanged     integer not null default 0,       -- rows equal to what was already there
    created_by    text not null,
    created_at    timestamptz not null default now(),
    status        text not null default 'done' check (status in ('done', 'reverted')),
    reverted_by   text,
    reverted_at   timestamptz,
    details       jsonb not null default '{}'::jsonb,
    check ((status = 'reverted') = (reverted_at is not null))
);
create index import_batch_sha_idx on atlas.import_batch (territory_id, kind, sha256);
alter table atlas.spatial_unit add foreign key (batch_id) references atlas.import_batch;
alter table atlas.facility add foreign key (batch_id) references atlas.import_batch;

create table atlas.theme (
    territory_id  integer not null references atlas.territory on delete cascade,
    theme_id      integer generated always as identity primary key,
    key           text not null check (key ~ '^[a-z][a-z0-9_]{0,39}$'),
    title         text not null,
    description   text,
    sort_order    integer not null default 0,
    unique (territory_id, key),
    unique (territory_id, theme_id)
);

-- The indicator description (Indikatorenbeschreibung), complete enough to print in a report.
create table atlas.indicator (
    territory_id      integer not null references atlas.territory on delete cascade,
    indicator_id      integer generated always as identity primary key,
    key               text not null check (key ~ '^[a-z][a-z0-9_]{0,59}$'),
    theme_id          integer not null,
    title             text not null,
    short_title       text not null,
    definition        text not null,
    interpretation    text,
    formula           text,
    numerator_label   text,
    denominator_label text,
    unit_label        text not null,                        -- '%', '‰', 'je 1.000', 'Anzahl', 'Jahre', 'Ew./km²'
    scale_factor      numeric not null default 1 check (scale_factor > 0),  -- value = numerator / denominator * scale
    decimals          smallint not null default 1 check (decimals between 0 and 6),
    polarity          text not null default 'neutral' check (polarity in ('higher_is_better', 'higher_is_worse', 'neutral')),
    kind              text not null check (kind in ('ratio', 'count', 'value')),
    aggregation       text not null check (aggregation in ('ratio_of_sums', 'sum', 'none')),
    numerator_may_exceed_denominator boolean not null default false,
    numerator_may_be_negative        boolean not null default false,
    source            text not null,
    update_cycle      text,
    department        text,                                 -- owning department (Arbeitsbereich)
    visibility        text not null default 'internal' check (visibility in ('internal', 'public')),
    counts_public     boolean not null default false,       -- may numerator/denominator be published
    disclosure        jsonb not null default '{}'::jsonb,   -- per-indicator override of territory rules
    classification    jsonb not null default '{"method": "quantile", "classes": 5}'::jsonb,
    sort_order        integer not null default 0,
    batch_id          bigint references atlas.import_batch,
    unique (territory_id, key),
    unique (territory_id, indicator_id),
    foreign key (territory_id, theme_id) references atlas.theme (territory_id, theme_id),
    -- a ratio is defined by its counts, a count sums, a plain value does not aggregate
    check ((kind = 'ratio' and aggregation in ('ratio_of_sums', 'none'))
        or (kind = 'count' and aggregation in ('sum', 'none'))
        or (kind = 'value' and aggregation = 'none')),
    check (kind <> 'ratio' or (numerator_label is not null and denominator_label is not null))
);

-- Status codes, as in official statistics:
--   ok, provisional (vorläufig), estimated (geschätzt): a value is present;
--   no_data (x, keine Angabe): nothing is known; secret (., geheim): known but withheld at source.
-- A value sits on the unit version that is valid on its reference date, 31 December of the period.
-- References (indicator, unit version and its validity, batch, all of the same territory) are
-- enforced by the statement-level triggers below rather than per-row foreign keys: the same
-- guarantee, checked as one join per statement, which keeps bulk imports at COPY speed.
create table atlas.indicator_value (
    territory_id   integer not null,
    indicator_id   integer not null,
    unit_id        bigint not null,
    period         smallint not null check (period between 1900 and 2200),
    value          numeric,
    numerator      numeric,
    denominator    numeric,
    status         text not null default 'ok' check (status in ('ok', 'provisional', 'estimated', 'no_data', 'secret')),
    batch_id       bigint not null,
    primary key (indicator_id, unit_id, period),
    check (denominator is null or denominator > 0),              -- no rate over zero
    check ((numerator is null) = (denominator is null)),          -- counts come in pairs
    -- no_data carries nothing; secret may keep the true figure for internal use or be empty
    check (case when status = 'no_data' then value is null and numerator is null
                when status = 'secret' then true
                else value is not null or numerator is not null end)
);
-- Deliberately no further indexes: lookups by unit go through the primary key
-- (indicator_id = any(...) and unit_id = ...), and each extra index costs bulk imports ~2 s per
-- million values on two cores (measured with ./atlas bench import).

-- Replaced values, kept so that nothing is lost and a batch can be reverted.
create table atlas.indicator_value_history (
    territory_id   integer not null,
    history_id     bigint generated always as identity primary key,
    indicator_id   integer not null,
    unit_id        bigint not null,
    period         smallint not null,
    value          numeric,
    numerator      numeric,
    denominator    numeric,
    status         text not null,
    batch_id       bigint not null references atlas.import_batch,      -- the batch that wrote it
    replaced_by    bigint not null references atlas.import_batch,      -- the batch that replaced it
    replaced_at    timestamptz not null default now()
);
create index indicator_value_history_key_idx on atlas.indicator_value_history (indicator_id, unit_id, period);
create index indicator_value_history_replaced_idx on atlas.indicator_value_history (replaced_by);

-- Explicit, logged admin actions (delete a territory's data, revert a batch, publish ...).
create table atlas.audit_log (
    territory_id  integer,
    audit_id      bigint generated always as identity primary key,
    action        text not null,
    actor         text not null,
    at            timestamptz not null default now(),
    details       jsonb not null default '{}'::jsonb
);

-- Referential integrity of values, set-based. Every statement that writes values is checked as a
-- whole: each row must name an indicator, a unit version valid on 31 December of its period, and a
-- batch, all of the row's territory.
create function atlas.check_value_references() returns trigger language plpgsql as $$
declare
    bad record;
begin
    -- an aggregate over all rows (not "limit 1"), so the planner joins by hash, not row by row
    select count(*) as n,
           min(format('(indicator %s, unit %s, period %s) refers to %s', n.indicator_id, n.unit_id, n.period,
               case when i.indicator_id is null then 'no indicator of its territory'
                    when u.unit_id is null then 'no unit version of its territory valid on 31 December of the period'
                    else 'no import batch of its territory' end)) as example
      into bad
      from new_rows n
      left join atlas.indicator i on i.indicator_id = n.indicator_id and i.territory_id = n.territory_id
      left join atlas.spatial_unit u on u.unit_id = n.unit_id and u.territory_id = n.territory_id
                                     and u.validity @> make_date(n.period, 12, 31)
      left join atlas.import_batch b on b.batch_id = n.batch_id and b.territory_id = n.territory_id
     where i.indicator_id is null or u.unit_id is null or b.batch_id is null;
    if bad.n > 0 then
        raise exception '% value(s) with broken references, e.g. %', bad.n, bad.example
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end $$;
create trigger indicator_value_references_insert after insert on atlas.indicator_value
    referencing new table as new_rows for each statement execute function atlas.check_value_references();
create trigger indicator_value_references_update after update on atlas.indicator_value
    referencing new table as new_rows for each statement execute function atlas.check_value_references();

-- The other side: a unit version may not lose values by a change of its validity or its deletion,
-- and an indicator or batch with values cannot be deleted (delete the values first, explicitly).
create function atlas.check_unit_keeps_values() returns trigger language plpgsql as $$
declare
    bad record;
begin
    if tg_op = 'DELETE' then
        select o.code, v.period into bad from old_rows o join atlas.indicator_value v on v.unit_id = o.unit_id limit 1;
    else
        select n.code, v.period into bad from new_rows n join atlas.indicator_value v on v.unit_id = n.unit_id
         where not n.validity @> make_date(v.period, 12, 31) or v.territory_id <> n.territory_id limit 1;
    end if;
    if found then
        raise exception 'unit % has values for % that would lose their unit version', bad.code, bad.period
            using errcode = 'foreign_key_violation';
    end if;
    return null;
end $$;
create trigger spatial_unit_keeps_values_update after update on atlas.spatial_unit
    referencing new table as new_rows for each statement execute function atlas.check_unit_keeps_values();
create trigger spatial_unit_keeps_values_delete after delete on atlas.spatial_unit
    referencing old table as old_rows for each statement execute function atlas.check_unit_keeps_values();

create function atlas.check_no_values_left() returns trigger language plpgsql as $$
declare
    column_name text := tg_argv[0];
    bad record;
begin
    execute format('select o.%1$I as id from old_rows o join atlas.indicator_value v on v.%1$I = o.%1$I limit 1', column_name)
       into bad;
    if bad.id is not null then
        raise exception '% % still has values', tg_table_name, bad.id using errcode = 'foreign_key_violation';
    end if;
    return null;
end $$;
create trigger indicator_keeps_values after delete on atlas.indicator
    referencing old table as old_rows for each statement execute function atlas.check_no_values_left('indicator_id');
create trigger import_batch_keeps_values after delete on atlas.import_batch
    referencing old table as old_rows for each statement execute function atlas.check_no_values_left('batch_id');
