// A module that reaches the browser bundle must take no runtime value from a `.server` module: Remix's classic
// compiler replaces every `*.server.*` import under app/ with an empty module in the browser build, so the value is
// `undefined` there, and the page crashes only when rendered in the browser (client-side navigation), never on the
// server. See docs/decisions/013-client-server-boundary.md.
//
// - Route modules (app/root.tsx, app/routes/*.tsx, app/routes/*/route.tsx): the compiler keeps only the browser
//   exports (default, meta, links, handle, ErrorBoundary, …), so a server binding may be used inside `loader`,
//   `action` and `headers`, and inside module-level functions and consts used only from those (transitively).
// - Any other module under app/ that is not itself `.server` (components, i18n, helpers beside a route): no runtime
//   use of a server binding at all.
// Type-only imports and type positions are fine everywhere: they leave no trace in JavaScript.
import path from "node:path";

const SERVER_EXPORTS = new Set(["loader", "action", "headers"]);
const isServerSource = (source) => /\.server(\.[cm]?[jt]sx?)?$/.test(source) || /(^|\/)\.server(\/|$)/.test(source);
const isServerFile = (rel) => /\.server\.[cm]?[jt]sx?$/.test(rel) || rel.split("/").includes(".server");
const ROUTE_FILE = [
  /^app\/root\.[cm]?[jt]sx?$/,
  /^app\/routes\/[^/]+\.[cm]?[jt]sx?$/,
  /^app\/routes\/[^/]+\/route\.[cm]?[jt]sx?$/,
];

/** "route", "client" (any other module of app/ that reaches the browser), or null (not checked). */
function kindOf(filename, cwd) {
  const rel = path.relative(cwd, path.resolve(cwd, filename)).split(path.sep).join("/");
  if (!rel.startsWith("app/") || isServerFile(rel)) return null;
  return ROUTE_FILE.some((re) => re.test(rel)) ? "route" : "client";
}

