// The scorecard's column words and its rate as text, shared by the page and the CSV.
export const SCORECARD_HEADERS = {
  department: ["部门", "Department"],
  reportsDue: ["应报送报告", "Reports due"],
  reportsOnTime: ["按时报送", "On time"],
  onTimeRate: ["按时率", "On-time rate"],
  returns: ["被退回次数", "Times returned"],
  daysOverdue: ["逾期工作日合计", "Working days overdue"],
  rectificationsDue: ["应整改问题", "Rectifications due"],
  rectificationsClosedInTime: ["按期整改销号", "Closed in time"],
} as const satisfies Record<string, readonly [string, string]>;

export const percent = (rate: number | null | undefined) => (rate == null ? "—" : `${Math.round(rate * 1000) / 10}%`);
