// Remix v2 with the classic esbuild compiler (docs/decisions/002-remix-classic-compiler.md).
/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // graphql/ and seed/ live beside app/; esbuild bundles them into the server build. Packages stay external.
  watchPaths: ["graphql/**/*", "prisma/generated/**/*"],
};
