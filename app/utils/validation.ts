// Input validation shared by GraphQL mutations, Remix actions and workflow activities.
// zod describes the shape; failures become one AppError that lists every problem in both languages.
import { z } from "zod";
import { AppError } from "./errors";
import { startOfShanghaiDay } from "./time";

/** A field's name as the form shows it, in both languages ("截止日期" / "due date"). */
export interface Label {
  zh: string;
  en: string;
}
export const label = (zh: string, en: string): Label => ({ zh, en });

/** One thing wrong with the input: the field (its code, for programs) named by its label (for people). */
export interface Problem {
  field: string;
  label: Label;
  zh: string;
  en: string;
}

/** The labels of an input's fields, nested objects and array items included, keyed by the field's name. */
type FieldNames<I> = I extends readonly (infer E)[]
  ? FieldNames<E>
  : I extends Date
    ? never
    : I extends object
      ? { [K in keyof I & string]-?: K | FieldNames<NonNullable<I[K]>> }[keyof I & string]
      : never;
/** A label per field (the type lists every field the schema reads, so none is missed); one label for a lone value. */
export type Labels<I> = [FieldNames<NonNullable<I>>] extends [never]
  ? Label
  : Record<FieldNames<NonNullable<I>>, Label> & { ""?: Label };

/** Names a field by its labels: `milestones.2.dueDate` reads 里程碑3的截止日期 / milestone 3 due date. */
function labelOf(path: PropertyKey[], labels: Label | Record<string, Label>): Label {
  if (isLabel(labels)) return labels;
  const parts: Label[] = [];
  for (const key of path) {
    if (typeof key === "number") {
      const last = parts.pop() ?? labels[""];
      parts.push(
        last ? label(`${last.zh}${key + 1}`, `${last.en} ${key + 1}`) : label(`第${key + 1}项`, `item ${key + 1}`),
      );
    } else parts.push(labels[String(key)] ?? label("输入", "input"));
  }
  if (!parts.length) return labels[""] ?? label("输入", "input");
  return label(parts.map((p) => p.zh).join("的"), parts.map((p) => p.en).join(" "));
}
const isLabel = (l: Label | Record<string, Label>): l is Label => typeof l.zh === "string";

/** Parses or throws one BAD_INPUT naming each field by its label (never by its code), in both languages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown, labels: Labels<z.input<T>>): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badInput(
    result.error.issues.map((issue) => {
      const [zh, en] = issue.message.includes(" / ") ? splitMessage(issue.message) : ownWords(issue);
      return {
        field: issue.path.join(".") || "input",
        label: labelOf(issue.path, labels as Label | Record<string, Label>),
        zh,
        en,
      };
    }),
  );
}

/** One BAD_INPUT listing every problem in both languages. */
export function badInput(problems: Problem[]): AppError {
  return new AppError(
    "BAD_INPUT",
    `输入有误：${problems.map((p) => `${p.label.zh}${p.zh}`).join("；")}`,
    `Invalid input: ${problems.map((p) => `${p.label.en} ${p.en}`).join("; ")}`,
    { problems },
  );
}

/** Refuses what cannot be true: throws one BAD_INPUT for every failed check (each says what is allowed). */
export function requirePlausible(checks: (Problem | null | false | undefined)[]): void {
  const problems = checks.filter((c): c is Problem => !!c);
  if (problems.length) throw badInput(problems);
}

/** Messages are written "中文 / English". */
function splitMessage(message: string): [string, string] {
  const i = message.indexOf(" / ");
  return [message.slice(0, i), message.slice(i + 3)];
}

/**
 * zod's own messages are English only and quote the allowed codes ("expected one of \"OPEN\"|…"): a check without a
 * message of ours is worded here instead, in both languages, from what the issue says went wrong.
 */
function ownWords(issue: z.core.$ZodIssue): [string, string] {
  const kind = "origin" in issue ? issue.origin : undefined;
  switch (issue.code) {
    case "too_big": {
      const max = String(issue.maximum);
      if (kind === "string") return [`不能超过${max}个字符`, `must be at most ${max} characters`];
      if (kind === "array") return [`最多${max}项`, `must have at most ${max} items`];
      return [`不能大于${max}`, `must be at most ${max}`];
    }
    case "too_small": {
      const min = String(issue.minimum);
      if (kind === "string")
        return min === "1"
          ? ["不能为空", "must not be empty"]
          : [`至少${min}个字符`, `must be at least ${min} characters`];
      if (kind === "array") return [`至少${min}项`, `must have at least ${min} items`];
      return [`不能小于${min}`, `must be at least ${min}`];
    }
    case "invalid_type":
      if (issue.message.endsWith("received undefined")) return ["必须填写", "is required"];
      if (issue.expected === "string") return ["必须是文字", "must be text"];
      if (issue.expected === "number" || issue.expected === "int") return ["必须是整数或数字", "must be a number"];
      if (issue.expected === "boolean") return ["必须是“是”或“否”", "must be yes or no"];
      return ["类型不对", "is of the wrong type"];
    case "invalid_value":
      return ["不是可选的值", "is not one of the choices"];
    case "invalid_format":
      return ["格式不对", "is not in the expected format"];
    default:
      return ["无效", "is not valid"];
  }
}

