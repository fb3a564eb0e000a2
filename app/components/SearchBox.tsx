// The search box in every page's header: a GET form to /search (works without JavaScript), holding the words searched
// for while the results are shown.
import { Form, useLocation } from "@remix-run/react";
import { useT } from "../i18n";

export function SearchBox() {
  const t = useT();
  const location = useLocation();
  const q = location.pathname === "/search" ? (new URLSearchParams(location.search).get("q") ?? "") : "";
  return (
    <Form method="get" action="/search" role="search" aria-label={t("searchLabel")} className="search-box">
      <label htmlFor="site-search" className="sr-only">
        {t("searchLabel")}
      </label>
      {/* keyed by the words, so going to another search shows its words, not the last ones typed */}
      <input key={q} id="site-search" type="search" name="q" defaultValue={q} maxLength={100} />
      <button type="submit" className="btn btn-secondary">
        {t("searchButton")}
      </button>
    </Form>
  );
}
