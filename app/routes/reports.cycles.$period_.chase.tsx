// A reporting cycle's chase board (督办看板): its reports, departments × tasks, who is late and who has not signed for
// theirs; the steering group chases (催报) from here, a department reads its own rows.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BOARD_FIELDS, ChaseBoard } from "../components/ChaseBoard";
import { chaseAction } from "../components/chase-action.server";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { PageHeader } from "../components/ui";
import { pick, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gqlOrThrow, found } from "../utils/graphql.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cycle.title.zh} · 督办看板 / Chase board` : "督办看板 / Chase board" },
];

const QUERY = /* @__PURE__ */ graphql(`
  query CycleChaseBoard($period: String!) {
    me @_optional { role }
    reportingCycle(period: $period) @_optional { period title { zh en } }
    cycleChaseBoard(period: $period) { ${BOARD_FIELDS} }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY, { period: String(params.period) });
  const cycle = found(d.reportingCycle, ["报送周期", "Reporting cycle"], String(params.period));
  return json({ cycle, rows: d.cycleChaseBoard, canChase: d.me?.role === "STEERING_GROUP" });
}

export const action = ({ request }: ActionFunctionArgs) => chaseAction(request);

export default function CycleChaseBoard() {
  const { cycle, rows, canChase } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const t = useT();
  const title = `${t.lang === "en" ? cycle.title.en : cycle.title.zh} · ${pick(t.lang, ["督办看板", "Chase board"])}`;
  return (
    <>
      <PageHeader
        title={title}
        lead={
          <Link to={`/reports/cycles/${encodeURIComponent(cycle.period)}`}>
            ← {t.lang === "en" ? cycle.title.en : cycle.title.zh}
          </Link>
        }
      />
      <ChaseBoard rows={rows} caption={title} canChase={canChase} outcome={outcome} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
