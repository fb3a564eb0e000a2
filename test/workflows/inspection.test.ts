// 专项督导检查 end to end through the GraphQL API on the time-skipping server: notice and reminder, findings (not
// before the day), rectification deadlines with reminders and escalation, verify or reopen, closing, a recurring
// schedule; what each role is offered, what the inspection waits for (WaitingItem), and its log in sentences.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { duplicates, timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";
import { recordHistory } from "./support/histories";
import { occurrenceDate } from "../../workflows/common/calendar";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const DAY = 24 * 3600_000;
const INSPECTOR = "inspector@daqing.example";
const AREA = "zhaozhou@daqing.example";
const INSPECTION = `workflowId status nextWorkflowId findings { ordinal status deadline overdue reopenCount } waitingFor { what who }`;
const ACTIONS = `heading { zh } series { zh } laterDates actions { step enabled reason { zh } }
  findings { ordinal label { zh } actions { step enabled reason { zh } } }`;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

describe("supervisory inspection", () => {
  it("notifies, records findings, reopens, escalates overdue rectification, closes, and schedules the next one", async () => {
    const date = await h.dayFromNow(10);
    const schedule = async (as: string, d = date) =>
      h.gql(
        `mutation($d: String!, $u: String!) { scheduleInspection(title: "县区空气站与土壤点位建设专项督导", areaCode: "230621", taskCodes: ["1.1", "1.3"], date: $d, recurrence: "QUARTERLY", repeatUntil: $u) { ${INSPECTION} } }`,
        { d, u: await h.dayFromNow(120) },
        as,
      );
    expect(code(await schedule("epb@daqing.example"))).toBe("FORBIDDEN");
    expect(code(await schedule(INSPECTOR, "2018-06-01"))).toBe("BAD_INPUT");
    const s = await schedule(INSPECTOR);
    expect(s.errors).toBeUndefined();
    const id = s.data.scheduleInspection.workflowId;
    expect(id).toBe(`inspection-${date}-230621`);
    expect(await h.db.auditEvent.count({ where: { entityType: "Inspection", entityId: id, action: "SCHEDULE" } })).toBe(
      1,
    );
    await eventually(
      async () =>
        h.mailTo(AREA, "INSPECTION_NOTICE").length === 1 && h.mailTo(INSPECTOR, "INSPECTION_NOTICE").length === 1,
    );

    const finding = (description: string, requires: boolean, deadline?: string) =>
      h.gql(
        `mutation($id: String!, $d: String!, $r: Boolean!, $dl: String) { addInspectionFinding(workflowId: $id, description: $d, severity: "HIGH", requiresRectification: $r, deadline: $dl) { ${INSPECTION} } }`,
        { id, d: description, r: requires, dl: deadline },
        INSPECTOR,
      );
    // Before the day: the inspector is offered the steps disabled, with the reason; the API refuses them the same way.
    const early = await finding("太早", false);
    expect(early.errors?.[0].extensions).toMatchObject({
      code: "INVALID_STATE",
      notYet: true,
      zh: `检查日期${date}后可录入`,
    });
    const before = await h.gql(`query($id: String!) { inspection(workflowId: $id) { ${ACTIONS} } }`, { id }, INSPECTOR);
    expect(before.data.inspection).toMatchObject({
      heading: { zh: `${date} 对肇州县的专项督导检查` },
      series: { zh: `每季度一次，第1次，至${await h.dayFromNow(120)}` },
      actions: [
        { step: "ADD_FINDING", enabled: false, reason: { zh: `检查日期${date}后可录入` } },
        { step: "CONCLUDE_FIELDWORK", enabled: false },
      ],
    });
    expect(before.data.inspection.laterDates[0]).toBe(occurrenceDate(date, "QUARTERLY", 2));
    const areaView = await h.gql(
      `query($id: String!) { inspection(workflowId: $id) { actions { step } } }`,
      { id },
      AREA,
    );
    expect(areaView.data.inspection.actions).toEqual([]);
    const user = (email: string) => h.db.user.findUniqueOrThrow({ where: { email } });
    const inspectorId = (await user(INSPECTOR)).id;
    expect(
      await h.db.waitingItem.findMany({ where: { workflowId: id }, select: { what: true, who: true, titleZh: true } }),
    ).toEqual([{ what: "INSPECT", who: `user:${inspectorId}`, titleZh: `${date} 对肇州县的专项督导检查` }]);

    await h.env.sleep(10 * DAY);
    await eventually(async () => h.mailTo(AREA, "INSPECTION_REMINDER").length === 1);
    const started = await eventually(async () => {
      const r = await h.gql(`query($id: String!) { inspection(workflowId: $id) { ${INSPECTION} } }`, { id }, INSPECTOR);
      return r.data.inspection.status === "IN_PROGRESS" && r.data.inspection;
    });
    const next = started.nextWorkflowId;
    expect(next).toBe(`inspection-${occurrenceDate(date, "QUARTERLY", 2)}-230621`);
    expect(await h.db.inspection.findUnique({ where: { workflowId: next } })).toMatchObject({
      status: "SCHEDULED",
      occurrence: 2,
    });
    expect(await h.db.auditEvent.count({ where: { entityType: "Inspection", entityId: next } })).toBe(0); // the schedule's doing, not a person's

    expect(code(await finding("需整改但无期限", true))).toBe("BAD_INPUT");
    const f1 = await finding("两座空气自动站未按期联网", true, await h.dayFromNow(14));
    expect(f1.data.addInspectionFinding.findings[0]).toMatchObject({ ordinal: 1, status: "OPEN" });
    const f2 = await finding("台账不全（当场整改）", false);
    expect(f2.data.addInspectionFinding.findings[1]).toMatchObject({ ordinal: 2, status: "CLOSED" });
    await eventually(async () => h.mailTo(AREA, "RECTIFICATION_REQUIRED").length === 1);
    // The unit is offered the report on its open finding; the inspector sees verification as not yet possible.
    const offered = async (as: string) =>
      (await h.gql(`query($id: String!) { inspection(workflowId: $id) { ${ACTIONS} } }`, { id }, as)).data.inspection;
    expect((await offered(AREA)).findings[0]).toEqual({
      ordinal: 1,
      label: { zh: "问题1（严重）" },
      actions: [{ step: "REPORT_RECTIFICATION", enabled: true, reason: null }],
    });
    expect((await offered(INSPECTOR)).findings[0].actions).toEqual([
      { step: "VERIFY", enabled: false, reason: { zh: "被检查单位报送整改情况后可核查" } },
    ]);
    expect((await offered("steering@daqing.example")).findings[1].actions).toEqual([]); // closed on the spot
    await h.gql(
      `mutation($id: String!) { concludeInspectionFieldwork(workflowId: $id) { status } }`,
      { id },
      INSPECTOR,
    );

    const report = (as: string, text: string) =>
      h.gql(
        `mutation($id: String!, $t: String!) { reportRectification(workflowId: $id, ordinal: 1, rectification: $t) { ${INSPECTION} } }`,
        { id, t: text },
        as,
      );
    const verify = (effective: boolean, reason?: string, newDeadline?: string) =>
      h.gql(
        `mutation($id: String!, $e: Boolean!, $r: String, $n: String) { verifyRectification(workflowId: $id, ordinal: 1, effective: $e, reason: $r, newDeadline: $n) { ${INSPECTION} } }`,
        { id, e: effective, r: reason, n: newDeadline },
        INSPECTOR,
      );
    expect(code(await verify(true))).toBe("INVALID_STATE"); // nothing reported yet
    expect(code(await report("epb@daqing.example", "不是被检查单位"))).toBe("FORBIDDEN");
    // The side that verifies a rectification does not write it.
    expect(code(await report("steering@daqing.example", "代为报送"))).toBe("FORBIDDEN");
    expect((await report(AREA, "已完成联网调试")).data.reportRectification.findings[0].status).toBe(
      "RECTIFICATION_REPORTED",
    );
    expect(code(await report(AREA, "again"))).toBe("INVALID_STATE");
    expect(code(await verify(false))).toBe("BAD_INPUT"); // reopening needs a reason and a new deadline
    const reopened = await verify(false, "数据仍未上传至省平台", await h.dayFromNow(20));
    expect(reopened.data.verifyRectification.findings[0]).toMatchObject({ status: "REOPENED", reopenCount: 1 });
    await eventually(async () => h.mailTo(AREA, "RECTIFICATION_REOPENED").length === 1);

    // The new deadline passes: reminder, then escalation to the steering group. A deadline entered on a weekend moved
    // to the next working day (docs/decisions/019): sleep past the day it is due on.
    const newDue = Date.parse(reopened.data.verifyRectification.findings[0].deadline) + DAY;
    await h.env.sleep(newDue + 3600_000 - (await h.env.currentTimeMs()));
    await eventually(async () => h.mailTo("steering@daqing.example", "RECTIFICATION_OVERDUE").length === 1);
    expect(h.mailTo(AREA, "RECTIFICATION_REMINDER").length).toBeGreaterThanOrEqual(1);
    expect(
      (await h.db.inspectionFinding.findFirstOrThrow({ where: { inspection: { workflowId: id }, ordinal: 1 } }))
        .overdue,
    ).toBe(true);

    await report(AREA, "数据已上传省平台");
    const closed = await verify(true);
    expect(closed.data.verifyRectification.findings[0].status).toBe("CLOSED");
    await h.env.client.workflow.getHandle(id).result();
    const final = await h.gql(
      `query($id: String!) { inspection(workflowId: $id) { status waitingFor { what } } }`,
      { id },
      INSPECTOR,
    );
    expect(final.data.inspection).toEqual({ status: "CLOSED", waitingFor: [] });
    await eventually(async () => h.mailTo(AREA, "INSPECTION_CLOSED").length === 1);
    expect(await h.db.waitingItem.count({ where: { workflowId: id } })).toBe(0);
    // The activity log reads as sentences; the next occurrence was set by the schedule, not by a person.
    const log = await h.gql(
      `query($id: String!, $next: String!) { a: workflowEvents(workflowId: $id) { kind sentence { zh en } }
        b: workflowEvents(workflowId: $next) { actorId sentence { zh } } }`,
      { id, next },
      INSPECTOR,
    );
    const sentences = log.data.a.map((e: { sentence: { zh: string } }) => e.sentence.zh);
    expect(sentences).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`安排了${date}的专项督导检查$`)),
        expect.stringMatching(
          /记录了问题1（严重），须于\d{4}-\d{2}-\d{2}前整改(（原定\d{4}-\d{2}-\d{2}，顺延至工作日）)?$/,
        ),
        expect.stringMatching(/记录了问题2（严重）（已当场整改）$/),
        expect.stringMatching(/报送了问题1（严重）的整改情况$/),
        expect.stringMatching(
          /要求问题1（严重）重新整改（新期限\d{4}-\d{2}-\d{2}(（原定\d{4}-\d{2}-\d{2}，顺延至工作日）)?）：数据仍未上传至省平台$/,
        ),
        "问题1（严重）整改逾期，系统已上报专项小组",
        expect.stringMatching(/核查确认问题1（严重）整改有效，予以销号$/),
        "现场检查已结束且所有问题均已销号，检查结束",
      ]),
    );
    expect(sentences.join("\n")).not.toMatch(/[A-Z]{3,}/);
    expect(log.data.b[0]).toEqual({
      actorId: null,
      sentence: { zh: `按定期检查安排（每季度一次）安排了第2次检查：${occurrenceDate(date, "QUARTERLY", 2)}` },
    });
    expect(duplicates(h.smtp.received.map((m) => m.noticeKey))).toEqual([]);
    await recordHistory(h.env.client, id, "inspection");
    await h.env.client.workflow.getHandle(next).terminate("test finished");
  });
});
