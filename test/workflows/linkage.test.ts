// 测管联动 end to end through the GraphQL API on the time-skipping server, at the production response deadline
// (LINKAGE_RESPONSE_HOURS, 48 h by default): reminder halfway, escalation on breach, mail on a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "../../app/utils/env.server";
import { duplicates, timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";
import { recordHistory } from "./support/histories";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const CASE = `workflowId status respondedAt escalatedAt closedAt frequencyFactor spotCheckRatio responseMinutes breached waitingFor { what who deadline }
  alert { id status } area { code }`;

describe("monitoring–enforcement linkage", () => {
  it("opens a case from an alert, raises monitoring, escalates a missed response, and closes with the enforcement result", async () => {
    const alert = await h.db.alert.findFirstOrThrow({
      where: { status: "OPEN", kind: "EXCEEDANCE" },
      include: { area: true },
    });
    const opened = await h.gql(
      `mutation($id: Int!) { openLinkageCase(alertId: $id) { ${CASE} } }`,
      { id: alert.id },
      "epb@daqing.example",
    );
    expect(opened.errors).toBeUndefined();
    const id = opened.data.openLinkageCase.workflowId;
    expect(id).toBe(`linkage-alert-${alert.id}`);
    expect(opened.data.openLinkageCase.alert.status).toBe("IN_LINKAGE");
    expect(await h.db.auditEvent.count({ where: { entityType: "LinkageCase", entityId: id, action: "OPEN" } })).toBe(1);

    const again = await h.gql(
      `mutation($id: Int!) { openLinkageCase(alertId: $id) { workflowId } }`,
      { id: alert.id },
      "steering@daqing.example",
    );
    expect(again.errors?.[0].extensions?.code).toBe("CONFLICT");

    await eventually(
      async () =>
        h.mailTo("epb@daqing.example", "LINKAGE_OPENED").length === 1 &&
        h.mailTo("centre@daqing.example", "LINKAGE_OPENED").length === 1,
    );
    expect(h.mailTo("epb@daqing.example", "LINKAGE_OPENED")[0].subject).toContain("测管联动");

    const intensity = await h.gql(
      `query($a: String!) { monitoringIntensity(areaCode: $a) { openCases frequencyFactor spotCheckRatio } }`,
      { a: alert.area.code },
    );
    expect(intensity.data.monitoringIntensity).toEqual({ openCases: 1, frequencyFactor: 2, spotCheckRatio: 0.3 });
    const live = await h.gql(
      `query($id: String!) { waitingFor(workflowId: $id) { what who } }`,
      { id },
      "steering@daqing.example",
    );
    expect(live.data.waitingFor).toEqual([{ what: "RESPOND", who: "dept:epb" }]);

    // Wrong step and wrong department: refused, nothing changes.
    const early = await h.gql(
      `mutation($id: String!) { closeLinkageCase(workflowId: $id, summary: "结案") { status } }`,
      { id },
      "epb@daqing.example",
    );
    expect(early.errors?.[0].extensions?.code).toBe("INVALID_STATE");
    expect(early.errors?.[0].message).toContain("Record the on-site enforcement result");
    const wrongDept = await h.gql(
      `mutation($id: String!) { respondToLinkageCase(workflowId: $id, note: "收到") { status } }`,
      { id },
      "water@daqing.example",
    );
    expect(wrongDept.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    // Half the response window: a reminder. The whole window: escalation to the steering group (in each one's language).
    await h.env.sleep(env.LINKAGE_RESPONSE_HOURS * 3600_000 * 0.5 + 60_000);
    await eventually(async () => h.mailTo("epb@daqing.example", "LINKAGE_REMINDER").length === 1);
    expect(h.mailTo("steering@daqing.example", "LINKAGE_OVERDUE")).toHaveLength(0);
    await h.env.sleep(env.LINKAGE_RESPONSE_HOURS * 3600_000 * 0.5);
    await eventually(async () => h.mailTo("steering.en@daqing.example", "LINKAGE_OVERDUE").length === 1);
    expect(h.mailTo("steering.en@daqing.example", "LINKAGE_OVERDUE")[0].subject).toMatch(/^Breach/);
    expect(h.mailTo("steering@daqing.example", "LINKAGE_OVERDUE")[0].subject).toContain("超时");

    const responded = await h.gql(
      `mutation($id: String!) { respondToLinkageCase(workflowId: $id, note: "已派员赴现场") { ${CASE} } }`,
      { id },
      "epb@daqing.example",
    );
    expect(responded.errors).toBeUndefined();
    expect(responded.data.respondToLinkageCase).toMatchObject({ status: "RESPONDED", breached: true });
    expect(responded.data.respondToLinkageCase.responseMinutes).toBeGreaterThanOrEqual(env.LINKAGE_RESPONSE_HOURS * 60);
    const twice = await h.gql(
      `mutation($id: String!) { respondToLinkageCase(workflowId: $id, note: "again") { status } }`,
      { id },
      "epb@daqing.example",
    );
    expect(twice.errors?.[0].extensions?.code).toBe("INVALID_STATE");

    // An on-site time before the case was opened, or later than now on the workflow's clock, cannot be true.
    const recordResult = (at: string) =>
      h.gql(
        `mutation($id: String!, $at: String!) { recordEnforcementResult(workflowId: $id, onSiteAt: $at, jointMonitoring: true, violationFound: true, actionTaken: "责令停产整治，立案处罚") { status } }`,
        { id, at },
        "epb@daqing.example",
      );
    const openedAt = Date.parse(
      (await h.db.linkageCase.findUniqueOrThrow({ where: { workflowId: id } })).openedAt.toISOString(),
    );
    const beforeOpening = await recordResult(new Date(openedAt - 60_000).toISOString());
    expect(beforeOpening.errors?.[0].extensions).toMatchObject({
      code: "BAD_INPUT",
      zh: expect.stringMatching(/早于案件启动时间/),
    });
    const inFuture = await recordResult(new Date((await h.env.currentTimeMs()) + 24 * 3600_000).toISOString());
    expect(inFuture.errors?.[0].extensions).toMatchObject({
      code: "BAD_INPUT",
      zh: expect.stringMatching(/不能晚于当前时间/),
    });
    const result = await recordResult(new Date((await h.env.currentTimeMs()) - 3600_000).toISOString());
    expect(result.data.recordEnforcementResult.status).toBe("RESULT_RECORDED");
    const closed = await h.gql(
      `mutation($id: String!) { closeLinkageCase(workflowId: $id, summary: "已查处") { ${CASE} } }`,
      { id },
      "epb@daqing.example",
    );
    expect(closed.data.closeLinkageCase).toMatchObject({
      status: "CLOSED",
      alert: { status: "CLOSED" },
      waitingFor: [],
    });
    expect(
      (
        await h.gql(`query($a: String!) { monitoringIntensity(areaCode: $a) { openCases frequencyFactor } }`, {
          a: alert.area.code,
        })
      ).data.monitoringIntensity,
    ).toEqual({ openCases: 0, frequencyFactor: 1 });

    await h.env.client.workflow.getHandle(id).result();
    await eventually(async () => h.mailTo("centre@daqing.example", "LINKAGE_CLOSED").length === 1);
    const events = await h.db.workflowEvent.findMany({ where: { workflowId: id }, orderBy: { step: "asc" } });
    expect(events.map((e) => e.kind)).toEqual(["OPEN", "REMIND", "ESCALATE", "RESPOND", "RESULT", "CLOSE"]);
    expect(duplicates(h.smtp.received.map((m) => `${m.noticeKey}`))).toEqual([]);
    expect(await h.db.outboxMessage.count({ where: { workflowId: id, sentAt: null } })).toBe(0);
    await recordHistory(h.env.client, id, "linkage-case");
  });
});
