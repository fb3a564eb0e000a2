// What every paged list shares: the count of its rows under its filters, where the page starts in that count (for
// "第21–40条，共53条"), and the deadline-range and overdue filters. A list's cursor is its row's id; its order ends with
// id so the order is total and a cursor names one place in it, whatever is inserted before it later.
import { parsePrismaCursor } from "@pothos/plugin-prisma";
import type { GraphQLContext } from "../context";
import { AppError } from "../../app/utils/errors";
import { addDays, startOfShanghaiDay } from "../../app/utils/time";

export const START_INDEX =
  "The 1-based position of the page's first row in the whole filtered list (0 for an empty page)";

interface Countable {
  count(args: { where?: object; orderBy?: object; cursor?: { id: number } }): Promise<number>;
  findMany(args: {
    where?: object;
    orderBy?: object;
    cursor?: { id: number };
    select: { id: true };
  }): Promise<unknown[]>;
}

/** Whether an order places nulls explicitly, which Prisma's count refuses together with a cursor. */
const placesNulls = (orderBy: object[]) => JSON.stringify(orderBy).includes('"nulls"');

/** The shape Pothos hands a connection's own fields: the field's arguments and the page's edges. */
interface ConnectionLike {
  args: Record<string, unknown>;
  edges: ({ node: { id: number } } | null)[];
}

export interface Listing<A> {
  where: (args: A, ctx: GraphQLContext) => Promise<object> | object;
  orderBy: object[];
  totalCount: (parent: unknown, args: A, ctx: GraphQLContext) => Promise<number>;
  startIndex: (connection: unknown, ctx: GraphQLContext) => Promise<number>;
  /** The filter for a page: the list's where, after checking that its cursor (`after` or `before`) names a row of it. */
  pageWhere: (args: A & PageArgs, ctx: GraphQLContext) => Promise<object>;
}

interface PageArgs {
  after?: string | null;
  before?: string | null;
}

/** A cursor that names no row of the list (deleted, or not in it under these filters and the viewer's rules). */
export const staleCursor = () =>
  new AppError(
    "BAD_INPUT",
    "分页位置已失效：游标所指的记录已不在此列表中（已删除或不符合当前筛选条件），请从第一页重新开始",
    "The page position is stale: the cursor's row is no longer in this list (deleted, or outside these filters); start again from the first page",
  );

/**
 * A list's filters and order, with its total and the 1-based position of a page's first row (0 for an empty page):
 * the rows before it are the total less the rows from it onwards in the same order (Prisma counts from a cursor).
 */
export function listing<A>(
  model: (ctx: GraphQLContext) => unknown,
  where: Listing<A>["where"],
  orderBy: object[],
): Listing<A> {
  const rows = (ctx: GraphQLContext) => model(ctx) as Countable;
  // Prisma counts from a cursor only under orders without an explicit nulls placement ("Unable to process
  // combination"); such lists (what waits for whom, by a deadline that may be none) are short, so their ids are read.
  const fromCursor = placesNulls(orderBy)
    ? async (ctx: GraphQLContext, where: object, id: number) =>
        (await rows(ctx).findMany({ where, orderBy, cursor: { id }, select: { id: true } })).length
    : (ctx: GraphQLContext, where: object, id: number) => rows(ctx).count({ where, orderBy, cursor: { id } });
  return {
    where,
    orderBy,
    pageWhere: async (args, ctx) => {
      const filter = await where(args, ctx);
      const cursor = args.after ?? args.before;
      if (cursor === undefined || cursor === null) return filter;
      // A malformed cursor throws Pothos's "Invalid cursor", answered in both languages (graphql/errors.server.ts).
      const id = parsePrismaCursor(cursor);
      if (typeof id !== "number" || !Number.isSafeInteger(id)) throw staleCursor();
      if ((await rows(ctx).count({ where: { AND: [filter, { id }] } })) === 0) throw staleCursor();
      return filter;
    },
    totalCount: async (_parent, args, ctx) => rows(ctx).count({ where: await where(args, ctx) }),
    startIndex: async (connection, ctx) => {
      const { args, edges } = connection as ConnectionLike;
      const first = edges[0]?.node.id;
      if (first === undefined) return 0;
      const filter = await where(args as A, ctx);
      const [total, fromFirst] = await Promise.all([
        rows(ctx).count({ where: filter }),
        fromCursor(ctx, filter, first),
      ]);
      return total - fromFirst + 1;
    },
  };
}

/** A deadline range [from, to] of Shanghai days as a Prisma filter, refused when it ends before it starts. */
export function deadlineRange(from?: string | null, to?: string | null): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  if (from && to && from > to)
    throw new AppError(
      "BAD_INPUT",
      `截止日期范围无效：起始日期 ${from} 晚于结束日期 ${to}`,
      `Invalid deadline range: ${from} is after ${to}`,
    );
  return {
    ...(from ? { gte: startOfShanghaiDay(from) } : {}),
    ...(to ? { lt: startOfShanghaiDay(addDays(to, 1)) } : {}),
  };
}
