// The change history in sentences: one describer per entity type turns an AuditEvent's action and its recorded
// changes into what a person reads — "将任务1.1的状态调整为正常推进：……", "修改了站点DQ-1：站点名称 A → B" — in both
// languages, never an action code or JSON. Pure; the actor is put in front by workflows/common/events.ts `sentence`,
// the time is the page's to format.
import type { Bilingual } from "../../workflows/common/process";
import { periodLabel } from "../../workflows/reporting/period";
import {
  ALERT_KINDS,
  ELEMENTS,
  ROLE_LABELS,
  SEVERITIES,
  STATION_MODES,
  STATION_STATUSES,
  TASK_STATUSES,
} from "./vocabulary";

export interface AuditFacts {
  entityType: string;
  entityId: string;
  action: string;
  /** The recorded changes, parsed: a field's value, or its [before, after] / { from, to }. */
  changes: Record<string, unknown>;
}

/** What a code in a change stands for: departments and areas by code, users by ID. */
export interface Names {
  departments: Map<string, Bilingual>;
  areas: Map<string, Bilingual>;
  users: Map<string, string>;
}

type Vocabulary = Record<string, readonly [string, string]>;
const both = (zh: string, en: string): Bilingual => ({ zh, en });
const same = (s: string): Bilingual => both(s, s);
const NONE = both("（无）", "(none)");

/** A recorded value in words: a day for a time, 是/否, a vocabulary's label, a name for a code, a list joined. */
function valueOf(v: unknown, vocabulary?: Vocabulary | ((code: string) => Bilingual | undefined)): Bilingual {
  if (v === null || v === undefined || v === "") return NONE;
  if (typeof v === "boolean") return v ? both("是", "yes") : both("否", "no");
  if (Array.isArray(v)) {
    const parts = v.map((x) => valueOf(x, vocabulary));
    return both(parts.map((p) => p.zh).join("、"), parts.map((p) => p.en).join(", "));
  }
  const s = String(v);
  if (typeof vocabulary === "function") return vocabulary(s) ?? same(s);
  if (vocabulary?.[s]) return both(vocabulary[s][0], vocabulary[s][1]);
  // A time stored as ISO: the day in Asia/Shanghai, with the time of day when it has one.
  if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    const local = new Date(new Date(s).getTime() + 8 * 3600_000).toISOString();
    return same(local.slice(11, 16) === "00:00" ? local.slice(0, 10) : `${local.slice(0, 10)} ${local.slice(11, 16)}`);
  }
  return same(s);
}

/** A due date, with the date as entered when it fell on a non-working day and was moved (docs/decisions/019). */
function movedDue(changes: Record<string, unknown>): Bilingual {
  const due = valueOf(changes.dueDate);
  if (!changes.requestedDueDate) return due;
  const asked = valueOf(changes.requestedDueDate);
  return both(
    `${due.zh}（原定${asked.zh}，顺延至工作日）`,
    `${due.en} (entered as ${asked.en}, moved to a working day)`,
  );
}

/** The before and after of a change, however it was recorded; null for a plain value. */
function beforeAfter(v: unknown): [unknown, unknown] | null {
  if (Array.isArray(v) && v.length === 2) return [v[0], v[1]];
  if (v && typeof v === "object" && "from" in v && "to" in v) return [v.from, v.to];
  return null;
}

interface Field {
  label: Bilingual;
  vocabulary?: Vocabulary | ((code: string) => Bilingual | undefined);
}

/** "站点名称：A → B；监测方式：手工 → 自动" for the fields that have a label (others are not shown). */
function fieldChanges(changes: Record<string, unknown>, fields: Record<string, Field>): Bilingual {
  const parts = Object.entries(changes).flatMap(([key, v]) => {
    const f = fields[key];
    if (!f) return [];
    const pair = beforeAfter(v);
    if (!pair) {
      const now = valueOf(v, f.vocabulary);
      return [both(`${f.label.zh}：${now.zh}`, `${f.label.en}: ${now.en}`)];
    }
    const [a, b] = pair.map((x) => valueOf(x, f.vocabulary));
    return [both(`${f.label.zh}：${a.zh} → ${b.zh}`, `${f.label.en}: ${a.en} → ${b.en}`)];
  });
  return both(parts.map((p) => p.zh).join("；"), parts.map((p) => p.en).join("; "));
}

const withChanges = (lead: Bilingual, changes: Bilingual): Bilingual =>
  changes.zh ? both(`${lead.zh}：${changes.zh}`, `${lead.en}: ${changes.en}`) : lead;

const STATION_FIELDS = (names: Names): Record<string, Field> => ({
  name: { label: both("站点名称", "name") },
  element: { label: both("监测要素", "element"), vocabulary: ELEMENTS },
  areaCode: { label: both("县区", "area"), vocabulary: (c) => names.areas.get(c) },
  mode: { label: both("监测方式", "mode"), vocabulary: STATION_MODES },
  status: { label: both("状态", "status"), vocabulary: STATION_STATUSES },
  operatorDepartmentCode: { label: both("运营部门", "operator"), vocabulary: (c) => names.departments.get(c) },
  commissionedOn: { label: both("投运日期", "commissioned on") },
  latitude: { label: both("纬度", "latitude") },
  longitude: { label: both("经度", "longitude") },
  retiredOn: { label: both("撤销日期", "retired on") },
  reason: { label: both("原因", "reason") },
});

const USER_FIELDS = (names: Names): Record<string, Field> => ({
  role: { label: both("角色", "role"), vocabulary: ROLE_LABELS },
  department: { label: both("所属单位", "unit"), vocabulary: (c) => names.departments.get(c) },
  area: { label: both("所属县区", "area"), vocabulary: (c) => names.areas.get(c) },
});

