// The workspace's data: what the running processes say waits for the signed-in user (their department, area, role or
// themself), as the processes mirrored it (WaitingItem), earliest deadline first; for the steering group also
// everything overdue, whoever owes it; for a department, the tasks it leads and supports.
import { redirect } from "@remix-run/node";
import { graphql, type ResultOf } from "../../utils/graphql";
import { gqlOrThrow } from "../../utils/graphql.server";

const ME = /* @__PURE__ */ graphql(`
  query {
    me @_optional {
      name
      role
      department @_optional {
        code
        name
        nameEn
      }
      area @_optional {
        code
        name
        nameEn
      }
    }
  }
`);

const ITEM = `workflowId process path deadline @_optional overdue text { zh en } title { zh en }
  signFor @_optional { workflowId finding @_optional signedAt @_optional }`;

const WORK = /* @__PURE__ */ graphql(`
  query Workspace($dept: String, $isDept: Boolean!, $isSteering: Boolean!) {
    mine: waitingItems(first: 200) { totalCount edges { node { ${ITEM} } } }
    overdue: waitingItems(first: 200, everyone: true, overdue: true) @include(if: $isSteering) {
      totalCount edges { node { ${ITEM} who } }
    }
    lead: tasks(first: 100, departmentCode: $dept, role: LEAD) @include(if: $isDept) {
      edges { node { code title titleEn status } }
    }
    support: tasks(first: 100, departmentCode: $dept, role: SUPPORT) @include(if: $isDept) {
      edges { node { code title titleEn status } }
    }
  }
`);

export type Item = ResultOf<typeof WORK>["mine"]["edges"][number]["node"];

export async function loadWorkspace(request: Request) {
  const { me } = await gqlOrThrow(request, ME);
  if (!me) throw redirect("/login?redirectTo=/workspace");
  const dept = me.role === "DEPARTMENT_MEMBER" ? (me.department?.code ?? null) : null;
  const d = await gqlOrThrow(request, WORK, { dept, isDept: !!dept, isSteering: me.role === "STEERING_GROUP" });
  return {
    me,
    mine: { items: d.mine.edges.map((e) => e.node), total: d.mine.totalCount },
    overdue: d.overdue ? { items: d.overdue.edges.map((e) => e.node), total: d.overdue.totalCount } : null,
    leadTasks: d.lead?.edges.map((e) => e.node) ?? [],
    supportTasks: d.support?.edges.map((e) => e.node) ?? [],
  };
}
