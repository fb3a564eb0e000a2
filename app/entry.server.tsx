// The server entry: the whole document rendered with renderToString, not streamed.
// Why: React 18.3's streaming renderer (renderToPipeableStream) can flush a 2 KB view whose last bytes were never
// written when a multi-byte character does not fit (facebook/react#24985): the page then carries NUL bytes, which the
// HTML parser shows as U+FFFD inside Chinese text. The pages defer nothing, so streaming gains nothing here.
import type { EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";

export default function handleRequest(request: Request, status: number, headers: Headers, remixContext: EntryContext) {
  const markup = renderToString(<RemixServer context={remixContext} url={request.url} />);
  headers.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${markup}`, { status, headers });
}
