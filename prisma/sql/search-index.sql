-- SearchIndex: the words of tasks, progress reports (with every submitted version and every contribution), stations,
-- inspection findings and linkage cases, for the search box (app/models/search.server.ts; docs/decisions/
-- 024-search-and-paging.md). An FTS5 table with the trigram tokenizer: a phrase of 3+ characters matches anywhere in
-- a text, Chinese included (no word segmentation needed); shorter queries fall back to LIKE on the same table.
-- Prisma knows nothing of virtual tables: scripts/new-migration.sh appends this file to the generated migration.
-- Invariant: for every row of a source table there is exactly one SearchIndex row, rowid = id * 8 + the source's tag
-- (1 Task, 2 ProgressReport, 3 ReportVersion, 4 ReportContribution, 5 Station, 6 InspectionFinding, 7 LinkageCase),
-- whose body is the source row's text as the triggers below compute it. The seven trigger sets are alike: change them
-- together (and prisma/sql/postgresql/search-index.sql with them).

CREATE VIRTUAL TABLE "SearchIndex" USING fts5("source" UNINDEXED, "sourceId" UNINDEXED, "body", tokenize = 'trigram');

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id" * 8 + 1, 'Task', R."id", R."code" || ' ' || R."title" || ' ' || R."titleEn" || ' ' || R."duty" FROM "Task" R;
CREATE TRIGGER "Task_search_insert" AFTER INSERT ON "Task" BEGIN
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 1, 'Task', NEW."id", NEW."code" || ' ' || NEW."title" || ' ' || NEW."titleEn" || ' ' || NEW."duty");
END;
CREATE TRIGGER "Task_search_update" AFTER UPDATE ON "Task" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 1;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 1, 'Task', NEW."id", NEW."code" || ' ' || NEW."title" || ' ' || NEW."titleEn" || ' ' || NEW."duty");
END;
CREATE TRIGGER "Task_search_delete" AFTER DELETE ON "Task" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 1;
END;

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id" * 8 + 2, 'ProgressReport', R."id", COALESCE(R."progress", '') || ' ' || COALESCE(R."returnReason", '') FROM "ProgressReport" R;
CREATE TRIGGER "ProgressReport_search_insert" AFTER INSERT ON "ProgressReport" BEGIN
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 2, 'ProgressReport', NEW."id", COALESCE(NEW."progress", '') || ' ' || COALESCE(NEW."returnReason", ''));
END;
CREATE TRIGGER "ProgressReport_search_update" AFTER UPDATE ON "ProgressReport" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 2;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 2, 'ProgressReport', NEW."id", COALESCE(NEW."progress", '') || ' ' || COALESCE(NEW."returnReason", ''));
END;
CREATE TRIGGER "ProgressReport_search_delete" AFTER DELETE ON "ProgressReport" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 2;
END;

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id" * 8 + 3, 'ReportVersion', R."id", R."progress" || ' ' || COALESCE(R."returnReason", '') FROM "ReportVersion" R;
CREATE TRIGGER "ReportVersion_search_insert" AFTER INSERT ON "ReportVersion" BEGIN
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 3, 'ReportVersion', NEW."id", NEW."progress" || ' ' || COALESCE(NEW."returnReason", ''));
END;
CREATE TRIGGER "ReportVersion_search_update" AFTER UPDATE ON "ReportVersion" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 3;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 3, 'ReportVersion', NEW."id", NEW."progress" || ' ' || COALESCE(NEW."returnReason", ''));
END;
CREATE TRIGGER "ReportVersion_search_delete" AFTER DELETE ON "ReportVersion" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 3;
END;

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id" * 8 + 4, 'ReportContribution', R."id", R."text" FROM "ReportContribution" R;
CREATE TRIGGER "ReportContribution_search_insert" AFTER INSERT ON "ReportContribution" BEGIN
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 4, 'ReportContribution', NEW."id", NEW."text");
END;
CREATE TRIGGER "ReportContribution_search_update" AFTER UPDATE ON "ReportContribution" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 4;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 4, 'ReportContribution', NEW."id", NEW."text");
END;
CREATE TRIGGER "ReportContribution_search_delete" AFTER DELETE ON "ReportContribution" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 4;
END;

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id" * 8 + 5, 'Station', R."id", R."code" || ' ' || R."name" FROM "Station" R;
CREATE TRIGGER "Station_search_insert" AFTER INSERT ON "Station" BEGIN
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 5, 'Station', NEW."id", NEW."code" || ' ' || NEW."name");
END;
CREATE TRIGGER "Station_search_update" AFTER UPDATE ON "Station" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 5;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 5, 'Station', NEW."id", NEW."code" || ' ' || NEW."name");
END;
CREATE TRIGGER "Station_search_delete" AFTER DELETE ON "Station" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 5;
END;

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id" * 8 + 6, 'InspectionFinding', R."id", R."description" || ' ' || COALESCE(R."rectification", '') || ' ' || COALESCE(R."reopenReason", '') FROM "InspectionFinding" R;
CREATE TRIGGER "InspectionFinding_search_insert" AFTER INSERT ON "InspectionFinding" BEGIN
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 6, 'InspectionFinding', NEW."id", NEW."description" || ' ' || COALESCE(NEW."rectification", '') || ' ' || COALESCE(NEW."reopenReason", ''));
END;
CREATE TRIGGER "InspectionFinding_search_update" AFTER UPDATE ON "InspectionFinding" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 6;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 6, 'InspectionFinding', NEW."id", NEW."description" || ' ' || COALESCE(NEW."rectification", '') || ' ' || COALESCE(NEW."reopenReason", ''));
END;
CREATE TRIGGER "InspectionFinding_search_delete" AFTER DELETE ON "InspectionFinding" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 6;
END;

INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body")
SELECT R."id" * 8 + 7, 'LinkageCase', R."id", COALESCE(R."responseNote", '') || ' ' || COALESCE(R."actionTaken", '') || ' ' || COALESCE(R."closingSummary", '') FROM "LinkageCase" R;
CREATE TRIGGER "LinkageCase_search_insert" AFTER INSERT ON "LinkageCase" BEGIN
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 7, 'LinkageCase', NEW."id", COALESCE(NEW."responseNote", '') || ' ' || COALESCE(NEW."actionTaken", '') || ' ' || COALESCE(NEW."closingSummary", ''));
END;
CREATE TRIGGER "LinkageCase_search_update" AFTER UPDATE ON "LinkageCase" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 7;
  INSERT INTO "SearchIndex" ("rowid", "source", "sourceId", "body") VALUES (NEW."id" * 8 + 7, 'LinkageCase', NEW."id", COALESCE(NEW."responseNote", '') || ' ' || COALESCE(NEW."actionTaken", '') || ' ' || COALESCE(NEW."closingSummary", ''));
END;
CREATE TRIGGER "LinkageCase_search_delete" AFTER DELETE ON "LinkageCase" BEGIN
  DELETE FROM "SearchIndex" WHERE "rowid" = OLD."id" * 8 + 7;
END;
