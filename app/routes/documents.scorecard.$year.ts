// /documents/scorecard/<year>?format=docx|pdf[&department=epb]: the year's 部门考评 as an official document, for all
// departments or one, from the same API query as the scorecard page (steering group only; others 403).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { documentResponse, formatOf, letterhead, pdfFonts, refuseGivenNumber } from "../documents/documents.server";
import { toDocx } from "../documents/docx";
import { toPdf } from "../documents/pdf";
import { scorecardReport, scorecardTitle } from "../documents/scorecard-report";
import { documentKey, nextSequence, registrationOf } from "../models/document-register.server";
import { now } from "../utils/clock.server";
import { db } from "../utils/db.server";
import { loadScorecard } from "./scorecard/scorecard.server";

const bad = (zh: string, en: string, status = 400) =>
  json({ code: status === 404 ? "NOT_FOUND" : "BAD_INPUT", zh, en }, { status });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const format = formatOf(url);
  refuseGivenNumber(url);
  const year = Number(params.year);
  if (!/^\d{4}$/.test(String(params.year)) || year < 2000 || year > 2100)
    throw bad(`考评年度应为2000至2100年：${params.year}`, `The scorecard year must be 2000 to 2100: ${params.year}`);
  const department = url.searchParams.get("department") || null;
  const scorecard = await loadScorecard(request, year);
  const rows = scorecard.rows.filter((r) => !department || r.departmentCode === department);
  if (department && !rows.length) throw bad(`未找到部门：${department}`, `Department not found: ${department}`, 404);
  const name = department ? rows[0].department.zh : null;
  const facts = {
    year,
    plan: { title: scorecard.planTitle },
    rows: rows.map((r) => ({ ...r, department: r.department.zh, onTimeRate: r.onTimeRate ?? null })),
  };
  const registered = await registrationOf(db, documentKey({ scorecardYear: year, department }));
  const head = await letterhead("report", registered, await nextSequence(db, "REPORT", await now()));
  const doc = scorecardReport(facts, name, head);
  const bytes = format === "pdf" ? await toPdf(doc, pdfFonts()) : await toDocx(doc);
  return documentResponse(
    bytes,
    format,
    scorecardTitle(year, name),
    `scorecard-${year}${department ? `-${department}` : ""}`,
  );
}
