// The attacker's own web server: another port on 127.0.0.1, reached in the browser as a sibling subdomain
// (evil.daqing.localtest) or as the app's own host name on another port. It serves whatever page a test asks for and
// records every request it receives (so a test can see whether an open redirect landed there).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Attacker {
  port: number;
  /** Pages by path; a test sets them before sending the victim there. */
  pages: Map<string, string>;
  /** Paths (with query) of every request received, in order. */
  hits: string[];
  stop(): Promise<void>;
}

export async function startAttacker(): Promise<Attacker> {
  const pages = new Map<string, string>();
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(req.url ?? "");
    const path = (req.url ?? "/").split("?")[0];
    const html =
      pages.get(path) ?? `<!doctype html><title>evil</title><h1 id="evil-landing">attacker page ${path}</h1>`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    pages,
    hits,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/** A page that submits a form to `action` as soon as it loads (the classic CSRF page). */
export function autoSubmitForm(
  action: string,
  fields: Record<string, string>,
  enctype = "application/x-www-form-urlencoded",
): string {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
    .join("");
  return `<!doctype html><title>win a prize</title><body onload="document.forms[0].submit()">
<form method="post" action="${esc(action)}" enctype="${enctype}">${inputs}</form></body>`;
}

/** A page that frames `src` (clickjacking). */
export function framingPage(src: string): string {
  return `<!doctype html><title>frame</title><iframe id="victim" src="${esc(src)}" width="800" height="600"></iframe>`;
}
