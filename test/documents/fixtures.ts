// Plain facts as the cycle and inspection pages show them: three reports in three states (accepted after one return,
// submitted late, never submitted but with a draft), and an inspection with a reopened and a minor finding.
import type { CycleFacts } from "../../app/documents/consolidated-report";
import type { InspectionFacts } from "../../app/documents/inspection-notice";

export const PLAN = { title: "大庆市生态环境监测网络建设工作方案", documentNumber: "庆政办规〔2018〕1号" };
export const HEAD = { issuer: "大庆市生态文明体制改革专项小组", number: "庆生态改〔2026〕3号", date: "2026-12-01" };
export const DRAFT = "这是尚未报送的草稿，不应出现在公文中。";

export const cycle: CycleFacts = {
  periodLabel: "2026年第三季度",
  dueDate: "2026-10-10",
  plan: PLAN,
  reports: [
    {
      taskCode: "1.4",
      taskTitle: "声环境质量监测",
      department: "市环保局",
      status: "ACCEPTED",
      taskStatus: "ON_TRACK",
      progress: "已完成全市声环境功能区监测点位布设，共设置点位42个。\n各县区点位数量和公布网址已在市政府网站公开。",
      submittedAt: "2026-10-08",
      late: false,
      overdue: false,
      returnCount: 1,
      contributions: [{ department: "市财政局", text: "已落实监测经费120万元。" }],
    },
    {
      taskCode: "1.5",
      taskTitle: "土壤环境质量监测",
      department: "市国土资源局",
      status: "SUBMITTED",
      taskStatus: "AT_RISK",
      progress: "土壤监测点位布设进展滞后于计划。",
      submittedAt: "2026-10-12",
      late: true,
      overdue: false,
      returnCount: 0,
      contributions: [],
    },
    {
      taskCode: "2.1",
      taskTitle: "重点污染源监测",
      department: "市水务局",
      status: "PENDING",
      taskStatus: null,
      progress: DRAFT,
      submittedAt: null,
      late: false,
      overdue: true,
      returnCount: 0,
      contributions: [],
    },
  ],
};

export const inspection: InspectionFacts = {
  subject: "监测点位运维情况",
  unit: "市环保局",
  day: "2026-11-20",
  taskCodes: ["1.4", "2.1"],
  status: "RECTIFYING",
  plan: PLAN,
  findings: [
    {
      ordinal: 1,
      severity: "HIGH",
      description: "3个自动站数据传输中断超过48小时未处置。",
      requiresRectification: true,
      deadline: "2026-12-20",
      status: "REOPENED",
      rectification: "已恢复传输。",
      reopenCount: 1,
      reopenReason: "未建立巡检制度",
      overdue: false,
    },
    {
      ordinal: 2,
      severity: "LOW",
      description: "站房标识不规范。",
      requiresRectification: false,
      deadline: null,
      status: "CLOSED",
      rectification: null,
      reopenCount: 0,
      reopenReason: null,
      overdue: false,
    },
  ],
};
