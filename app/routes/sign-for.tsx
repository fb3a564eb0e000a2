// 签收 from any page (the workspace, an item's page): a plain form posts here, the API records the receipt, and the
// reader goes back where they were; a refusal is the API's bilingual message on an error page.
import { json, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { graphql } from "../utils/graphql";
import { gql } from "../utils/graphql.server";
import { safeRedirect } from "../utils/safe-redirect";

const SIGN_FOR = /* @__PURE__ */ graphql(`
  mutation SignFor($id: String!, $finding: Int) {
    signFor(workflowId: $id, finding: $finding) {
      signedAt
    }
  }
`);

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const finding = form.get("finding") ? Number(form.get("finding")) : null;
  const r = await gql(request, SIGN_FOR, { id: String(form.get("workflowId") ?? ""), finding });
  if (!r.ok)
    throw json(
      { zh: r.error.zh, en: r.error.en },
      { status: r.error.code === "FORBIDDEN" ? 403 : r.error.code === "UNAUTHENTICATED" ? 401 : 400 },
    );
  return redirect(safeRedirect(form.get("redirectTo"), "/workspace"));
}

export const loader = () => redirect("/workspace");

export const ErrorBoundary = RouteErrorBoundary;
