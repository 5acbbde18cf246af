const m = (zh: string, en: string) => ({ zh, en });

/** Labels of the overview's cards: trends, period comparison, targets, report (merged into MESSAGES). */
export const CARDS_MESSAGES = {
  cardsTrend: m('查看 {label} 的趋势', 'Show the trend of {label}'),
  cardsTrendTitle: m('{label}：趋势', '{label}: trend'),
  cardsClose: m('关闭', 'Close'),
  cardsPeriod: m('周期', 'Period'),
  cardsValue: m('数值', 'Value'),
  cardsTarget: m('目标', 'Target'),
  cardsTargetValue: m('目标 {value}', 'Target {value}'),
  cardsMet: m('达标', 'met'),
  cardsMissed: m('未达标', 'missed'),
  cardsNoTarget: m(
    '工单量没有“越高越好”或“越低越好”，不设目标。',
    'Volume is neither better higher nor lower, so it takes no target.'
  ),
  cardsTargetInput: m('目标值（{unit}）', 'Target ({unit})'),
  cardsTargetSave: m('保存目标', 'Save target'),
  cardsTargetClear: m('清除目标', 'Clear target'),
  cardsTargetInvalid: m('请输入一个数字', 'Enter a number'),
  cardsTargetHint: m(
    '目标保存在链接和本浏览器中。',
    'Targets are kept in the link and in this browser.'
  ),
  cardsTargets: m('目标设置', 'Targets'),
  cardsTargetsIntro: m(
    '默认：转人工20秒接通率 80%（常见的“80% 在 20 秒内接起”服务水平），企业专线 SLA 99.3%（原文的承诺）；其余未设。原文数值仍标为“原文”，不是目标。',
    'Defaults: 80 % of human transfers picked up within 20 s (the common "80/20" service level) and the enterprise line’s 99.3 % SLA (the seed’s commitment); the others start unset. The seed’s figures stay labelled “seed”, not target.'
  ),
  cardsHigherBetter: m('越高越好', 'higher is better'),
  cardsLowerBetter: m('越低越好', 'lower is better'),
  cardsMetCount: m(
    '{met}/{total} 个周期达标（绿点达标，红点未达标）',
    'Met in {met} of {total} periods (green points met, red missed)'
  ),
  cardsLastWeek: m('最近整周 {value}', 'Last full week {value}'),
  cardsPrevious: m('上一周期 {value}', 'Previous {value}'),
  cardsWeekBefore: m('前一周 {value}', 'Week before {value}'),
  cardsChange: m('变化', 'Change'),
  cardsSignificant: m('超出随机波动（{p}）', 'larger than chance ({p})'),
  cardsNotSignificant: m('在随机波动内（{p}）', 'within chance ({p})'),
  cardsNoTest: m('无法检验', 'not tested'),
  cardsTooFew: m('样本太少，无法检验', 'too few for a test'),
  cardsCompareCaption: m('对比：{current} 与 {previous}', 'Comparing {current} with {previous}'),
  cardsCompareDefault: m(
    '（未设日期范围：数据中最近一个完整周与前一周）',
    '(no date range set: the last full week of the data and the week before)'
  ),
  cardsTestTwoProportion: m(
    '变化检验：两比例 z 检验（合并比例，双侧，5% 水平）。',
    'Change test: two-proportion z-test (pooled, two-sided, 5 % level).'
  ),
  cardsTestMannWhitney: m(
    '变化检验：Mann–Whitney 秩和检验（正态近似，含结与连续性校正，双侧，5% 水平；检验分布整体偏移）。',
    'Change test: Mann–Whitney rank test (normal approximation with tie and continuity correction, two-sided, 5 % level; tests a shift of the whole distribution).'
  ),
  cardsTestWelch: m(
    '变化检验：Welch 均值检验（方差不等，正态近似，每期至少 30 个值，双侧，5% 水平）。',
    'Change test: Welch test of two means (unequal variances, normal approximation, at least 30 values per period, two-sided, 5 % level).'
  ),
  cardsTestPoisson: m(
    '变化检验：两个等长周期的计数按泊松计数比较（条件二项，正态近似，双侧，5% 水平）。',
    'Change test: the two counts of periods of equal length compared as Poisson counts (conditional binomial, normal approximation, two-sided, 5 % level).'
  ),
  cardsTestGap: m(
    '变化检验：差距变化的 z 检验（四个比例的方差相加，双侧，5% 水平）。',
    'Change test: z-test of the change of the gap (variances of the four proportions summed, two-sided, 5 % level).'
  ),
  cardsTestBacklog: m(
    '变化检验：无。未结工单按创建周期计：较近周期的工单结单时间更短，未结自然更多，两期之差不是同口径的变化。',
    'Change test: none. Open tickets are counted by the period they were created in: the later period’s tickets have had less time to close, so more of them are open and the difference is not like for like.'
  ),
  cardsTestCensored: m(
    '变化检验：无。两期中仍有未结工单：它们的解决时长最长却不在样本里，较近一期缺得更多，两期之差不是同口径的变化；全部结单后才检验。',
    'Change test: none. Open tickets remain in the two periods: they would have the longest times to resolve but are not in the sample, and the later period lacks more of them, so the difference is not like for like; it is tested once every ticket is closed.'
  ),
  cardsTestNone: m(
    '变化检验：无（两个中位数或均值之比没有简单的检验）。',
    'Change test: none (a ratio of two medians or means has no simple test).'
  ),
  cardsPrint: m('打印 / 导出 PDF', 'Print / save as PDF'),
  cardsCsv: m('下载指标卡 CSV', 'Download the cards as CSV'),
  cardsReportTitle: m('服务效能周报', 'Service efficiency review'),
  cardsReportFilters: m('筛选：{filters}', 'Filters: {filters}'),
  cardsNoFilters: m('无', 'none'),
  cardsGrain: m('趋势粒度', 'Trend by'),
  cardsNoSeries: m('没有可画的周期', 'No periods to draw')
};
