// Sign-in. The one page that does not go through GraphQL: it checks the password and opens the session that
// /graphql then reads (app/utils/session.server.ts). Works without JavaScript.
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { RouteErrorBoundary } from "../components/RouteErrorBoundary";
import { ErrorNotice, Field, PageHeader, SubmitButton } from "../components/ui";
import { LANG_COOKIE, useT } from "../i18n";
import { db } from "../utils/db.server";
import { verifyPassword } from "../utils/password.server";
import { createUserSession, getViewer } from "../utils/session.server";

export const meta: MetaFunction = () => [{ title: "登录 / Sign in" }];

function safeRedirect(to: FormDataEntryValue | string | null): string {
  const s = typeof to === "string" ? to : "";
  return s.startsWith("/") && !s.startsWith("//") && !s.startsWith("/login") ? s : "/";
}

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getViewer(request)) return redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get("email") ?? "").trim().toLowerCase();
  const password = String(form.get("password") ?? "");
  const user = email && password ? await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, locale: true } }) : null;
  const ok = user ? await verifyPassword(password, user.passwordHash) : false;
  if (!user || !ok) {
    return json({ error: { zh: "邮箱或密码不正确", en: "Wrong e-mail or password" }, email }, { status: 400 });
  }
  const res = await createUserSession(user.id, safeRedirect(form.get("redirectTo")));
  // A user who prefers English gets it at sign-in, unless they already chose a language on this browser.
  if (!/(?:^|;\s*)lang=/.test(request.headers.get("Cookie") ?? ""))
    res.headers.append("Set-Cookie", `${LANG_COOKIE}=${user.locale === "en" ? "en" : "zh"}; Path=/; Max-Age=31536000; SameSite=Lax`);
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
        <Field name="email" type="email" label={t("email")} required autoComplete="username" defaultValue={data?.email} />
        <Field name="password" type="password" label={t("password")} required autoComplete="current-password" />
        <SubmitButton label={t("signIn")} />
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
