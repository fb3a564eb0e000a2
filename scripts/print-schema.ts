// Writes the printed schema to graphql/schema.graphql (committed), and from it graphql/graphql-env.d.ts, the schema
// the pages' typed documents are checked against (docs/decisions/015-typed-graphql-documents.md). `--check` fails
// when either file has drifted.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "../graphql/schema";

const file = "graphql/schema.graphql";
const typesFile = "graphql/graphql-env.d.ts";
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;

/** gql.tada's output for the schema file as it is on disk. */
function generatedTypes(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "graphql-env-"));
  try {
    const out = path.join(dir, "graphql-env.d.ts");
    execFileSync("node_modules/.bin/gql-tada", ["generate", "output", "--output", out], { stdio: "pipe" });
    return readFileSync(out, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes("--check")) {
  const current = readFileSync(file, "utf8");
  if (current !== printed) {
    console.error(`${file} is out of date: run npm run schema:print and commit it`);
    process.exit(1);
  }
  if (readFileSync(typesFile, "utf8") !== generatedTypes()) {
    console.error(`${typesFile} is out of date: run npm run schema:print and commit it`);
    process.exit(1);
  }
  console.log(`${file} and ${typesFile} are up to date`);
} else {
  writeFileSync(file, printed);
  writeFileSync(typesFile, generatedTypes());
  console.log(`wrote ${file} and ${typesFile}`);
}
