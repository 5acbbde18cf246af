const m = (zh: string, en: string) => ({ zh, en });

/** Labels of the breakdown view, the drill's populations, the upload summary and the phone menu. */
export const POLISH_MESSAGES = {
  plDrillFailing: m('未达标：{metric}', 'Failed: {metric}'),
  plDrillPopulation: m('分母：{metric}', 'Denominator of: {metric}'),
  plShowFailing: m('只看未达标的工单', 'Only the tickets that failed it'),
  plShowPopulation: m('分母中的全部工单', 'All tickets of the denominator'),
  plNavBreakdown: m('分解', 'Breakdown'),
  plMenu: m('菜单', 'Menu'),
  plBreakdownTitle: m('指标分解：按周 × 维度', 'Breakdown: week × dimension'),
  plBreakdownIntro: m(
    '每个单元格是该周、该维度取值下的指标值；每周最差的单元格标红，最差的一周加粗。点击单元格查看对应工单。',
    'Each cell is the figure for that week and that value; the worst cell of each week is marked red, the worst week is in bold. Click a cell to open its tickets.'
  ),
  plMetric: m('指标', 'Metric'),
  plDimension: m('维度', 'By'),
  plWeek: m('周（周一开始）', 'Week (from Monday)'),
  plTotal: m('合计', 'All'),
  plWorstWeek: m(
    '最差的一周：{week}（{value}）。拉低当周的{dimension}：{key}，当周 {keyValue}（平时 {usual}，{n} 张工单）。',
    'Worst week: {week} at {value}. The {dimension} that pulled it down: {key}, {keyValue} that week against {usual} over all weeks ({n} tickets).'
  ),
  plWorstWeekOnly: m(
    '最差的一周：{week}（{value}）；没有哪个取值明显低于其平时水平。',
    'Worst week: {week} at {value}; no value fell clearly below its usual level.'
  ),
  plEmptyValue: m('（空）', '(empty)'),
  plNoBreakdown: m(
    '当前筛选下没有可分解的数据。',
    'Nothing to break down under the current filters.'
  ),
  plUnavailable: m('（不可用：{reason}）', '(not available: {reason})'),
  plMinTickets: m(
    '少于 {n} 张工单的单元格不参与最差标记',
    'Cells with fewer than {n} tickets are not marked worst'
  ),
  plCellTitle: m('{value}，{n} 张工单', '{value}, {n} tickets'),
  plWorstMark: m('最差', 'worst'),
  plHigherBetter: m('越高越好', 'higher is better'),
  plLowerBetter: m('越低越好', 'lower is better')
};
