// Moves through the app the way a person does: clicks a link in the header or the page, waits until the navigation
// has finished, checks the page, goes deeper, and comes back with the browser's back button. Visits each route pattern
// once (one station stands for all 150). Every problem is collected with the click that led to it, so one run shows
// them all: an error page, an uncaught page error, a console error, a response >= 500, a failed same-origin request,
// whatever axe-core and html-validate find on the page reached (page-audit.ts), and every raw code, workflow ID or
// JSON fragment in the text a person reads on it (raw-text.ts).
import type { BrowserContext, Locator, Page } from "playwright-core";
import { settled } from "./navigation";
import { auditPage } from "./page-audit";
import { describeFinding, rawFindings, visibleText } from "./raw-text";

/** The app's route patterns; a path that matches none is its own pattern (and most likely a 404 the crawl reports). */
const ROUTES: [RegExp, string][] = [
  [/^\/$/, "/"],
  [/^\/login$/, "/login"],
  [/^\/account$/, "/account"],
  [/^\/plan$/, "/plan"],
  [/^\/stations$/, "/stations"],
  [/^\/stations\/new$/, "/stations/new"],
  [/^\/stations\/[^/]+$/, "/stations/:code"],
  [/^\/areas\/[^/]+$/, "/areas/:code"],
  [/^\/tasks\/[^/]+$/, "/tasks/:code"],
  [/^\/workspace$/, "/workspace"],
  [/^\/reports$/, "/reports"],
  [/^\/reports\/cycles\/[^/]+$/, "/reports/cycles/:period"],
  [/^\/reports\/[^/]+$/, "/reports/:id"],
  [/^\/work-plans$/, "/work-plans"],
  [/^\/work-plans\/[^/]+$/, "/work-plans/:id"],
  [/^\/inspections$/, "/inspections"],
  [/^\/inspections\/[^/]+$/, "/inspections/:id"],
  [/^\/linkage$/, "/linkage"],
  [/^\/linkage\/[^/]+$/, "/linkage/:id"],
  [/^\/admin\/users$/, "/admin/users"],
  [/^\/admin\/outbox$/, "/admin/outbox"],
];
export const routePattern = (pathname: string) => ROUTES.find(([re]) => re.test(pathname))?.[1] ?? pathname;

