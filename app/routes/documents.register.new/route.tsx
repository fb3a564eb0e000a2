// 登记公文 (steering group): one official document, named by the same parameters as its download (?cycle=2026Q4
// [&task=1.4 | &department=epb], ?inspection=<workflow ID>, ?scorecardYear=2026[&department=epb]): its registered
// 发文字号 with who and when, or, before registering, the button that takes the year's next number; and its files.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { RouteErrorBoundary } from "../../components/RouteErrorBoundary";
import { shanghaiDateTime } from "../../components/status";
import { ErrorNotice, PageHeader, Section, StatusPill, SubmitButton } from "../../components/ui";
import { pick, useT } from "../../i18n";
import { graphql } from "../../utils/graphql";
import { gql, gqlOrThrow } from "../../utils/graphql.server";
import { REGISTER_WORDS as W, withFormat } from "./words";

export const meta: MetaFunction = () => [{ title: "登记公文 / Register a document" }];

const DOCUMENT = /* @__PURE__ */ graphql(`
  query OfficialDocument($document: DocumentInput!) {
    officialDocument(document: $document) {
      documentKey
      title
      path
      registration @_optional {
        number
        registeredBy
        registeredAt
      }
    }
  }
`);

const REGISTER = /* @__PURE__ */ graphql(`
  mutation RegisterDocument($document: DocumentInput!) {
    registerDocument(document: $document) {
      number
    }
  }
`);

const FIELDS = ["cycle", "task", "department", "inspection", "scorecardYear"] as const;

/** The document the URL or the form names; the API checks it (exactly one document, existing, well-formed). */
function documentOf(params: URLSearchParams | FormData) {
  const get = (k: string) => {
    const v = params.get(k);
    return typeof v === "string" && v !== "" ? v : null;
  };
  const year = get("scorecardYear");
  if (year !== null && !/^\d{1,4}$/.test(year))
    throw json({ code: "BAD_INPUT", zh: W.badYear[0], en: W.badYear[1] }, { status: 400 });
  return {
    cycle: get("cycle"),
    task: get("task"),
    department: get("department"),
    inspection: get("inspection"),
    scorecardYear: year === null ? null : Number(year),
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const document = documentOf(url.searchParams);
  const d = await gqlOrThrow(request, DOCUMENT, { document });
  return json({ document, doc: d.officialDocument });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  if (form.get("intent") !== "register")
    return json({ error: { code: "BAD_INPUT", zh: "未知的操作", en: "Unknown action" } }, { status: 400 });
  const document = documentOf(form);
  const r = await gql(request, REGISTER, { document });
  if (!r.ok) return json({ error: r.error }, { status: r.error.code === "FORBIDDEN" ? 403 : 400 });
  // Back to the page (post/redirect/get): it now shows the registered number.
  return redirect(new URL(request.url).pathname + new URL(request.url).search);
}

export default function RegisterDocument() {
  const { document, doc } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const t = useT();
  const w = (pair: readonly [string, string]) => pick(t.lang, pair);
  const reg = doc.registration;
  return (
    <>
      <PageHeader title={w(W.oneTitle)} lead={<Link to="/documents/register">← {w(W.toRegister)}</Link>} />
      <Section id="document" title={doc.title}>
        <ErrorNotice error={refused?.error} />
        {reg ? (
          <p data-testid="registration">
            <StatusPill tone="good" label={w(W.registered)} /> {w(W.number)}：<strong>{reg.number}</strong>（
            {w(W.registeredBy)}：{reg.registeredBy}，{w(W.registeredAt)}：{shanghaiDateTime(reg.registeredAt)}）
          </p>
        ) : (
          <>
            <p data-testid="registration">
              <StatusPill tone="warn" label={w(W.notRegistered)} /> {w(W.draftNote)}
            </p>
            <Form method="post">
              {FIELDS.map((k) =>
                document[k] === null ? null : <input key={k} type="hidden" name={k} value={String(document[k])} />,
              )}
              <SubmitButton label={w(W.register)} intent="register" />
            </Form>
          </>
        )}
        <p className="page-actions">
          <a className="btn btn-link" href={withFormat(doc.path, "docx")} download data-testid="registered-docx">
            {w(W.downloadDocx)}
          </a>
          <a className="btn btn-link" href={withFormat(doc.path, "pdf")} download data-testid="registered-pdf">
            {w(W.downloadPdf)}
          </a>
        </p>
      </Section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
