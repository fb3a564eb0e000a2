// The rectifications' chase board (督办看板): every inspection finding whose rectification is still owed, by
// department, late ones and those not signed for; the steering group chases (催报) from here, a department reads its own.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BOARD_FIELDS, ChaseBoard } from "../components/ChaseBoard";
import { chaseAction } from "../components/chase-action.server";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { PageHeader } from "../components/ui";
import { pick, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "整改督办看板 / Rectifications chase board" }];

const QUERY = /* @__PURE__ */ graphql(`
  query RectificationChaseBoard {
    me @_optional { role }
    rectificationChaseBoard { ${BOARD_FIELDS} }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY);
  return json({ rows: d.rectificationChaseBoard, canChase: d.me?.role === "STEERING_GROUP" });
}

export const action = ({ request }: ActionFunctionArgs) => chaseAction(request);

export default function RectificationChaseBoard() {
  const { rows, canChase } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const t = useT();
  const title = pick(t.lang, ["待整改问题 · 督办看板", "Rectifications owed · chase board"]);
  return (
    <>
      <PageHeader title={title} lead={<Link to="/inspections">← {t("navInspections")}</Link>} />
      <ChaseBoard rows={rows} caption={title} canChase={canChase} outcome={outcome} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
