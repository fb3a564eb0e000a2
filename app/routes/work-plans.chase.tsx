// The work plans' chase board (督办看板): a year's annual work plans, one per department, who is late drafting and who
// has not signed for the request; the steering group chases (催报) from here, a department reads its own row.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { BOARD_FIELDS, ChaseBoard } from "../components/ChaseBoard";
import { chaseAction } from "../components/chase-action.server";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { PageHeader } from "../components/ui";
import { pick, useT } from "../i18n";
import { graphql } from "../utils/graphql";
import { gqlOrThrow } from "../utils/graphql.server";
import { shanghaiYear } from "../utils/time";

export const meta: MetaFunction = () => [{ title: "年度工作计划督办看板 / Work plans chase board" }];

const QUERY = /* @__PURE__ */ graphql(`
  query WorkPlanChaseBoard($year: Int!) {
    me @_optional { role }
    workPlanChaseBoard(year: $year) { ${BOARD_FIELDS} }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const asked = Number(new URL(request.url).searchParams.get("year"));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : shanghaiYear(new Date());
  const d = await gqlOrThrow(request, QUERY, { year });
  return json({ year, rows: d.workPlanChaseBoard, canChase: d.me?.role === "STEERING_GROUP" });
}

export const action = ({ request }: ActionFunctionArgs) => chaseAction(request);

export default function WorkPlanChaseBoard() {
  const { year, rows, canChase } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  const t = useT();
  const title = pick(t.lang, [`${year}年度工作计划 · 督办看板`, `${year} annual work plans · chase board`]);
  return (
    <>
      <PageHeader
        title={title}
        lead={
          <>
            <Link to="/work-plans">← {t("navWorkPlans")}</Link> ·{" "}
            <Link to={`/work-plans/chase?year=${year - 1}`}>{year - 1}</Link> ·{" "}
            <Link to={`/work-plans/chase?year=${year + 1}`}>{year + 1}</Link>
          </>
        }
      />
      <ChaseBoard rows={rows} caption={title} canChase={canChase} outcome={outcome} />
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
