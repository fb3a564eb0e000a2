// Pothos configuration only: plugins, scalars, auth scopes. Types live in graphql/schema/, one file each.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import type PrismaTypes from "../prisma/generated/pothos-types";
import { getDatamodel } from "../prisma/generated/pothos-types";
import { forbidden, unauthenticated } from "../app/utils/errors";
import type { GraphQLContext } from "./context";
import { env } from "../app/utils/env.server";

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  PrismaTypes: PrismaTypes;
  AuthScopes: {
    signedIn: boolean;
    steeringGroup: boolean;
    departmentMember: boolean;
    inspector: boolean;
    areaImplementer: boolean;
  };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    Date: { Input: string; Output: Date };
  };
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
}>({
  plugins: [ScopeAuthPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    authScopes: (ctx) => ({
      signedIn: !!ctx.viewer,
      steeringGroup: ctx.viewer?.role === "STEERING_GROUP",
      departmentMember: ctx.viewer?.role === "DEPARTMENT_MEMBER",
      inspector: ctx.viewer?.role === "INSPECTOR",
      areaImplementer: ctx.viewer?.role === "AREA_IMPLEMENTER",
    }),
    // A refused field reads as our bilingual error, not Pothos's English default.
    unauthorizedError: (_parent, ctx) => (ctx.viewer ? forbidden() : unauthenticated()),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: env.NODE_ENV === "development" ? "warn" : null,
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
});

builder.queryType({});
builder.mutationType({});
