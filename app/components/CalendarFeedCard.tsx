// The account page's calendar subscription: make (生成), make anew (重新生成, which revokes the old link) or revoke
// (撤销) the private ICS feed link. The link is shown once, right after it is made: only its hash is stored.
import { Form } from "@remix-run/react";
import { pick, useT } from "../i18n";
import { ErrorNotice, Notice, SubmitButton, type UiError } from "./ui";

const WORDS = {
  title: ["日历订阅", "Calendar subscription"],
  hint: [
    "把截止日期、工作计划节点和督导检查订阅到您自己的日历应用（ICS）。链接是私密的，只显示这一次，请妥善保存；内容始终按您当前的查看权限生成。",
    "Subscribe your own calendar app (ICS) to your deadlines, milestones and inspections. The link is private and shown only this once; its contents always follow what you may read now.",
  ],
  active: ["已生成订阅链接，生成时间", "A subscription link is active, made"],
  none: ["尚未生成订阅链接", "No subscription link yet"],
  yourLink: ["您的订阅链接（仅显示这一次）", "Your subscription link (shown only this once)"],
  create: ["生成订阅链接", "Make a subscription link"],
  recreate: ["重新生成（旧链接将失效）", "Make a new link (the old one stops working)"],
  revoke: ["撤销订阅链接", "Revoke the subscription link"],
  revoked: ["订阅链接已撤销", "The subscription link has been revoked"],
} as const;

export function CalendarFeedCard({
  createdAt,
  feedUrl,
  revoked,
  error,
}: {
  createdAt: string | null;
  feedUrl: string | null;
  revoked: boolean;
  error: UiError | undefined;
}) {
  const t = useT();
  const w = (pair: readonly [string, string]) => pick(t.lang, pair);
  const made = createdAt
    ? new Date(createdAt).toLocaleString(t.lang === "en" ? "en-GB" : "zh-CN", { timeZone: "Asia/Shanghai" })
    : null;
  return (
    <section className="card form" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{w(WORDS.title)}</h2>
      <p className="muted">{w(WORDS.hint)}</p>
      <ErrorNotice error={error} />
      {revoked ? <Notice>{w(WORDS.revoked)}</Notice> : null}
      {feedUrl ? (
        <p>
          <label htmlFor="calendar-feed-url">{w(WORDS.yourLink)}</label>
          <input id="calendar-feed-url" type="text" readOnly value={feedUrl} data-testid="calendar-feed-url" />
        </p>
      ) : (
        <p>{made ? `${w(WORDS.active)} ${made}` : w(WORDS.none)}</p>
      )}
      <Form method="post">
        <SubmitButton label={w(createdAt ? WORDS.recreate : WORDS.create)} intent="createFeed" />
        {createdAt ? <SubmitButton label={w(WORDS.revoke)} intent="revokeFeed" variant="danger" /> : null}
      </Form>
    </section>
  );
}
