-- Staff, rights, publication, and the two read audiences.
--
-- Staff users live here (not in an LDAP by default); a grant gives a user a role in one territory:
-- admin (users, departments, catalogue, publication), editor (writes the themes and indicators of
-- one department), reader (reads the internal area). A user may hold grants in several territories.

create table atlas.app_user (
    user_id              integer generated always as identity primary key,
    login                text not null check (login ~ '^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$'),
    display_name         text,
    email                text,
    password_hash        text not null,                    -- bcrypt, via Spring Security's delegating encoder
    must_change_password boolean not null default true,    -- one-time passwords must be replaced at first login
    global_admin         boolean not null default false,   -- creates territories, administers every territory
    failed_logins        integer not null default 0,
    locked_until         timestamptz,                      -- set after repeated failures
    disabled             boolean not null default false,
    created_at           timestamptz not null default now(),
    password_changed_at  timestamptz
);
create unique index app_user_login_uq on atlas.app_user (lower(login));

-- A department (Arbeitsbereich: Jugendamt, Schulverwaltung, Gesundheitsamt …) owns themes and indicators.
create table atlas.department (
    territory_id  integer not null references atlas.territory on delete cascade,
    department_id integer generated always as identity primary key,
    key           text not null check (key ~ '^[a-z][a-z0-9_-]{0,39}$'),
    name          text not null check (btrim(name) <> ''),
    unique (territory_id, key),
    unique (territory_id, department_id)
);

create table atlas.department_theme (
    territory_id  integer not null,
    department_id integer not null,
    theme_id      integer not null,
    primary key (department_id, theme_id),
    foreign key (territory_id, department_id) references atlas.department (territory_id, department_id) on delete cascade,
    foreign key (territory_id, theme_id) references atlas.theme (territory_id, theme_id) on delete cascade
);

create table atlas.department_indicator (
    territory_id  integer not null,
    department_id integer not null,
    indicator_id  integer not null,
    primary key (department_id, indicator_id),
    foreign key (territory_id, department_id) references atlas.department (territory_id, department_id) on delete cascade,
    foreign key (territory_id, indicator_id) references atlas.indicator (territory_id, indicator_id) on delete cascade
);

create table atlas.user_grant (
    user_id       integer not null references atlas.app_user on delete cascade,
    territory_id  integer not null references atlas.territory on delete cascade,
    role          text not null check (role in ('admin', 'editor', 'reader')),
    department_id integer,
    granted_at    timestamptz not null default now(),
    granted_by    text not null,
    check ((role = 'editor') = (department_id is not null)),
    foreign key (territory_id, department_id) references atlas.department (territory_id, department_id) on delete cascade
);
create unique index user_grant_uq on atlas.user_grant (user_id, territory_id, role, coalesce(department_id, 0));

-- API tokens for scripted imports: only a SHA-256 of the token is kept; the token is shown once.
create table atlas.api_token (
    token_id     integer generated always as identity primary key,
    user_id      integer not null references atlas.app_user on delete cascade,
    name         text not null,
    token_hash   text not null unique check (token_hash ~ '^[0-9a-f]{64}$'),
    created_at   timestamptz not null default now(),
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz
);

-- Publication: an indicator is internal until an administrator publishes it, per unit level.
create table atlas.publication (
    territory_id integer not null,
    indicator_id integer not null,
    level_id     integer not null,
    published_at timestamptz not null default now(),
    published_by text not null,
    primary key (indicator_id, level_id),
    foreign key (territory_id, indicator_id) references atlas.indicator (territory_id, indicator_id) on delete cascade,
    foreign key (territory_id, level_id) references atlas.unit_level (territory_id, level_id) on delete cascade
);

-- Indicators the catalogue declared public so far were public on every level: keep them so.
insert into atlas.publication (territory_id, indicator_id, level_id, published_by)
select i.territory_id, i.indicator_id, l.level_id, 'migration V4'
from atlas.indicator i join atlas.unit_level l on l.territory_id = i.territory_id and l.geometry_kind = 'polygon'
where i.visibility = 'public';

-- The published views are refreshed when the newest data-changing audit entry moves (PublishedViews).
create index audit_log_action on atlas.audit_log (action, audit_id);

-- The effective disclosure rules of each indicator: the indicator's own setting, else the
-- territory's, else the default. The one place these defaults live. The population that the
-- minimum-population rule looks at is one indicator of the territory (settings.disclosure.population_indicator).
create view atlas.v_disclosure_rule as
select i.indicator_id, i.territory_id,
       coalesce((i.disclosure ->> 'threshold')::int, (t.settings #>> '{disclosure,threshold}')::int, 3)          as threshold,
       coalesce((i.disclosure ->> 'suppress_zero')::boolean, (t.settings #>> '{disclosure,suppress_zero}')::boolean, false)
                                                                                                                  as suppress_zero,
       coalesce((i.disclosure ->> 'secondary')::boolean, (t.settings #>> '{disclosure,secondary}')::boolean, true) as secondary,
       coalesce((i.disclosure ->> 'min_population')::numeric, (t.settings #>> '{disclosure,min_population}')::numeric, 0)
                                                                                                                  as min_population,
       i.key = (t.settings #>> '{disclosure,population_indicator}')                                               as is_population,
       coalesce((i.disclosure ->> 'round_to')::int, (t.settings #>> '{disclosure,round_to}')::int, 1)             as round_to
from atlas.indicator i
join atlas.territory t on t.territory_id = i.territory_id;

-- A territory's public area is live once enough indicators are published (the KECK rule: 10).
create view atlas.v_territory_publication as
select t.territory_id, coalesce(p.published, 0) as published,
       coalesce((t.settings #>> '{publication,min_published}')::int, 10) as min_published
from atlas.territory t
left join (select territory_id, count(distinct indicator_id)::int as published from atlas.publication group by territory_id) p
       using (territory_id);

-- How a value reads in tables, feature info, layers and reports: the German number where there is
-- one (staff see secret figures), '–' withheld (secret or suppressed), 'x' no data.
-- Security definer (and so not inlined): the internal reader role calls it through its view but
-- may not look into schema atlas, where format_de lives.
create function atlas.display_value(v numeric, decimals integer, status text) returns text
    language sql immutable parallel safe security definer set search_path = pg_catalog, pg_temp as $$
    select case when v is not null then atlas.format_de(v, decimals)
                when status in ('secret', 'suppressed') then '–'
                else 'x' end
$$;
