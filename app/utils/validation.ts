// Input validation shared by GraphQL mutations, Remix actions and workflow activities.
// zod describes the shape; failures become one AppError that lists every problem in both languages.
import { z } from "zod";
import { AppError } from "./errors";
import { startOfShanghaiDay } from "./time";

export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const field = issue.path.join(".") || "input";
    const [zh, en] = splitMessage(issue.message);
    return { field, zh, en };
  });
  throw new AppError(
    "BAD_INPUT",
    `输入有误：${problems.map((p) => `${p.field} ${p.zh}`).join("；")}`,
    `Invalid input: ${problems.map((p) => `${p.field} ${p.en}`).join("; ")}`,
    { problems },
  );
}

/** Messages are written "中文 / English"; zod's own messages (English only) are used for both. */
function splitMessage(message: string): [string, string] {
  const i = message.indexOf(" / ");
  return i === -1 ? [message, message] : [message.slice(0, i), message.slice(i + 3)];
}

const msg = (zh: string, en: string) => ({ message: `${zh} / ${en}` });

export const text = (max: number) =>
  z
    .string(msg("必须是文字", "must be text"))
    .trim()
    .min(1, msg("不能为空", "must not be empty"))
    .max(max, msg(`不能超过${max}个字符`, `must be at most ${max} characters`));

export const optionalText = (max: number) =>
  z
    .string(msg("必须是文字", "must be text"))
    .trim()
    .max(max, msg(`不能超过${max}个字符`, `must be at most ${max} characters`))
    .transform((s) => (s === "" ? null : s))
    .nullish();

/** A calendar date written YYYY-MM-DD, read as midnight in Asia/Shanghai. */
export const isoDate = z
  .string(msg("必须是日期", "must be a date"))
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg("日期格式应为 YYYY-MM-DD", "date must be written YYYY-MM-DD"))
  .refine((s) => isRealDate(s), msg("不是有效日期", "is not a real date"))
  .transform((s) => startOfShanghaiDay(s));

export const dateTime = z
  .string(msg("必须是时间", "must be a date-time"))
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)), msg("时间格式应为 ISO 8601，如 2019-06-30T08:00:00+08:00", "must be an ISO 8601 date-time such as 2019-06-30T08:00:00+08:00"))
  .transform((s) => new Date(s));


function isRealDate(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export { msg, z };
