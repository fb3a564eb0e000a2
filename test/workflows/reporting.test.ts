// 定期报送推进落实情况 end to end through the GraphQL API on the time-skipping server: the fan-out to every task and
// lead department, supporting departments' input, return for revision, reminders before and on the due date,
// escalation when overdue, late submissions, and the consolidated report, with the mail on a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicates, timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";
import { recordHistory } from "./support/histories";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const DAY = 24 * 3600_000;
const SG = "steering@daqing.example";
const REPORT = `workflowId status late overdue returnReason returnCount task { code } department { code } contributions { department { code } text } waitingFor { what who }`;
const submit = (id: string, as: string, progress = "按计划推进") =>
  h.gql(`mutation($id: String!, $p: String!) { submitProgressReport(workflowId: $id, progress: $p, taskStatus: "ON_TRACK") { ${REPORT} } }`, { id, p: progress }, as);
const draft = (id: string, as: string, progress: string) =>
  h.gql(`mutation($id: String!, $p: String!) { saveProgressReportDraft(workflowId: $id, progress: $p, taskStatus: "AT_RISK") { status progress draftSavedAt } }`, { id, p: progress }, as);
const review = (id: string, accept: boolean, reason?: string) =>
  h.gql(`mutation($id: String!, $a: Boolean!, $r: String) { reviewProgressReport(workflowId: $id, accept: $a, reason: $r) { ${REPORT} } }`, { id, a: accept, r: reason }, SG);
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe("progress reporting cycle", () => {
  it("fans out, collects, returns, reminds, escalates and consolidates", async () => {
    const due = await h.dayFromNow(10);
    const open = (period: string, dueDate: string, as = SG) =>
      h.gql(`mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) { workflowId period status } }`, { p: period, d: dueDate }, as);
    expect(code(await open("2019Q2", "2019-01-01"))).toBe("BAD_INPUT");
    expect(code(await open("2019-Q2", due))).toBe("BAD_INPUT");
    expect(code(await open("2019Q2", due, "epb@daqing.example"))).toBe("FORBIDDEN");
    const opened = await open("2019Q2", due);
    expect(opened.errors).toBeUndefined();
    expect(opened.data.openReportingCycle).toEqual({ workflowId: "cycle-2019Q2", period: "2019Q2", status: "OPEN" });
    expect(code(await open("2019Q2", due))).toBe("CONFLICT");

    // One report per task and lead department (a department leading two parts of a task writes one report).
    const leads = await h.db.taskAssignment.findMany({ where: { role: "LEAD" }, distinct: ["taskId", "departmentId"] });
    await eventually(async () => (await h.db.progressReport.count({ where: { version: { gte: 1 } } })) === leads.length);
    const cycle = await h.gql(`{ reportingCycle(period: "2019Q2") { reportCount reports { workflowId } } }`, {}, SG);
    expect(cycle.data.reportingCycle.reportCount).toBe(leads.length);
    const epb = await h.db.department.findUniqueOrThrow({ where: { code: "epb" } });
    const epbLeads = leads.filter((l) => l.departmentId === epb.id).length;
    await eventually(async () => h.mailTo("epb@daqing.example", "REPORT_REQUESTED").length === epbLeads);
    await eventually(async () => h.mailTo("finance@daqing.example", "CONTRIBUTION_REQUESTED").length > 0);

    const water = "report-2019Q2-1.2-water";
    const contribute = (as: string, text: string) =>
      h.gql(`mutation($id: String!, $t: String!) { contributeToReport(workflowId: $id, text: $t) { ${REPORT} } }`, { id: water, t: text }, as);
    expect((await contribute("finance@daqing.example", "已安排水资源监控专项资金")).data.contributeToReport.contributions).toEqual([
      { department: { code: "finance" }, text: "已安排水资源监控专项资金" },
    ]);
    expect(code(await contribute("land@daqing.example", "不是配合部门"))).toBe("FORBIDDEN");
    expect(code(await submit(water, "epb@daqing.example"))).toBe("FORBIDDEN");
    expect(code(await review("report-2019Q2-1.1-epb", true))).toBe("INVALID_STATE");

    // A draft keeps the text and leaves the report open; only the lead department may save one.
    expect(code(await draft(water, "epb@daqing.example", "代填"))).toBe("FORBIDDEN");
    const saved = await draft(water, "water@daqing.example", "站点选址进行中");
    expect(saved.data.saveProgressReportDraft).toMatchObject({ status: "PENDING", progress: "站点选址进行中" });
    expect(saved.data.saveProgressReportDraft.draftSavedAt).not.toBeNull();

    expect((await submit(water, "water@daqing.example", "完成水资源监控站点选址")).data.submitProgressReport.status).toBe("SUBMITTED");
    expect(code(await draft(water, "water@daqing.example", "提交后再存草稿"))).toBe("INVALID_STATE");
    const twice = await submit(water, "water@daqing.example");
    expect(code(twice)).toBe("INVALID_STATE");
    expect(twice.errors?.[0].message).toContain("already submitted");
    expect(code(await review(water, false))).toBe("BAD_INPUT");
    const returned = await review(water, false, "请补充监测断面数量");
    expect(returned.data.reviewProgressReport).toMatchObject({ status: "RETURNED", returnReason: "请补充监测断面数量", returnCount: 1 });
    await eventually(async () => h.mailTo("water@daqing.example", "REPORT_RETURNED").length === 1);
    expect(h.mailTo("water@daqing.example", "REPORT_RETURNED")[0].text).toContain("请补充监测断面数量");
    await submit(water, "water@daqing.example", "完成水资源监控站点选址，新增断面12个");
    expect((await review(water, true)).data.reviewProgressReport.status).toBe("ACCEPTED");
    expect(code(await review(water, true))).toBe("INVALID_STATE");

    // Reminders REMINDER_LEAD_DAYS before and on the due date, then escalation (steering group, in each one's language).
    await h.env.sleep(8 * DAY);
    await eventually(async () => h.mailTo("epb@daqing.example", "REPORT_REMINDER").length === epbLeads);
    expect(h.mailTo("water@daqing.example", "REPORT_REMINDER")).toHaveLength(1); // 1.6 only: 1.2 is accepted
    await h.env.sleep(3 * DAY);
    await eventually(async () => h.mailTo("epb@daqing.example", "REPORT_DUE_TODAY").length === epbLeads);
    await eventually(async () => h.mailTo("steering.en@daqing.example", "REPORT_OVERDUE").length === leads.length - 1);
    expect(h.mailTo("steering.en@daqing.example", "REPORT_OVERDUE")[0].subject).toMatch(/^Overdue/);
    const overdue = await h.gql(`query { progressReport(workflowId: "report-2019Q2-1.1-epb") { ${REPORT} } }`, {}, SG);
    expect(overdue.data.progressReport).toMatchObject({ status: "PENDING", overdue: true, late: false });

    // Late submissions are accepted and recorded as late; when every report is accepted the cycle closes.
    const pending = await h.db.progressReport.findMany({ where: { status: "PENDING" }, include: { department: true } });
    for (const r of pending) {
      const res = await submit(r.workflowId, r.department.code === "epb" ? "epb@daqing.example" : SG);
      expect(res.data.submitProgressReport.late).toBe(true);
      expect((await review(r.workflowId, true)).errors).toBeUndefined();
    }
    await h.env.client.workflow.getHandle("cycle-2019Q2").result();
    const closed = await h.gql(`{ reportingCycle(period: "2019Q2") { status consolidatedReport } }`, {}, SG);
    expect(closed.data.reportingCycle.status).toBe("CLOSED");
    expect(closed.data.reportingCycle.consolidatedReport).toContain("新增断面12个");
    expect(closed.data.reportingCycle.consolidatedReport).toContain("配合 市财政局：已安排水资源监控专项资金");
    expect(closed.data.reportingCycle.consolidatedReport).toContain("逾期报送 late");
    await eventually(async () => h.mailTo("steering.en@daqing.example", "CYCLE_CLOSED").length === 1);
    expect(h.mailTo("steering.en@daqing.example", "CYCLE_CLOSED")[0].subject).toBe("Consolidated progress report 2019Q2");
    expect(duplicates(h.smtp.received.map((m) => m.noticeKey))).toEqual([]);
    await recordHistory(h.env.client, water, "progress-report-returned");
    await recordHistory(h.env.client, "report-2019Q2-1.1-epb", "progress-report-overdue");
  });
});
