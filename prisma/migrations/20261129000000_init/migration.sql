-- CreateTable
CREATE TABLE "Department" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Area" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL DEFAULT '2306',
    "ordinal" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "departmentId" INTEGER,
    "areaId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "User_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "departmentId" INTEGER,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NOT NULL,
    CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "AuditEvent_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "issuedOn" DATETIME NOT NULL,
    "horizonYear" INTEGER NOT NULL,
    "implementsNational" TEXT NOT NULL,
    "implementsProvincial" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "guidingIdeology" TEXT NOT NULL,
    "implementersClause" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "PlanClause" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    CONSTRAINT "PlanClause_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskGroup" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "intro" TEXT NOT NULL,
    CONSTRAINT "TaskGroup_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "groupId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "duty" TEXT NOT NULL,
    "responsibilityClause" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'ON_TRACK',
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Task_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TaskGroup" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskAssignment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "scope" TEXT,
    "ordinal" INTEGER NOT NULL,
    CONSTRAINT "TaskAssignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TaskAssignment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Target" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "planId" INTEGER NOT NULL,
    "taskId" INTEGER,
    "responsibleDepartmentId" INTEGER,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "clause" TEXT NOT NULL,
    "dueDate" DATETIME,
    "measure" TEXT NOT NULL,
    "elements" TEXT,
    "areaScope" TEXT,
    "automaticOnly" BOOLEAN NOT NULL DEFAULT false,
    "minPerArea" INTEGER,
    "recurrence" TEXT,
    "minPerPeriod" INTEGER,
    "evidence" TEXT NOT NULL DEFAULT 'DUTY_RECORDS',
    "achievedOn" DATETIME,
    CONSTRAINT "Target_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Target_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Target_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DutyRecord" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "targetId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "occurredOn" DATETIME NOT NULL,
    "summary" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DutyRecord_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DutyRecord_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DutyRecord_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Station" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "element" TEXT NOT NULL,
    "areaId" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "operatorDepartmentId" INTEGER,
    "status" TEXT NOT NULL,
    "commissionedOn" DATETIME,
    "retiredOn" DATETIME,
    "latitude" REAL,
    "longitude" REAL,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Station_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Station_operatorDepartmentId_fkey" FOREIGN KEY ("operatorDepartmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StationCount" (
    "areaId" INTEGER NOT NULL,
    "element" TEXT NOT NULL,
    "active" INTEGER NOT NULL,
    "activeAutomatic" INTEGER NOT NULL,
    "planned" INTEGER NOT NULL,

    PRIMARY KEY ("areaId", "element")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "stationId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "element" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "pollutant" TEXT,
    "measuredValue" REAL,
    "limitValue" REAL,
    "occurredAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "recordedById" INTEGER,
    "idempotencyKey" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Alert_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Alert_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Alert_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "idempotencyKey" TEXT NOT NULL,
    "workflowId" TEXT,
    "template" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toName" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "smtpMessageId" TEXT
);

-- CreateTable
CREATE TABLE "WorkflowEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "actorId" INTEGER,
    "detail" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "inspectorId" INTEGER NOT NULL,
    "inspectedDepartmentId" INTEGER,
    "areaId" INTEGER,
    "taskCodes" TEXT NOT NULL,
    "scheduledFor" DATETIME NOT NULL,
    "recurrence" TEXT NOT NULL DEFAULT 'NONE',
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "fieldworkConcludedAt" DATETIME,
    "closedAt" DATETIME,
    "nextWorkflowId" TEXT,
    "waitingFor" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Inspection_inspectedDepartmentId_fkey" FOREIGN KEY ("inspectedDepartmentId") REFERENCES "Department" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Inspection_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InspectionFinding" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "inspectionId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "requiresRectification" BOOLEAN NOT NULL,
    "deadline" DATETIME,
    "status" TEXT NOT NULL,
    "rectification" TEXT,
    "reportedAt" DATETIME,
    "verifiedAt" DATETIME,
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "reopenReason" TEXT,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "escalatedAt" DATETIME,
    CONSTRAINT "InspectionFinding_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "LinkageCase" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "alertId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "responseDeadline" DATETIME NOT NULL,
    "respondedAt" DATETIME,
    "responseNote" TEXT,
    "onSiteAt" DATETIME,
    "jointMonitoring" BOOLEAN,
    "violationFound" BOOLEAN,
    "actionTaken" TEXT,
    "resultRecordedAt" DATETIME,
    "closedAt" DATETIME,
    "closingSummary" TEXT,
    "escalatedAt" DATETIME,
    "frequencyFactor" INTEGER NOT NULL,
    "spotCheckRatio" REAL NOT NULL,
    "waitingFor" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "LinkageCase_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LinkageCase_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportingCycle" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "openedAt" DATETIME NOT NULL,
    "closedAt" DATETIME,
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "consolidatedReport" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "progress" TEXT,
    "taskStatus" TEXT,
    "submittedAt" DATETIME,
    "draftSavedAt" DATETIME,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "returnReason" TEXT,
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "acceptedAt" DATETIME,
    "remindedAt" DATETIME,
    "escalatedAt" DATETIME,
    "waitingFor" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ProgressReport_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProgressReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ProgressReport_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReportContribution" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    CONSTRAINT "ReportContribution_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReportContribution_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnnualWorkPlan" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "returnReason" TEXT,
    "submittedAt" DATETIME,
    "approvedAt" DATETIME,
    "escalatedAt" DATETIME,
    "completedAt" DATETIME,
    "waitingFor" TEXT NOT NULL DEFAULT '[]',
    "version" INTEGER NOT NULL DEFAULT 0,
    "openedAt" DATETIME NOT NULL,
    CONSTRAINT "AnnualWorkPlan_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PlanMilestone" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "planId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "taskCode" TEXT,
    "what" TEXT NOT NULL,
    "responsibleUnit" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "indicator" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "remindedAt" DATETIME,
    "escalatedAt" DATETIME,
    "completedAt" DATETIME,
    "completionNote" TEXT,
    CONSTRAINT "PlanMilestone_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualWorkPlan" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Department_code_key" ON "Department"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Department_name_key" ON "Department"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Area_code_key" ON "Area"("code");

