// What cannot be true is refused with a bilingual BAD_INPUT that says what is allowed, and leaves no trace; an update
// that changes nothing writes nothing and says so (UNCHANGED). Every case issue 7 names, and the ones beside them.
// The four process starts are refused before Temporal is asked: the API is pointed at a port where nothing listens,
// so a start that got through would answer WORKFLOW_UNAVAILABLE instead of the expected refusal.
import type { LinkageState } from "../workflows/linkage/process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Client, Connection } from "@temporalio/client";
import { createTestDb } from "./support/db";
import { graphqlClient, type GqlResult } from "./support/graphql";
import { useTemporalClient } from "../app/utils/temporal.server";
import { addDays, shanghaiDay } from "../app/utils/time";
import { freePort } from "../worker/dev-server";

const { db } = createTestDb();
const gql = graphqlClient(db);
const SG = "steering@daqing.example";
const EPB = "epb@daqing.example";
const today = shanghaiDay(new Date());
const thisYear = Number(today.slice(0, 4));
let connection: Connection;

beforeAll(async () => {
  connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
  useTemporalClient(new Client({ connection }), "plausibility-test");
});
afterAll(async () => {
  useTemporalClient(null);
  await connection.close();
  await db.$disconnect();
});

/** A BAD_INPUT (or `code`) in both languages whose Chinese text matches `zh`, and nothing written to the history. */
async function refused(run: () => Promise<GqlResult>, zh: RegExp, code = "BAD_INPUT") {
  const audits = await db.auditEvent.count();
  const r = await run();
  const e = r.errors?.[0];
  expect(e?.extensions?.code, JSON.stringify(r)).toBe(code);
  expect(e?.extensions?.zh).toMatch(zh);
  expect(e?.extensions?.en).toMatch(/[A-Za-z]{3}/);
  expect(await db.auditEvent.count()).toBe(audits);
}
const ok = (r: GqlResult) => expect(r.errors, JSON.stringify(r)).toBeUndefined();

const openWorkPlan = (year: number, due: string) =>
  gql(
    `mutation($y: Int!, $d: String!) { openWorkPlan(departmentCode: "epb", year: $y, dueDate: $d) { workflowId } }`,
    { y: year, d: due },
    SG,
  );
const openCycle = (period: string, due: string) =>
  gql(
    `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) { workflowId } }`,
    { p: period, d: due },
    SG,
  );
const schedule = (date: string, extra = "") =>
  gql(
    `mutation($d: String!) { scheduleInspection(title: "专项督导", areaCode: "230621", taskCodes: ["1.1"], date: $d ${extra}) { workflowId } }`,
    { d: date },
    SG,
  );
const station = (fields: string) =>
  gql(
    `mutation { addStation(input: { element: AIR, areaCode: "230602", mode: MANUAL, ${fields} }) { code status } }`,
    {},
    EPB,
  );
const alertAt = (stationCode: string, at: string, note = "") =>
  gql(
    `mutation($s: String!, $at: String!, $n: String) { recordAlert(input: { stationCode: $s, kind: DEVICE_OFFLINE, occurredAt: $at, note: $n }) { id note } }`,
    { s: stationCode, at, n: note || null },
    EPB,
  );

