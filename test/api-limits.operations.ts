// Every GraphQL operation the app's pages and the benchmark send, read from their source: template and string
// literals that parse as GraphQL, with `${NAME}` parts filled in from the string constants they name.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { parse } from "graphql";

export interface SourceOperation {
  file: string;
  line: number;
  source: string;
}

const ROOTS = ["app", "bench"];
const looksLikeOperation = (text: string) => /^\s*(query|mutation)\b|^\s*\{\s*[_A-Za-z]/.test(text);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

export function collectOperations(root = process.cwd()): SourceOperation[] {
  const sources = ROOTS.flatMap((r) => files(path.join(root, r))).map((f) =>
    ts.createSourceFile(
      f,
      readFileSync(f, "utf8"),
      ts.ScriptTarget.ES2022,
      true,
      f.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
    ),
  );
  // String constants by name, across files (names such as HISTORY_FIELDS are imported from components).
  const constants = new Map<string, ts.Expression>();
  for (const sf of sources) {
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && isText(node.initializer))
        constants.set(node.name.text, node.initializer);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  const text = (e: ts.Expression, seen: string[] = []): string | null => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (!ts.isTemplateExpression(e)) return null;
    let out = e.head.text;
    for (const span of e.templateSpans) {
      if (!ts.isIdentifier(span.expression) || seen.includes(span.expression.text)) return null;
      const value = constants.get(span.expression.text);
      const part = value ? text(value, [...seen, span.expression.text]) : null;
      if (part === null) return null;
      out += part + span.literal.text;
    }
    return out;
  };
  const found: SourceOperation[] = [];
  for (const sf of sources) {
    const visit = (node: ts.Node) => {
      if (isText(node)) {
        const head = ts.isTemplateExpression(node) ? node.head.text : (node as ts.StringLiteral).text;
        if (looksLikeOperation(head)) {
          const source = text(node as ts.Expression);
          const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          const where = `${path.relative(root, sf.fileName)}:${line}`;
          if (source === null)
            throw new Error(`${where}: an operation built from something other than string constants`);
          try {
            parse(source);
            found.push({ file: path.relative(root, sf.fileName), line, source });
          } catch (e) {
            if (/^\s*(query|mutation)\b/.test(source))
              throw new Error(`${where}: does not parse: ${(e as Error).message}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

function isText(node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}
