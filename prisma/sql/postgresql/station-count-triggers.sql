-- StationCount on PostgreSQL: the same rollup and invariant as prisma/sql/station-count-triggers.sql (SQLite), kept by
-- one PL/pgSQL trigger function (docs/decisions/009-station-count-rollup.md, 017-two-databases.md).
-- scripts/new-migration.sh appends this file to prisma/migrations-postgresql's generated migration.
-- Invariant: StationCount holds exactly the rows of COVERAGE_SQL (app/models/coverage.server.ts), so a row is deleted
-- when its last active or planned station leaves the cell. Row-level triggers fire for every row of a bulk statement,
-- and run inside the writer's transaction, so a rollback takes the counts back with it.

-- Rows for stations that exist before the trigger does (none on a fresh database).
INSERT INTO "StationCount" ("areaId", "element", "active", "activeAutomatic", "planned")
SELECT "areaId", "element",
       COUNT(*) FILTER (WHERE "status" = 'ACTIVE'),
       COUNT(*) FILTER (WHERE "status" = 'ACTIVE' AND "mode" = 'AUTOMATIC'),
       COUNT(*) FILTER (WHERE "status" = 'PLANNED')
  FROM "Station"
 WHERE "status" IN ('ACTIVE', 'PLANNED')
 GROUP BY "areaId", "element";

CREATE OR REPLACE FUNCTION "Station_count"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Take the old row out of its cell (UPDATE, DELETE) …
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD."status" IN ('ACTIVE', 'PLANNED') THEN
    UPDATE "StationCount" SET
      "active" = "active" - (OLD."status" = 'ACTIVE')::int,
      "activeAutomatic" = "activeAutomatic" - (OLD."status" = 'ACTIVE' AND OLD."mode" = 'AUTOMATIC')::int,
      "planned" = "planned" - (OLD."status" = 'PLANNED')::int
     WHERE "areaId" = OLD."areaId" AND "element" = OLD."element";
    DELETE FROM "StationCount"
     WHERE "areaId" = OLD."areaId" AND "element" = OLD."element" AND "active" = 0 AND "planned" = 0;
  END IF;
  -- … then put the new one in (INSERT, UPDATE).
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW."status" IN ('ACTIVE', 'PLANNED') THEN
    INSERT INTO "StationCount" ("areaId", "element", "active", "activeAutomatic", "planned")
    VALUES (NEW."areaId", NEW."element", (NEW."status" = 'ACTIVE')::int,
            (NEW."status" = 'ACTIVE' AND NEW."mode" = 'AUTOMATIC')::int, (NEW."status" = 'PLANNED')::int)
    ON CONFLICT ("areaId", "element") DO UPDATE SET
      "active" = "StationCount"."active" + excluded."active",
      "activeAutomatic" = "StationCount"."activeAutomatic" + excluded."activeAutomatic",
      "planned" = "StationCount"."planned" + excluded."planned";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Station_count_insert" AFTER INSERT ON "Station"
FOR EACH ROW WHEN (NEW."status" IN ('ACTIVE', 'PLANNED'))
EXECUTE FUNCTION "Station_count"();

CREATE TRIGGER "Station_count_delete" AFTER DELETE ON "Station"
FOR EACH ROW WHEN (OLD."status" IN ('ACTIVE', 'PLANNED'))
EXECUTE FUNCTION "Station_count"();

-- Only when a column the counts depend on really changes (a write of the same values moves nothing).
CREATE TRIGGER "Station_count_update" AFTER UPDATE OF "status", "mode", "element", "areaId" ON "Station"
FOR EACH ROW WHEN ((OLD."status" IN ('ACTIVE', 'PLANNED') OR NEW."status" IN ('ACTIVE', 'PLANNED'))
  AND (OLD."status", OLD."mode", OLD."element", OLD."areaId") IS DISTINCT FROM
      (NEW."status", NEW."mode", NEW."element", NEW."areaId"))
EXECUTE FUNCTION "Station_count"();
