// The station form fields, shared by "add" and "edit". Plain form posts; the API validates and answers.
import { nameOf, pick, useT } from "../i18n";
import { ELEMENTS, ELEMENT_KEYS, STATION_MODES } from "../models/vocabulary";
import { Field, SelectField } from "./ui";

interface Defaults {
  code?: string;
  name?: string;
  element?: string;
  areaCode?: string;
  mode?: string;
  status?: string;
  commissionedOn?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  operatorDepartmentCode?: string | null;
}

export function StationFields({
  mode,
  defaults = {},
  areas = [],
  departments,
}: {
  mode: "add" | "edit";
  defaults?: Defaults;
  areas?: { code: string; name: string; nameEn: string }[];
  departments?: { code: string; name: string; nameEn: string }[];
}) {
  const t = useT();
  const statuses = mode === "add" ? (["ACTIVE", "PLANNED"] as const) : (["ACTIVE", "PLANNED", "SUSPENDED"] as const);
  const statusLabels = {
    ACTIVE: ["运行", "Active"],
    PLANNED: ["规划中", "Planned"],
    SUSPENDED: ["暂停", "Suspended"],
  } as const;
  return (
    <div className="form-grid">
      {mode === "add" ? (
        <Field name="code" label={t("code")} required defaultValue={defaults.code} hint="DQ-0621-AIR-9" />
      ) : (
        <input type="hidden" name="code" value={defaults.code} />
      )}
      <Field name="name" label={t("name")} required defaultValue={defaults.name} />
      {mode === "add" ? (
        <>
          <SelectField
            name="element"
            label={t("element")}
            required
            defaultValue={defaults.element}
            options={ELEMENT_KEYS.map((k) => ({ value: k, label: pick(t.lang, ELEMENTS[k]) }))}
          />
          <SelectField
            name="areaCode"
            label={t("area")}
            required
            defaultValue={defaults.areaCode}
            options={areas.map((a) => ({ value: a.code, label: nameOf(t.lang, a) }))}
          />
        </>
      ) : null}
      <SelectField
        name="mode"
        label={t("mode")}
        required
        defaultValue={defaults.mode}
        options={Object.entries(STATION_MODES).map(([k, v]) => ({ value: k, label: pick(t.lang, v) }))}
      />
      <SelectField
        name="status"
        label={t("status")}
        defaultValue={defaults.status ?? "ACTIVE"}
        options={statuses.map((s) => ({ value: s, label: pick(t.lang, statusLabels[s]) }))}
      />
      {departments ? (
        <SelectField
          name="operatorDepartmentCode"
          label={t("operator")}
          includeAll="—"
          defaultValue={defaults.operatorDepartmentCode}
          options={departments.map((d) => ({ value: d.code, label: nameOf(t.lang, d) }))}
        />
      ) : null}
      <Field
        name="commissionedOn"
        type="date"
        label={`${t("commissionedOn")} (${t("optional")})`}
        defaultValue={defaults.commissionedOn}
      />
      <Field
        name="latitude"
        type="number"
        step="0.00001"
        label={`${t("latitude")} (${t("optional")})`}
        defaultValue={defaults.latitude}
      />
      <Field
        name="longitude"
        type="number"
        step="0.00001"
        label={`${t("longitude")} (${t("optional")})`}
        defaultValue={defaults.longitude}
      />
    </div>
  );
}

/** Form values to a GraphQL input: empty fields are left out ("no change"), numbers parsed. */
export function stationInput(form: FormData, fields: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const v = String(form.get(f) ?? "").trim();
    if (v === "") continue;
    out[f] = f === "latitude" || f === "longitude" ? Number(v) : v;
  }
  return out;
}