describe("process starts that cannot be true", () => {
  it("refuses a work plan for 2100 due 9999-12-31, for a year already over, or due after its year ends", async () => {
    await refused(() => openWorkPlan(2100, "9999-12-31"), new RegExp(`年度应在${thisYear}年至${thisYear + 3}年之间`));
    await refused(() => openWorkPlan(2019, addDays(today, 14)), /已结束的年度不能再要求编制计划/);
    await refused(() => openWorkPlan(thisYear + 1, "9999-12-31"), new RegExp(`截止日期应在${today}至`));
    await refused(() => openWorkPlan(thisYear + 3, `${thisYear + 3}-06-30`), /截止日期应在/); // more than a year ahead
    expect(await db.annualWorkPlan.count({ where: { year: { in: [2019, 2100, thisYear + 1, thisYear + 3] } } })).toBe(
      0,
    );
  });

  it("refuses a reporting cycle due before its period ends, long after it, or for a period long past", async () => {
    const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    await refused(() => openCycle(`${thisYear}Q${quarter}`, addDays(today, 1)), /截止日期（报送期.*结束后半年内/); // this quarter has not ended
    await refused(() => openCycle(`${thisYear}M01`, `${thisYear}-01-20`), /截止日期|超过半年/);
    await refused(() => openCycle("2019Q2", addDays(today, 10)), /2019Q2已于2019-06-30结束，超过半年/);
    await refused(() => openCycle("2100", "2101-01-10"), new RegExp(`报送周期应在2018年至${thisYear + 1}年之间`));
    await refused(() => openCycle(`${thisYear - 1}H2`, `${thisYear + 1}-12-31`), /截止日期|超过半年/);
  });

  it("refuses an inspection more than a year ahead, or repeating for more than three years", async () => {
    await refused(() => schedule(addDays(today, 400)), /检查日期应在/);
    await refused(
      () => schedule(addDays(today, 10), `, recurrence: "MONTHLY", repeatUntil: "${addDays(today, 5 * 365)}"`),
      /定期检查的截止日期应在/,
    );
    await refused(
      () => schedule(addDays(today, 10), `, recurrence: "MONTHLY", repeatUntil: "${addDays(today, 5)}"`),
      /定期检查的截止日期应在/,
    );
  });

  it("refuses a milestone beyond its plan's year and a rectification deadline more than a year ahead", async () => {
    const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
    await db.annualWorkPlan.create({
      data: {
        workflowId: "workplan-plausibility",
        departmentId: epb.id,
        year: thisYear,
        dueDate: new Date(),
        status: "DRAFTING",
        openedAt: new Date(),
      },
    });
    const milestone = {
      taskCode: "1.1",
      what: "选址",
      responsibleUnit: "大气环境科",
      indicator: "完成选址",
      dueDate: `${thisYear + 1}-03-31`,
    };
    await refused(
      () =>
        gql(
          `mutation($ms: [MilestoneInput!]!) { saveWorkPlanMilestones(workflowId: "workplan-plausibility", milestones: $ms) { status } }`,
          { ms: [milestone] },
          EPB,
        ),
      new RegExp(`节点完成时限应在${today}至${thisYear}-12-31之间`),
    );
    await db.inspection.create({
      data: {
        workflowId: "inspection-plausibility",
        title: "督导",
        inspectorId: 1,
        taskCodes: "1.1",
        scheduledFor: new Date(),
        status: "IN_PROGRESS",
      },
    });
    await refused(
      () =>
        gql(
          `mutation($dl: String) { addInspectionFinding(workflowId: "inspection-plausibility", description: "问题", severity: "HIGH", requiresRectification: true, deadline: $dl) { status } }`,
          { dl: "9999-12-31" },
          SG,
        ),
      /整改期限应在/,
    );
  });

  it("refuses an on-site time before the case was opened (the workflow refuses one in the future, on its own clock)", async () => {
    const alert = await db.alert.findFirstOrThrow({ where: { status: "OPEN" } });
    const openedAt = new Date(Date.now() - 3600_000);
    const epb = await db.department.findUniqueOrThrow({ where: { code: "epb" } });
    await db.linkageCase.create({
      data: {
        workflowId: "linkage-plausibility",
        alertId: alert.id,
        areaId: alert.areaId,
        status: "RESPONDED",
        openedAt,
        responseDeadline: new Date(),
        frequencyFactor: 2,
        spotCheckRatio: 0.3,
        // As the workflow's first step mirrors it (workflows/linkage/process.ts).
        state: JSON.stringify({
          alertId: alert.id,
          station: "站点",
          area: { zh: "萨尔图区", en: "Sartu" },
          kind: { zh: "超标", en: "Exceedance" },
          occurredAt: openedAt.toISOString(),
          enforcementDepartmentId: epb.id,
          enforcementDepartmentCode: epb.code,
          enforcementDepartment: { zh: epb.name, en: epb.nameEn },
          status: "RESPONDED",
          openedAt: openedAt.toISOString(),
          responseDeadline: new Date().toISOString(),
        } satisfies LinkageState),
      },
    });
    await refused(
      () =>
        gql(
          `mutation($at: String!) { recordEnforcementResult(workflowId: "linkage-plausibility", onSiteAt: $at, jointMonitoring: true, violationFound: false, actionTaken: "检查") { status } }`,
          { at: "2019-01-01T08:00:00+08:00" },
          SG,
        ),
      /现场时间不能早于案件启动时间/,
    );
  });
});

