// Every state-changing request (page actions, Remix ?_data actions, /graphql, /login, /logout, /lang) must come from
// the app's own origin or an allowed one; a browser on another origin of the same site is refused with 403 before any
// handler runs. Remix 2 checks document form posts itself, but answers with an empty 500 and leaves ?_data and
// resource routes alone; this check covers all of them in one place.
import type { NextFunction, Request, Response } from "express";
import { AppError } from "../../app/utils/errors";
import { provenance } from "./origin";
import { refuse } from "./refusal";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const crossOriginRefused = () =>
  new AppError(
    "CSRF",
    "该请求来自其他网站或端口，不是本系统页面发出的，已拒绝。请在本系统页面内操作。",
    "This request came from another site or port, not from this application's pages, and was refused. Please use the application's own pages.",
  );

export function csrfProtection() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (provenance(req) === "cross-origin") return refuse(req, res, 403, crossOriginRefused());
    next();
  };
}
