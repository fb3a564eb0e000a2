// 督查督办 in the API: the chase boards (a cycle's reports, a year's work plans, the rectifications still owed), 催报
// and 签收, the yearly scorecard per department, and on each waiting item whether it has been signed for. The rules
// are in app/models/office.
import { builder } from "../builder";
import type { GraphQLContext } from "../context";
import { now } from "../../app/utils/clock.server";
import type { BoardRow } from "../../app/models/office/board.server";
import { cycleBoard, rectificationBoard, workPlanBoard } from "../../app/models/office/board.server";
import { chaseItem } from "../../app/models/office/chase.server";
import { itemReceipts, signFor, type ItemReceipt } from "../../app/models/office/receipt.server";
import { findingItem } from "../../app/models/office/items.server";
import { departmentScorecard, type ScorecardRow } from "../../app/models/office/scorecard.server";
import { BilingualRef } from "./process";

export const DeadlineLightEnum = builder.enumType("DeadlineLight", {
  description:
    "正常：期限未到；临期：3个工作日内到期；逾期 / green: not yet due; yellow: due within 3 working days; red: overdue",
  values: ["GREEN", "YELLOW", "RED"] as const,
});

const BoardRowRef = builder.objectRef<BoardRow>("ChaseBoardRow").implement({
  description: "One item on a chase board: what a department owes, how late it is, whether it signed for it",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    finding: t.exposeInt("finding", { nullable: true, description: "For a rectification: the finding's ordinal" }),
    department: t.field({
      type: BilingualRef,
      description: "The department (or area) it is addressed to",
      resolve: (r) => r.department,
    }),
    subject: t.field({
      type: BilingualRef,
      description: "The task, the year's plan, or the finding",
      resolve: (r) => r.subject,
    }),
    state: t.field({ type: BilingualRef, description: "Where it stands, in words", resolve: (r) => r.state }),
    open: t.exposeBoolean("open", { description: "Still owed by the department: it may be chased" }),
    deadline: t.expose("deadline", { type: "DateTime", nullable: true, description: "The instant it is late from" }),
    daysLate: t.exposeInt("daysLate", {
      description: "Working days past the due day (to its first submission when done)",
    }),
    light: t.field({ type: DeadlineLightEnum, nullable: true, resolve: (r) => r.light }),
    signedAt: t.expose("signedAt", {
      type: "DateTime",
      nullable: true,
      description: "签收: when the department signed for it",
    }),
    remindedAt: t.expose("remindedAt", {
      type: "DateTime",
      nullable: true,
      description: "The workflow's last reminder",
    }),
    lastChasedAt: t.expose("lastChasedAt", { type: "DateTime", nullable: true, description: "The last 催报" }),
    chaseCount: t.exposeInt("chaseCount"),
  }),
});

const ChaseResultRef = builder
  .objectRef<{ chasedAt: Date; recipients: number; mailed: number; queued: number }>("ChaseResult")
  .implement({
    fields: (t) => ({
      chasedAt: t.expose("chasedAt", { type: "DateTime" }),
      recipients: t.exposeInt("recipients", { description: "The department's members it was addressed to" }),
      mailed: t.exposeInt("mailed", { description: "E-mails the SMTP server accepted now" }),
      queued: t.exposeInt("queued", {
        description:
          "E-mails not sent now (SMTP unreachable): they stay in the outbox and the worker's sweeper sends them later",
      }),
    }),
  });

const ItemReceiptRef = builder.objectRef<ItemReceipt>("ItemReceipt").implement({
  description: "签收 on an item's page: whether it was signed for, and whether this viewer may sign for it now",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    finding: t.exposeInt("finding", { nullable: true, description: "For a rectification: the finding's ordinal" }),
    addressee: t.field({
      type: BilingualRef,
      description: "The department (or area) it is addressed to",
      resolve: (r) => r.addressee,
    }),
    signedAt: t.expose("signedAt", { type: "DateTime", nullable: true }),
    canSignFor: t.exposeBoolean("canSignFor", {
      description: "This viewer is the addressee, the item is still owed and not yet signed for",
    }),
  }),
});

const ReceiptRef = builder.objectRef<{ workflowId: string; item: string; signedAt: Date }>("Receipt").implement({
  description: "签收: a department's acknowledgement of a request addressed to it",
  fields: (t) => ({
    workflowId: t.exposeString("workflowId"),
    finding: t.int({ nullable: true, resolve: (r) => (r.item ? Number(r.item.split(":")[1]) : null) }),
    signedAt: t.expose("signedAt", { type: "DateTime" }),
  }),
});

const ScorecardRowRef = builder.objectRef<ScorecardRow>("ScorecardRow").implement({
  description:
    "考评: one department's year in figures (app/models/office/scorecard.server.ts says how each is counted)",
  fields: (t) => ({
    department: t.field({
      type: BilingualRef,
      resolve: (r) => ({ zh: r.department.name, en: r.department.nameEn }),
    }),
    departmentCode: t.string({ resolve: (r) => r.department.code }),
    reportsDue: t.exposeInt("reportsDue"),
    reportsOnTime: t.exposeInt("reportsOnTime"),
    onTimeRate: t.exposeFloat("onTimeRate", { nullable: true }),
    returns: t.exposeInt("returns", { description: "Times a report of the year was returned" }),
    daysOverdue: t.exposeInt("daysOverdue"),
    rectificationsDue: t.exposeInt("rectificationsDue"),
    rectificationsClosedInTime: t.exposeInt("rectificationsClosedInTime"),
  }),
});

