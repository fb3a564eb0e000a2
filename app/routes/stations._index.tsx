// The station registry (public): filters and pages through the API's stations connection.
import { json, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useRouteLoaderData } from "@remix-run/react";
import type { Me } from "../components/Layout";
import { StationsTable, STATION_FIELDS } from "../components/RegistryTables";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { CsvLink, FilterForm, PageHeader, Pager, pageArgs, SelectField } from "../components/ui";
import { nameOf, pick, useT } from "../i18n";
import { ELEMENTS, ELEMENT_KEYS, keys, oneOf, STATION_MODES, STATION_STATUSES } from "../models/vocabulary";
import { graphql, PAGE_INFO } from "../utils/graphql";
import { gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "站点名录 / Station registry" }];

const QUERY = /* @__PURE__ */ graphql(`
  query StationsPage($first: Int, $after: String, $last: Int, $before: String, $areaCode: String, $element: Element, $status: StationStatus, $mode: StationMode) {
    areas(cityCode: "2306") { code name nameEn }
    stations(first: $first, after: $after, last: $last, before: $before, areaCode: $areaCode, element: $element, status: $status, mode: $mode) {
      totalCount startIndex pageInfo { ...PageInfoFields } edges { node { ${STATION_FIELDS} } }
    }
  }
  ${PAGE_INFO}
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const sp = url.searchParams;
  const filters = {
    areaCode: sp.get("areaCode") || null,
    element: oneOf(sp.get("element"), ELEMENT_KEYS),
    status: oneOf(sp.get("status"), keys(STATION_STATUSES)),
    mode: oneOf(sp.get("mode"), keys(STATION_MODES)),
  };
  const data = await gqlOrThrow(request, QUERY, { ...filters, ...pageArgs(url, 50) });
  return json({ ...data, filters });
}

export default function StationsPage() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const { search } = useLocation();
  const me = (useRouteLoaderData("root") as { me: Me | null } | undefined)?.me;
  const canAdd = me?.role === "STEERING_GROUP" || me?.role === "DEPARTMENT_MEMBER";
  const csv = new URLSearchParams(search);
  csv.delete("after");
  csv.delete("before");
  return (
    <>
      <PageHeader
        title={t("stationsTitle")}
        actions={
          <>
            {canAdd ? (
              <Link to="/stations/new" className="btn btn-primary">
                {t("addStation")}
              </Link>
            ) : null}
            <CsvLink href={`/export/stations.csv?${csv}`} />
          </>
        }
      />
      <FilterForm resetTo="/stations">
        <SelectField
          name="areaCode"
          label={t("area")}
          includeAll={t("all")}
          defaultValue={d.filters.areaCode}
          options={d.areas.map((a) => ({ value: a.code, label: nameOf(t.lang, a) }))}
        />
        <SelectField
          name="element"
          label={t("element")}
          includeAll={t("all")}
          defaultValue={d.filters.element}
          options={ELEMENT_KEYS.map((k) => ({ value: k, label: pick(t.lang, ELEMENTS[k]) }))}
        />
        <SelectField
          name="status"
          label={t("status")}
          includeAll={t("all")}
          defaultValue={d.filters.status}
          options={Object.entries(STATION_STATUSES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
        />
        <SelectField
          name="mode"
          label={t("mode")}
          includeAll={t("all")}
          defaultValue={d.filters.mode}
          options={Object.entries(STATION_MODES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
        />
      </FilterForm>
      <section className="card" aria-label={t("stationsTitle")}>
        <StationsTable stations={d.stations.edges.map((e) => e.node)} caption={t("stationsTitle")} />
        <Pager
          pageInfo={d.stations.pageInfo}
          total={d.stations.totalCount}
          start={d.stations.startIndex ?? 0}
          count={d.stations.edges.length}
        />
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
