// Assembles the schema: each file registers its own types, queries and mutations on the builder.
import { builder } from "../builder";
import { withTimeBudget } from "../time-budget.server";
import "./scalars";
import "./enums";
import "./plan";
import "./department";
import "./area";
import "./task";
import "./target";
import "./station";
import "./alert";
import "./alert-trend";
import "./linkage-summary";
import "./coverage";
import "./user";
// Workflows (issue 3): work plans, reporting cycles, inspections, linkage cases, and what they share.
import "./workflow";
import "./outbox";
import "./work-plan";
import "./reporting";
import "./inspection";
import "./linkage";
import "./waiting";
import "./search";
import "./lists";
// The office's daily work (issue 11): chase boards, 催报, 签收, scorecard.
import "./office";
import "./attachment";
import "./calendar";
import "./document-register";

export const schema = withTimeBudget(builder.toSchema({ sortSchema: true }));
