// "What waits for me" is what the processes say they wait for (WaitingItem, mirrored at every step), read by party:
// the lead department sees the reports it owes, a supporting department the contributions asked of it, nobody sees
// another department's items, and only the steering group lists what everyone owes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { timeSkippingHarness } from "./support/harness";
import { eventually } from "./support/temporal";

let h: Awaited<ReturnType<typeof timeSkippingHarness>>;
beforeAll(async () => (h = await timeSkippingHarness()));
afterAll(() => h?.close());

const MINE = `query($overdue: Boolean) { waitingItems(first: 100, overdue: $overdue) { totalCount edges { node { workflowId process what who path overdue title { zh } text { zh } } } } }`;
type Item = { workflowId: string; process: string; what: string; who: string; path: string; overdue: boolean };
const items = async (as: string, overdue?: boolean) => {
  const r = await h.gql(MINE, { overdue }, as);
  expect(r.errors).toBeUndefined();
  return r.data.waitingItems.edges.map((e: { node: Item }) => e.node) as Item[];
};

describe("what waits for whom", () => {
  it("lists each party's own items from the processes' waiting lists", async () => {
    const now = new Date((await h.env.currentTimeMs()) + 8 * 3600_000);
    const [y, m] = [now.getUTCFullYear(), now.getUTCMonth()];
    const period = m === 0 ? `${y - 1}M12` : `${y}M${String(m).padStart(2, "0")}`;
    const opened = await h.gql(
      `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) { workflowId } }`,
      { p: period, d: await h.dayFromNow(14) },
      "steering@daqing.example",
    );
    expect(opened.errors).toBeUndefined();
    const leads = await h.db.taskAssignment.count({ where: { role: "LEAD", department: { code: "epb" } } });
    await eventually(async () => (await items("epb@daqing.example")).length === leads);

    const epb = await items("epb@daqing.example");
    expect(new Set(epb.map((i) => i.what))).toEqual(new Set(["SUBMIT_REPORT"]));
    expect(
      epb.every((i) => i.who === "dept:epb" && i.process === "REPORT" && i.path === `/reports/${i.workflowId}`),
    ).toBe(true);

    // 市财政局 supports tasks 市环保局 leads: it is asked for its input, on the same reports.
    const finance = await items("finance@daqing.example");
    expect(finance.length).toBeGreaterThan(0);
    expect(finance.every((i) => i.who === "dept:finance")).toBe(true);
    expect(finance.some((i) => i.what.startsWith("CONTRIBUTE") && epb.some((e) => e.workflowId === i.workflowId))).toBe(
      true,
    );
    expect((await items("water@daqing.example")).some((i) => i.who === "dept:epb")).toBe(false);

    // Nothing is overdue yet; only the steering group may list every party's items.
    expect(await items("epb@daqing.example", true)).toEqual([]);
    const everyone = await h.gql(
      `{ waitingItems(first: 1, everyone: true) { totalCount } }`,
      {},
      "steering@daqing.example",
    );
    expect(everyone.data.waitingItems.totalCount).toBeGreaterThanOrEqual(epb.length + finance.length);
    const refused = await h.gql(`{ waitingItems(first: 1, everyone: true) { totalCount } }`, {}, "epb@daqing.example");
    expect(refused.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anonymous = await h.gql(`{ waitingItems(first: 1) { totalCount } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");

    // Past the due date the items are overdue, for their owner and in the steering group's list.
    await h.env.sleep(15 * 24 * 3600_000);
    await eventually(async () => (await items("epb@daqing.example", true)).length === leads);
    const late = await h.gql(
      `{ waitingItems(first: 500, everyone: true, overdue: true) { edges { node { who } } } }`,
      {},
      "steering@daqing.example",
    );
    expect(late.data.waitingItems.edges.some((e: { node: { who: string } }) => e.node.who === "dept:epb")).toBe(true);
  });
});
