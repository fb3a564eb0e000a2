// Assembles the schema: each file registers its own types, queries and mutations on the builder.
import { builder } from "../builder";
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
import "./work-plan";
import "./reporting";
import "./inspection";
import "./linkage";

export const schema = builder.toSchema({ sortSchema: true });
