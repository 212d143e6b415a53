-- GeoMas change capture: tells every listening GeoMas server which area of which table changed, so that the tiles
-- drawn from it are invalidated (tilecache/README.md). Idempotent: run at every server start and by
-- `geomas install-triggers`. The transaction holding this script also holds an advisory lock, so several instances
-- starting together do not race on CREATE OR REPLACE.
--
-- Why statement-level triggers with transition tables: a bulk reload (the yearly cadastre integration, an UPDATE of
-- a million rows) must produce ONE notification carrying the union extent, not a million. PostgreSQL allows
-- transition tables on single-event triggers only, hence one trigger per event; TRUNCATE has no rows to look at,
-- so it says "the whole table". NOTIFY is delivered at commit (never for a rolled back transaction) and identical
-- payloads within one transaction are folded by PostgreSQL.
--
-- Payload (JSON, far below the 8000-byte NOTIFY limit): {"id": uuid, "schema", "table", "op",
--   "bbox": [minx, miny, maxx, maxy]} in the table's SRID, or {"id", "schema", "table", "op": "TRUNCATE", "all": true}.

CREATE SCHEMA IF NOT EXISTS geomas_meta;

CREATE OR REPLACE FUNCTION geomas_meta.notify_rows_changed() RETURNS trigger
LANGUAGE plpgsql AS $fn$
DECLARE
    geom_column text := TG_ARGV[0];
    extent_sql text;
    box box2d;
BEGIN
    -- Old and new images both matter: a parcel moved away leaves a hole where it was drawn.
    extent_sql := CASE TG_OP
        WHEN 'INSERT' THEN format('SELECT ST_Extent(%I) FROM geomas_new_rows', geom_column)
        WHEN 'DELETE' THEN format('SELECT ST_Extent(%I) FROM geomas_old_rows', geom_column)
        ELSE format('SELECT ST_Extent(g) FROM (SELECT %1$I AS g FROM geomas_old_rows UNION ALL SELECT %1$I FROM geomas_new_rows) AS changed', geom_column)
    END;
    EXECUTE extent_sql INTO box;
    -- No row or only NULL geometries: nothing that is drawn has changed.
    IF box IS NOT NULL THEN
        PERFORM pg_notify('geomas_changes', json_build_object(
            'id', gen_random_uuid(),
            'schema', TG_TABLE_SCHEMA,
            'table', TG_TABLE_NAME,
            'op', TG_OP,
            'bbox', json_build_array(ST_XMin(box), ST_YMin(box), ST_XMax(box), ST_YMax(box)))::text);
    END IF;
    RETURN NULL;
END
$fn$;

CREATE OR REPLACE FUNCTION geomas_meta.notify_table_truncated() RETURNS trigger
LANGUAGE plpgsql AS $fn$
BEGIN
    PERFORM pg_notify('geomas_changes', json_build_object(
        'id', gen_random_uuid(),
        'schema', TG_TABLE_SCHEMA,
        'table', TG_TABLE_NAME,
        'op', TG_OP,
        'all', true)::text);
    RETURN NULL;
END
$fn$;

-- Installs (or re-installs) the four triggers on one table. The table and column come from the server's catalog
-- as bound parameters; format() quotes them again for the DDL.
CREATE OR REPLACE FUNCTION geomas_meta.install_change_triggers(target regclass, geom_column text) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    IF target IS NULL THEN
        RAISE EXCEPTION 'geomas: cannot install change triggers: table not found';
    END IF;
    EXECUTE format('DROP TRIGGER IF EXISTS geomas_changes_insert ON %s', target);
    EXECUTE format('DROP TRIGGER IF EXISTS geomas_changes_update ON %s', target);
    EXECUTE format('DROP TRIGGER IF EXISTS geomas_changes_delete ON %s', target);
    EXECUTE format('DROP TRIGGER IF EXISTS geomas_changes_truncate ON %s', target);
    EXECUTE format('CREATE TRIGGER geomas_changes_insert AFTER INSERT ON %s REFERENCING NEW TABLE AS geomas_new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION geomas_meta.notify_rows_changed(%L)', target, geom_column);
    EXECUTE format('CREATE TRIGGER geomas_changes_update AFTER UPDATE ON %s REFERENCING OLD TABLE AS geomas_old_rows NEW TABLE AS geomas_new_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION geomas_meta.notify_rows_changed(%L)', target, geom_column);
    EXECUTE format('CREATE TRIGGER geomas_changes_delete AFTER DELETE ON %s REFERENCING OLD TABLE AS geomas_old_rows '
                   'FOR EACH STATEMENT EXECUTE FUNCTION geomas_meta.notify_rows_changed(%L)', target, geom_column);
    EXECUTE format('CREATE TRIGGER geomas_changes_truncate AFTER TRUNCATE ON %s '
                   'FOR EACH STATEMENT EXECUTE FUNCTION geomas_meta.notify_table_truncated()', target);
END
$fn$;

CREATE OR REPLACE FUNCTION geomas_meta.remove_change_triggers(target regclass) RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format('DROP TRIGGER IF EXISTS geomas_changes_insert ON %s', target);
    EXECUTE format('DROP TRIGGER IF EXISTS geomas_changes_update ON %s', target);
    EXECUTE format('DROP TRIGGER IF EXISTS geomas_changes_delete ON %s', target);
    EXECUTE format('DROP TRIGGER IF EXISTS geomas_changes_truncate ON %s', target);
END
$fn$;
