import { Kind } from "graphql";
import { builder } from "../builder";
import { AppError } from "../../app/utils/errors";
import { isoDate, label, parseInput } from "../../app/utils/validation";
import { shanghaiDay } from "../../app/utils/time";

builder.scalarType("DateTime", {
  description: "ISO 8601 instant, e.g. 2019-06-30T00:00:00.000Z",
  serialize: (d) => (d instanceof Date ? d.toISOString() : new Date(d as string).toISOString()),
  parseValue: (v) => {
    const d = typeof v === "string" ? new Date(v) : null;
    if (!d || Number.isNaN(d.getTime()))
      throw new AppError("BAD_INPUT", `时间格式无效：${String(v)}`, `Invalid date-time: ${String(v)}`);
    return d;
  },
  // One parameter: literals carry no variables (graphql-jit warns about graphql-js's two-parameter default).
  parseLiteral: (ast) => {
    const d = ast.kind === Kind.STRING ? new Date(ast.value) : null;
    if (!d || Number.isNaN(d.getTime()))
      throw new AppError("BAD_INPUT", "时间必须写成 ISO 8601 字符串", "A date-time must be an ISO 8601 string");
    return d;
  },
});

builder.scalarType("Date", {
  description: "Calendar date YYYY-MM-DD in Asia/Shanghai; returned as that date's midnight in Asia/Shanghai",
  serialize: (d) => shanghaiDay(d instanceof Date ? d : new Date(d as string)),
  parseValue: (v) => {
    parseInput(isoDate, v, label("日期", "date"));
    return v as string;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING)
      throw new AppError("BAD_INPUT", "日期必须写成字符串 YYYY-MM-DD", "A date must be a string YYYY-MM-DD");
    parseInput(isoDate, ast.value, label("日期", "date"));
    return ast.value;
  },
});
