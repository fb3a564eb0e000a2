// What the benchmark measures: a list of cases, each an operation done two ways on the same registry file — through
// the running product (HTTP) and by the least work that gives the same answer (the floor, usually raw SQL). To add
// rows, export a BenchCase[] from a module of your own (e.g. bench/workflows-fanout.ts, a dashboard page case using
// ctx.get) and spread it into benchCases below; `npm run bench -- --only <text>` runs just the matching cases.
import type Database from "better-sqlite3";
import type { TadaDocumentNode, VariablesArg } from "../app/utils/graphql";
import type pg from "pg";
import type { Scale, ScaleName } from "./scales";
import { registryCases } from "./registry";
import { dashboardCases } from "./dashboard";

/** The floor's own connection to the database the product serves: better-sqlite3 on the file, or one pg client. */
export type FloorSql = { dialect: "sqlite"; conn: Database.Database } | { dialect: "postgresql"; client: pg.Client };

export interface BenchContext {
  scale: Scale;
  /** The registry file the product is serving (on PostgreSQL: the file its rows were copied from). */
  file: string;
  /** The running product's origin, e.g. http://127.0.0.1:41234. */
  baseUrl: string;
  /** A read-only connection to the same database, for the floor. */
  sql: FloorSql;
  /** POST a GraphQL operation to the product's /graphql; throws on HTTP or GraphQL errors. */
  graphql<T, V>(document: TadaDocumentNode<T, V>, ...variables: VariablesArg<V>): Promise<T>;
  /** GET a path of the product and read the whole body (for pages). */
  get(path: string): Promise<string>;
}

export interface BenchCase {
  /** Which part of the product owns the row, e.g. "registry", "workflows". */
  module: string;
  operation: string;
  /** Default: every scale. */
  scales?: ScaleName[];
  /** Override the run's iteration count for slow cases. */
  iterations?: number;
  /** Through the product; the value returned is handed to `check`. */
  product(ctx: BenchContext): Promise<unknown>;
  /** The same result by the least work possible: raw SQL on the same database. */
  floor(ctx: BenchContext): unknown;
  /** Optional: run once per scale before timing (seed rows, start a worker); `after` undoes it, even on failure. */
  before?(ctx: BenchContext): Promise<void>;
  after?(ctx: BenchContext): Promise<void>;
  /** Optional: throw when product and floor disagree, so a fast wrong answer cannot pass. */
  check?(product: unknown, floor: unknown): void;
  /** The floor also runs on the product's server (e.g. GraphQL over HTTP): its CPU includes the server's. */
  floorOnServer?: boolean;
  /** One line printed under the table: what exactly each side does. */
  note?: string;
}

export const benchCases: BenchCase[] = [...registryCases, ...dashboardCases];
