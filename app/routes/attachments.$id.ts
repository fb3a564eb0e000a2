// /attachments/<id>: one attached file, read under the rules of the item it belongs to. Scans, photos, text and PDFs
// open in the browser, but sandboxed (no scripts, no same-origin access: a PDF or text crafted to run script cannot
// act as the app); office documents download. The type is the one decided from the content at upload.
import { Readable } from "node:stream";
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { openAttachment } from "../models/attachments/attachments.server";
import { attachmentStore } from "../models/attachments/store.server";
import { db } from "../utils/db.server";
import { isAppError } from "../utils/errors";
import { getViewer } from "../utils/session.server";

const INLINE = new Set(["application/pdf", "image/jpeg", "image/png", "text/plain", "text/csv"]);
const STATUS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404 };

/** RFC 6266 / 5987: an ASCII fallback for old clients, the exact UTF-8 name for the rest. */
export function contentDisposition(disposition: "inline" | "attachment", filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  try {
    const { row, body } = await openAttachment(db, await getViewer(request), Number(params.id), attachmentStore());
    const inline = INLINE.has(row.mimeType);
    const headers: Record<string, string> = {
      "Content-Type": row.mimeType.startsWith("text/") ? `${row.mimeType}; charset=utf-8` : row.mimeType,
      "Content-Length": String(row.size),
      "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", row.filename),
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-cache",
      ETag: `"${row.sha256}"`,
    };
    if (inline) headers["Content-Security-Policy"] = "sandbox";
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { headers });
  } catch (e) {
    if (!isAppError(e)) throw e;
    throw json({ zh: e.zh, en: e.en, code: e.code }, { status: STATUS[e.code] ?? 400 });
  }
}
