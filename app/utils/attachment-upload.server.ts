// A page's upload form (multipart) → one attachment. The form's hidden fields come before its file field, so who may
// attach where is settled before a byte of the file is read; the file streams through the size and type checks
// (app/models/attachments) and is never held in memory whole.
import { json, redirect, unstable_parseMultipartFormData, type UploadHandler } from "@remix-run/node";
import type { ActionResult } from "../components/ui";
import { attachFile } from "../models/attachments/attachments.server";
import { attachmentStore } from "../models/attachments/store.server";
import { db as defaultDb } from "./db.server";
import { env } from "./env.server";
import { AppError, isAppError } from "./errors";
import { getViewer } from "./session.server";

export const isMultipart = (request: Request) =>
  /^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");

/** The limit as the upload forms state it. */
export const attachmentMaxMb = () => Math.floor(env.ATTACHMENT_MAX_BYTES / 1024 / 1024);

const FIELD_MAX = 200;
const STATUS: Partial<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

async function text(data: AsyncIterable<Uint8Array>): Promise<string> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of data) {
    size += chunk.byteLength;
    if (size > FIELD_MAX) throw new AppError("BAD_INPUT", "表单字段过长", "A form field is too long");
    parts.push(chunk);
  }
  return new TextDecoder().decode(Buffer.concat(parts));
}

/** The page's action for an upload: back to `backTo` when attached, the refusal (400/413/415) otherwise. */
export async function uploadAttachment(request: Request, workflowId: string, backTo: string) {
  const viewer = await getViewer(request);
  const fields = new Map<string, string>();
  let attached = false;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== "file") {
      const value = await text(data);
      fields.set(name, value);
      return value;
    }
    const request = {
      workflowId,
      kind: fields.get("item") ?? "",
      ordinal: fields.get("ordinal") ? Number(fields.get("ordinal")) : null,
    };
    const row = await attachFile(
      defaultDb,
      viewer,
      { ...request, filename: filename ?? "", data },
      { store: attachmentStore(), maxBytes: env.ATTACHMENT_MAX_BYTES },
    );
    attached = true;
    return String(row.id);
  };
  try {
    await unstable_parseMultipartFormData(request, handler);
    if (!attached) throw new AppError("BAD_INPUT", "请选择要上传的文件", "Choose a file to upload");
  } catch (e) {
    if (!isAppError(e)) throw e;
    const status = STATUS[e.code] ?? 400;
    const error = { code: e.code, zh: e.zh, en: e.en };
    return json<ActionResult>({ ok: false, error, intent: "attach" }, { status });
  }
  return redirect(backTo);
}
