// The frame of every page: skip link, title, navigation by role, language switch, sign-in state, loading bar.
import { Form, Link, NavLink, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useT } from "../i18n";
import type { MessageKey } from "../i18n/messages";
import { ROLE_LABELS } from "../models/vocabulary";
import { SearchBox } from "./SearchBox";

export interface Me {
  name: string;
  role: "STEERING_GROUP" | "DEPARTMENT_MEMBER" | "INSPECTOR" | "AREA_IMPLEMENTER";
  department: { code: string; name: string; nameEn: string } | null;
  area: { code: string; name: string; nameEn: string } | null;
}

export const roleLabel = (lang: "zh" | "en", role: Me["role"]) => ROLE_LABELS[role]?.[lang === "en" ? 1 : 0] ?? role;

function navFor(me: Me | null): { to: string; key: MessageKey }[] {
  const items: { to: string; key: MessageKey }[] = [
    { to: "/", key: "navDashboard" },
    { to: "/plan", key: "navPlan" },
    { to: "/stations", key: "navStations" },
    { to: "/calendar", key: "navCalendar" },
    { to: "/search", key: "navSearch" },
  ];
  if (me) {
    items.push({ to: "/workspace", key: "navWorkspace" });
    items.push({ to: "/reports", key: "navReports" });
    items.push({ to: "/work-plans", key: "navWorkPlans" });
    items.push({ to: "/inspections", key: "navInspections" });
    items.push({ to: "/linkage", key: "navLinkage" });
  }
  if (me?.role === "STEERING_GROUP")
    items.push({ to: "/admin/users", key: "navUsers" }, { to: "/admin/outbox", key: "navOutbox" });
  return items;
}

/** "待办 3": what waits for the signed-in user, linking to the workspace's list. */
function WaitingCount({ count }: { count: number }) {
  const t = useT();
  // The accessible name starts with the visible words ("待办 3"), then says where the link goes.
  const label =
    t.lang === "en" ? `To do ${count}: items waiting for me, open the workspace` : `待办 ${count} 项，打开工作台`;
  return (
    <Link
      to="/workspace#waiting-mine"
      className="btn btn-link waiting-count"
      aria-label={label}
      data-testid="waiting-count"
    >
      {t.lang === "en" ? "To do" : "待办"} <span className="badge">{count}</span>
    </Link>
  );
}

export function Layout({
  me,
  waiting = null,
  children,
}: {
  me: Me | null;
  waiting?: number | null;
  children: ReactNode;
}) {
  const t = useT();
  const nav = useNavigation();
  const location = useLocation();
  const here = location.pathname + location.search;
  const busy = nav.state !== "idle";
  // After each render of a new location has reached the screen, <main> carries that location's key: browser tests
  // (test/browser/support/navigation.ts) wait for it before they read the page. Set by an effect, so the server's
  // HTML and hydration never disagree about it.
  const main = useRef<HTMLElement>(null);
  useEffect(() => {
    main.current?.setAttribute("data-location-key", location.key);
  }, [location.key]);
  return (
    <>
      <a href="#main" className="skip-link">
        {t("skipToContent")}
      </a>
      <div
        className={`loading-bar${busy ? " is-busy" : ""}`}
        role="progressbar"
        aria-hidden={!busy}
        aria-label={t("loading")}
      />
      <header className="site-header">
        <div className="brand">
          <Link to="/" className="brand-title">
            {t("appTitle")}
          </Link>
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
          <SearchBox />
          <Form method="post" action="/lang" className="lang-switch">
            <input type="hidden" name="redirectTo" value={here} />
            <button
              type="submit"
              name="lang"
              value={t.lang === "en" ? "zh" : "en"}
              className="btn btn-link"
              lang={t.lang === "en" ? "zh" : "en"}
            >
              {t.lang === "en" ? "中文" : "English"}
            </button>
          </Form>
          {me ? (
            <Form method="post" action="/logout" className="user-box">
              {waiting !== null ? <WaitingCount count={waiting} /> : null}
              <span data-testid="signed-in-user">
                {me.name} · {roleLabel(t.lang, me.role)}
              </span>
              <Link to="/account" className="btn btn-link">
                {t("account")}
              </Link>
              <button type="submit" className="btn btn-link">
                {t("signOut")}
              </button>
            </Form>
          ) : (
            <Link to={`/login?redirectTo=${encodeURIComponent(here)}`} className="btn btn-secondary">
              {t("signIn")}
            </Link>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} aria-busy={busy}>
        {busy ? (
          <p className="sr-only" role="status">
            {t("loading")}
          </p>
        ) : null}
        {children}
      </main>
      <footer className="site-footer">
        <p>{t("appSubtitle")} · 大庆市人民政府办公室</p>
      </footer>
    </>
  );
}
