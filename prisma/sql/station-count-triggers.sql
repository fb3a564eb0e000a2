-- StationCount: active and planned stations per area × element, kept in step with Station by triggers
-- (docs/decisions/009-station-count-rollup.md). Prisma creates the table from prisma/schema/registry.prisma but knows
-- nothing of triggers: scripts/new-migration.sh appends this file to the generated migration.
-- Invariant: StationCount holds exactly the rows of
--   SELECT areaId, element, SUM(status = 'ACTIVE'), SUM(status = 'ACTIVE' AND mode = 'AUTOMATIC'), SUM(status = 'PLANNED')
--     FROM Station WHERE status IN ('ACTIVE', 'PLANNED') GROUP BY areaId, element
-- so a row is deleted when its last active or planned station leaves the cell.
-- Not covered: INSERT OR REPLACE on Station fires no DELETE trigger unless recursive_triggers is on (nothing in the
-- product does that, and Alert's foreign key would refuse it for a station with alerts anyway).

-- Rows for stations that exist before the triggers do (none on a fresh database).
INSERT INTO "StationCount" ("areaId", "element", "active", "activeAutomatic", "planned")
SELECT "areaId", "element",
       SUM("status" = 'ACTIVE'), SUM("status" = 'ACTIVE' AND "mode" = 'AUTOMATIC'), SUM("status" = 'PLANNED')
  FROM "Station"
 WHERE "status" IN ('ACTIVE', 'PLANNED')
 GROUP BY "areaId", "element";

CREATE TRIGGER "Station_count_insert" AFTER INSERT ON "Station"
WHEN NEW."status" IN ('ACTIVE', 'PLANNED')
BEGIN
  INSERT INTO "StationCount" ("areaId", "element", "active", "activeAutomatic", "planned")
  VALUES (NEW."areaId", NEW."element", NEW."status" = 'ACTIVE', NEW."status" = 'ACTIVE' AND NEW."mode" = 'AUTOMATIC', NEW."status" = 'PLANNED')
  ON CONFLICT ("areaId", "element") DO UPDATE SET
    "active" = "active" + excluded."active",
    "activeAutomatic" = "activeAutomatic" + excluded."activeAutomatic",
    "planned" = "planned" + excluded."planned";
END;

CREATE TRIGGER "Station_count_delete" AFTER DELETE ON "Station"
WHEN OLD."status" IN ('ACTIVE', 'PLANNED')
BEGIN
  UPDATE "StationCount" SET
    "active" = "active" - (OLD."status" = 'ACTIVE'),
    "activeAutomatic" = "activeAutomatic" - (OLD."status" = 'ACTIVE' AND OLD."mode" = 'AUTOMATIC'),
    "planned" = "planned" - (OLD."status" = 'PLANNED')
   WHERE "areaId" = OLD."areaId" AND "element" = OLD."element";
  DELETE FROM "StationCount"
   WHERE "areaId" = OLD."areaId" AND "element" = OLD."element" AND "active" = 0 AND "planned" = 0;
END;

-- One trigger for every column the counts depend on: take the old row out of its cell, then put the new one in.
CREATE TRIGGER "Station_count_update" AFTER UPDATE OF "status", "mode", "element", "areaId" ON "Station"
WHEN (OLD."status" IN ('ACTIVE', 'PLANNED') OR NEW."status" IN ('ACTIVE', 'PLANNED'))
 AND (OLD."status" IS NOT NEW."status" OR OLD."mode" IS NOT NEW."mode"
      OR OLD."element" IS NOT NEW."element" OR OLD."areaId" IS NOT NEW."areaId")
BEGIN
  UPDATE "StationCount" SET
    "active" = "active" - (OLD."status" = 'ACTIVE'),
    "activeAutomatic" = "activeAutomatic" - (OLD."status" = 'ACTIVE' AND OLD."mode" = 'AUTOMATIC'),
    "planned" = "planned" - (OLD."status" = 'PLANNED')
   WHERE OLD."status" IN ('ACTIVE', 'PLANNED') AND "areaId" = OLD."areaId" AND "element" = OLD."element";
  DELETE FROM "StationCount"
   WHERE "areaId" = OLD."areaId" AND "element" = OLD."element" AND "active" = 0 AND "planned" = 0;
  INSERT INTO "StationCount" ("areaId", "element", "active", "activeAutomatic", "planned")
  SELECT NEW."areaId", NEW."element", NEW."status" = 'ACTIVE', NEW."status" = 'ACTIVE' AND NEW."mode" = 'AUTOMATIC', NEW."status" = 'PLANNED'
   WHERE NEW."status" IN ('ACTIVE', 'PLANNED')
  ON CONFLICT ("areaId", "element") DO UPDATE SET
    "active" = "active" + excluded."active",
    "activeAutomatic" = "activeAutomatic" + excluded."activeAutomatic",
    "planned" = "planned" + excluded."planned";
END;
