// /documents/inspections/<workflow ID>?format=docx|pdf: an inspection's 通报 as an official document, read
// through the same API as the inspection page (the steering group, inspectors and the inspected unit; others 403).
import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { inspectionNotice, noticeTitle } from "../documents/inspection-notice";
import { documentResponse, formatOf, letterhead, pdfFonts, refuseGivenNumber } from "../documents/documents.server";
import { toDocx } from "../documents/docx";
import { toPdf } from "../documents/pdf";
import { inspectionSequence } from "../models/document-number.server";
import { documentKey, registrationOf } from "../models/document-register.server";
import { db } from "../utils/db.server";
import { graphql } from "../utils/graphql";
import { gqlOrThrow } from "../utils/graphql.server";
import { shanghaiDay } from "../utils/time";

const QUERY = /* @__PURE__ */ graphql(`
  query InspectionDocument($id: String!) {
    plan {
      title
    }
    inspection(workflowId: $id) @_optional {
      title
      scheduledFor
      taskCodes
      status
      inspectedDepartment @_optional {
        name
      }
      area @_optional {
        name
      }
      findings {
        ordinal
        severity
        description
        requiresRectification
        deadline @_optional
        status
        rectification @_optional
        reopenCount
        reopenReason @_optional
        overdue
      }
    }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const id = String(params.id);
  const format = formatOf(url);
  refuseGivenNumber(url);
  const d = await gqlOrThrow(request, QUERY, { id });
  const i = d.inspection;
  if (!i) throw json({ code: "NOT_FOUND", zh: "未找到该督导检查", en: "Inspection not found" }, { status: 404 });
  const day = shanghaiDay(new Date(i.scheduledFor));
  const facts = {
    subject: i.title,
    unit: (i.inspectedDepartment ?? i.area)?.name ?? "",
    day,
    taskCodes: i.taskCodes,
    status: i.status,
    plan: { title: d.plan?.title ?? "" },
    findings: i.findings.map((f) => ({
      ...f,
      deadline: f.deadline ? shanghaiDay(new Date(f.deadline)) : null,
      rectification: f.rectification ?? null,
      reopenReason: f.reopenReason ?? null,
    })),
  };
  const sequence = (await inspectionSequence(db, id)) ?? { year: Number(day.slice(0, 4)), n: 1 };
  const head = await letterhead("notice", await registrationOf(db, documentKey({ inspection: id })), sequence);
  const doc = inspectionNotice(facts, head);
  const bytes = format === "pdf" ? await toPdf(doc, pdfFonts()) : await toDocx(doc);
  return documentResponse(bytes, format, noticeTitle(facts), `inspection-notice-${day}`);
}
