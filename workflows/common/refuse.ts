// How an update validator or handler refuses a wrong step: a non-retryable ApplicationFailure whose type is the
// AppError code and whose details carry the Chinese and English messages, so the API can re-raise it bilingually.
import { ApplicationFailure } from "@temporalio/common";

export type RefusalCode = "INVALID_STATE" | "BAD_INPUT" | "FORBIDDEN" | "CONFLICT";

export function refuse(code: RefusalCode, zh: string, en: string): never {
  throw ApplicationFailure.create({ type: code, message: `${zh} / ${en}`, details: [zh, en], nonRetryable: true });
}