-- CreateIndex
CREATE INDEX "Area_cityCode_ordinal_idx" ON "Area"("cityCode", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "AuditEvent_entityType_entityId_idx" ON "AuditEvent"("entityType", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Plan_documentNumber_key" ON "Plan"("documentNumber");

-- CreateIndex
CREATE UNIQUE INDEX "PlanClause_planId_kind_ordinal_key" ON "PlanClause"("planId", "kind", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "TaskGroup_code_key" ON "TaskGroup"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Task_code_key" ON "Task"("code");

-- CreateIndex
CREATE INDEX "Task_groupId_ordinal_idx" ON "Task"("groupId", "ordinal");

-- CreateIndex
CREATE INDEX "TaskAssignment_departmentId_role_idx" ON "TaskAssignment"("departmentId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAssignment_taskId_departmentId_role_key" ON "TaskAssignment"("taskId", "departmentId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Target_code_key" ON "Target"("code");

-- CreateIndex
CREATE INDEX "DutyRecord_targetId_occurredOn_idx" ON "DutyRecord"("targetId", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "DutyRecord_targetId_departmentId_occurredOn_key" ON "DutyRecord"("targetId", "departmentId", "occurredOn");

-- CreateIndex
CREATE UNIQUE INDEX "Station_code_key" ON "Station"("code");

-- CreateIndex
CREATE INDEX "Station_status_areaId_element_mode_idx" ON "Station"("status", "areaId", "element", "mode");

-- CreateIndex
CREATE INDEX "Station_areaId_element_idx" ON "Station"("areaId", "element");

-- CreateIndex
CREATE UNIQUE INDEX "Alert_idempotencyKey_key" ON "Alert"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Alert_areaId_kind_status_idx" ON "Alert"("areaId", "kind", "status");

-- CreateIndex
CREATE INDEX "Alert_stationId_occurredAt_idx" ON "Alert"("stationId", "occurredAt");

-- CreateIndex
CREATE INDEX "Alert_occurredAt_kind_status_idx" ON "Alert"("occurredAt", "kind", "status");

-- CreateIndex
CREATE INDEX "Alert_kind_status_occurredAt_idx" ON "Alert"("kind", "status", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_idempotencyKey_key" ON "OutboxMessage"("idempotencyKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_workflowId_idx" ON "OutboxMessage"("workflowId");

-- CreateIndex
CREATE INDEX "OutboxMessage_toEmail_idx" ON "OutboxMessage"("toEmail");

-- CreateIndex
CREATE UNIQUE INDEX "WorkflowEvent_key_key" ON "WorkflowEvent"("key");

-- CreateIndex
CREATE INDEX "WorkflowEvent_workflowId_step_idx" ON "WorkflowEvent"("workflowId", "step");

-- CreateIndex
CREATE UNIQUE INDEX "Inspection_workflowId_key" ON "Inspection"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "InspectionFinding_inspectionId_ordinal_key" ON "InspectionFinding"("inspectionId", "ordinal");

-- CreateIndex
CREATE UNIQUE INDEX "LinkageCase_workflowId_key" ON "LinkageCase"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "LinkageCase_alertId_key" ON "LinkageCase"("alertId");

-- CreateIndex
CREATE INDEX "LinkageCase_areaId_status_idx" ON "LinkageCase"("areaId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingCycle_workflowId_key" ON "ReportingCycle"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportingCycle_period_key" ON "ReportingCycle"("period");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_workflowId_key" ON "ProgressReport"("workflowId");

-- CreateIndex
CREATE INDEX "ProgressReport_departmentId_status_idx" ON "ProgressReport"("departmentId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ProgressReport_cycleId_taskId_departmentId_key" ON "ProgressReport"("cycleId", "taskId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "ReportContribution_reportId_departmentId_key" ON "ReportContribution"("reportId", "departmentId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualWorkPlan_workflowId_key" ON "AnnualWorkPlan"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualWorkPlan_departmentId_year_key" ON "AnnualWorkPlan"("departmentId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "PlanMilestone_planId_ordinal_key" ON "PlanMilestone"("planId", "ordinal");


-- prisma/sql/station-count-triggers.sql
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