const FUNCTION = new Set(["FunctionDeclaration", "FunctionExpression", "ArrowFunctionExpression"]);

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: "problem",
    docs: { description: "Disallow runtime values from `.server` modules in code that reaches the browser bundle" },
    schema: [],
    messages: {
      client:
        "'{{name}}' comes from the server-only module '{{source}}', which is empty in the browser bundle, and this module reaches the browser. Move the value to a module without .server, or import only its type.",
      route:
        "'{{name}}' from the server-only module '{{source}}' is used outside loader/action/headers, so the browser bundle sees undefined. Use it only in loader, action or headers (or in functions only they use), or move the value to a module without .server.",
      moduleLoad:
        "'{{name}}' from the server-only module '{{source}}' is called or read when the module loads, which throws in the browser bundle. Use it inside loader, action or headers.",
      reexport:
        "Re-exporting '{{name}}' from the server-only module '{{source}}' puts it in the browser bundle; a route may re-export only loader, action and headers from a .server module.",
      bare: "Importing the server-only module '{{source}}' for its side effects does nothing in the browser bundle, and this module reaches the browser.",
    },
  },
  create(context) {
    const kind = kindOf(context.filename, context.cwd);
    if (!kind) return {};
    const sourceCode = context.sourceCode;
    /** Top-level bindings: name → declaration node (function, class or variable declarator), and how each is exported. */
    const topLevel = new Map();
    const exportedAs = new Map(); // local name → exported names
    const serverImports = []; // { specifier, source }

    const addExport = (local, exported) => exportedAs.set(local, [...(exportedAs.get(local) ?? []), exported]);
    function collect(statement) {
      const decl =
        statement.type === "ExportNamedDeclaration" || statement.type === "ExportDefaultDeclaration"
          ? statement.declaration
          : statement;
      if (!decl) return;
      const exported =
        statement.type === "ExportNamedDeclaration"
          ? (n) => addExport(n, n)
          : statement.type === "ExportDefaultDeclaration"
            ? (n) => addExport(n, "default")
            : () => {};
      if ((decl.type === "FunctionDeclaration" || decl.type === "ClassDeclaration") && decl.id) {
        topLevel.set(decl.id.name, decl);
        exported(decl.id.name);
      } else if (decl.type === "VariableDeclaration") {
        for (const d of decl.declarations)
          if (d.id.type === "Identifier") {
            topLevel.set(d.id.name, d);
            exported(d.id.name);
          }
      }
    }

    /** The top-level binding whose declaration contains `node`, or null for module-level code outside any. */
    let declared = new Map(); // declaration node → name, once the Program is collected
    function ownerOf(node) {
      for (let n = node; n; n = n.parent) if (declared.has(n)) return declared.get(n);
      return null;
    }
    const runsAtLoad = (node) => {
      for (let n = node.parent; n; n = n.parent)
        if (FUNCTION.has(n.type) || n.type === "MethodDefinition") return false;
      return true;
    };
    const valueRefs = (variable) =>
      variable.references.filter((r) => r.isValueReference !== false && !r.init && !inTypePosition(r.identifier));

    /** Route modules: loader, action, headers, and the top-level bindings used only from them (greatest fixpoint). */
    function serverOnlyBindings(scope) {
      const roots = new Set(
        [...exportedAs].filter(([, names]) => names.every((n) => SERVER_EXPORTS.has(n))).map(([local]) => local),
      );
      const set = new Set([...topLevel.keys()].filter((name) => roots.has(name) || !exportedAs.has(name)));
      const uses = new Map();
      for (const name of set) {
        const variable = scope.set.get(name);
        const refs = variable
          ? valueRefs(variable).filter((r) => !r.identifier.parent || r.identifier.parent.type !== "ExportSpecifier")
          : [];
        uses.set(
          name,
          refs.map((r) => ownerOf(r.identifier)).filter((owner) => owner !== name),
        );
        if (!roots.has(name) && refs.length === 0) set.delete(name); // unused: nothing says it stays out of the browser
      }
      for (let changed = true; changed;) {
        changed = false;
        for (const name of set)
          if (!roots.has(name) && uses.get(name).some((owner) => !owner || !set.has(owner))) {
            set.delete(name);
            changed = true;
          }
      }
      return set;
    }

    return {
      Program(program) {
        for (const s of program.body) collect(s);
        for (const s of program.body)
          if (s.type === "ExportNamedDeclaration" && !s.source && s.exportKind !== "type")
            for (const sp of s.specifiers)
              if (sp.local.type === "Identifier") addExport(sp.local.name, sp.exported.name ?? sp.exported.value);
        declared = new Map([...topLevel].map(([name, decl]) => [decl, name]));
      },
      ImportDeclaration(node) {
        if (!isServerSource(node.source.value) || node.importKind === "type") return;
        if (node.specifiers.length === 0 && kind === "client")
          context.report({ node, messageId: "bare", data: { source: node.source.value } });
        for (const specifier of node.specifiers)
          if (specifier.importKind !== "type") serverImports.push({ specifier, source: node.source.value });
      },
      "ExportNamedDeclaration, ExportAllDeclaration"(node) {
        if (!node.source || !isServerSource(node.source.value) || node.exportKind === "type") return;
        if (node.type === "ExportAllDeclaration")
          return context.report({ node, messageId: "reexport", data: { name: "*", source: node.source.value } });
        for (const sp of node.specifiers) {
          const name = sp.exported.name ?? sp.exported.value;
          if (sp.exportKind !== "type" && !(kind === "route" && SERVER_EXPORTS.has(name)))
            context.report({ node: sp, messageId: "reexport", data: { name, source: node.source.value } });
        }
      },
      "Program:exit"(program) {
        const scope = sourceCode.getScope(program);
        const moduleScope = scope.childScopes.find((s) => s.type === "module") ?? scope;
        const serverOnly = kind === "route" ? serverOnlyBindings(moduleScope) : new Set();
        for (const { specifier, source } of serverImports) {
          const [variable] = sourceCode.getDeclaredVariables(specifier);
          if (!variable) continue;
          for (const ref of valueRefs(variable)) {
            const id = ref.identifier;
            const name = specifier.local.name;
            if (kind === "client") {
              context.report({ node: id, messageId: "client", data: { name, source } });
              continue;
            }
            const exportSpec = id.parent?.type === "ExportSpecifier" ? id.parent : null;
            if (exportSpec) {
              const exported = exportSpec.exported.name ?? exportSpec.exported.value;
              if (!SERVER_EXPORTS.has(exported))
                context.report({ node: id, messageId: "reexport", data: { name: exported, source } });
              continue;
            }
            const owner = ownerOf(id);
            if (!owner || !serverOnly.has(owner))
              context.report({ node: id, messageId: "route", data: { name, source } });
            else if (runsAtLoad(id) && isCalledOrRead(id))
              context.report({ node: id, messageId: "moduleLoad", data: { name, source } });
          }
        }
      },
    };
  },
};

const TYPE_CONTEXT = new Set([
  "TSTypeQuery",
  "TSTypeAnnotation",
  "TSTypeAliasDeclaration",
  "TSInterfaceDeclaration",
  "TSTypeParameterInstantiation",
  "TSTypeReference",
]);
/** `typeof x` in a type, a generic argument, an annotation: erased when compiled. */
function inTypePosition(id) {
  for (let n = id.parent; n; n = n.parent) if (TYPE_CONTEXT.has(n.type)) return true;
  return false;
}

/** `x()`, `new x()`, `x.y`, `` x`…` ``: what throws when x is undefined. */
function isCalledOrRead(id) {
  const p = id.parent;
  if (!p) return false;
  if ((p.type === "CallExpression" || p.type === "NewExpression") && p.callee === id) return true;
  if (p.type === "MemberExpression" && p.object === id) return true;
  return p.type === "TaggedTemplateExpression" && p.tag === id;
}
