// The one place that reads process.env. Validated at start-up; a bad value stops the process with a clear message.
import path from "node:path";
import { z } from "zod";

// Every entry point (npm scripts, the server, the worker, tests) runs from the project root.
const projectRoot = process.cwd();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "DATABASE_URL must be a SQLite URL such as file:./data/dev.db")
    .default("file:./data/dev.db"),
  SESSION_SECRET: z.string().min(16, "SESSION_SECRET must be at least 16 characters").default("dev-only-session-secret-change-me"),
  PORT: z.coerce.number().int().positive().default(3000),
  /** host:port of a Temporal cluster; when unset, `npm start` runs a local dev server. */
  TEMPORAL_ADDRESS: z.string().default("127.0.0.1:7233"),
  TEMPORAL_NAMESPACE: z.string().default("default"),
  TEMPORAL_TASK_QUEUE: z.string().default("eco-monitoring"),
  /** Paths of the Temporal CLI and the time-skipping test server; default: what scripts/install-temporal.sh installs. */
  TEMPORAL_CLI: z.string().default(".tools/python/bin/temporal"),
  TEMPORAL_TEST_SERVER: z.string().default(".tools/python/bin/temporal-test-server"),
  /** smtp://host:port for real mail; unset keeps every message in the local outbox only. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default("生态环境监测网络建设 <noreply@eco-monitoring.daqing.local>"),
  /** Public base URL used in e-mail links. */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Days: reminder lead time before a deadline, and the monitoring–enforcement response deadline. */
  REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  LINKAGE_RESPONSE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(48),
  /** Maximum GraphQL query depth and cost. */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(50000),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    console.error(`环境变量配置无效 / Invalid environment configuration:\n${lines.join("\n")}`);
    process.exit(1);
  }
  const env = parsed.data;
  if (env.NODE_ENV === "production" && env.SESSION_SECRET.startsWith("dev-only")) {
    console.error("生产环境必须设置 SESSION_SECRET / SESSION_SECRET must be set in production");
    process.exit(1);
  }
  return env;
}

export const env = load();

/** Absolute path of the SQLite file named by DATABASE_URL (relative paths are relative to the project root). */
export function databaseFile(url = env.DATABASE_URL): string {
  const p = url.replace(/^file:/, "");
  return path.isAbsolute(p) ? p : path.resolve(projectRoot, p);
}

export { projectRoot };
