// What a person must never read on a page or in an e-mail: a workflow ID, a code of one of the product's
// vocabularies (a status, a step, a role, a kind), a period written as its code, a fragment of JSON, or what a
// template shows for a missing value (undefined, null, NaN, [object Object]). The codes are collected from the printed
// schema's enums, the e-mail template names and the codes the database holds (change-history actions, activity-log
// kinds, outbox templates, awaited steps), so a new status or step is scanned for without editing this file.
import { readFileSync } from "node:fs";
import path from "node:path";
import { buildSchema, isEnumType } from "graphql";
import type { Page } from "playwright-core";
import { TEMPLATE_NAMES } from "../../../workflows/common/notices";
import { PROCESS_KINDS } from "../../../workflows/processes";
import type { Db } from "../../../app/utils/db.server";

/** Every enum value of the printed schema, every template name and process kind: the vocabularies' codes. */
export function vocabularyCodes(): Set<string> {
  const schema = buildSchema(readFileSync(path.resolve("graphql/schema.graphql"), "utf8"));
  const codes = new Set<string>([...TEMPLATE_NAMES, ...Object.keys(PROCESS_KINDS)]);
  for (const type of Object.values(schema.getTypeMap()))
    if (isEnumType(type) && !type.name.startsWith("__")) for (const v of type.getValues()) codes.add(v.name);
  return codes;
}

/**
 * The codes the database holds in its code columns (an action or step nobody put in an enum is still a code). Only
 * SCREAMING_CASE ones: an entity type such as `Task` or `Station` is also an English word a page rightly uses.
 */
export async function storedCodes(db: Db): Promise<Set<string>> {
  const [audit, events, outbox, waiting] = await Promise.all([
    db.auditEvent.findMany({ distinct: ["action", "entityType"], select: { action: true, entityType: true } }),
    db.workflowEvent.findMany({ distinct: ["kind"], select: { kind: true } }),
    db.outboxMessage.findMany({ distinct: ["template"], select: { template: true } }),
    db.waitingItem.findMany({ distinct: ["what"], select: { what: true } }),
  ]);
  return new Set(
    [
      ...audit.map((a) => a.action),
      ...events.map((e) => e.kind),
      ...outbox.map((m) => m.template),
      ...waiting.flatMap((w) => w.what.split(":")),
    ].filter((code) => /^[A-Z][A-Z0-9_]+$/.test(code)),
  );
}

export interface RawFinding {
  what: string;
  match: string;
  /** The text around the match, to find it on the page. */
  near: string;
}

const CHECKS: { what: string; re: RegExp }[] = [
  // workflows/ids.ts: workplan-2027-epb, cycle-2026Q4, report-2026Q4-1.1-epb, inspection-2026-12-02-epb, linkage-alert-19
  { what: "workflow ID", re: /\b(?:workplan|cycle|report|inspection|linkage-alert)-\d[\w.-]*/g },
  // workflows/reporting/period.ts codes: 2026Q4, 2026H1, 2026M06 (a person reads 2026年第四季度 / Q4 2026)
  { what: "period code", re: /\b\d{4}(?:Q[1-4]|H[12]|M\d{2})\b/g },
  { what: "JSON", re: /[{}]|":/g },
  { what: "missing value", re: /\b(?:undefined|null|NaN)\b|\[object Object\]|Invalid Date/g },
];

/**
 * Tokens are runs of letters, digits and underscores joined by '.' or '-', so a station code such as
 * DQ-0621-AIR-1 is one token and not the element code AIR; a token that is a vocabulary code, or is SCREAMING_CASE
 * with an underscore (a code whatever its vocabulary), is raw.
 */
const TOKEN = /[A-Za-z0-9_]+(?:[.-][A-Za-z0-9_]+)*/g;
const SCREAMING = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;

export function rawFindings(text: string, codes: Set<string>): RawFinding[] {
  const found: RawFinding[] = [];
  const near = (i: number, length: number) =>
    text
      .slice(Math.max(0, i - 30), i + length + 30)
      .replace(/\s+/g, " ")
      .trim();
  for (const { what, re } of CHECKS)
    for (const m of text.matchAll(re)) found.push({ what, match: m[0], near: near(m.index, m[0].length) });
  for (const m of text.matchAll(TOKEN))
    if (codes.has(m[0]) || SCREAMING.test(m[0]))
      found.push({ what: "code", match: m[0], near: near(m.index, m[0].length) });
  return found;
}

/**
 * The text a person sees: the rendered text of the page (not attributes, not what is hidden) and its title. A form
 * field's hint (ui.tsx Field: `<small id="f-…-hint">`) is left out: it shows what to type, in the form's own codes
 * ("如 2027Q1（季度）…"), which is the one place a code is what the reader needs.
 */
export async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const hint of document.querySelectorAll<HTMLElement>('small[id^="f-"][id$="-hint"]'))
      text = text.replace(hint.innerText, "");
    return `${document.title}\n${text}`;
  });
}

export const describeFinding = (f: RawFinding) => `${f.what} “${f.match}” in “…${f.near}…”`;
