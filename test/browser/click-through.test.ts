// Every page, reached the way a person reaches it: for the public and for each role, start on the dashboard, sign in
// through the form behind the header's 登录 link, then click through the header and the pages (never page.goto),
// coming back with the browser's back button; then the same again in English. Fails on an error page, an uncaught
// error, a console error, a 5xx, a failed request, an axe-core violation (WCAG 2.x A/AA), an html-validate finding, or
// a raw code, workflow ID or JSON fragment in the text of any page reached; after the walks, every e-mail in the
// outbox is scanned the same way. Client-side navigation is what this covers that the other browser suites cannot:
// they open pages by URL, which renders them on the server only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PASSWORD, startApp, type App } from "./support/app";
import { Crawler } from "./support/crawl";
import { axeViolations, htmlValidateFindings, prepareAudit } from "./support/page-audit";
import { describeFinding, rawFindings, storedCodes, visibleText, vocabularyCodes } from "./support/raw-text";

let app: App;
/** The codes no page or e-mail may show: the vocabularies', and those the database holds once the records exist. */
let codes: Set<string>;
const day = (plus: number) => new Date(Date.now() + 8 * 3600_000 + plus * 86400_000).toISOString().slice(0, 10);
const ZHAOZHOU = "230621";

/** A session for the API, opened the way the sign-in form opens one (a POST to /login). */
async function apiSession(email: string): Promise<string> {
  const res = await fetch(`${app.baseUrl}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
    body: new URLSearchParams({ email, password: PASSWORD, redirectTo: "/" }),
  });
  if (res.status !== 302)
    throw new Error(`signing in ${email} for the API answered ${res.status}: ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

type Answer<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; workflowId?: string } }[];
};
async function post<T>(cookie: string, query: string, variables: Record<string, unknown>): Promise<Answer<T>> {
  const res = await fetch(`${app.baseUrl}/graphql`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json", Origin: app.baseUrl, Cookie: cookie },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer<T>;
}
async function graphql<T>(cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const body = await post<T>(cookie, query, variables);
  if (body.errors?.length || !body.data)
    throw new Error(`${query.trim().split("\n")[0]}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Starts a process; its workflow ID, whether the record is there already or still being written (ACCEPTED). */
async function start(cookie: string, mutation: string, variables: Record<string, unknown>): Promise<string> {
  const body = await post<Record<string, { workflowId?: string } | null>>(cookie, mutation, variables);
  const started =
    Object.values(body.data ?? {})[0]?.workflowId ??
    body.errors?.find((e) => e.extensions?.code === "ACCEPTED")?.extensions?.workflowId;
  if (!started) throw new Error(`${mutation}: ${JSON.stringify(body.errors)}`);
  return started;
}

/** Asks until the API shows the record: workflows may write their rows a moment after the start returns. */
async function eventually(
  cookie: string,
  query: string,
  variables: Record<string, unknown>,
  seen: (d: Record<string, unknown>) => boolean,
) {
  for (let i = 0; i < 120; i++) {
    if (seen(await graphql<Record<string, unknown>>(cookie, query, variables))) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`never visible: ${query} ${JSON.stringify(variables)}`);
}

/** One of each detail page's records, created by the steering group through the running app's API. */
async function createOneOfEach() {
  const cookie = await apiSession("steering@daqing.example");
  // This quarter, due a fortnight after it ends (a cycle is due after its period, within half a year).
  const today = day(0);
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  const period = `${today.slice(0, 4)}Q${quarter}`;
  const due = new Date(Date.UTC(Number(today.slice(0, 4)), quarter * 3, 15)).toISOString().slice(0, 10);
  await start(
    cookie,
    `mutation($p: String!, $d: String!) { openReportingCycle(period: $p, dueDate: $d) { workflowId } }`,
    { p: period, d: due },
  );
  await eventually(
    cookie,
    `query($p: String!) { reportingCycle(period: $p) { reports { workflowId } } }`,
    { p: period },
    (d) => ((d.reportingCycle as { reports: unknown[] } | null)?.reports.length ?? 0) > 0,
  );
  const year = Number(day(0).slice(0, 4)) + 1;
  const plan = await start(
    cookie,
    `mutation($y: Int!, $d: String!) { openWorkPlan(departmentCode: "epb", year: $y, dueDate: $d) { workflowId } }`,
    { y: year, d: day(30) },
  );
  await eventually(
    cookie,
    `query($id: String!) { workPlan(workflowId: $id) { workflowId } }`,
    { id: plan },
    (d) => !!d.workPlan,
  );
  for (const unit of [{ departmentCode: "epb" }, { areaCode: ZHAOZHOU }]) {
    const inspection = await start(
      cookie,
      `mutation($t: String!, $d: String!, $dept: String, $area: String) { scheduleInspection(title: $t, date: $d, departmentCode: $dept, areaCode: $area, taskCodes: ["1.1"]) { workflowId } }`,
      { t: "空气自动站运维专项督导", d: day(1), dept: unit.departmentCode ?? null, area: unit.areaCode ?? null },
    );
    await eventually(
      cookie,
      `query($id: String!) { inspection(workflowId: $id) { workflowId } }`,
      { id: inspection },
      (d) => !!d.inspection,
    );
  }
  const alert = await app.db.alert.findFirstOrThrow({
    where: { status: "OPEN", area: { code: ZHAOZHOU } },
    orderBy: { id: "asc" },
  });
  const linkage = await start(cookie, `mutation($a: Int!) { openLinkageCase(alertId: $a) { workflowId } }`, {
    a: alert.id,
  });
  await eventually(
    cookie,
    `query($id: String!) { linkageCase(workflowId: $id) { workflowId } }`,
    { id: linkage },
    (d) => !!d.linkageCase,
  );
}

beforeAll(async () => {
  app = await startApp({ workflows: true });
  // Two departments no walker signs in as read their e-mail in English, so the outbox holds both languages.
  await app.db.user.updateMany({
    where: { email: { in: ["land@daqing.example", "centre@daqing.example"] } },
    data: { locale: "en" },
  });
  await createOneOfEach();
  codes = new Set([...vocabularyCodes(), ...(await storedCodes(app.db))]);
}, 300_000);
afterAll(async () => {
  await app?.stop();
});

const PUBLIC = ["/", "/login", "/plan", "/stations", "/stations/:code", "/areas/:code", "/tasks/:code"];
const SIGNED_IN = [...PUBLIC, "/workspace", "/reports", "/work-plans", "/inspections", "/linkage", "/account"];
const DETAILS = ["/reports/cycles/:period", "/reports/:id", "/work-plans/:id", "/inspections/:id", "/linkage/:id"];

/** Who walks, and the route patterns each must reach by clicking (more is fine). */
const WALKERS: { who: string; email?: string; patterns: string[] }[] = [
  { who: "the public", patterns: PUBLIC },
  {
    who: "steering group",
    email: "steering@daqing.example",
    patterns: [...SIGNED_IN, ...DETAILS, "/stations/new", "/admin/users", "/admin/outbox"],
  },
  { who: "市环保局 department member", email: "epb@daqing.example", patterns: [...SIGNED_IN, ...DETAILS] },
  {
    who: "市水务局 department member",
    email: "water@daqing.example",
    patterns: [...SIGNED_IN, "/reports/cycles/:period", "/reports/:id"],
  },
  { who: "inspector", email: "inspector@daqing.example", patterns: [...SIGNED_IN, "/inspections/:id"] },
  {
    who: "肇州县 area implementer",
    email: "zhaozhou@daqing.example",
    patterns: [...SIGNED_IN, "/inspections/:id", "/linkage/:id"],
  },
];

describe("every page, reached by clicking", () => {
  for (const w of WALKERS) {
    it(`as ${w.who}, in Chinese and in English`, { timeout: 900_000 }, async () => {
      const { page, context } = await app.newPage();
      await prepareAudit(context);
      const crawl = new Crawler(page, context, app.baseUrl, codes);
      await page.goto("/");
      await crawl.start();
      if (w.email) {
        await crawl.click(page.locator("header").getByRole("link", { name: "登录", exact: true }), "header “登录”");
        await page.getByLabel("电子邮箱").fill(w.email);
        await page.getByLabel(/^密码/).fill(PASSWORD);
        // From here on every page counts as this role's, the dashboard it lands on included.
        crawl.reached.clear();
        crawl.reached.set("/login", "/login");
        await crawl.navigate(`sign in as ${w.email}`, () =>
          page.getByRole("main").getByRole("button", { name: "登录", exact: true }).click(),
        );
        await crawl.arrive();
      }
      const reached: Record<string, string[]> = {};
      try {
        for (const lang of ["zh", "en"]) {
          if (lang === "en") {
            // The same walk in English: every page is reached (and audited and scanned) again.
            crawl.reached.clear();
            if (w.email) crawl.reached.set("/login", "/login");
            await crawl.switchLanguage();
          }
          await crawl.explore();
          await crawl.tourHeader();
          reached[lang] = [...crawl.reached.keys()];
          console.log(
            `${w.who} (${lang}) reached ${crawl.reached.size} route patterns by clicking:\n${[...crawl.reached].map(([p, url]) => `  ${p.padEnd(24)} ${url}`).join("\n")}`,
          );
        }
        await crawl.switchLanguage();
      } catch (e) {
        crawl.problems.push(`the walk stopped: ${String(e)}`);
      }
      await context.close();
      expect(crawl.problems).toEqual([]);
      expect(reached.zh).toEqual(expect.arrayContaining(w.patterns));
      expect(reached.en).toEqual(expect.arrayContaining(w.patterns));
    });
  }

  it("and every e-mail the walks' records sent reads as words too", async () => {
    const messages = await app.db.outboxMessage.findMany({ orderBy: { id: "asc" } });
    // Each process sent its first notices (the report requests, the plan, the inspection notices, the case).
    expect([...new Set(messages.map((m) => m.template))]).toEqual(
      expect.arrayContaining(["REPORT_REQUESTED", "WORKPLAN_OPENED", "INSPECTION_NOTICE", "LINKAGE_OPENED"]),
    );
    expect([...new Set(messages.map((m) => m.locale))].sort()).toEqual(["en", "zh"]);
    const all = new Set([...codes, ...(await storedCodes(app.db))]);
    const problems = messages.flatMap((m) =>
      rawFindings(`${m.subject}\n${m.body}`, all).map((f) => `${m.template} to ${m.toEmail}: ${describeFinding(f)}`),
    );
    expect(problems).toEqual([]);
  });
});

describe("the audits themselves", () => {
  it("report what they exist to report (so a clean crawl means something)", async () => {
    const bad = `<!DOCTYPE html><html><head><title>x</title></head><body><main><img src="a.png"><div id="a"></div><p id="a"><div></div></p><button></button></main></body></html>`;
    const { page, context } = await app.newPage();
    await page.setContent(bad);
    const axe = await axeViolations(page);
    await context.close();
    expect(axe.map((v) => v.split(" ")[1])).toEqual(
      expect.arrayContaining(["image-alt", "button-name", "html-has-lang"]),
    );
    const html = await htmlValidateFindings(bad, "bad.html");
    expect(html.map((v) => v.split(" ")[1].replace(/:$/, ""))).toEqual(
      expect.arrayContaining(["no-dup-id", "close-order", "element-required-attributes"]),
    );
  });

  it("the raw-text scan finds what a person must not read, in the text only (not in links' addresses)", async () => {
    const raw = `<!DOCTYPE html><html lang="zh"><head><title>report-2026Q4-1.1-epb</title></head><body><main>
      <h1>报告</h1>
      <p>状态：RETURNED · 步骤 SAVE_DRAFT · {"departmentId":6} · 负责人 undefined · 2026Q4</p>
      <p>联动案件 <a href="/linkage/linkage-alert-19?status=OPEN">萨尔图区 超标报警 2026-12-01</a>，站点 DQ-0621-AIR-1</p>
      <p>逾期 NaN 天；[object Object]</p>
    </main></body></html>`;
    const { page, context } = await app.newPage();
    await page.setContent(raw);
    const found = rawFindings(await visibleText(page), codes);
    await context.close();
    expect(found.map((f) => `${f.what}: ${f.match}`)).toEqual(
      expect.arrayContaining([
        "workflow ID: report-2026Q4-1.1-epb",
        "period code: 2026Q4",
        "code: RETURNED",
        "code: SAVE_DRAFT",
        "JSON: {",
        'JSON: ":',
        "missing value: undefined",
        "missing value: NaN",
        "missing value: [object Object]",
      ]),
    );
    // The link's address names a workflow and a status, its text does not; a station code is not an element code.
    expect(found.map((f) => f.match)).not.toContain("linkage-alert-19");
    expect(found.map((f) => f.match)).not.toContain("OPEN");
    expect(found.map((f) => f.match)).not.toContain("AIR");
    // The same scan on a page of words finds nothing.
    expect(rawFindings("2026年第四季度 · 1.1 环境空气质量监测 · 市环保局 · 已退回", codes)).toEqual([]);
  });
});
