// 定期报送推进落实情况 end to end through the GraphQL API on the time-skipping server: the fan-out to every task and
// lead department, supporting departments' input, return for revision, reminders before and on the due date,
// escalation when overdue, late submissions, and the consolidated report, with the mail on a real SMTP server.
// Each role is offered only its own steps; every submitted version is kept, with what a resubmission changed; what
// each party owes is mirrored to WaitingItem; the activity log reads as sentences.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicates, timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";
import { recordHistory } from "./support/histories";
import { previousMonthPeriod } from "../../app/utils/time";
import { periodLabel } from "../../workflows/reporting/period";
import { endOfDay } from "../../workflows/common/calendar";
import { workingDayOnOrAfter, workingMorningBefore } from "../../workflows/common/working-days";
import { workCalendar } from "../../app/models/work-calendar.server";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const HOUR = 3600_000;
const SG = "steering@daqing.example";
const REPORT = `workflowId status late overdue returnReason returnCount task { code } department { code } contributions { department { code } text } waitingFor { what who }`;
const submit = (id: string, as: string, progress = "按计划推进") =>
  h.gql(
    `mutation($id: String!, $p: String!) { submitProgressReport(workflowId: $id, progress: $p, taskStatus: "ON_TRACK") { ${REPORT} } }`,
    { id, p: progress },
    as,
  );
const draft = (id: string, as: string, progress: string) =>
  h.gql(
    `mutation($id: String!, $p: String!) { saveProgressReportDraft(workflowId: $id, progress: $p, taskStatus: "AT_RISK") { status progress draftSavedAt } }`,
    { id, p: progress },
    as,
  );
const review = (id: string, accept: boolean, reason?: string) =>
  h.gql(
    `mutation($id: String!, $a: Boolean!, $r: String) { reviewProgressReport(workflowId: $id, accept: $a, reason: $r) { ${REPORT} } }`,
    { id, a: accept, r: reason },
    SG,
  );
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const read = async (id: string, fields: string, as = SG) =>
  (await h.gql(`query($id: String!) { progressReport(workflowId: $id) { ${fields} } }`, { id }, as)).data
    .progressReport;
const actions = async (id: string, as: string) =>
  (
    (await read(id, "actions { step enabled reason { zh } warning { zh } }", as)).actions as {
      step: string;
      enabled: boolean;
      warning: { zh: string } | null;
    }[]
  ).map((a) => `${a.step}${a.enabled ? "" : " (later)"}`);
const sentences = async (id: string) =>
  (
    await h.gql(`query($id: String!) { workflowEvents(workflowId: $id) { sentence { zh } } }`, { id }, SG)
  ).data.workflowEvents.map((e: { sentence: { zh: string } }) => e.sentence.zh) as string[];
const waiting = (workflowId: string) =>
  h.db.waitingItem.findMany({ where: { workflowId }, orderBy: { id: "asc" }, select: { what: true, who: true } });

