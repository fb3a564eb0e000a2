// E-mail texts for every notice, reminder, return and escalation: Chinese, or English for recipients whose locale is en.
// `{name}` placeholders are filled from the notice's params; a missing param is left visible rather than guessed.

import type { TemplateName, TemplateParams } from "../../../workflows/common/notices";

type Text = readonly [subject: string, body: string];
const T = (zh: Text, en: Text) => ({ zh, en });

export const TEMPLATES = {
  WORKPLAN_OPENED: T(
    [
      "请编制{year}年度工作计划",
      "{department}：请于{due}前编制并提交{year}年度工作计划（分解任务、责任单位、完成时限和考核指标）。",
    ],
    [
      "Please draft your {year} annual work plan",
      "{department}: please draft and submit your {year} annual work plan (milestones, responsible units, due dates, indicators) by {due}.",
    ],
  ),
  WORKPLAN_REMINDER: T(
    ["提醒：{year}年度工作计划将于{due}到期", "{department}的{year}年度工作计划尚未提交，截止日期为{due}。"],
    [
      "Reminder: the {year} work plan is due on {due}",
      "The {year} annual work plan of {department} has not been submitted; it is due on {due}.",
    ],
  ),
  WORKPLAN_OVERDUE: T(
    [
      "逾期：{department}{year}年度工作计划未按时提交",
      "{department}的{year}年度工作计划已超过截止日期{due}仍未提交，请专项小组督促。",
    ],
    [
      "Overdue: {department}'s {year} work plan",
      "The {year} annual work plan of {department} was due on {due} and has not been submitted.",
    ],
  ),
  WORKPLAN_SUBMITTED: T(
    ["待审核：{department}{year}年度工作计划", "{department}已提交{year}年度工作计划（第{revision}稿），请审核。"],
    [
      "For review: {department}'s {year} work plan",
      "{department} submitted its {year} annual work plan (revision {revision}) for review.",
    ],
  ),
  WORKPLAN_RETURNED: T(
    [
      "退回修改：{year}年度工作计划",
      "专项小组退回了{department}的{year}年度工作计划，原因：{reason}。请修改后重新提交。",
    ],
    [
      "Returned for revision: the {year} work plan",
      "The steering group returned {department}'s {year} annual work plan. Reason: {reason}. Please revise and resubmit.",
    ],
  ),
  WORKPLAN_APPROVED: T(
    ["已批准：{year}年度工作计划", "{department}的{year}年度工作计划已批准，作为基线跟踪各节点。"],
    [
      "Approved: the {year} work plan",
      "{department}'s {year} annual work plan is approved and frozen as the baseline.",
    ],
  ),
  MILESTONE_REMINDER: T(
    ["提醒：节点“{what}”将于{due}到期", "{department}年度工作计划节点“{what}”（{indicator}）将于{due}到期。"],
    [
      'Reminder: milestone "{what}" is due on {due}',
      'Milestone "{what}" ({indicator}) of {department}\'s work plan is due on {due}.',
    ],
  ),
  MILESTONE_OVERDUE: T(
    ["逾期：节点“{what}”", "{department}年度工作计划节点“{what}”已超过完成时限{due}。"],
    [
      'Overdue: milestone "{what}"',
      'Milestone "{what}" of {department}\'s work plan was due on {due} and is not done.',
    ],
  ),
  REPORT_REQUESTED: T(
    ["请报送{period}推进落实情况：任务{task}", "{department}：请于{due}前报送任务{task}“{title}”的推进落实情况。"],
    [
      "Progress report {period} requested: task {task}",
      '{department}: please report the progress of task {task} "{title}" by {due}.',
    ],
  ),
  CONTRIBUTION_REQUESTED: T(
    [
      "请向牵头部门提供{period}任务{task}配合情况",
      "{department}：作为配合部门，请于{due}前提供任务{task}“{title}”的配合落实情况，汇入{lead}的报告。",
    ],
    [
      "Input requested for task {task} ({period})",
      '{department}: as a supporting department, please give your input on task {task} "{title}" to {lead}\'s report by {due}.',
    ],
  ),
  REPORT_REMINDER: T(
    [
      "提醒：任务{task}{period}推进情况将于{due}到期",
      "{department}尚未报送任务{task}“{title}”{period}推进落实情况，截止日期{due}。",
    ],
    [
      "Reminder: task {task} report for {period} is due on {due}",
      '{department} has not reported on task {task} "{title}" for {period}; due on {due}.',
    ],
  ),
  REPORT_DUE_TODAY: T(
    ["今日截止：任务{task}{period}推进情况", "任务{task}“{title}”{period}推进落实情况今日（{due}）截止报送。"],
    [
      "Due today: task {task} report for {period}",
      'The {period} progress report on task {task} "{title}" is due today ({due}).',
    ],
  ),
  REPORT_OVERDUE: T(
    [
      "逾期：{department}任务{task}{period}推进情况",
      "{department}未在{due}前报送任务{task}“{title}”{period}推进落实情况，现提请专项小组督办。",
    ],
    [
      "Overdue: {department}, task {task}, {period}",
      '{department} did not report on task {task} "{title}" for {period} by {due}; escalated to the steering group.',
    ],
  ),
  REPORT_RETURNED: T(
    [
      "退回：任务{task}{period}推进情况",
      "专项小组退回了任务{task}{period}推进落实情况，原因：{reason}。请补充后重新报送。",
    ],
    [
      "Returned: task {task} report for {period}",
      "The steering group returned the {period} report on task {task}. Reason: {reason}. Please complete it and resubmit.",
    ],
  ),
  CYCLE_CLOSED: T(
    ["{period}推进落实情况汇总", "{period}各项任务推进落实情况汇总如下：\n\n{report}"],
    ["Consolidated progress report {period}", "Progress of every task in {period}:\n\n{report}"],
  ),
  INSPECTION_NOTICE: T(
    ["专项督导检查通知：{title}", "{unit}：专项小组定于{date}开展专项督导检查“{title}”，检查范围：任务{tasks}。"],
    [
      "Notice of supervisory inspection: {title}",
      '{unit}: the steering group will carry out the supervisory inspection "{title}" on {date}, covering tasks {tasks}.',
    ],
  ),
  INSPECTION_REMINDER: T(
    ["提醒：专项督导检查“{title}”将于{date}开展", "专项督导检查“{title}”将于{date}对{unit}开展，请做好准备。"],
    [
      'Reminder: inspection "{title}" on {date}',
      'The supervisory inspection "{title}" of {unit} takes place on {date}.',
    ],
  ),
  RECTIFICATION_REQUIRED: T(
    [
      "整改通知：{title}问题{n}",
      "督导检查“{title}”发现问题{n}（{severity}）：{finding}。请于{due}前整改并报送整改情况。",
    ],
    [
      "Rectification required: {title}, finding {n}",
      'Inspection "{title}" found ({severity}): {finding}. Please rectify it and report by {due}.',
    ],
  ),
  RECTIFICATION_REMINDER: T(
    ["提醒：问题{n}整改将于{due}到期", "督导检查“{title}”问题{n}“{finding}”的整改期限为{due}，尚未报送整改情况。"],
    [
      "Reminder: rectification of finding {n} is due on {due}",
      'Rectification of finding {n} "{finding}" of inspection "{title}" is due on {due} and has not been reported.',
    ],
  ),
  RECTIFICATION_OVERDUE: T(
    ["逾期：{unit}问题{n}整改", "{unit}未在{due}前完成督导检查“{title}”问题{n}“{finding}”的整改，提请专项小组督办。"],
    [
      "Overdue: rectification of finding {n} by {unit}",
      '{unit} did not rectify finding {n} "{finding}" of inspection "{title}" by {due}; escalated to the steering group.',
    ],
  ),
  RECTIFICATION_REOPENED: T(
    ["整改未通过：问题{n}", "督导检查“{title}”问题{n}整改经核查未达到要求，原因：{reason}。请于{due}前重新整改。"],
    [
      "Rectification not accepted: finding {n}",
      'The rectification of finding {n} of inspection "{title}" was not effective. Reason: {reason}. Please rectify again by {due}.',
    ],
  ),
  INSPECTION_CLOSED: T(
    ["专项督导检查“{title}”已结束", "专项督导检查“{title}”发现的问题均已整改销号，检查结束。"],
    [
      'Inspection "{title}" closed',
      'Every finding of the supervisory inspection "{title}" is closed; the inspection is closed.',
    ],
  ),
  LINKAGE_OPENED: T(
    [
      "测管联动：{station}{kind}报警",
      "{station}（{area}）于{occurredAt}发生{kind}报警。已启动测管联动，请于{due}前响应；联动期间该区域监测频次提高至{factor}倍，执法抽查比例{ratio}。",
    ],
    [
      "Monitoring–enforcement linkage: {kind} at {station}",
      "{station} ({area}) raised a {kind} alert at {occurredAt}. A linkage case is open; respond by {due}. Until it closes, monitoring in the area runs at {factor}× and spot checks cover {ratio}.",
    ],
  ),
  LINKAGE_REMINDER: T(
    ["提醒：测管联动案件将于{due}超时", "{station}{kind}报警的测管联动案件尚未响应，响应期限{due}。"],
    [
      "Reminder: linkage case response due {due}",
      "The linkage case for the {kind} alert at {station} has no response yet; the response is due at {due}.",
    ],
  ),
  LINKAGE_OVERDUE: T(
    ["超时：测管联动案件未在期限内响应", "{station}{kind}报警的测管联动案件未在{due}前响应，提请专项小组督办。"],
    [
      "Breach: linkage case not answered in time",
      "The linkage case for the {kind} alert at {station} was not answered by {due}; escalated to the steering group.",
    ],
  ),
  LINKAGE_CLOSED: T(
    [
      "测管联动案件已办结：{station}",
      "{station}{kind}报警的测管联动案件已办结。是否发现违法行为：{violation}；处理措施：{action}。区域监测频次恢复常规。",
    ],
    [
      "Linkage case closed: {station}",
      "The linkage case for the {kind} alert at {station} is closed. Violation found: {violation}; action taken: {action}. Monitoring in the area returns to normal.",
    ],
  ),
} as const satisfies Record<TemplateName, { zh: Text; en: Text }>;

export type { TemplateName, TemplateParams };

export function renderMail(
  template: TemplateName,
  locale: string,
  params: TemplateParams,
): { subject: string; body: string } {
  const lang = locale === "en" ? "en" : "zh";
  const [subject, body] = TEMPLATES[template][lang];
  const value = (v: TemplateParams[string]) => (typeof v === "object" ? v[lang] : String(v));
  const fill = (s: string) => s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? value(params[k]) : m));
  return { subject: fill(subject), body: fill(body) };
}
