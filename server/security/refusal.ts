// How the web server refuses a request before the app sees it (cross-origin write, too large, not allowed by CORS):
// the status, a bilingual message and a stable code — as JSON in the API's error shape for /graphql and Remix data
// requests, as a small HTML page for a document (a form posted by the browser). Never an empty 500.
import type { Request, Response } from "express";
import { AppError } from "../../app/utils/errors";

/** The API (and Remix's ?_data requests) read errors as `{ errors: [{ message, extensions }] }`. */
export function wantsJson(req: Request): boolean {
  if (req.path === "/graphql" || req.query._data !== undefined) return true;
  const accept = req.get("accept") ?? "";
  return /json/i.test(accept) && !/text\/html/i.test(accept);
}

export function refuse(
  req: Request,
  res: Response,
  status: number,
  error: AppError,
  headers: Record<string, string> = {},
): void {
  res.status(status).set(headers);
  if (wantsJson(req)) {
    res.json({ errors: [{ message: error.message, extensions: error.extensions }] });
    return;
  }
  res.type("html").send(page(status, error));
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function page(status: number, error: AppError): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${status} 请求被拒绝 / Request refused</title></head>
<body>
<main>
<h1>${status} 请求被拒绝 <span lang="en">/ Request refused</span></h1>
<p role="alert">${escapeHtml(error.zh)}</p>
<p lang="en">${escapeHtml(error.en)}</p>
<p><a href="/">返回首页 <span lang="en">/ Back to the dashboard</span></a></p>
</main>
</body>
</html>`;
}
