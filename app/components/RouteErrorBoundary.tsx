// Every route's ErrorBoundary: the API's bilingual message (or a plain one), never a blank page.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useT } from "../i18n";

export function RouteErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  let title = t("errorTitle");
  let message: string = t("errorTitle");
  let status = 500;
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const data = error.data as { zh?: string; en?: string } | string | null;
    if (data && typeof data === "object" && data.zh) message = t.lang === "en" ? (data.en ?? data.zh) : data.zh;
    else if (typeof data === "string" && data) message = data;
    else message = error.statusText || message;
    if (status === 404) title = t("notFoundTitle");
    if (status === 403) title = t("forbiddenTitle");
    if (status === 401) title = t("signInRequired");
  }
  return (
    <div className="error-page" role="alert" data-status={status}>
      <h1>{title}</h1>
      <p>{message}</p>
      <p>{status === 401 ? <Link to="/login">{t("signIn")}</Link> : <Link to="/">{t("backHome")}</Link>}</p>
    </div>
  );
}
