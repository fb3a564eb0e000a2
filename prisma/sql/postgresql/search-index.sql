-- SearchIndex on PostgreSQL: the same rows and invariant as prisma/sql/search-index.sql (SQLite), in a plain table
-- with a pg_trgm GIN index, so `body ILIKE '%phrase%'` is answered from the index for a phrase of 3+ characters and
-- results rank by similarity() (docs/decisions/024-search-and-paging.md). One PL/pgSQL trigger function per source
-- table keeps it in step inside the writer's transaction. scripts/new-migration.sh appends this file to
-- prisma/migrations-postgresql's generated migration.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE "SearchIndex" (
  "rowid" BIGINT PRIMARY KEY,
  "source" TEXT NOT NULL,
  "sourceId" INTEGER NOT NULL,
  "body" TEXT NOT NULL
);
CREATE INDEX "SearchIndex_body_trgm" ON "SearchIndex" USING GIN ("body" gin_trgm_ops);

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id"::bigint * 8 + 1, 'Task', R."id", R."code" || ' ' || R."title" || ' ' || R."titleEn" || ' ' || R."duty" FROM "Task" R;
CREATE OR REPLACE FUNCTION "Task_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id"::bigint * 8 + 1;
    RETURN OLD;
  END IF;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
  VALUES (NEW."id"::bigint * 8 + 1, 'Task', NEW."id", NEW."code" || ' ' || NEW."title" || ' ' || NEW."titleEn" || ' ' || NEW."duty")
  ON CONFLICT ("rowid") DO UPDATE SET "body" = excluded."body";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Task_search" AFTER INSERT OR UPDATE OR DELETE ON "Task"
FOR EACH ROW EXECUTE FUNCTION "Task_search"();

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id"::bigint * 8 + 2, 'ProgressReport', R."id", COALESCE(R."progress", '') || ' ' || COALESCE(R."returnReason", '') FROM "ProgressReport" R;
CREATE OR REPLACE FUNCTION "ProgressReport_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id"::bigint * 8 + 2;
    RETURN OLD;
  END IF;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
  VALUES (NEW."id"::bigint * 8 + 2, 'ProgressReport', NEW."id", COALESCE(NEW."progress", '') || ' ' || COALESCE(NEW."returnReason", ''))
  ON CONFLICT ("rowid") DO UPDATE SET "body" = excluded."body";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ProgressReport_search" AFTER INSERT OR UPDATE OR DELETE ON "ProgressReport"
FOR EACH ROW EXECUTE FUNCTION "ProgressReport_search"();

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id"::bigint * 8 + 3, 'ReportVersion', R."id", R."progress" || ' ' || COALESCE(R."returnReason", '') FROM "ReportVersion" R;
CREATE OR REPLACE FUNCTION "ReportVersion_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id"::bigint * 8 + 3;
    RETURN OLD;
  END IF;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
  VALUES (NEW."id"::bigint * 8 + 3, 'ReportVersion', NEW."id", NEW."progress" || ' ' || COALESCE(NEW."returnReason", ''))
  ON CONFLICT ("rowid") DO UPDATE SET "body" = excluded."body";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ReportVersion_search" AFTER INSERT OR UPDATE OR DELETE ON "ReportVersion"
FOR EACH ROW EXECUTE FUNCTION "ReportVersion_search"();

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id"::bigint * 8 + 4, 'ReportContribution', R."id", R."text" FROM "ReportContribution" R;
CREATE OR REPLACE FUNCTION "ReportContribution_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id"::bigint * 8 + 4;
    RETURN OLD;
  END IF;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
  VALUES (NEW."id"::bigint * 8 + 4, 'ReportContribution', NEW."id", NEW."text")
  ON CONFLICT ("rowid") DO UPDATE SET "body" = excluded."body";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "ReportContribution_search" AFTER INSERT OR UPDATE OR DELETE ON "ReportContribution"
FOR EACH ROW EXECUTE FUNCTION "ReportContribution_search"();

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id"::bigint * 8 + 5, 'Station', R."id", R."code" || ' ' || R."name" FROM "Station" R;
CREATE OR REPLACE FUNCTION "Station_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id"::bigint * 8 + 5;
    RETURN OLD;
  END IF;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
  VALUES (NEW."id"::bigint * 8 + 5, 'Station', NEW."id", NEW."code" || ' ' || NEW."name")
  ON CONFLICT ("rowid") DO UPDATE SET "body" = excluded."body";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Station_search" AFTER INSERT OR UPDATE OR DELETE ON "Station"
FOR EACH ROW EXECUTE FUNCTION "Station_search"();

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id"::bigint * 8 + 6, 'InspectionFinding', R."id", R."description" || ' ' || COALESCE(R."rectification", '') || ' ' || COALESCE(R."reopenReason", '') FROM "InspectionFinding" R;
CREATE OR REPLACE FUNCTION "InspectionFinding_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id"::bigint * 8 + 6;
    RETURN OLD;
  END IF;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
  VALUES (NEW."id"::bigint * 8 + 6, 'InspectionFinding', NEW."id", NEW."description" || ' ' || COALESCE(NEW."rectification", '') || ' ' || COALESCE(NEW."reopenReason", ''))
  ON CONFLICT ("rowid") DO UPDATE SET "body" = excluded."body";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "InspectionFinding_search" AFTER INSERT OR UPDATE OR DELETE ON "InspectionFinding"
FOR EACH ROW EXECUTE FUNCTION "InspectionFinding_search"();

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id"::bigint * 8 + 7, 'LinkageCase', R."id", COALESCE(R."responseNote", '') || ' ' || COALESCE(R."actionTaken", '') || ' ' || COALESCE(R."closingSummary", '') FROM "LinkageCase" R;
CREATE OR REPLACE FUNCTION "LinkageCase_search"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id"::bigint * 8 + 7;
    RETURN OLD;
  END IF;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
  VALUES (NEW."id"::bigint * 8 + 7, 'LinkageCase', NEW."id", COALESCE(NEW."responseNote", '') || ' ' || COALESCE(NEW."actionTaken", '') || ' ' || COALESCE(NEW."closingSummary", ''))
  ON CONFLICT ("rowid") DO UPDATE SET "body" = excluded."body";
  RETURN NEW;
END;
$$;
CREATE TRIGGER "LinkageCase_search" AFTER INSERT OR UPDATE OR DELETE ON "LinkageCase"
FOR EACH ROW EXECUTE FUNCTION "LinkageCase_search"();
