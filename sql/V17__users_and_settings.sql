-- Admin console, users and settings (issue 13).
--
-- The last successful login of each account, for the user list (written at most once a minute per
-- account: OGC clients authenticate every request).
alter table atlas.app_user add column last_login_at timestamptz;

-- A territory's logo uploaded in the console (reports' header, the web atlas's territory page). The
-- bytes live here, not in settings (which every territory listing reads); settings.report.logo names
-- it as "upload:<first 12 hex digits of its SHA-256>", so a changed logo has a new address.
create table atlas.territory_logo (
    territory_id integer primary key references atlas.territory on delete cascade,
    media_type   text not null check (media_type in ('image/png', 'image/jpeg', 'image/svg+xml')),
    content      bytea not null check (octet_length(content) between 1 and 524288),
    sha256       text not null check (sha256 ~ '^[0-9a-f]{64}$'),
    file_name    text,
    uploaded_at  timestamptz not null default now(),
    uploaded_by  text not null
);

-- The audit log is read by territory and time, filtered by who.
create index audit_log_territory_at on atlas.audit_log (territory_id, at desc);
create index audit_log_at on atlas.audit_log (at desc);
