// The frame of every page: skip link, title, navigation by role, language switch, sign-in state, loading bar.
import { Form, Link, NavLink, useLocation, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "../i18n";
import type { MessageKey } from "../i18n/messages";

export interface Me {
  name: string;
  role: "STEERING_GROUP" | "DEPARTMENT_MEMBER" | "INSPECTOR" | "AREA_IMPLEMENTER";
  department: { code: string; name: string; nameEn: string } | null;
  area: { code: string; name: string; nameEn: string } | null;
}

const ROLE_LABEL: Record<Me["role"], [string, string]> = {
  STEERING_GROUP: ["专项小组", "Steering group"],
  DEPARTMENT_MEMBER: ["部门人员", "Department member"],
  INSPECTOR: ["督导检查人员", "Inspector"],
  AREA_IMPLEMENTER: ["县区落实人员", "Area implementer"],
};
export const roleLabel = (lang: "zh" | "en", role: Me["role"]) => ROLE_LABEL[role]?.[lang === "en" ? 1 : 0] ?? role;

function navFor(me: Me | null): { to: string; key: MessageKey }[] {
  const items: { to: string; key: MessageKey }[] = [
    { to: "/", key: "navDashboard" },
    { to: "/plan", key: "navPlan" },
    { to: "/stations", key: "navStations" },
  ];
  if (me) {
    items.push({ to: "/workspace", key: "navWorkspace" });
    items.push({ to: "/reports", key: "navReports" });
    items.push({ to: "/work-plans", key: "navWorkPlans" });
    items.push({ to: "/inspections", key: "navInspections" });
    items.push({ to: "/linkage", key: "navLinkage" });
  }
  if (me?.role === "STEERING_GROUP") items.push({ to: "/admin/users", key: "navUsers" }, { to: "/admin/outbox", key: "navOutbox" });
  return items;
}

export function Layout({ me, children }: { me: Me | null; children: ReactNode }) {
  const t = useT();
  const nav = useNavigation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const busy = nav.state !== "idle";
  return (
    <>
      <a href="#main" className="skip-link">{t("skipToContent")}</a>
      <div className={`loading-bar${busy ? " is-busy" : ""}`} role="progressbar" aria-hidden={!busy} aria-label={t("loading")} />
      <header className="site-header">
        <div className="brand">
          <Link to="/" className="brand-title">{t("appTitle")}</Link>
          <span className="brand-sub">{t("appSubtitle")}</span>
        </div>
        <nav aria-label={t("appTitle")} className="main-nav">
          <ul>
            {navFor(me).map((i) => (
              <li key={i.to}>
                <NavLink to={i.to} end={i.to === "/"} prefetch="intent">
                  {t(i.key)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="header-tools">
          <Form method="post" action="/lang" className="lang-switch">
            <input type="hidden" name="redirectTo" value={here} />
            <button type="submit" name="lang" value={t.lang === "en" ? "zh" : "en"} className="btn btn-link" lang={t.lang === "en" ? "zh" : "en"}>
              {t.lang === "en" ? "中文" : "English"}
            </button>
          </Form>
          {me ? (
            <Form method="post" action="/logout" className="user-box">
              <span data-testid="signed-in-user">
                {me.name} · {roleLabel(t.lang, me.role)}
              </span>
              <button type="submit" className="btn btn-link">{t("signOut")}</button>
            </Form>
          ) : (
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="btn btn-secondary">{t("signIn")}</Link>
          )}
        </div>
      </header>
      <main id="main" tabIndex={-1} aria-busy={busy}>
        {busy ? <p className="sr-only" role="status">{t("loading")}</p> : null}
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("appSubtitle")} · 大庆市人民政府办公室</p>
      </footer>
    </>
  );
}
