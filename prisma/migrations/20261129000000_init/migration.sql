-- CreateTable
CREATE TABLE "Attachment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "reportVersion" INTEGER,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "departmentId" INTEGER,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "points" INTEGER NOT NULL,
    "expire" DATETIME
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" DATETIME
);

-- CreateTable
CREATE TABLE "DocumentRegistration" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "documentKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "registeredById" INTEGER NOT NULL,
    "registeredByName" TEXT NOT NULL,
    "registeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

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
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" DATETIME,
    "passwordChangedAt" DATETIME,
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
    "statusOverride" TEXT,
    "statusOverrideReason" TEXT,
    "statusOverriddenAt" DATETIME,
    "statusOverriddenById" INTEGER,
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
    "smtpMessageId" TEXT,
    "sendingUntil" DATETIME
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
CREATE TABLE "WaitingItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "process" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "who" TEXT NOT NULL,
    "zh" TEXT NOT NULL,
    "en" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "deadline" DATETIME
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
    "state" TEXT NOT NULL DEFAULT '{}',
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
    "state" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "LinkageCase_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "LinkageCase_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Chase" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "item" TEXT NOT NULL DEFAULT '',
    "day" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "byId" INTEGER NOT NULL,
    "departmentId" INTEGER,
    "areaId" INTEGER,
    "mailed" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "item" TEXT NOT NULL DEFAULT '',
    "signedAt" DATETIME NOT NULL,
    "signedById" INTEGER NOT NULL
);

-- CreateTable
CREATE TABLE "ReportingCycle" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "workflowId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "dueDate" DATETIME NOT NULL,
    "requestedDueDate" DATETIME,
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
    "state" TEXT NOT NULL DEFAULT '{}',
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
CREATE TABLE "ReportVersion" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "reportId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "progress" TEXT NOT NULL,
    "taskStatus" TEXT NOT NULL,
    "submittedAt" DATETIME NOT NULL,
    "submittedById" INTEGER,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "contributions" TEXT NOT NULL DEFAULT '[]',
    "returnedAt" DATETIME,
    "returnReason" TEXT,
    "acceptedAt" DATETIME,
    CONSTRAINT "ReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport" ("id") ON DELETE CASCADE ON UPDATE CASCADE
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
    "state" TEXT NOT NULL DEFAULT '{}',
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
CREATE INDEX "Attachment_workflowId_idx" ON "Attachment"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "Attachment_workflowId_item_sha256_key" ON "Attachment"("workflowId", "item", "sha256");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "CalendarFeedToken_tokenHash_key" ON "CalendarFeedToken"("tokenHash");

-- CreateIndex
CREATE INDEX "CalendarFeedToken_userId_idx" ON "CalendarFeedToken"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentRegistration_documentKey_key" ON "DocumentRegistration"("documentKey");

-- CreateIndex
CREATE INDEX "DocumentRegistration_year_sequence_idx" ON "DocumentRegistration"("year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentRegistration_series_year_sequence_key" ON "DocumentRegistration"("series", "year", "sequence");

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
CREATE INDEX "WaitingItem_who_deadline_idx" ON "WaitingItem"("who", "deadline");

-- CreateIndex
CREATE INDEX "WaitingItem_workflowId_idx" ON "WaitingItem"("workflowId");

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
CREATE INDEX "Chase_workflowId_item_at_idx" ON "Chase"("workflowId", "item", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Chase_workflowId_item_day_key" ON "Chase"("workflowId", "item", "day");

-- CreateIndex
CREATE UNIQUE INDEX "Receipt_workflowId_item_key" ON "Receipt"("workflowId", "item");

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
CREATE UNIQUE INDEX "ReportVersion_reportId_version_key" ON "ReportVersion"("reportId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualWorkPlan_workflowId_key" ON "AnnualWorkPlan"("workflowId");

-- CreateIndex
CREATE UNIQUE INDEX "AnnualWorkPlan_departmentId_year_key" ON "AnnualWorkPlan"("departmentId", "year");

-- CreateIndex
CREATE UNIQUE INDEX "PlanMilestone_planId_ordinal_key" ON "PlanMilestone"("planId", "ordinal");


-- prisma/sql/search-index.sql
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
