// Every table the pages show, as CSV rows, read through the same GraphQL operations as the pages.
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  AREA_KINDS,
  ELEMENTS,
  SEVERITIES,
  STATION_MODES,
  STATION_STATUSES,
  TASK_STATUSES,
} from "../../models/vocabulary";
import { langFromRequest, pick, translate, type Lang } from "../../i18n";
import type { MessageKey } from "../../i18n/messages";
import { graphql, type TadaDocumentNode, type VariablesArg } from "../../utils/graphql";
import { gqlOrThrow } from "../../utils/graphql.server";
import type { CsvValue } from "../../utils/csv.server";
import { dashboardFigures } from "../_index/dashboard.server";
import { loadScorecard } from "../scorecard/scorecard.server";
import { percent, SCORECARD_HEADERS } from "../scorecard/words";
import {
  shanghaiDate,
  shanghaiDateTime,
  COVERAGE_STATUS,
  PROGRESS_STATUS,
  RESPONSE_BUCKET_LABELS,
} from "../../components/status";

type Table = { header: string[]; rows: CsvValue[][] };
type Vocab = Record<string, readonly [string, string]>;
const label = (lang: Lang, vocab: Vocab, key: string | null | undefined) => (key ? pick(lang, vocab[key], key) : "");
const heads = (lang: Lang, keys: MessageKey[]) => keys.map((k) => translate(lang, k));

/** Pages through a connection; an export of a very large registry stops at `cap` rows. */
async function all<R, V extends { first?: number | null; after?: string | null }, T>(
  request: Request,
  document: TadaDocumentNode<R, V>,
  vars: Omit<V, "first" | "after">,
  pick: (d: R) => { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } },
  cap = 100_000,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  do {
    const page = [{ ...vars, first: 500, after }] as VariablesArg<V>;
    const conn = pick(await gqlOrThrow(request, document, ...page));
    out.push(...conn.edges.map((e) => e.node));
    after = conn.pageInfo.hasNextPage ? conn.pageInfo.endCursor : null;
  } while (after && out.length < cap);
  return out;
}

const STATIONS = /* @__PURE__ */ graphql(`
  query (
    $first: Int
    $after: String
    $areaCode: String
    $element: Element
    $status: StationStatus
    $mode: StationMode
  ) {
    stations(first: $first, after: $after, areaCode: $areaCode, element: $element, status: $status, mode: $mode) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          name
          element
          mode
          status
          commissionedOn @_optional
          retiredOn @_optional
          latitude @_optional
          longitude @_optional
          demo
          area {
            code
            name
            nameEn
          }
          operator @_optional {
            name
            nameEn
          }
        }
      }
    }
  }
`);

const ALERTS = /* @__PURE__ */ graphql(`
  query ($first: Int, $after: String, $areaCode: String, $kind: AlertKind, $status: AlertStatus, $stationCode: String) {
    alerts(first: $first, after: $after, areaCode: $areaCode, kind: $kind, status: $status, stationCode: $stationCode) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          severity
          status
          occurredAt
          element
          pollutant @_optional
          measuredValue @_optional
          limitValue @_optional
          demo
          area {
            code
            name
            nameEn
          }
          station @_optional {
            code
            name
          }
        }
      }
    }
  }
`);

const TASKS = /* @__PURE__ */ graphql(`
  query {
    plan {
      taskGroups {
        code
        title
        titleEn
        tasks {
          code
          title
          titleEn
          status
          leadDepartments {
            name
            nameEn
          }
          supportingDepartments {
            name
            nameEn
          }
        }
      }
    }
  }
`);
const USERS = /* @__PURE__ */ graphql(`
  query {
    users {
      name
      email
      role
      locale
      department @_optional {
        name
        nameEn
      }
      area @_optional {
        name
        nameEn
      }
    }
  }
`);

const nm = (lang: Lang, x: { name: string; nameEn: string } | null | undefined) =>
  x ? (lang === "en" ? x.nameEn : x.name) : "";
// The URL's filters as the operation's variables: the API refuses a value outside an enum.
const filter = <V>(url: URL, keys: (keyof V & string)[]) =>
  Object.fromEntries(keys.map((k) => [k, url.searchParams.get(k) || null])) as V;