const msg = (zh: string, en: string) => ({ message: `${zh} / ${en}` });

/**
 * C0 and C1 control characters, and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) that make text read differently from what it stores; multi-line text keeps tab and line feed.
 */
function hasControl(s: string, multiline: boolean): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (multiline && (c === 0x09 || c === 0x0a)) continue;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
      return true;
  }
  return false;
}

const controlMsg = (multiline: boolean) =>
  multiline
    ? msg(
        "只能是可打印文字（可含换行和制表符），不能含其他控制字符或文字方向控制符（U+202A–U+202E、U+2066–U+2069）",
        "must be printable text (line breaks and tabs allowed), without other control characters or bidirectional controls (U+202A–U+202E, U+2066–U+2069)",
      )
    : msg(
        "只能是一行可打印文字，不能含换行、制表符、控制字符或文字方向控制符（U+202A–U+202E、U+2066–U+2069）",
        "must be one line of printable text, without line breaks, tabs, control characters or bidirectional controls (U+202A–U+202E, U+2066–U+2069)",
      );

/** Text as people type it: one line (names, titles) unless `multiline` (notes, reports); CR LF from forms becomes LF. */
const plainText = (max: number, multiline: boolean) =>
  z
    .string(msg("必须是文字", "must be text"))
    .overwrite((s) => (multiline ? s.replace(/\r\n?/g, "\n") : s))
    .trim()
    .max(max, msg(`不能超过${max}个字符`, `must be at most ${max} characters`))
    .refine((s) => !hasControl(s, multiline), controlMsg(multiline));

export const text = (max: number, { multiline = false } = {}) =>
  plainText(max, multiline).refine((s) => s.length > 0, msg("不能为空", "must not be empty"));

export const optionalText = (max: number, { multiline = false } = {}) =>
  plainText(max, multiline)
    .transform((s) => (s === "" ? null : s))
    .nullish();

/** An identifier the client chooses (idempotency keys): any printable characters, nothing that hides. */
export const token = (min: number, max: number) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !hasControl(s, false), controlMsg(false));

/** A calendar date written YYYY-MM-DD, read as midnight in Asia/Shanghai. */
export const isoDate = z
  .string(msg("必须是日期", "must be a date"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("日期格式应为 YYYY-MM-DD", "date must be written YYYY-MM-DD"))
  .refine((s) => isRealDate(s), msg("不是有效日期", "is not a real date"))
  .transform((s) => startOfShanghaiDay(s));

export const dateTime = z
  .string(msg("必须是时间", "must be a date-time"))
  .refine(
    (s) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)),
    msg(
      "时间格式应为 ISO 8601，如 2019-06-30T08:00:00+08:00",
      "must be an ISO 8601 date-time such as 2019-06-30T08:00:00+08:00",
    ),
  )
  .transform((s) => new Date(s));

function isRealDate(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

/** The plan (庆政办规〔2018〕1号) was issued in 2018: nothing it tracks happened before. */
export const PLAN_FIRST_YEAR = 2018;
export const PLAN_FIRST_DAY = "2018-01-01";
/** How far ahead anything may be planned or scheduled, in years (the plan itself looked three years ahead, to 2020). */
export const YEARS_AHEAD = 3;

/** A day (YYYY-MM-DD) outside [min, max] is a problem that names the allowed range; no day is no problem. */
export function dayWithin(
  field: string,
  day: string | null | undefined,
  min: string,
  max: string,
  [zh, en]: [string, string],
): Problem | null {
  if (!day || (day >= min && day <= max)) return null;
  return { field, label: label(zh, en), zh: `应在${min}至${max}之间`, en: `must be between ${min} and ${max}` };
}

/** An update whose values are the current ones writes nothing and leaves no change-history entry: it says so. */
export const unchanged = (zh: string, en: string) =>
  new AppError(
    "UNCHANGED",
    `没有修改：提交的${zh}与当前记录相同，未保存`,
    `Nothing changed: what was submitted for the ${en} is what is already recorded; nothing was saved`,
  );

export { msg, z };