describe("progress reporting cycle", () => {
  it("fans out, collects, returns, reminds, escalates and consolidates", async () => {
    // A working day, so the cycle keeps it (a due date on a weekend or holiday moves: test/workflows/working-days).
    const due = workingDayOnOrAfter(workCalendar(), await h.dayFromNow(10));
    const sleepUntil = async (at: number) => h.env.sleep(at - (await h.env.currentTimeMs()));
    const period = previousMonthPeriod(new Date(await h.env.currentTimeMs())); // ended, so it can be reported on
    const open = (period: string, dueDate: string, as = SG) =>
      h.gql(
        `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) { workflowId period status } }`,
        { p: period, d: dueDate },
        as,
      );
    expect(code(await open(period, "2019-01-01"))).toBe("BAD_INPUT");
    expect(code(await open("2019-Q2", due))).toBe("BAD_INPUT");
    expect(code(await open(period, due, "epb@daqing.example"))).toBe("FORBIDDEN");
    const opened = await open(period, due);
    expect(opened.errors).toBeUndefined();
    expect(opened.data.openReportingCycle).toEqual({ workflowId: `cycle-${period}`, period, status: "OPEN" });
    expect(await h.db.auditEvent.count({ where: { entityType: "ReportingCycle", entityId: `cycle-${period}` } })).toBe(
      1,
    );
    expect(code(await open(period, due))).toBe("CONFLICT");

    // One report per task and lead department (a department leading two parts of a task writes one report).
    const leads = await h.db.taskAssignment.findMany({ where: { role: "LEAD" }, distinct: ["taskId", "departmentId"] });
    await eventually(
      async () => (await h.db.progressReport.count({ where: { version: { gte: 1 } } })) === leads.length,
    );
    const cycle = await h.gql(
      `query($p: String!) { reportingCycle(period: $p) { reportCount reports { workflowId } } }`,
      { p: period },
      SG,
    );
    expect(cycle.data.reportingCycle.reportCount).toBe(leads.length);
    const epb = await h.db.department.findUniqueOrThrow({ where: { code: "epb" } });
    const epbLeads = leads.filter((l) => l.departmentId === epb.id).length;
    await eventually(async () => h.mailTo("epb@daqing.example", "REPORT_REQUESTED").length === epbLeads);
    await eventually(async () => h.mailTo("finance@daqing.example", "CONTRIBUTION_REQUESTED").length > 0);

    const water = `report-${period}-1.2-water`;
    // Each party sees only its own steps: the lead department, a supporting department, the steering group.
    expect(await actions(water, "water@daqing.example")).toEqual(["SAVE_DRAFT", "SUBMIT"]);
    expect(await actions(water, "finance@daqing.example")).toEqual(["CONTRIBUTE"]);
    expect(await actions(water, SG)).toEqual(["SAVE_DRAFT", "SUBMIT", "RETURN (later)", "ACCEPT (later)"]);
    expect(await read(water, "title { zh en }")).toMatchObject({
      title: { zh: expect.stringMatching(/^\d{4}年\d{1,2}月 · 1\.2 .+ · 市水务局$/) },
    });
    expect((await waiting(water)).map((w) => w.who)).toEqual([
      "dept:water",
      "dept:finance",
      "dept:urban-management",
      "dept:transport",
      "dept:health",
    ]);
    expect(await waiting(`cycle-${period}`)).toEqual([{ what: "ACCEPT_ALL_REPORTS", who: "role:STEERING_GROUP" }]);
    const contribute = (as: string, text: string) =>
      h.gql(
        `mutation($id: String!, $t: String!) { contributeToReport(workflowId: $id, text: $t) { ${REPORT} } }`,
        { id: water, t: text },
        as,
      );
    expect(
      (await contribute("finance@daqing.example", "已安排水资源监控专项资金")).data.contributeToReport.contributions,
    ).toEqual([{ department: { code: "finance" }, text: "已安排水资源监控专项资金" }]);
    expect(code(await contribute("land@daqing.example", "不是配合部门"))).toBe("FORBIDDEN");
    expect(code(await contribute(SG, "代填"))).toBe("FORBIDDEN");
    expect((await waiting(water)).map((w) => w.who)).not.toContain("dept:finance");
    // The lead is warned before submitting without the others, who stay on the waiting list until then.
    const warned = await read(water, "actions { step warning { zh } }", "water@daqing.example");
    expect(warned.actions[1].warning.zh).toMatch(/^配合部门.*尚未提供配合情况$/);
    expect(warned.actions[1].warning.zh).not.toContain("市财政局");
    expect(code(await submit(water, "epb@daqing.example"))).toBe("FORBIDDEN");
    expect(code(await review(`report-${period}-1.1-epb`, true))).toBe("INVALID_STATE");

    // A draft keeps the text and leaves the report open; only the lead department may save one.
    expect(code(await draft(water, "epb@daqing.example", "代填"))).toBe("FORBIDDEN");
    const saved = await draft(water, "water@daqing.example", "站点选址进行中");
    expect(saved.data.saveProgressReportDraft).toMatchObject({ status: "PENDING", progress: "站点选址进行中" });
    expect(saved.data.saveProgressReportDraft.draftSavedAt).not.toBeNull();

    expect(
      (await submit(water, "water@daqing.example", "完成水资源监控站点选址")).data.submitProgressReport.status,
    ).toBe("SUBMITTED");
    // The reviewer is told who did not contribute; nobody else is awaited now.
    expect(await waiting(water)).toEqual([{ what: "REVIEW_REPORT", who: "role:STEERING_GROUP" }]);
    expect((await read(water, "waitingFor { zh }")).waitingFor[0].zh).toMatch(
      /^专项小组审核市水务局的报告（未含.+的配合情况）$/,
    );
    expect(await actions(water, "water@daqing.example")).toEqual([]);
    expect(await actions(water, SG)).toEqual(["RETURN", "ACCEPT"]);
    expect(code(await draft(water, "water@daqing.example", "提交后再存草稿"))).toBe("INVALID_STATE");
    const twice = await submit(water, "water@daqing.example");
    expect(code(twice)).toBe("INVALID_STATE");
    expect(twice.errors?.[0].message).toContain("already submitted");
    expect(code(await review(water, false))).toBe("BAD_INPUT");
    const returned = await review(water, false, "请补充监测断面数量");
    expect(returned.data.reviewProgressReport).toMatchObject({
      status: "RETURNED",
      returnReason: "请补充监测断面数量",
      returnCount: 1,
    });
    // The returned text is kept: the department's form starts from it, and the version says why it came back.
    const kept = await read(water, "progress versions { version progress returnReason returnedAt }");
    expect(kept.progress).toBe("完成水资源监控站点选址");
    expect(kept.versions).toEqual([
      {
        version: 1,
        progress: "完成水资源监控站点选址",
        returnReason: "请补充监测断面数量",
        returnedAt: expect.any(String),
      },
    ]);
    await eventually(async () => h.mailTo("water@daqing.example", "REPORT_RETURNED").length === 1);
    expect(h.mailTo("water@daqing.example", "REPORT_RETURNED")[0].text).toContain("请补充监测断面数量");
    // The period in words, not its code.
    expect(h.mailTo("water@daqing.example", "REPORT_RETURNED")[0].subject).toMatch(
      /^退回：任务1\.2\d{4}年\d{1,2}月推进情况$/,
    );
    await submit(water, "water@daqing.example", "完成水资源监控站点选址，新增断面12个");
    const resubmitted = await read(water, "versions { version changes { kind text } contributions { text } }");
    expect(resubmitted.versions[1]).toEqual({
      version: 2,
      changes: [
        { kind: "SAME", text: "完成水资源监控站点选址" },
        { kind: "INSERTED", text: "，新增断面12个" },
      ],
      contributions: [{ text: "已安排水资源监控专项资金" }],
    });
    expect((await review(water, true)).data.reviewProgressReport.status).toBe("ACCEPTED");
    expect(await waiting(water)).toEqual([]);
    expect(await h.db.reportVersion.count({ where: { report: { workflowId: water } } })).toBe(2);
    expect(await sentences(water)).toEqual([
      "本期报告已发起，已通知牵头部门和配合部门",
      expect.stringMatching(/^市财政局 .+ 提供了配合情况$/),
      expect.stringMatching(/^市水务局 .+ 保存了草稿$/),
      expect.stringMatching(/^市水务局 .+ 报送了报告（按时，.+未提供配合情况）$/),
      expect.stringMatching(/ 退回了报告：请补充监测断面数量$/),
      expect.stringMatching(/^市水务局 .+ 重新报送了报告（按时，第2版，/),
      expect.stringMatching(/ 采纳了报告$/),
    ]);
    expect(code(await review(water, true))).toBe("INVALID_STATE");

    // Reminders REMINDER_LEAD_DAYS working days before and on the due date, then escalation (steering group, in each
    // one's language).
    await sleepUntil(workingMorningBefore(workCalendar(), due, 3) + HOUR);
    await eventually(async () => h.mailTo("epb@daqing.example", "REPORT_REMINDER").length === epbLeads);
    expect(h.mailTo("water@daqing.example", "REPORT_REMINDER")).toHaveLength(1); // 1.6 only: 1.2 is accepted
    await sleepUntil(endOfDay(due) + HOUR);
    await eventually(async () => h.mailTo("epb@daqing.example", "REPORT_DUE_TODAY").length === epbLeads);
    await eventually(async () => h.mailTo("steering.en@daqing.example", "REPORT_OVERDUE").length === leads.length - 1);
    expect(h.mailTo("steering.en@daqing.example", "REPORT_OVERDUE")[0].subject).toMatch(/^Overdue/);
    const overdue = await h.gql(
      `query($id: String!) { progressReport(workflowId: $id) { ${REPORT} } }`,
      { id: `report-${period}-1.1-epb` },
      SG,
    );
    expect(overdue.data.progressReport).toMatchObject({ status: "PENDING", overdue: true, late: false });
    expect(await sentences(`report-${period}-1.1-epb`)).toEqual(
      expect.arrayContaining([
        "报送期限临近，系统已提醒牵头部门",
        "今天是报送截止日，系统已提醒牵头部门",
        "逾期未报送，系统已上报专项小组",
      ]),
    );

    // Late submissions are accepted and recorded as late; when every report is accepted the cycle closes.
    const pending = await h.db.progressReport.findMany({ where: { status: "PENDING" }, include: { department: true } });
    for (const r of pending) {
      const res = await submit(r.workflowId, r.department.code === "epb" ? "epb@daqing.example" : SG);
      expect(res.data.submitProgressReport.late).toBe(true);
      expect((await review(r.workflowId, true)).errors).toBeUndefined();
    }
    await h.env.client.workflow.getHandle(`cycle-${period}`).result();
    const closed = await h.gql(
      `query($p: String!) { reportingCycle(period: $p) { status consolidatedReport } }`,
      { p: period },
      SG,
    );
    expect(closed.data.reportingCycle.status).toBe("CLOSED");
    expect(await waiting(`cycle-${period}`)).toEqual([]);
    expect(await h.db.waitingItem.count({ where: { workflowId: { startsWith: `report-${period}-` } } })).toBe(0);
    expect(await sentences(`cycle-${period}`)).toEqual([
      expect.stringMatching(/ 启动了报送周期$/),
      `已向各牵头部门发出${leads.length}份报告要求`,
      "全部报告已采纳，汇总报告已生成",
    ]);
    expect(closed.data.reportingCycle.consolidatedReport).toContain("新增断面12个");
    expect(closed.data.reportingCycle.consolidatedReport).toContain("配合 市财政局：已安排水资源监控专项资金");
    expect(closed.data.reportingCycle.consolidatedReport).toContain("逾期报送 late");
    await eventually(async () => h.mailTo("steering.en@daqing.example", "CYCLE_CLOSED").length === 1);
    expect(h.mailTo("steering.en@daqing.example", "CYCLE_CLOSED")[0].subject).toBe(
      `Consolidated progress report ${periodLabel(period).en}`, // the period in words (November 2026), not its code
    );
    expect(duplicates(h.smtp.received.map((m) => m.noticeKey))).toEqual([]);
    await recordHistory(h.env.client, water, "progress-report-returned");
    await recordHistory(h.env.client, `report-${period}-1.1-epb`, "progress-report-overdue");
  });
});
