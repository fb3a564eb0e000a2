// The monitoring–enforcement loop's public figures (aggregates only), for the dashboard 信息统一发布.
import { builder } from "../builder";
import { linkageSummary } from "../../app/models/linkage-summary.server";
import { AppError } from "../../app/utils/errors";

type Summary = Awaited<ReturnType<typeof linkageSummary>>;

const Bucket = builder.objectRef<Summary["responseTimes"][number]>("LinkageResponseBucket").implement({
  fields: (t) => ({
    bucket: t.exposeString("bucket", { description: "H2 (≤2 h) | H12 | H24 | H48 | OVER48 | NONE (not yet answered)" }),
    count: t.exposeInt("count"),
  }),
});

const Month = builder.objectRef<Summary["months"][number]>("LinkageMonth").implement({
  fields: (t) => ({
    month: t.exposeString("month", { description: "YYYY-MM (Asia/Shanghai)" }),
    opened: t.exposeInt("opened"),
    closed: t.exposeInt("closed"),
  }),
});

const SummaryRef = builder.objectRef<Summary>("LinkageSummary").implement({
  description: "Linkage cases opened in a period: response within the deadline, response times, outcomes",
  fields: (t) => ({
    opened: t.exposeInt("opened"),
    open: t.exposeInt("open", { description: "Not yet closed" }),
    closed: t.exposeInt("closed"),
    answeredInTime: t.exposeInt("answeredInTime"),
    answeredLate: t.exposeInt("answeredLate"),
    unansweredPastDeadline: t.exposeInt("unansweredPastDeadline"),
    awaiting: t.exposeInt("awaiting", { description: "Not answered, deadline not yet reached" }),
    onTimeShare: t.exposeFloat("onTimeShare", {
      nullable: true,
      description: "Percent answered within the deadline, of the cases whose deadline has passed or that were answered",
    }),
    violations: t.exposeInt("violations"),
    noViolation: t.exposeInt("noViolation"),
    joint: t.exposeInt("joint", { description: "Joint on-site monitoring and enforcement" }),
    responseTimes: t.field({ type: [Bucket], resolve: (s) => s.responseTimes }),
    months: t.field({ type: [Month], resolve: (s) => s.months }),
  }),
});

builder.queryField("linkageSummary", (t) =>
  t.field({
    type: SummaryRef,
    description: "测管联动 figures for cases opened in [from, to), optionally for one area (public)",
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
      areaCode: t.arg.string(),
    },
    resolve: (_root, { from, to, areaCode }, ctx) => {
      if (from >= to) throw new AppError("BAD_INPUT", "起始时间须早于结束时间", "`from` must be before `to`");
      return linkageSummary(ctx.db, from, to, areaCode);
    },
  }),
);