builder.queryFields((t) => ({
  cycleChaseBoard: t.field({
    type: [BoardRowRef],
    authScopes: { signedIn: true },
    description: "A reporting cycle's reports, departments × tasks (steering group: all; a department: its own)",
    args: { period: t.arg.string({ required: true }) },
    resolve: async (_r, a, ctx) => cycleBoard(ctx.db, ctx.viewer, a.period, await now()),
  }),
  workPlanChaseBoard: t.field({
    type: [BoardRowRef],
    authScopes: { signedIn: true },
    description: "A year's annual work plans, one per department",
    args: { year: t.arg.int({ required: true }) },
    resolve: async (_r, a, ctx) => workPlanBoard(ctx.db, ctx.viewer, a.year, await now()),
  }),
  rectificationChaseBoard: t.field({
    type: [BoardRowRef],
    authScopes: { signedIn: true },
    description: "Every inspection finding whose rectification is still owed",
    resolve: async (_r, _a, ctx) => rectificationBoard(ctx.db, ctx.viewer, await now()),
  }),
  itemReceipts: t.field({
    type: [ItemReceiptRef],
    authScopes: { signedIn: true },
    description:
      "签收 of a workflow's requests: a report's or work plan's one, an inspection's one per finding to rectify",
    args: { workflowId: t.arg.string({ required: true }) },
    resolve: (_r, a, ctx) => itemReceipts(ctx.db, ctx.viewer, a.workflowId),
  }),
  departmentScorecard: t.field({
    type: [ScorecardRowRef],
    authScopes: { signedIn: true },
    description: "考评 for a year: every department's figures (steering group)",
    args: { year: t.arg.int({ required: true }) },
    resolve: async (_r, a, ctx) => departmentScorecard(ctx.db, ctx.viewer, a.year, await now()),
  }),
}));

const FINDING = "For a rectification: the finding's ordinal in its inspection";

builder.mutationFields((t) => ({
  chase: t.field({
    type: ChaseResultRef,
    authScopes: { signedIn: true },
    description:
      "催报 (steering group): records the chase in the item's log and e-mails the department's members through the outbox; once per item and working day",
    args: { workflowId: t.arg.string({ required: true }), finding: t.arg.int({ description: FINDING }) },
    resolve: async (_r, a, ctx) => chaseItem(ctx.db, ctx.mailer, ctx.viewer, a, await now()),
  }),
  signFor: t.field({
    type: ReceiptRef,
    authScopes: { signedIn: true },
    description:
      "签收: the department a request is addressed to acknowledges it (once; again returns the first receipt)",
    args: { workflowId: t.arg.string({ required: true }), finding: t.arg.int({ description: FINDING }) },
    resolve: async (_r, a, ctx) => signFor(ctx.db, ctx.viewer, a, await now()),
  }),
}));

/** What a waiting item asks a department to sign for, by the step awaited: a report, a work plan, a rectification. */
function signable(w: {
  workflowId: string;
  what: string;
}): { workflowId: string; item: string; finding: number | null } | null {
  if (w.what === "SUBMIT_REPORT" || w.what === "SUBMIT_WORK_PLAN")
    return { workflowId: w.workflowId, item: "", finding: null };
  const m = /^RECTIFY:(\d+)$/.exec(w.what);
  return m ? { workflowId: w.workflowId, item: findingItem(Number(m[1])), finding: Number(m[1]) } : null;
}

/** Receipts are few (one per request signed for): one read per request serves every waiting item on a page. */
function receipts(ctx: GraphQLContext) {
  const c = ctx as GraphQLContext & { receipts?: Promise<Map<string, Date>> };
  c.receipts ??= ctx.db.receipt
    .findMany({ select: { workflowId: true, item: true, signedAt: true } })
    .then((rows) => new Map(rows.map((r) => [`${r.workflowId}|${r.item}`, r.signedAt])));
  return c.receipts;
}

const SignForRef = builder
  .objectRef<{ workflowId: string; finding: number | null; signedAt: Date | null }>("SignFor")
  .implement({
    description: "A request the item's department signs for (签收), and when it did",
    fields: (t) => ({
      workflowId: t.exposeString("workflowId"),
      finding: t.exposeInt("finding", { nullable: true }),
      signedAt: t.expose("signedAt", { type: "DateTime", nullable: true }),
    }),
  });

builder.prismaObjectField("WaitingItem", "signFor", (t) =>
  t.field({
    type: SignForRef,
    nullable: true,
    description:
      "For a request to a department (a report, a work plan, a rectification): its 签收; null for other steps",
    resolve: async (w, _a, ctx) => {
      const s = signable(w);
      if (!s) return null;
      return {
        workflowId: s.workflowId,
        finding: s.finding,
        signedAt: (await receipts(ctx)).get(`${s.workflowId}|${s.item}`) ?? null,
      };
    },
  }),
);
