// Statutory holidays (放假) and adjusted working days (调休上班) for the years the calendar covers.
// reference/data.md §5 (holidays-2025-2026.json), cross-checked against chinese-days@1.5.7 in the tests.
// Add a year by appending its rows and its notice to HOLIDAY_SOURCES — the calendar refuses any year
// that is not listed there instead of silently counting weekends only.

export type CalendarDayKind = 'holiday' | 'workday';
/** [date, kind, name, nameEn, statutory] — kept as tuples so a year is a short, reviewable block. */
export type HolidayRow = readonly [string, CalendarDayKind, string, string, boolean];

export const HOLIDAY_SOURCES: Readonly<Record<number, { source: string; lastConfirmed: string }>> = {
  2025: {
    source:
      '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    lastConfirmed: '2024-11-12',
  },
  2026: {
    source: '国务院办公厅关于2026年部分节假日安排的通知 https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    lastConfirmed: '2025-11-04',
  },
};

export const HOLIDAY_ROWS: readonly HolidayRow[] = [
  ["2025-01-01", "holiday", "元旦", "New Year's Day", true], // Wed
  ["2025-01-26", "workday", "春节调休上班", "Spring Festival (adjusted working day)", false], // Sun
  ["2025-01-28", "holiday", "春节", "Spring Festival", true], // Tue 除夕（农历腊月廿九）
  ["2025-01-29", "holiday", "春节", "Spring Festival", true], // Wed
  ["2025-01-30", "holiday", "春节", "Spring Festival", true], // Thu
  ["2025-01-31", "holiday", "春节", "Spring Festival", true], // Fri
  ["2025-02-01", "holiday", "春节", "Spring Festival", false], // Sat
  ["2025-02-02", "holiday", "春节", "Spring Festival", false], // Sun
  ["2025-02-03", "holiday", "春节", "Spring Festival", false], // Mon
  ["2025-02-04", "holiday", "春节", "Spring Festival", false], // Tue 正月初七
  ["2025-02-08", "workday", "春节调休上班", "Spring Festival (adjusted working day)", false], // Sat
  ["2025-04-04", "holiday", "清明节", "Qingming Festival", true], // Fri
  ["2025-04-05", "holiday", "清明节", "Qingming Festival", false], // Sat
  ["2025-04-06", "holiday", "清明节", "Qingming Festival", false], // Sun
  ["2025-04-27", "workday", "劳动节调休上班", "Labour Day (adjusted working day)", false], // Sun
  ["2025-05-01", "holiday", "劳动节", "Labour Day", true], // Thu
  ["2025-05-02", "holiday", "劳动节", "Labour Day", true], // Fri
  ["2025-05-03", "holiday", "劳动节", "Labour Day", false], // Sat
  ["2025-05-04", "holiday", "劳动节", "Labour Day", false], // Sun
  ["2025-05-05", "holiday", "劳动节", "Labour Day", false], // Mon
  ["2025-05-31", "holiday", "端午节", "Dragon Boat Festival", true], // Sat
  ["2025-06-01", "holiday", "端午节", "Dragon Boat Festival", false], // Sun
  ["2025-06-02", "holiday", "端午节", "Dragon Boat Festival", false], // Mon 端午节（5/31）逢周六，6/2 周一补休
  ["2025-09-28", "workday", "国庆节调休上班", "National Day (adjusted working day)", false], // Sun
  ["2025-10-01", "holiday", "国庆节、中秋节", "National Day & Mid-Autumn Festival", true], // Wed
  ["2025-10-02", "holiday", "国庆节、中秋节", "National Day & Mid-Autumn Festival", true], // Thu
  ["2025-10-03", "holiday", "国庆节、中秋节", "National Day & Mid-Autumn Festival", true], // Fri
  ["2025-10-04", "holiday", "国庆节、中秋节", "National Day & Mid-Autumn Festival", false], // Sat
  ["2025-10-05", "holiday", "国庆节、中秋节", "National Day & Mid-Autumn Festival", false], // Sun
  ["2025-10-06", "holiday", "国庆节、中秋节", "National Day & Mid-Autumn Festival", true], // Mon 中秋节（农历八月十五）
  ["2025-10-07", "holiday", "国庆节、中秋节", "National Day & Mid-Autumn Festival", false], // Tue
  ["2025-10-08", "holiday", "国庆节、中秋节", "National Day & Mid-Autumn Festival", false], // Wed
  ["2025-10-11", "workday", "国庆节调休上班", "National Day (adjusted working day)", false], // Sat
  ["2026-01-01", "holiday", "元旦", "New Year's Day", true], // Thu
  ["2026-01-02", "holiday", "元旦", "New Year's Day", false], // Fri
  ["2026-01-03", "holiday", "元旦", "New Year's Day", false], // Sat
  ["2026-01-04", "workday", "元旦调休上班", "New Year's Day (adjusted working day)", false], // Sun
  ["2026-02-14", "workday", "春节调休上班", "Spring Festival (adjusted working day)", false], // Sat
  ["2026-02-15", "holiday", "春节", "Spring Festival", false], // Sun 农历腊月廿八
  ["2026-02-16", "holiday", "春节", "Spring Festival", true], // Mon 除夕（农历腊月廿九）
  ["2026-02-17", "holiday", "春节", "Spring Festival", true], // Tue
  ["2026-02-18", "holiday", "春节", "Spring Festival", true], // Wed
  ["2026-02-19", "holiday", "春节", "Spring Festival", true], // Thu
  ["2026-02-20", "holiday", "春节", "Spring Festival", false], // Fri
  ["2026-02-21", "holiday", "春节", "Spring Festival", false], // Sat
  ["2026-02-22", "holiday", "春节", "Spring Festival", false], // Sun
  ["2026-02-23", "holiday", "春节", "Spring Festival", false], // Mon 正月初七
  ["2026-02-28", "workday", "春节调休上班", "Spring Festival (adjusted working day)", false], // Sat
  ["2026-04-04", "holiday", "清明节", "Qingming Festival", false], // Sat
  ["2026-04-05", "holiday", "清明节", "Qingming Festival", true], // Sun
  ["2026-04-06", "holiday", "清明节", "Qingming Festival", false], // Mon 清明（4/5）逢周日，4/6 周一补休
  ["2026-05-01", "holiday", "劳动节", "Labour Day", true], // Fri
  ["2026-05-02", "holiday", "劳动节", "Labour Day", true], // Sat
  ["2026-05-03", "holiday", "劳动节", "Labour Day", false], // Sun
  ["2026-05-04", "holiday", "劳动节", "Labour Day", false], // Mon 法定假日 5/2 逢周六，5/4 周一补休
  ["2026-05-05", "holiday", "劳动节", "Labour Day", false], // Tue
  ["2026-05-09", "workday", "劳动节调休上班", "Labour Day (adjusted working day)", false], // Sat
  ["2026-06-19", "holiday", "端午节", "Dragon Boat Festival", true], // Fri
  ["2026-06-20", "holiday", "端午节", "Dragon Boat Festival", false], // Sat
  ["2026-06-21", "holiday", "端午节", "Dragon Boat Festival", false], // Sun
  ["2026-09-20", "workday", "国庆节调休上班", "National Day (adjusted working day)", false], // Sun
  ["2026-09-25", "holiday", "中秋节", "Mid-Autumn Festival", true], // Fri
  ["2026-09-26", "holiday", "中秋节", "Mid-Autumn Festival", false], // Sat
  ["2026-09-27", "holiday", "中秋节", "Mid-Autumn Festival", false], // Sun
  ["2026-10-01", "holiday", "国庆节", "National Day", true], // Thu
  ["2026-10-02", "holiday", "国庆节", "National Day", true], // Fri
  ["2026-10-03", "holiday", "国庆节", "National Day", true], // Sat
  ["2026-10-04", "holiday", "国庆节", "National Day", false], // Sun
  ["2026-10-05", "holiday", "国庆节", "National Day", false], // Mon 法定假日 10/3 逢周六，10/5 周一补休
  ["2026-10-06", "holiday", "国庆节", "National Day", false], // Tue
  ["2026-10-07", "holiday", "国庆节", "National Day", false], // Wed
  ["2026-10-10", "workday", "国庆节调休上班", "National Day (adjusted working day)", false], // Sat
];