describe("records that cannot be true", () => {
  it("refuses an alert in 1970, in the future, or before its station was commissioned", async () => {
    const s = await db.station.findFirstOrThrow({
      where: { status: "ACTIVE", operatorDepartment: { code: "epb" }, commissionedOn: { not: null } },
    });
    await refused(() => alertAt(s.code, "1970-01-01T00:00:00Z"), /报警时间应在2018-01-01/);
    await refused(() => alertAt(s.code, "2999-01-01T00:00:00Z"), /不能晚于当前时间/);
    await db.station.update({ where: { id: s.id }, data: { commissionedOn: new Date("2024-06-01T00:00:00+08:00") } });
    await refused(() => alertAt(s.code, "2024-05-31T12:00:00+08:00"), /不能早于站点投运日期（2024-06-01）/);
    ok(await alertAt(s.code, "2024-06-02T12:00:00+08:00"));
  });

  it("refuses a station commissioned or retired in 9999, or retired before it was commissioned", async () => {
    await refused(
      () => station(`code: "P-9999", name: "站", commissionedOn: "9999-01-01"`),
      /投运日期应在1960-01-01至/,
    );
    await refused(
      () => station(`code: "P-1900", name: "站", commissionedOn: "1900-01-01"`),
      /投运日期应在1960-01-01至/,
    );
    ok(await station(`code: "P-PLANNED", name: "规划站", status: PLANNED, commissionedOn: "${addDays(today, 400)}"`)); // a planned date may lie ahead
    ok(await station(`code: "P-RET", name: "站", commissionedOn: "2019-05-01"`));
    await refused(
      () => gql(`mutation { retireStation(code: "P-RET", retiredOn: "9999-12-31") { status } }`, {}, EPB),
      /撤销日期不能晚于今天/,
    );
    await refused(
      () => gql(`mutation { retireStation(code: "P-RET", retiredOn: "2019-04-30") { status } }`, {}, EPB),
      /撤销日期不能早于投运日期（2019-05-01）/,
    );
    expect((await db.station.findUniqueOrThrow({ where: { code: "P-RET" } })).status).toBe("ACTIVE");
  });

  it("refuses a duty fulfilled before the plan, and a milestone reached before the plan or in the future", async () => {
    const duty = (on: string) =>
      gql(
        `mutation($on: Date!) { recordDutyFulfilment(targetCode: "T1.3-SOIL-TRAINING-YEARLY", occurredOn: $on, summary: "培训") { summary } }`,
        { on },
        EPB,
      );
    await refused(() => duty("2010-06-15"), /履职日期应在2018-01-01至/);
    const achieved = (on: string) =>
      gql(
        `mutation($on: Date) { setMilestoneAchieved(targetCode: "G-2020-BIG-DATA-PLATFORM", achievedOn: $on) { code } }`,
        { on },
        SG,
      );
    await refused(() => achieved("2001-01-01"), /完成日期应在2018-01-01至/);
    await refused(() => achieved("9999-12-31"), /完成日期应在2018-01-01至/);
  });
});

