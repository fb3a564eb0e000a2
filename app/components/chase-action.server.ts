// The 催报 form of every chase board: one mutation, answered on the same page (the board, with a notice or the API's
// bilingual refusal). The board pages' actions call this.
import { json } from "@remix-run/node";
import { graphql } from "../utils/graphql";
import { gql } from "../utils/graphql.server";
import type { ChaseOutcome } from "./ChaseBoard";
import { unknownIntent } from "./ui";

const CHASE = /* @__PURE__ */ graphql(`
  mutation Chase($id: String!, $finding: Int) {
    chase(workflowId: $id, finding: $finding) {
      mailed
      queued
    }
  }
`);

export async function chaseAction(request: Request) {
  const form = await request.formData();
  const intent = String(form.get("intent"));
  if (intent !== "chase") return json<ChaseOutcome>({ ok: false, error: unknownIntent(intent) }, { status: 400 });
  const id = String(form.get("workflowId") ?? "");
  const finding = form.get("finding") ? Number(form.get("finding")) : null;
  const r = await gql(request, CHASE, { id, finding });
  if (!r.ok)
    return json<ChaseOutcome>({ ok: false, error: r.error }, { status: r.error.code === "FORBIDDEN" ? 403 : 400 });
  return json<ChaseOutcome>({
    ok: true,
    workflowId: id,
    finding,
    mailed: r.data.chase.mailed,
    queued: r.data.chase.queued,
  });
}