type Describer = (e: AuditFacts, names: Names) => Bilingual | null;

const after = (v: unknown) => beforeAfter(v)?.[1] ?? v;
const before = (v: unknown) => beforeAfter(v)?.[0] ?? null;

const DESCRIBERS: Record<string, Describer> = {
  Task: ({ entityId: code, action, changes }) => {
    if (action === "OVERRIDE_STATUS") {
      const status = valueOf(after(changes.statusOverride), TASK_STATUSES);
      const reason = String(after(changes.statusOverrideReason) ?? "");
      return both(
        `将任务${code}的状态调整为${status.zh}${reason ? `：${reason}` : ""}`,
        `set the status of task ${code} to ${status.en}${reason ? `: ${reason}` : ""}`,
      );
    }
    if (action === "CLEAR_STATUS_OVERRIDE") {
      const status = valueOf(before(changes.statusOverride), TASK_STATUSES);
      return both(
        `撤销了对任务${code}状态的调整（${status.zh}），恢复按事实判定的状态`,
        `withdrew the override of task ${code}'s status (${status.en}); the status follows the facts again`,
      );
    }
    return null;
  },
  Station: ({ entityId: code, action, changes }, names) => {
    const fields = STATION_FIELDS(names);
    if (action === "ADD") {
      const name = String(changes.name ?? code);
      return withChanges(
        both(`新增了站点${name}（${code}）`, `added station ${name} (${code})`),
        fieldChanges(
          { element: changes.element, areaCode: changes.areaCode, mode: changes.mode, status: changes.status },
          fields,
        ),
      );
    }
    if (action === "UPDATE")
      return withChanges(both(`修改了站点${code}`, `changed station ${code}`), fieldChanges(changes, fields));
    if (action === "RETIRE")
      return withChanges(
        both(`撤销了站点${code}`, `retired station ${code}`),
        fieldChanges({ retiredOn: changes.retiredOn, reason: changes.reason }, fields),
      );
    return null;
  },
  Alert: ({ action, changes }) => {
    if (action !== "RECORD") return null;
    const kind = valueOf(changes.kind, ALERT_KINDS);
    const severity = valueOf(changes.severity, SEVERITIES);
    const at = valueOf(changes.occurredAt);
    return both(
      `记录了站点${String(changes.stationCode)}的${kind.zh}报警（${severity.zh}，${at.zh}）`,
      `recorded a ${kind.en} alert at station ${String(changes.stationCode)} (${severity.en}, ${at.en})`,
    );
  },
  Target: ({ entityId: code, action, changes }) => {
    if (action === "RECORD_DUTY") {
      const day = valueOf(changes.occurredOn);
      return both(
        `记录了目标${code}的履职（${day.zh}）：${String(changes.summary ?? "")}`,
        `recorded the duty of target ${code} as done (${day.en}): ${String(changes.summary ?? "")}`,
      );
    }
    if (action === "SET_ACHIEVED") {
      const day = after(changes.achievedOn);
      if (!day) return both(`撤回了目标${code}的达成日期`, `withdrew the day target ${code} was reached`);
      const d = valueOf(day);
      return both(`记录目标${code}已于${d.zh}达成`, `recorded target ${code} as reached on ${d.en}`);
    }
    return null;
  },
  Inspection: ({ action, changes }) => {
    if (action !== "SCHEDULE") return null;
    const date = valueOf(changes.date);
    return both(
      `安排了专项督导检查“${String(changes.title)}”（${date.zh}）`,
      `scheduled the supervisory inspection "${String(changes.title)}" (${date.en})`,
    );
  },
  AnnualWorkPlan: ({ action, changes }, names) => {
    if (action !== "OPEN") return null;
    const dept = names.departments.get(String(changes.departmentCode)) ?? same(String(changes.departmentCode));
    const due = movedDue(changes);
    return both(
      `要求${dept.zh}于${due.zh}前编制${String(changes.year)}年度工作计划`,
      `asked ${dept.en} for its ${String(changes.year)} annual work plan by ${due.en}`,
    );
  },
  ReportingCycle: ({ action, changes }) => {
    if (action !== "OPEN") return null;
    const period = periodLabel(String(changes.period));
    const due = movedDue(changes);
    return both(
      `开展了${period.zh}推进落实情况报送，截止${due.zh}`,
      `opened progress reporting for ${period.en}, due ${due.en}`,
    );
  },
  LinkageCase: ({ action }) =>
    action === "OPEN" ? both("由报警启动了测管联动案件", "opened a linkage case from an alert") : null,
  User: ({ entityId, action, changes }, names) => {
    const who = names.users.get(entityId) ?? "";
    if (action === "CHANGE_PASSWORD") return both("修改了自己的密码", "changed their own password");
    if (action === "CREATE")
      return withChanges(
        both(`新增了用户${who}`, `added the user ${who}`),
        fieldChanges({ role: changes.role, department: changes.department, area: changes.area }, USER_FIELDS(names)),
      );
    if (action === "UPDATE_ROLE")
      return withChanges(
        both(`修改了用户${who}的角色和所属单位`, `changed ${who}'s role and unit`),
        fieldChanges(changes, USER_FIELDS(names)),
      );
    if (action === "DEACTIVATE") return both(`停用了用户${who}的账号`, `deactivated ${who}'s account`);
    if (action === "REACTIVATE") return both(`恢复了用户${who}的账号`, `reactivated ${who}'s account`);
    return null;
  },
};

/** For an entity or action no describer knows: still a sentence, never a code. */
export const UNKNOWN_CHANGE: Bilingual = both("修改了此记录", "changed this record");

export function describeChange(e: AuditFacts, names: Names): Bilingual {
  return DESCRIBERS[e.entityType]?.(e, names) ?? UNKNOWN_CHANGE;
}
