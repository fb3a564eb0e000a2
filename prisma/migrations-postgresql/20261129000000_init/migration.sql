-- CreateTable
CREATE TABLE "Attachment" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "reportVersion" INTEGER,
    "sha256" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "mimeType" TEXT NOT NULL,
    "filename" TEXT NOT NULL,
    "uploadedById" INTEGER NOT NULL,
    "departmentId" INTEGER,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Attachment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "expire" TIMESTAMP(3),

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "CalendarFeedToken" (
    "id" SERIAL NOT NULL,
    "userId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "CalendarFeedToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentRegistration" (
    "id" SERIAL NOT NULL,
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "number" TEXT NOT NULL,
    "documentKey" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "registeredById" INTEGER NOT NULL,
    "registeredByName" TEXT NOT NULL,
    "registeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentRegistration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Department" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,

    CONSTRAINT "Department_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Area" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL DEFAULT '2306',
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "Area_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "departmentId" INTEGER,
    "areaId" INTEGER,
    "locale" TEXT NOT NULL DEFAULT 'zh',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "deactivatedAt" TIMESTAMP(3),
    "passwordChangedAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEvent" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" INTEGER,
    "departmentId" INTEGER,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT NOT NULL,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Plan" (
    "id" SERIAL NOT NULL,
    "documentNumber" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "issuedOn" TIMESTAMP(3) NOT NULL,
    "horizonYear" INTEGER NOT NULL,
    "implementsNational" TEXT NOT NULL,
    "implementsProvincial" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "guidingIdeology" TEXT NOT NULL,
    "implementersClause" TEXT NOT NULL,

    CONSTRAINT "Plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanClause" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "PlanClause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskGroup" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "intro" TEXT NOT NULL,

    CONSTRAINT "TaskGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" SERIAL NOT NULL,
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
    "statusOverriddenAt" TIMESTAMP(3),
    "statusOverriddenById" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TaskAssignment" (
    "id" SERIAL NOT NULL,
    "taskId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "scope" TEXT,
    "ordinal" INTEGER NOT NULL,

    CONSTRAINT "TaskAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Target" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "planId" INTEGER NOT NULL,
    "taskId" INTEGER,
    "responsibleDepartmentId" INTEGER,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "clause" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3),
    "measure" TEXT NOT NULL,
    "elements" TEXT,
    "areaScope" TEXT,
    "automaticOnly" BOOLEAN NOT NULL DEFAULT false,
    "minPerArea" INTEGER,
    "recurrence" TEXT,
    "minPerPeriod" INTEGER,
    "evidence" TEXT NOT NULL DEFAULT 'DUTY_RECORDS',
    "achievedOn" TIMESTAMP(3),

    CONSTRAINT "Target_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DutyRecord" (
    "id" SERIAL NOT NULL,
    "targetId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "occurredOn" TIMESTAMP(3) NOT NULL,
    "summary" TEXT NOT NULL,
    "createdById" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DutyRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Station" (
    "id" SERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "element" TEXT NOT NULL,
    "areaId" INTEGER NOT NULL,
    "mode" TEXT NOT NULL,
    "operatorDepartmentId" INTEGER,
    "status" TEXT NOT NULL,
    "commissionedOn" TIMESTAMP(3),
    "retiredOn" TIMESTAMP(3),
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Station_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StationCount" (
    "areaId" INTEGER NOT NULL,
    "element" TEXT NOT NULL,
    "active" INTEGER NOT NULL,
    "activeAutomatic" INTEGER NOT NULL,
    "planned" INTEGER NOT NULL,

    CONSTRAINT "StationCount_pkey" PRIMARY KEY ("areaId","element")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" SERIAL NOT NULL,
    "stationId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "element" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "pollutant" TEXT,
    "measuredValue" DOUBLE PRECISION,
    "limitValue" DOUBLE PRECISION,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "note" TEXT,
    "recordedById" INTEGER,
    "idempotencyKey" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" SERIAL NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "workflowId" TEXT,
    "template" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "toName" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "smtpMessageId" TEXT,
    "sendingUntil" TIMESTAMP(3),

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WorkflowEvent" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "workflowId" TEXT NOT NULL,
    "step" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" INTEGER,
    "detail" TEXT NOT NULL,

    CONSTRAINT "WorkflowEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WaitingItem" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "process" TEXT NOT NULL,
    "what" TEXT NOT NULL,
    "who" TEXT NOT NULL,
    "zh" TEXT NOT NULL,
    "en" TEXT NOT NULL,
    "titleZh" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "deadline" TIMESTAMP(3),

    CONSTRAINT "WaitingItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inspection" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "inspectorId" INTEGER NOT NULL,
    "inspectedDepartmentId" INTEGER,
    "areaId" INTEGER,
    "taskCodes" TEXT NOT NULL,
    "scheduledFor" TIMESTAMP(3) NOT NULL,
    "recurrence" TEXT NOT NULL DEFAULT 'NONE',
    "occurrence" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "fieldworkConcludedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "nextWorkflowId" TEXT,
    "waitingFor" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Inspection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InspectionFinding" (
    "id" SERIAL NOT NULL,
    "inspectionId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "requiresRectification" BOOLEAN NOT NULL,
    "deadline" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "rectification" TEXT,
    "reportedAt" TIMESTAMP(3),
    "verifiedAt" TIMESTAMP(3),
    "reopenCount" INTEGER NOT NULL DEFAULT 0,
    "reopenReason" TEXT,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "escalatedAt" TIMESTAMP(3),

    CONSTRAINT "InspectionFinding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkageCase" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "alertId" INTEGER NOT NULL,
    "areaId" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "responseDeadline" TIMESTAMP(3) NOT NULL,
    "respondedAt" TIMESTAMP(3),
    "responseNote" TEXT,
    "onSiteAt" TIMESTAMP(3),
    "jointMonitoring" BOOLEAN,
    "violationFound" BOOLEAN,
    "actionTaken" TEXT,
    "resultRecordedAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "closingSummary" TEXT,
    "escalatedAt" TIMESTAMP(3),
    "frequencyFactor" INTEGER NOT NULL,
    "spotCheckRatio" DOUBLE PRECISION NOT NULL,
    "waitingFor" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LinkageCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Chase" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "item" TEXT NOT NULL DEFAULT '',
    "day" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "byId" INTEGER NOT NULL,
    "departmentId" INTEGER,
    "areaId" INTEGER,
    "mailed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Chase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Receipt" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "item" TEXT NOT NULL DEFAULT '',
    "signedAt" TIMESTAMP(3) NOT NULL,
    "signedById" INTEGER NOT NULL,

    CONSTRAINT "Receipt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportingCycle" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "requestedDueDate" TIMESTAMP(3),
    "status" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),
    "reportCount" INTEGER NOT NULL DEFAULT 0,
    "consolidatedReport" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportingCycle_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressReport" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "cycleId" INTEGER NOT NULL,
    "taskId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "progress" TEXT,
    "taskStatus" TEXT,
    "submittedAt" TIMESTAMP(3),
    "draftSavedAt" TIMESTAMP(3),
    "late" BOOLEAN NOT NULL DEFAULT false,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "returnReason" TEXT,
    "returnCount" INTEGER NOT NULL DEFAULT 0,
    "acceptedAt" TIMESTAMP(3),
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "waitingFor" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ProgressReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportContribution" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReportContribution_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReportVersion" (
    "id" SERIAL NOT NULL,
    "reportId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "progress" TEXT NOT NULL,
    "taskStatus" TEXT NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "submittedById" INTEGER,
    "late" BOOLEAN NOT NULL DEFAULT false,
    "contributions" TEXT NOT NULL DEFAULT '[]',
    "returnedAt" TIMESTAMP(3),
    "returnReason" TEXT,
    "acceptedAt" TIMESTAMP(3),

    CONSTRAINT "ReportVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnualWorkPlan" (
    "id" SERIAL NOT NULL,
    "workflowId" TEXT NOT NULL,
    "departmentId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "returnReason" TEXT,
    "submittedAt" TIMESTAMP(3),
    "approvedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "waitingFor" TEXT NOT NULL DEFAULT '[]',
    "state" TEXT NOT NULL DEFAULT '{}',
    "version" INTEGER NOT NULL DEFAULT 0,
    "openedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnnualWorkPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlanMilestone" (
    "id" SERIAL NOT NULL,
    "planId" INTEGER NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "taskCode" TEXT,
    "what" TEXT NOT NULL,
    "responsibleUnit" TEXT NOT NULL,
    "dueDate" TIMESTAMP(3) NOT NULL,
    "indicator" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'OPEN',
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "remindedAt" TIMESTAMP(3),
    "escalatedAt" TIMESTAMP(3),
    "completedAt" TIMESTAMP(3),
    "completionNote" TEXT,

    CONSTRAINT "PlanMilestone_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanClause" ADD CONSTRAINT "PlanClause_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskGroup" ADD CONSTRAINT "TaskGroup_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "TaskGroup"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TaskAssignment" ADD CONSTRAINT "TaskAssignment_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_planId_fkey" FOREIGN KEY ("planId") REFERENCES "Plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Target" ADD CONSTRAINT "Target_responsibleDepartmentId_fkey" FOREIGN KEY ("responsibleDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyRecord" ADD CONSTRAINT "DutyRecord_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "Target"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyRecord" ADD CONSTRAINT "DutyRecord_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DutyRecord" ADD CONSTRAINT "DutyRecord_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Station" ADD CONSTRAINT "Station_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Station" ADD CONSTRAINT "Station_operatorDepartmentId_fkey" FOREIGN KEY ("operatorDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "Station"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Alert" ADD CONSTRAINT "Alert_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_inspectedDepartmentId_fkey" FOREIGN KEY ("inspectedDepartmentId") REFERENCES "Department"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inspection" ADD CONSTRAINT "Inspection_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InspectionFinding" ADD CONSTRAINT "InspectionFinding_inspectionId_fkey" FOREIGN KEY ("inspectionId") REFERENCES "Inspection"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkageCase" ADD CONSTRAINT "LinkageCase_alertId_fkey" FOREIGN KEY ("alertId") REFERENCES "Alert"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LinkageCase" ADD CONSTRAINT "LinkageCase_areaId_fkey" FOREIGN KEY ("areaId") REFERENCES "Area"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_cycleId_fkey" FOREIGN KEY ("cycleId") REFERENCES "ReportingCycle"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressReport" ADD CONSTRAINT "ProgressReport_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportContribution" ADD CONSTRAINT "ReportContribution_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportContribution" ADD CONSTRAINT "ReportContribution_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReportVersion" ADD CONSTRAINT "ReportVersion_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "ProgressReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnualWorkPlan" ADD CONSTRAINT "AnnualWorkPlan_departmentId_fkey" FOREIGN KEY ("departmentId") REFERENCES "Department"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlanMilestone" ADD CONSTRAINT "PlanMilestone_planId_fkey" FOREIGN KEY ("planId") REFERENCES "AnnualWorkPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- prisma/sql/postgresql/search-index.sql
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

-- prisma/sql/postgresql/station-count-triggers.sql
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
