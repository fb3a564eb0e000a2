// Two suites nobody here wrote, run on every page the crawl reaches: axe-core (WCAG 2.x A and AA) in the page as
// Chromium rendered it, and html-validate's standard preset on the HTML the server sent for that URL.
import { readFileSync } from "node:fs";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import type { BrowserContext, Page } from "playwright-core";

const AXE = path.resolve("node_modules/axe-core/axe.min.js");
const WCAG2_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The one html-validate configuration. A rule turned off here says why beside it. */
const HTML_VALIDATE: ConfigData = {
  extends: ["html-validate:standard"],
  rules: {},
};
const validator = new HtmlValidate(HTML_VALIDATE);

/**
 * Loads axe-core into every document of the context. An init script (not a <script> tag) because the app's
 * Content-Security-Policy rightly refuses inline scripts without its nonce; init scripts are the browser's own.
 */
export async function prepareAudit(context: BrowserContext) {
  await context.addInitScript({ content: readFileSync(AXE, "utf8") });
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's WCAG 2.x A/AA violations on the page as rendered, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Pages of the app have it from the init script; a page made with setContent (the audit's own test) gets it here.
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const r = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, WCAG2_A_AA);
  return violations.map(
    (v) =>
      `axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(", ")}${v.nodes.length > 3 ? ` and ${v.nodes.length - 3} more` : ""}`,
  );
}

/**
 * The HTML as the server sent it, fetched with the page's own cookies. Not the rendered DOM: a browser repairs
 * broken markup while parsing (unclosed elements, misplaced tags, duplicate attributes), so a serialised DOM would
 * hide exactly what a validator is for; and the server's HTML is what a reader without JavaScript gets.
 */
async function htmlProblems(page: Page, context: BrowserContext): Promise<string[]> {
  const res = await context.request.get(page.url(), { headers: { Accept: "text/html" }, maxRedirects: 0 });
  if (res.status() >= 300)
    return [
      `html-validate: GET ${new URL(page.url()).pathname} answered ${res.status()}, not the page the browser shows`,
    ];
  return htmlValidateFindings(await res.text(), new URL(page.url()).pathname);
}

/** html-validate's findings on a document, one line each. */
export async function htmlValidateFindings(html: string, name: string): Promise<string[]> {
  const report = await validator.validateString(html, name);
  return report.results.flatMap((r) =>
    r.messages.map(
      (m) =>
        `html-validate ${m.ruleId}: ${m.message} (line ${m.line}:${m.column}${m.selector ? `, ${m.selector}` : ""})`,
    ),
  );
}

export async function auditPage(page: Page, context: BrowserContext): Promise<string[]> {
  return [...(await axeViolations(page)), ...(await htmlProblems(page, context))];
}
