// 我的账号: change one's own password (works without JavaScript). Through the API's changePassword, which ends every
// session of the user and opens a new one for this browser; its Set-Cookie is passed on here. And the private calendar
// feed link (createCalendarFeed / revokeCalendarFeed): its token is shown once, in the answer to the form that made it.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { ErrorNotice, Field, Notice, PageHeader, SubmitButton } from "../components/ui";
import { CalendarFeedCard } from "../components/CalendarFeedCard";
import { translate, useT } from "../i18n";
import { env } from "../utils/env.server";
import { graphql } from "../utils/graphql";
import { gql, gqlOrThrow } from "../utils/graphql.server";

export const meta: MetaFunction = () => [{ title: "我的账号 / My account" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const d = await gqlOrThrow(
    request,
    graphql(`
      query {
        me @_optional {
          email
        }
        myCalendarFeed @_optional {
          createdAt
        }
      }
    `),
  );
  if (!d.me) throw redirect("/login?redirectTo=/account");
  return json({ email: d.me.email, feedCreatedAt: d.myCalendarFeed?.createdAt ?? null });
}

const CREATE_FEED = /* @__PURE__ */ graphql(`
  mutation {
    createCalendarFeed
  }
`);
const REVOKE_FEED = /* @__PURE__ */ graphql(`
  mutation {
    revokeCalendarFeed
  }
`);

async function calendarFeedAction(request: Request, intent: "createFeed" | "revokeFeed") {
  if (intent === "revokeFeed") {
    const r = await gql(request, REVOKE_FEED);
    return r.ok ? json({ feedRevoked: true }) : json({ feedError: r.error }, { status: 400 });
  }
  const r = await gql(request, CREATE_FEED);
  if (!r.ok) return json({ feedError: r.error }, { status: 400 });
  return json({ feedUrl: new URL(`/calendar/${r.data.createCalendarFeed}.ics`, env.APP_URL).toString() });
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const intent = form.get("intent") ?? "changePassword";
  if (intent === "createFeed" || intent === "revokeFeed") return calendarFeedAction(request, intent);
  if (intent !== "changePassword")
    return json({ error: { code: "BAD_INPUT", zh: "未知的操作", en: "Unknown action" } }, { status: 400 });
  const current = String(form.get("current") ?? "");
  const next = String(form.get("new") ?? "");
  if (next !== String(form.get("confirm") ?? ""))
    return json(
      { error: { zh: translate("zh", "passwordsDiffer"), en: translate("en", "passwordsDiffer") } },
      { status: 400 },
    );
  const r = await gql(
    request,
    graphql(`
      mutation ($current: String!, $new: String!) {
        changePassword(current: $current, new: $new)
      }
    `),
    { current, new: next },
  );
  if (r.ok)
    return redirect("/account?changed=1", { headers: r.setCookie.map((c) => ["Set-Cookie", c] as [string, string]) });
  return json(
    { error: r.error },
    { status: r.error.code === "TOO_MANY_REQUESTS" ? 429 : r.error.code === "UNAUTHENTICATED" ? 401 : 400 },
  );
}

export default function Account() {
  const t = useT();
  const { feedCreatedAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="narrow">
      <PageHeader title={t("accountTitle")} lead={t("accountHint")} />
      {params.get("changed") === "1" && !result ? <Notice>{t("passwordChanged")}</Notice> : null}
      <Form method="post" className="card form">
        <ErrorNotice error={result && "error" in result ? result.error : undefined} />
        <Field name="current" type="password" label={t("currentPassword")} required autoComplete="current-password" />
        <Field name="new" type="password" label={t("newPassword")} required autoComplete="new-password" />
        <Field name="confirm" type="password" label={t("confirmPassword")} required autoComplete="new-password" />
        <SubmitButton label={t("changePassword")} intent="changePassword" />
      </Form>
      <CalendarFeedCard
        createdAt={feedCreatedAt}
        feedUrl={result && "feedUrl" in result ? result.feedUrl : null}
        revoked={!!result && "feedRevoked" in result}
        error={result && "feedError" in result ? result.feedError : undefined}
      />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
