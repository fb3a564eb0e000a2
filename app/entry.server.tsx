// The server entry: the whole document rendered with renderToString, not streamed, and gzipped at level 1.
// Why not streamed: React 18.3's streaming renderer (renderToPipeableStream) can flush a 2 KB view whose last bytes
// were never written when a multi-byte character does not fit (facebook/react#24985): the page then carries NUL bytes,
// which the HTML parser shows as U+FFFD inside Chinese text. The pages defer nothing, so streaming gains nothing here.
// Why level 1: remix-serve's middleware would use zlib's level 6, which costs several times the CPU for a few percent
// fewer bytes; it leaves a response that already has a Content-Encoding alone (as graphql/compression.server.ts).
import { gzipSync, constants } from "node:zlib";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceProvider } from "./utils/nonce-provider";
import "./utils/load-context";

const MIN_GZIP_BYTES = 1024;

export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // The web server's CSP nonce (server/security/headers.ts) on every inline script Remix writes.
  const nonce = loadContext?.cspNonce ?? "";
  const app = (
    <NonceProvider value={nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </NonceProvider>
  );
  const html = Buffer.from(`<!DOCTYPE html>${renderToString(app)}`, "utf8");
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.append("Vary", "Accept-Encoding");
  if (html.byteLength >= MIN_GZIP_BYTES && /\bgzip\b/i.test(request.headers.get("accept-encoding") ?? "")) {
    const body = gzipSync(html, { level: constants.Z_BEST_SPEED });
    headers.set("Content-Encoding", "gzip");
    headers.set("Content-Length", String(body.byteLength));
    return new Response(body, { status, headers });
  }
  headers.set("Content-Length", String(html.byteLength));
  return new Response(html, { status, headers });
}
