// Type-aware lint: the rules that catch real bugs here (floating promises above all), not style; and the local rule
// that keeps server-only values out of the browser bundle (docs/decisions/013-client-server-boundary.md).
import tseslint from "typescript-eslint";
import noServerValueInClient from "./eslint-rules/no-server-value-in-client.js";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "prisma/generated/**",
      "graphql/graphql-env.d.ts",
      "node_modules/**",
      ".cache/**",
      "data/**",
      "test-results/**",
      ".tools/**",
      "**/*.js",
      "scripts/_*.ts",
    ],
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.base],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { local: { rules: { "no-server-value-in-client": noServerValueInClient } } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      "local/no-server-value-in-client": "error",
    },
  },
);
