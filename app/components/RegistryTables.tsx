// The station and alert tables shared by the registry, the area drill-down and the task pages.
import { Link } from "@remix-run/react";
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  ELEMENTS,
  SEVERITIES,
  STATION_MODES,
  STATION_STATUSES,
  type AlertKind,
  type AlertStatus,
  type Element,
  type Severity,
  type StationMode,
  type StationStatus,
} from "../models/vocabulary";
import { nameOf, pick, useT } from "../i18n";
import { DataTable } from "./DataTable";
import { ALERT_STATUS_TONE, shanghaiDate, shanghaiDateTime, STATION_STATUS_TONE } from "./status";
import { StatusPill } from "./ui";

export interface StationView {
  code: string;
  name: string;
  element: Element;
  mode: StationMode;
  status: StationStatus;
  commissionedOn: string | null;
  demo: boolean;
  area?: { code: string; name: string; nameEn: string } | null;
  operator: { name: string; nameEn: string } | null;
}

export function StationsTable({
  stations,
  caption,
  showArea = true,
}: {
  stations: StationView[];
  caption: string;
  showArea?: boolean;
}) {
  const t = useT();
  return (
    <DataTable
      testId="stations"
      caption={caption}
      rows={stations}
      rowKey={(s) => s.code}
      columns={[
        {
          key: "code",
          header: t("code"),
          rowHeader: true,
          cell: (s) => <Link to={`/stations/${encodeURIComponent(s.code)}`}>{s.code}</Link>,
        },
        {
          key: "name",
          header: t("name"),
          cell: (s) => (
            <>
              {s.name}
              {s.demo ? <span className="small muted"> ({t("demo")})</span> : null}
            </>
          ),
        },
        ...(showArea
          ? [
              {
                key: "area",
                header: t("area"),
                cell: (s: StationView) =>
                  s.area ? <Link to={`/areas/${s.area.code}`}>{nameOf(t.lang, s.area)}</Link> : "",
              },
            ]
          : []),
        { key: "element", header: t("element"), cell: (s) => pick(t.lang, ELEMENTS[s.element], s.element) },
        { key: "mode", header: t("mode"), cell: (s) => pick(t.lang, STATION_MODES[s.mode], s.mode) },
        {
          key: "status",
          header: t("status"),
          cell: (s) => (
            <StatusPill
              tone={STATION_STATUS_TONE[s.status] ?? "neutral"}
              label={pick(t.lang, STATION_STATUSES[s.status], s.status)}
            />
          ),
        },
        { key: "operator", header: t("operator"), cell: (s) => nameOf(t.lang, s.operator) },
        { key: "commissioned", header: t("commissionedOn"), cell: (s) => shanghaiDate(s.commissionedOn) },
      ]}
    />
  );
}

export interface AlertView {
  id: string;
  kind: AlertKind;
  severity: Severity;
  status: AlertStatus;
  occurredAt: string;
  pollutant: string | null;
  measuredValue: number | null;
  limitValue: number | null;
  station: { code: string; name: string } | null;
}

export function AlertsTable({ alerts, caption }: { alerts: AlertView[]; caption: string }) {
  const t = useT();
  return (
    <DataTable
      testId="alerts"
      caption={caption}
      rows={alerts}
      rowKey={(a) => a.id}
      columns={[
        { key: "at", header: t("occurredAt"), rowHeader: true, cell: (a) => shanghaiDateTime(a.occurredAt) },
        { key: "kind", header: t("kind"), cell: (a) => pick(t.lang, ALERT_KINDS[a.kind], a.kind) },
        { key: "severity", header: t("severity"), cell: (a) => pick(t.lang, SEVERITIES[a.severity], a.severity) },
        {
          key: "station",
          header: t("stations"),
          cell: (a) =>
            a.station ? <Link to={`/stations/${encodeURIComponent(a.station.code)}`}>{a.station.name}</Link> : "",
        },
        {
          key: "value",
          header: t("measured"),
          cell: (a) =>
            a.measuredValue !== null ? `${a.pollutant ?? ""} ${a.measuredValue}/${a.limitValue ?? "—"}` : "—",
        },
        {
          key: "status",
          header: t("status"),
          cell: (a) => (
            <StatusPill
              tone={ALERT_STATUS_TONE[a.status] ?? "neutral"}
              label={pick(t.lang, ALERT_STATUSES[a.status], a.status)}
            />
          ),
        },
      ]}
    />
  );
}

export const STATION_FIELDS = `code name element mode status commissionedOn @_optional demo area @_optional { code name nameEn } operator @_optional { name nameEn }`;
export const ALERT_FIELDS = `id kind severity status occurredAt pollutant @_optional measuredValue @_optional limitValue @_optional station @_optional { code name }`;
