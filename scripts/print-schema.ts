// Writes the printed schema to graphql/schema.graphql (committed). `--check` fails when the file has drifted.
import { readFileSync, writeFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "../graphql/schema";

const file = "graphql/schema.graphql";
const printed = `${printSchema(lexicographicSortSchema(schema))}\n`;
if (process.argv.includes("--check")) {
  const current = readFileSync(file, "utf8");
  if (current !== printed) {
    console.error(`${file} is out of date: run npm run schema:print and commit it`);
    process.exit(1);
  }
  console.log(`${file} is up to date`);
} else {
  writeFileSync(file, printed);
  console.log(`wrote ${file}`);
}
