// A task's responsibility clause: the last sentence of its paragraph that says who does the work, in the grammar the
// national plan (国办发〔2015〕56号) and the provincial and city plans share:
//   A牵头[负责X]  ·  A负责X (a second lead, with its part)  ·  B、C等配合 / 参与  ·  D政府负责落实
// and the convention （以下均需…落实，不再列出）, which names once who implements every task from there on.
import { parentheses, phrases, sentences } from "./text";

export interface Responsibility {
  duty: string;
  clause: string;
  leads: { name: string; scope?: string }[];
  supports: string[];
  /** Who implements, when the clause names them: "各县区政府、高新区及经开区管委会". */
  implementers?: string;
  /** The convention's words, when this clause states it: "以下均需…落实，不再列出". */
  convention?: string;
  /** Phrases of the clause the grammar does not cover. */
  unread: string[];
}

const NAMES_SEPARATOR = "、";
/** A subject naming governments or committees, not departments: who implements. */
const IMPLEMENTER_SUBJECT = /政府|管委会|行署|各县|各区|各市/;
const WHO = /牵头|配合|参与|负责/;

export function splitResponsibility(body: string): Responsibility {
  const all = sentences(body);
  let at = -1;
  for (let i = all.length - 1; i >= 0 && at < 0; i--) if (/牵头|配合。?$|参与。?$/.test(all[i])) at = i;
  if (at < 0) return { duty: body, clause: "", leads: [], supports: [], unread: [] };
  const clause = all.slice(at).join("");
  const { outside, inside } = parentheses(clause);
  const convention = inside.find((p) => /^以下均[需由]/u.test(p));
  const out: Responsibility = { duty: all.slice(0, at).join(""), clause, leads: [], supports: [], unread: [] };
  if (convention) out.convention = convention;
  for (const phrase of phrases(outside)) {
    const support = /^(.+?)等?(?:配合|参与)$/u.exec(phrase);
    const implement = /^(.+?)(?:负责)?(?:组织)?落实$/u.exec(phrase);
    const lead = /^(.+?)(牵头负责|牵头|负责)(.*)$/u.exec(phrase);
    if (support) out.supports.push(...support[1].split(NAMES_SEPARATOR));
    else if (implement && IMPLEMENTER_SUBJECT.test(implement[1])) out.implementers = implement[1];
    else if (lead && !IMPLEMENTER_SUBJECT.test(lead[1]))
      for (const name of lead[1].split(NAMES_SEPARATOR)) out.leads.push(lead[3] ? { name, scope: lead[3] } : { name });
    else if (WHO.test(phrase) || phrase.length > 0) out.unread.push(phrase);
  }
  return out;
}