/** Links a person could follow that are not pages of this app, or that would end the walk. */
const SKIP = [/^\/export\//, /\.csv$/, /^\/logout/, /^\/lang/, /^\/graphql/];

interface Candidate {
  href: string;
  pattern: string;
  text: string;
}

export class Crawler {
  readonly reached = new Map<string, string>(); // pattern → the first URL that showed it
  readonly problems: string[] = [];
  private step = "open /";
  private readonly origin: string;

  /** `codes`: the vocabularies' codes no page may show (raw-text.ts); every page reached is scanned for them. */
  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    baseUrl: string,
    private readonly codes: Set<string> = new Set(),
  ) {
    this.origin = new URL(baseUrl).origin;
    page.on("pageerror", (e) => this.problem(`uncaught page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") this.problem(`console error: ${m.text()} (${m.location().url || "?"})`);
    });
    page.on("response", (r) => {
      if (r.status() >= 500) this.problem(`HTTP ${r.status()} ${r.request().method()} ${this.local(r.url())}`);
    });
    page.on("requestfailed", (r) => {
      if (new URL(r.url()).origin !== this.origin) return;
      // Remix prefetches a link's data on hover (<link rel=prefetch>); when the click's navigation replaces that
      // link, the browser drops the speculative request. Not a failure: the navigation fetches the data itself.
      if (r.failure()?.errorText === "net::ERR_ABORTED" && r.headers()["sec-purpose"]?.includes("prefetch")) return;
      this.problem(`request failed: ${r.failure()?.errorText} ${r.method()} ${this.local(r.url())}`);
    });
  }

  private local(url: string) {
    const u = new URL(url);
    return u.origin === this.origin ? u.pathname + u.search : url;
  }
  private problem(what: string) {
    this.problems.push(`[${this.step}] ${what}`);
  }
  get here() {
    return this.local(this.page.url());
  }

  /** Done when the page shows the router's current location, idle (navigation.ts). */
  async settle() {
    await settled(this.page);
  }

  /** Runs `act` (a click, the back button), waits for the URL to change (unless told not to) and for the page to settle. */
  async navigate(label: string, act: () => Promise<unknown>, { urlChanges = true } = {}) {
    const before = this.page.url();
    this.step = label;
    try {
      await act();
      if (urlChanges) await this.page.waitForURL((u) => u.href !== before);
      await this.settle();
    } catch (e) {
      throw new Error(`${label}: the navigation did not finish (${String(e).split("\n")[0]})`);
    }
  }

  /**
   * Records the page reached and checks it: an error page is a problem; axe-core and html-validate run the first time a
   * pattern is reached (a second station page adds nothing), or when asked (the page in the other language).
   */
  async arrive({ audit = false } = {}) {
    const pattern = routePattern(new URL(this.page.url()).pathname);
    const auditNow = audit || !this.reached.has(pattern);
    if (!this.reached.has(pattern)) this.reached.set(pattern, this.here);
    const boundary = this.page.locator(".error-page");
    if ((await boundary.count()) > 0)
      this.problem(`error page at ${this.here}: ${(await boundary.first().innerText()).replace(/\s+/g, " ")}`);
    if (auditNow) for (const p of await auditPage(this.page, this.context)) this.problem(`${p} at ${this.here}`);
    // Every arrival, not only the first per pattern: the same page reads differently for another role or language.
    const lang = await this.page.locator("html").getAttribute("lang");
    for (const f of rawFindings(await visibleText(this.page), this.codes))
      this.problem(`raw text (${lang}) at ${this.here}: ${describeFinding(f)}`);
  }

  /** `what` names the link for the report, e.g. `header “信息统一发布”`. */
  async click(link: Locator, what: string) {
    await this.navigate(`click ${what} on ${this.here}`, () => link.click());
    await this.arrive();
  }

  /** The page the walk starts on: the only one opened by URL. */
  async start() {
    this.step = `open ${this.here}`;
    await this.settle();
    await this.arrive();
  }

  /** The header's language switch (a form, not a link): done when <html lang> has changed. */
  async switchLanguage() {
    const before = await this.page.locator("html").getAttribute("lang");
    const button = this.page.locator(".lang-switch button");
    const label = (await button.innerText()).trim();
    await this.navigate(
      `switch language to ${label} on ${this.here}`,
      async () => {
        await button.click();
        await this.page.waitForFunction((lang) => document.documentElement.lang !== lang, before);
      },
      { urlChanges: false },
    );
    await this.arrive({ audit: true });
  }

  /** Each link of the header's navigation in turn, each clicked on the page the one before it opened; the dashboard last. */
  async tourHeader() {
    const nav = this.page.locator("header nav a[href]");
    const hrefs = await nav.evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
    for (const href of [...hrefs.filter((h) => h !== "/"), ...hrefs.filter((h) => h === "/")]) {
      if (new URL(href, this.page.url()).href === this.page.url()) continue;
      const link = this.page.locator(`header nav a[href=${JSON.stringify(href)}]`);
      await this.click(link, `header “${(await link.innerText()).trim()}”`);
    }
  }

  async back() {
    await this.navigate(`back from ${this.here}`, () => this.page.goBack());
  }

  /** Visible same-origin links on this page, one per pattern not reached yet, header first (document order). */
  private async candidates(): Promise<Candidate[]> {
    const links = await this.page.locator("a[href]").evaluateAll((as) =>
      as
        .filter(
          (a) =>
            a.getClientRects().length > 0 &&
            !a.hasAttribute("download") &&
            (a as HTMLAnchorElement).target !== "_blank",
        )
        .map((a) => ({
          href: a.getAttribute("href")!,
          abs: (a as HTMLAnchorElement).href,
          text: (a.textContent ?? "").trim().replace(/\s+/g, " "),
        })),
    );
    const here = new URL(this.page.url());
    const out = new Map<string, Candidate>();
    for (const l of links) {
      const u = new URL(l.abs);
      if (u.origin !== this.origin || SKIP.some((re) => re.test(u.pathname))) continue;
      if (u.pathname + u.search === here.pathname + here.search) continue; // the page itself, or a #fragment of it
      const pattern = routePattern(u.pathname);
      if (!this.reached.has(pattern) && !out.has(pattern))
        out.set(pattern, { href: l.href, pattern, text: l.text || l.href });
    }
    return [...out.values()];
  }

  /** Depth first: follow each link to a pattern not reached yet, explore there, come back. */
  async explore(): Promise<void> {
    const from = this.page.url();
    for (const c of await this.candidates()) {
      if (this.reached.has(c.pattern)) continue; // reached deeper down since the list was made
      const link = this.page
        .locator(`a[href=${JSON.stringify(c.href)}]`)
        .filter({ visible: true })
        .first();
      await this.click(link, `“${c.text}”`);
      await this.explore(); // bounded: every click reaches a pattern not reached before
      await this.back();
      if (this.page.url() !== from) {
        this.problem(`the back button did not return to ${this.local(from)} (at ${this.here})`);
        return;
      }
    }
  }
}
