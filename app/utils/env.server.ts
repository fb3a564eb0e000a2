// The one place that reads process.env. Validated at start-up; a bad value stops the process with a clear message.
import path from "node:path";
import { z } from "zod";

// Every entry point (npm scripts, the server, the worker, tests) runs from the project root.
const projectRoot = process.cwd();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** file:… → SQLite (the default), postgresql://… → PostgreSQL (docs/decisions/017-two-databases.md). */
  DATABASE_URL: z
    .string()
    .regex(
      /^(file:|postgres(ql)?:\/\/)/,
      "DATABASE_URL must be a SQLite URL such as file:./data/dev.db or a PostgreSQL URL such as postgresql://user:password@host:5432/db",
    )
    .default("file:./data/dev.db"),
  SESSION_SECRET: z
    .string()
    .min(16, "SESSION_SECRET must be at least 16 characters")
    .default("dev-only-session-secret-change-me"),
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
  /** How often the worker sends what the outbox holds unsent (a 催报 whose web process died, mail while SMTP was down). */
  OUTBOX_SWEEP_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  MAIL_FROM: z.string().default("生态环境监测网络建设 <noreply@eco-monitoring.daqing.local>"),
  /** Public base URL used in e-mail links; an https URL makes session cookies Secure (docs/decisions/010). */
  APP_URL: z.string().url().default("http://localhost:3000"),
  /** Other origins allowed to call the app from a browser with credentials (CORS), comma-separated; none by default. */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((list, ctx) => {
      const origins: string[] = [];
      for (const item of list
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)) {
        const origin = URL.canParse(item) ? new URL(item).origin : "null";
        if (origin === "null")
          ctx.addIssue({ code: "custom", message: `not an origin such as https://host:port: ${item}` });
        else origins.push(origin);
      }
      return origins;
    }),
  /** Express's "trust proxy": false (default), true, a hop count, or addresses/subnets. Only then are
   *  X-Forwarded-For/-Proto/-Host believed (client address for sign-in throttling, https for Secure cookies). */
  TRUST_PROXY: z
    .string()
    .default("false")
    .transform((v): boolean | number | string =>
      v === "true" ? true : v === "false" || v === "" ? false : /^\d+$/.test(v) ? Number(v) : v,
    ),
  /** A session ends after this many minutes without a request, and this many hours after sign-in at the latest. */
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** Largest request body the web server accepts (bytes); larger ones are answered 413. */
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_000_000),
  /** Where attached files are kept (docs/decisions/021-attachment-store.md): "local" (a directory) or
   *  s3://bucket/prefix (an S3-compatible service: S3_ENDPOINT, AWS_REGION and the AWS credential variables). */
  ATTACHMENT_STORE: z
    .string()
    .default("local")
    .refine((v) => v === "local" || /^s3:\/\/[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](\/[^\s]*)?$/.test(v), {
      message: "ATTACHMENT_STORE must be local or s3://bucket/prefix (a bucket name in lower case, an optional prefix)",
    }),
  /** The local store's directory; default: attachments/ beside the SQLite file (data/attachments for PostgreSQL).
   *  With an S3 store, where uploads in progress are kept (default: the system's temporary directory). */
  ATTACHMENT_DIR: z.string().optional(),
  /** An S3-compatible service's URL (MinIO, Ceph, a cloud's S3 API); unset: AWS S3. Path-style addressing when set. */
  S3_ENDPOINT: z
    .string()
    .url()
    .optional()
    // Compose passes an unset variable as "".
    .or(z.literal("").transform(() => undefined)),
  /** The S3 store's region and credentials, under AWS's usual names; without keys the SDK's default chain applies. */
  AWS_REGION: z.string().default("us-east-1"),
  AWS_ACCESS_KEY_ID: z.string().optional(),
  AWS_SECRET_ACCESS_KEY: z.string().optional(),
  AWS_SESSION_TOKEN: z.string().optional(),
  /** Hours an unreferenced stored file is kept before the orphan sweep removes it (an upload still writing its row). */
  ATTACHMENT_SWEEP_GRACE_HOURS: z.coerce.number().min(0).default(24),
  /** The largest attachment accepted (bytes), counted while it streams in. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024),
  /** Days: reminder lead time before a deadline, and the monitoring–enforcement response deadline. */
  REMINDER_LEAD_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  LINKAGE_RESPONSE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(48),
  /** What one GraphQL request may ask for, counted before it runs, and how long a query may run (ADR 011). */
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(3).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).default(120_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(0).default(15),
  GRAPHQL_MAX_TOKENS: z.coerce.number().int().min(100).default(1000),
  GRAPHQL_TIME_BUDGET_MS: z.coerce.number().int().min(1).default(10_000),
  /** Official documents (app/documents): who issues them and the 发文字号's prefix (庆生态改〔2026〕4号). */
  DOCUMENT_ISSUER: z.string().min(1).default("大庆市生态文明体制改革专项小组"),
  DOCUMENT_NUMBER_PREFIX: z.string().min(1).default("庆生态改"),
  DOCUMENT_NOTICE_NUMBER_PREFIX: z.string().min(1).default("庆生态改督"),
  /** The CJK fonts the PDFs embed: a file, and for a collection (.ttc) "#" and the face's PostScript name.
   *  Debian/Ubuntu: apt-get install fonts-noto-cjk. */
  DOCUMENT_FONT_SERIF: z
    .string()
    .default("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#NotoSerifCJKsc-Regular"),
  DOCUMENT_FONT_SERIF_BOLD: z
    .string()
    .default("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc#NotoSerifCJKsc-Bold"),
  DOCUMENT_FONT_SANS: z
    .string()
    .default("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc#NotoSansCJKsc-Regular"),
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

export type DatabaseProvider = "sqlite" | "postgresql";

/** Which database a URL names: postgresql:// (or postgres://) is PostgreSQL, anything else (file:) SQLite. */
export function databaseProvider(url = env.DATABASE_URL): DatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}

/** Absolute path of the SQLite file named by DATABASE_URL (relative paths are relative to the project root). */
export function databaseFile(url = env.DATABASE_URL): string {
  const p = url.replace(/^file:/, "");
  return path.isAbsolute(p) ? p : path.resolve(projectRoot, p);
}

/** The local attachment store's directory: ATTACHMENT_DIR, else attachments/ in the data directory. */
export function attachmentDir(e: Pick<Env, "ATTACHMENT_DIR" | "DATABASE_URL"> = env): string {
  if (e.ATTACHMENT_DIR) return path.resolve(projectRoot, e.ATTACHMENT_DIR);
  const dataDir =
    databaseProvider(e.DATABASE_URL) === "sqlite"
      ? path.dirname(databaseFile(e.DATABASE_URL))
      : path.resolve(projectRoot, "data");
  return path.join(dataDir, "attachments");
}

export { projectRoot };