describe("control characters in names and texts", () => {
  const BAD = {
    NUL: "\u0000",
    BEL: "\u0007",
    ESC: "\u001b",
    DEL: "\u007f",
    NEL: "\u0085",
    RLO: "\u202e",
    LRI: "\u2066",
    PDI: "\u2069",
  };

  it("refuses C0 and C1 controls and bidirectional overrides in a name, and a line break or tab in one", async () => {
    for (const [name, ch] of Object.entries({ ...BAD, LF: "\n", TAB: "\t" }))
      await refused(
        () =>
          gql(
            `mutation($n: String!) { addStation(input: { code: "C-${name}", name: $n, element: AIR, areaCode: "230602", mode: MANUAL }) { code } }`,
            { n: `站${ch}点` },
            EPB,
          ),
        /一行可打印文字/,
      );
    const title = "督导\u202egnp.exe"; // reads as "督导exe.png"
    await refused(
      () =>
        gql(
          `mutation($t: String!, $d: String!) { scheduleInspection(title: $t, areaCode: "230621", taskCodes: ["1.1"], date: $d) { workflowId } }`,
          { t: title, d: addDays(today, 10) },
          SG,
        ),
      /一行可打印文字/,
    );
    expect(await db.station.count({ where: { code: { startsWith: "C-" } } })).toBe(0);
  });

  it("keeps line breaks and tabs in multi-line text (CR LF from a form becomes LF) but refuses other controls there", async () => {
    const s = await db.station.findFirstOrThrow({ where: { status: "ACTIVE", operatorDepartment: { code: "epb" } } });
    const at = new Date(Date.now() - 3600_000).toISOString();
    const r = await alertAt(s.code, at, "第一行\r\n第二行\t备注");
    ok(r);
    expect(r.data.recordAlert.note).toBe("第一行\n第二行\t备注");
    for (const ch of Object.values(BAD))
      await refused(() => alertAt(s.code, at, `备注${ch}`), /可打印文字（可含换行和制表符）/);
  });
});

describe("a change that changes nothing", () => {
  it("updating a station with its current values writes nothing, records no history, and says so", async () => {
    ok(await station(`code: "U-1", name: "原名", commissionedOn: "2020-01-01", latitude: 46.5`));
    const same = `code: "U-1", name: "原名", mode: MANUAL, status: ACTIVE, commissionedOn: "2020-01-01", latitude: 46.5`;
    await refused(
      () => gql(`mutation { updateStation(input: { ${same} }) { name } }`, {}, EPB),
      /没有修改/,
      "UNCHANGED",
    );

    const audits = await db.auditEvent.count({ where: { entityType: "Station", entityId: "U-1" } });
    ok(await gql(`mutation { updateStation(input: { ${same.replace("原名", "新名")} }) { name } }`, {}, EPB));
    const history = await db.auditEvent.findMany({
      where: { entityType: "Station", entityId: "U-1", action: "UPDATE" },
    });
    expect(history).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityType: "Station", entityId: "U-1" } })).toBe(audits + 1);
    expect(JSON.parse(history[0].changes)).toEqual({ name: ["原名", "新名"] }); // only what changed, before and after
  });

  it("overriding a task's status or setting a milestone's date to what it already is writes nothing and says so", async () => {
    const override = () =>
      gql(`mutation { overrideTaskStatus(code: "1.1", status: ON_TRACK, reason: "已核实") { status } }`, {}, SG);
    expect((await override()).errors).toBeUndefined();
    await refused(override, /没有修改/, "UNCHANGED");
    const achieved = () =>
      gql(
        `mutation { setMilestoneAchieved(targetCode: "G-2020-BIG-DATA-PLATFORM", achievedOn: "2020-12-01") { code } }`,
        {},
        SG,
      );
    ok(await achieved());
    await refused(achieved, /没有修改/, "UNCHANGED");
  });
});
