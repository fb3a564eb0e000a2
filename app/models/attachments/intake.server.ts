// Receiving one file: its name checked before a byte is read, its bytes counted and hashed as they stream into a
// scratch file (a file over the limit is refused as soon as it passes it, without reading the rest), and its type
// decided by its content, not its name. A refused file leaves nothing behind.
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { fileTypeFromFile } from "file-type";
import { AppError } from "../../utils/errors";
import type { AttachmentStore } from "./store.server";

/** What may be attached: scans and photos, office documents, plain text tables. */
export const ALLOWED_TYPES: Record<string, { ext: string[]; zh: string; en: string }> = {
  "application/pdf": { ext: ["pdf"], zh: "PDF", en: "PDF" },
  "image/jpeg": { ext: ["jpg", "jpeg"], zh: "JPEG 图片", en: "JPEG image" },
  "image/png": { ext: ["png"], zh: "PNG 图片", en: "PNG image" },
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {
    ext: ["docx"],
    zh: "Word 文档",
    en: "Word document",
  },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    ext: ["xlsx"],
    zh: "Excel 表格",
    en: "Excel workbook",
  },
  "text/plain": { ext: ["txt"], zh: "文本文件", en: "text file" },
  "text/csv": { ext: ["csv"], zh: "CSV 表格", en: "CSV table" },
};
const ALLOWED_LIST = "PDF、JPEG、PNG、Word（.docx）、Excel（.xlsx）、TXT、CSV";
const ALLOWED_LIST_EN = "PDF, JPEG, PNG, Word (.docx), Excel (.xlsx), TXT, CSV";

export interface ReceivedFile {
  sha256: string;
  size: number;
  mimeType: string;
  filename: string;
}

const bad = (zh: string, en: string) => new AppError("BAD_INPUT", zh, en);

/** The name as given, or a refusal: no folders, no `..`, no control characters, an extension that says the type. */
export function checkFilename(raw: string): string {
  const name = raw.normalize("NFC").trim();
  if (!name) throw bad("请选择要上传的文件", "Choose a file to upload");
  if (/[/\\]/.test(name))
    throw bad(
      `文件名不能包含路径（“/”或“\\”）：${name}`,
      `The file name must not contain a path ("/" or "\\"): ${name}`,
    );
  if (name === "." || name === ".." || name.startsWith(".."))
    throw bad(`文件名无效：${name}`, `The file name is not valid: ${name}`);
  if (/[\u0000-\u001f\u007f]/.test(name))
    throw bad("文件名不能包含控制字符", "The file name must not contain control characters");
  if (name.length > 200) throw bad("文件名过长：最多 200 个字符", "The file name is too long: at most 200 characters");
  return name;
}

const tooLarge = (max: number) =>
  new AppError(
    "PAYLOAD_TOO_LARGE",
    `附件过大：最多 ${Math.floor(max / 1024 / 1024)} MB`,
    `The attachment is too large: at most ${Math.floor(max / 1024 / 1024)} MB`,
  );

/** Streams the bytes into the store's scratch directory, refusing past `maxBytes`; returns the scratch file. */
async function receive(store: AttachmentStore, data: AsyncIterable<Uint8Array>, maxBytes: number) {
  await mkdir(store.scratchDir, { recursive: true });
  const file = path.join(store.scratchDir, randomBytes(12).toString("hex"));
  const out = createWriteStream(file, { flags: "wx" });
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge(maxBytes);
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, "drain");
    }
    out.end();
    await once(out, "close");
  } catch (e) {
    out.destroy();
    await rm(file, { force: true });
    throw e;
  }
  return { file, size, sha256: hash.digest("hex") };
}

/** Plain text is what file-type cannot name: accepted only when it is UTF-8 without NUL bytes. */
async function isText(file: string, size: number): Promise<boolean> {
  const handle = await open(file);
  try {
    const { buffer } = await handle.read({ buffer: Buffer.alloc(size), position: 0 });
    if (buffer.includes(0)) return false;
    new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    return true;
  } catch {
    return false;
  } finally {
    await handle.close();
  }
}

async function detectType(file: string, size: number, filename: string): Promise<string> {
  const ext = path.extname(filename).slice(1).toLowerCase();
  const detected = await fileTypeFromFile(file);
  let mime = detected?.mime as string | undefined;
  if (!detected && (ext === "txt" || ext === "csv") && (await isText(file, size)))
    mime = ext === "csv" ? "text/csv" : "text/plain";
  const allowed = mime ? ALLOWED_TYPES[mime] : undefined;
  if (!allowed)
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `不支持此文件类型（按文件内容判断${detected ? `为 ${detected.ext}` : "无法识别"}）：只能上传 ${ALLOWED_LIST}`,
      `This type of file is not accepted (its content is ${detected ? `${detected.ext}` : "not recognised"}): only ${ALLOWED_LIST_EN}`,
    );
  if (!allowed.ext.includes(ext))
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      `文件扩展名“.${ext}”与文件内容（${allowed.zh}）不符`,
      `The extension ".${ext}" does not match the file's content (${allowed.en})`,
    );
  return mime!;
}

/** Receives, checks and stores one file; nothing remains of a refused one. */
export async function intake(
  store: AttachmentStore,
  rawName: string,
  data: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<ReceivedFile> {
  const filename = checkFilename(rawName);
  const { file, size, sha256 } = await receive(store, data, maxBytes);
  try {
    if (size === 0) throw bad("文件为空", "The file is empty");
    const mimeType = await detectType(file, size, filename);
    await store.put(file, sha256);
    return { sha256, size, mimeType, filename };
  } finally {
    await rm(file, { force: true });
  }
}
