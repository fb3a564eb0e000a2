// The area × element coverage matrix: counts per cell, the cell's target status, drill-down per area.
import { Link } from "@remix-run/react";
import { ELEMENTS, type Element } from "../models/vocabulary";
import { nameOf, pick, useT } from "../i18n";
import { COVERAGE_STATUS } from "./status";
import { StatusPill } from "./ui";

interface Cell {
  element: Element;
  stations: number;
  automatic: number;
  planned: number;
  required: number;
  automaticRequired: boolean;
  status: string;
}
interface Row {
  area: { code: string; name: string; nameEn: string; kind: string };
  cells: Cell[];
}

export function CoverageMatrix({
  rows,
  byElement,
  search = "",
}: {
  rows: Row[];
  byElement: { element: Element; stations: number; automatic: number; required: number; met: number }[];
  search?: string;
}) {
  const t = useT();
  const elements = rows[0]?.cells.map((c) => c.element) ?? [];
  const cellTitle = (c: Cell) => {
    const s = pick(t.lang, COVERAGE_STATUS[c.status]?.label);
    const req = c.required ? `${t("required")} ≥${c.required}${c.automaticRequired ? ` (${t("automatic")})` : ""}` : "";
    return [s, req, c.planned ? `${t("planned")} ${c.planned}` : ""].filter(Boolean).join("；");
  };
  return (
    <>
      <div className="table-wrap">
        <table className="table matrix" data-testid="coverage-matrix">
          <caption>{t("coverageCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("area")}</th>
              {elements.map((el) => (
                <th scope="col" key={el} className="num">
                  {pick(t.lang, ELEMENTS[el])}
                </th>
              ))}
              <th scope="col" className="num">
                {t("elementsMet")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const req = r.cells.filter((c) => c.status !== "NOT_REQUIRED");
              return (
                <tr key={r.area.code} data-area={r.area.code}>
                  <th scope="row">
                    <Link
                      to={`/areas/${r.area.code}${search}`}
                      aria-label={`${nameOf(t.lang, r.area)}：${t("drillDown")}`}
                    >
                      {nameOf(t.lang, r.area)}
                    </Link>
                  </th>
                  {r.cells.map((c) => (
                    <td
                      key={c.element}
                      className={`cell cell-${c.status}`}
                      title={cellTitle(c)}
                      data-element={c.element}
                      data-status={c.status}
                      data-stations={c.stations}
                    >
                      {c.stations}
                      {c.automatic ? <span className="small"> ({c.automatic})</span> : null}
                      {c.status === "NOT_MET" || c.status === "AT_RISK" ? (
                        <span className="sr-only">{cellTitle(c)}</span>
                      ) : null}
                    </td>
                  ))}
                  <td className="num">
                    {req.length ? `${req.filter((c) => c.status === "MET").length}/${req.length}` : "—"}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t("total")}</th>
              {byElement.map((e) => (
                <td key={e.element} className="num" data-total-element={e.element}>
                  {e.stations}
                  {e.automatic ? <span className="small"> ({e.automatic})</span> : null}
                </td>
              ))}
              <td className="num">{`${byElement.reduce((n, e) => n + e.met, 0)}/${byElement.reduce((n, e) => n + e.required, 0)}`}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <ul className="legend" aria-label={t("legend")}>
        {Object.values(COVERAGE_STATUS).map((s) => (
          <li key={s.label[0]}>
            <StatusPill tone={s.tone} label={pick(t.lang, s.label)} />
          </li>
        ))}
      </ul>
    </>
  );
}
