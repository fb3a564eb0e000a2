// Sign-in. The one page that does not go through GraphQL: it checks the password (app/models/user.server.ts, with
// throttling per account and per client) and opens the server-side session that /graphql then reads
// (app/utils/session.server.ts). Works without JavaScript.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { ErrorNotice, Field, PageHeader, SubmitButton } from "../components/ui";
import { LANG_COOKIE, useT } from "../i18n";
import { signIn } from "../models/user.server";
import { db } from "../utils/db.server";
import { isAppError } from "../utils/errors";
import { clientAddressOf } from "../utils/load-context";
import { safeRedirect } from "../utils/safe-redirect";
import { createUserSession, getViewer } from "../utils/session.server";

export const meta: MetaFunction = () => [{ title: "登录 / Sign in" }];

// A document request (the form without JavaScript) takes its headers from here, not from the action's answer.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

/** Where to go after signing in: a path of this app, never back to the sign-in page. */
function afterSignIn(to: unknown): string {
  const path = safeRedirect(to);
  return path === "/login" || path.startsWith("/login?") || path.startsWith("/login/") ? "/" : path;
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) return redirect(afterSignIn(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "");
  let user: { id: number; locale: string };
  try {
    user = await signIn(db, {
      email,
      password: String(form.get("password") ?? ""),
      clientAddress: clientAddressOf(context),
    });
  } catch (e) {
    if (!isAppError(e)) throw e;
    const retryAfter = e.code === "TOO_MANY_REQUESTS" ? Number(e.extensions.retryAfterSeconds) : 0;
    return json(
      { error: { zh: e.zh, en: e.en }, email: email.slice(0, 254) },
      { status: retryAfter ? 429 : 400, headers: retryAfter ? { "Retry-After": String(retryAfter) } : undefined },
    );
  }
  const res = await createUserSession(request, user.id, afterSignIn(form.get("redirectTo")));
  // A user who prefers English gets it at sign-in, unless they already chose a language on this browser.
  if (!/(?:^|;\s*)lang=/.test(request.headers.get("Cookie") ?? ""))
    res.headers.append(
      "Set-Cookie",
      `${LANG_COOKIE}=${user.locale === "en" ? "en" : "zh"}; Path=/; Max-Age=31536000; SameSite=Lax`,
    );
  return res;
}

export default function Login() {
  const t = useT();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <div className="narrow">
      <PageHeader title={t("loginTitle")} lead={t("loginHint")} />
      <Form method="post" className="card form" aria-describedby={data?.error ? "login-error" : undefined}>
        <div id="login-error">
          <ErrorNotice error={data?.error} />
        </div>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <Field
          name="email"
          type="email"
          label={t("email")}
          required
          autoComplete="username"
          defaultValue={data?.email}
        />
        <Field name="password" type="password" label={t("password")} required autoComplete="current-password" />
        <SubmitButton label={t("signIn")} />
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