export const TABLES: Record<string, (request: Request) => Promise<Table>> = {
  async coverage(request) {
    const lang = langFromRequest(request);
    const f = await dashboardFigures(request);
    return {
      header: [
        ...heads(lang, ["area", "code"]),
        translate(lang, "area") + " · " + translate(lang, "kind"),
        ...heads(lang, ["element", "stations", "automatic", "planned", "required", "status"]),
      ],
      rows: f.rows.flatMap((r) =>
        r.cells.map((c) => [
          nm(lang, r.area),
          r.area.code,
          label(lang, AREA_KINDS, r.area.kind),
          label(lang, ELEMENTS, c.element),
          c.stations,
          c.automatic,
          c.planned,
          c.required,
          pick(lang, COVERAGE_STATUS[c.status]?.label, c.status),
        ]),
      ),
    };
  },
  async "coverage-by-element"(request) {
    const lang = langFromRequest(request);
    const f = await dashboardFigures(request);
    return {
      header: [...heads(lang, ["element", "stations", "automatic", "planned"]), translate(lang, "elementsMet")],
      rows: f.byElement.map((e) => [
        label(lang, ELEMENTS, e.element),
        e.stations,
        e.automatic,
        e.planned,
        `${e.met}/${e.required}`,
      ]),
    };
  },
  async targets(request) {
    const lang = langFromRequest(request);
    const f = await dashboardFigures(request);
    return {
      header: [...heads(lang, ["code", "target", "task", "dueDate", "status"]), "%", translate(lang, "progress")],
      rows: f.targets.map((t) => [
        t.code,
        lang === "en" ? t.titleEn : t.title,
        t.task?.code ?? "",
        shanghaiDate(t.dueDate),
        t.progress ? pick(lang, PROGRESS_STATUS[t.progress.status]?.label, t.progress.status) : "",
        t.progress?.percent,
        lang === "en" ? t.progress?.summaryEn : t.progress?.summaryZh,
      ]),
    };
  },
  async "alert-summary"(request) {
    const lang = langFromRequest(request);
    const f = await dashboardFigures(request);
    return {
      header: heads(lang, ["kind", "alerts", "linkageOpen", "linkageInLinkage", "linkageClosed"]),
      rows: f.linkage.kinds.map((k) => [label(lang, ALERT_KINDS, k.kind), k.total, k.open, k.inLinkage, k.closed]),
    };
  },
  async "alert-trend"(request) {
    const lang = langFromRequest(request);
    const f = await dashboardFigures(request);
    return {
      header: heads(lang, ["month", "raised", "closed"]),
      rows: f.trend.map((m) => [m.month, m.raised, m.closed]),
    };
  },
  async "linkage-cases"(request) {
    const lang = langFromRequest(request);
    const c = (await dashboardFigures(request)).linkage.cases;
    return {
      header: [translate(lang, "month"), translate(lang, "casesOpened"), translate(lang, "closed")],
      rows: [
        ...c.months.map((m) => [m.month, m.opened, m.closed]),
        ...c.responseTimes.map((b) => [
          `${translate(lang, "responseTimes")}: ${pick(lang, RESPONSE_BUCKET_LABELS[b.bucket], b.bucket)}`,
          b.count,
          "",
        ]),
        [translate(lang, "onTimeShare"), c.onTimeShare ?? translate(lang, "noCasesYet"), ""],
        [translate(lang, "violationsFound"), c.violations, ""],
        [translate(lang, "noViolation"), c.noViolation, ""],
      ],
    };
  },
  async stations(request) {
    const lang = langFromRequest(request);
    const rows = await all(
      request,
      STATIONS,
      filter(new URL(request.url), ["areaCode", "element", "status", "mode"]),
      (d) => d.stations,
    );
    return {
      header: heads(lang, [
        "code",
        "name",
        "area",
        "element",
        "mode",
        "status",
        "operator",
        "commissionedOn",
        "retiredOn",
        "latitude",
        "longitude",
        "demo",
      ]),
      rows: rows.map((s) => [
        s.code,
        s.name,
        nm(lang, s.area),
        label(lang, ELEMENTS, s.element),
        label(lang, STATION_MODES, s.mode),
        label(lang, STATION_STATUSES, s.status),
        nm(lang, s.operator),
        shanghaiDate(s.commissionedOn),
        shanghaiDate(s.retiredOn),
        s.latitude,
        s.longitude,
        s.demo ? 1 : 0,
      ]),
    };
  },
  async alerts(request) {
    const lang = langFromRequest(request);
    const rows = await all(
      request,
      ALERTS,
      filter(new URL(request.url), ["areaCode", "kind", "status", "stationCode"]),
      (d) => d.alerts,
    );
    return {
      header: [
        ...heads(lang, ["occurredAt", "area", "stations", "element", "kind", "severity", "pollutant"]),
        "value",
        "limit",
        ...heads(lang, ["status", "demo"]),
      ],
      rows: rows.map((a) => [
        shanghaiDateTime(a.occurredAt),
        nm(lang, a.area),
        a.station?.code,
        label(lang, ELEMENTS, a.element),
        label(lang, ALERT_KINDS, a.kind),
        label(lang, SEVERITIES, a.severity),
        a.pollutant,
        a.measuredValue,
        a.limitValue,
        label(lang, ALERT_STATUSES, a.status),
        a.demo ? 1 : 0,
      ]),
    };
  },
  async tasks(request) {
    const lang = langFromRequest(request);
    const d = await gqlOrThrow(request, TASKS);
    const names = (xs: { name: string; nameEn: string }[]) =>
      xs.map((x) => nm(lang, x)).join(lang === "en" ? "; " : "、");
    return {
      header: heads(lang, ["code", "task", "leadDepts", "supportDepts", "status"]),
      rows: d.plan.taskGroups.flatMap((g) =>
        g.tasks.map((t) => [
          t.code,
          lang === "en" ? t.titleEn : t.title,
          names(t.leadDepartments),
          names(t.supportingDepartments),
          label(lang, TASK_STATUSES, t.status),
        ]),
      ),
    };
  },
  async users(request) {
    const lang = langFromRequest(request);
    const d = await gqlOrThrow(request, USERS);
    return {
      header: heads(lang, ["name", "email", "role", "department", "area", "locale"]),
      rows: d.users.map((u) => [u.name, u.email, u.role, nm(lang, u.department), nm(lang, u.area), u.locale]),
    };
  },
  /** 部门年度考评 (steering group), ?year= as on the page. */
  async scorecard(request) {
    const lang = langFromRequest(request);
    const { rows } = await loadScorecard(request);
    return {
      header: Object.values(SCORECARD_HEADERS).map((pair) => pick(lang, pair)),
      rows: rows.map((r) => [
        lang === "en" ? r.department.en : r.department.zh,
        r.reportsDue,
        r.reportsOnTime,
        percent(r.onTimeRate),
        r.returns,
        r.daysOverdue,
        r.rectificationsDue,
        r.rectificationsClosedInTime,
      ]),
    };
  },
};
