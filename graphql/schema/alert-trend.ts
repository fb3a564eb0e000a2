// Month-by-month alert trend (public), for the dashboard's monitoring–enforcement linkage panel.
import { builder } from "../builder";
import { alertTrend } from "../../app/models/alert-trend.server";
import { AppError } from "../../app/utils/errors";

const AlertMonth = builder.objectRef<{ month: string; raised: number; closed: number }>("AlertMonth").implement({
  description: "Alerts raised in one month (Asia/Shanghai), and how many of them are closed",
  fields: (t) => ({
    month: t.exposeString("month", { description: "YYYY-MM" }),
    raised: t.exposeInt("raised"),
    closed: t.exposeInt("closed"),
  }),
});

builder.queryField("alertTrend", (t) =>
  t.field({
    type: [AlertMonth],
    description: "Alerts per month in [from, to), optionally for one area (public)",
    args: {
      from: t.arg({ type: "DateTime", required: true }),
      to: t.arg({ type: "DateTime", required: true }),
      areaCode: t.arg.string(),
    },
    resolve: (_root, { from, to, areaCode }, ctx) => {
      if (from >= to) throw new AppError("BAD_INPUT", "起始时间须早于结束时间", "`from` must be before `to`");
      return alertTrend(ctx.db, from, to, areaCode);
    },
  }),
);
