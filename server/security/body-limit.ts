// A cap on request bodies, checked from Content-Length before a byte of the body is read. A body without a declared
// length (chunked) is refused with 411: browsers always declare it for forms and fetch, and counting a stream that
// Remix reads itself would mean racing its reader for the data.
import type { NextFunction, Request, Response } from "express";
import { AppError } from "../../app/utils/errors";
import { refuse } from "./refusal";

/** Room for a multipart form's boundaries, part headers and hidden fields around the one file it carries. */
export const MULTIPART_OVERHEAD = 64 * 1024;

/** A file upload (multipart) may be as large as an attachment may be; any other body as large as MAX_BODY_BYTES. */
export function bodyLimits(maxBodyBytes: number, maxAttachmentBytes: number) {
  const mb = Math.floor(maxAttachmentBytes / 1024 / 1024);
  const forms = bodyLimit(maxBodyBytes);
  const uploads = bodyLimit(
    maxAttachmentBytes + MULTIPART_OVERHEAD,
    new AppError("PAYLOAD_TOO_LARGE", `附件过大：最多 ${mb} MB`, `The attachment is too large: at most ${mb} MB`),
  );
  return (req: Request, res: Response, next: NextFunction) =>
    (/^multipart\/form-data/i.test(req.get("content-type") ?? "") ? uploads : forms)(req, res, next);
}

export function bodyLimit(maxBytes: number, tooLarge?: AppError) {
  const kb = Math.floor(maxBytes / 1024);
  return (req: Request, res: Response, next: NextFunction) => {
    const declared = req.get("content-length");
    if (declared !== undefined) {
      if (Number(declared) <= maxBytes) return next();
      // The unread body is not wanted: close the connection rather than drain it.
      return refuse(
        req,
        res,
        413,
        tooLarge ??
          new AppError(
            "PAYLOAD_TOO_LARGE",
            `请求内容过大：最多 ${kb} KB`,
            `The request body is too large: at most ${kb} KB`,
          ),
        { Connection: "close" },
      );
    }
    if (req.get("transfer-encoding"))
      return refuse(
        req,
        res,
        411,
        new AppError(
          "LENGTH_REQUIRED",
          "请求须注明内容长度（Content-Length）",
          "The request must state its body length (Content-Length)",
        ),
        { Connection: "close" },
      );
    next();
  };
}
