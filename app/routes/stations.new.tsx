// Add a station (steering group, or a department member for their own department).
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { StationFields, stationInput } from "../components/StationForm";
import { ErrorNotice, PageHeader, SubmitButton } from "../components/ui";
import { useT } from "../i18n";
import { graphql, type VariablesOf } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "新增站点 / Add station" }];

const QUERY = /* @__PURE__ */ graphql(`
  query {
    me @_optional {
      role
    }
    areas(cityCode: "2306") {
      code
      name
      nameEn
    }
    departments {
      code
      name
      nameEn
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(request, QUERY);
  if (!d.me) throw redirect(`/login?redirectTo=/stations/new`);
  return json({ areas: d.areas, departments: d.me.role === "STEERING_GROUP" ? d.departments : null });
}

const ADD = /* @__PURE__ */ graphql(`
  mutation ($input: AddStationInput!) {
    addStation(input: $input) {
      code
    }
  }
`);

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const input = stationInput(form, [
    "code",
    "name",
    "element",
    "areaCode",
    "mode",
    "status",
    "operatorDepartmentCode",
    "commissionedOn",
    "latitude",
    "longitude",
  ]);
  // The form's fields as they came: the API checks each one (BAD_INPUT names the fields it refuses).
  const r = await gql(request, ADD, { input: input as VariablesOf<typeof ADD>["input"] });
  if (r.ok) return redirect(`/stations/${encodeURIComponent(r.data.addStation.code)}?saved=1`);
  return json({ error: r.error, values: Object.fromEntries(form) as Record<string, string> }, { status: 400 });
}

export default function NewStation() {
  const { areas, departments } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const v = result?.values ?? {};
  return (
    <>
      <PageHeader title={t("addStation")} lead={<Link to="/stations">← {t("stationsTitle")}</Link>} />
      <Form method="post" className="card form">
        <ErrorNotice error={result?.error} />
        <StationFields
          mode="add"
          areas={areas}
          departments={departments ?? undefined}
          defaults={{
            ...v,
            latitude: v.latitude ? Number(v.latitude) : null,
            longitude: v.longitude ? Number(v.longitude) : null,
          }}
        />
        <div>
          <SubmitButton label={t("save")} />
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
