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
  plLowerBetter: m('越低越好', 'lower is better'),
  plSeeReasons: m(
    '按原因分组查看，并查看修正方法',
    'See the reasons grouped, with where to fix each'
  ),
  plSummaryTitle: m('上传结果', 'After the upload'),
  plMappedAuto: m(
    '已自动对应 {mapped} 个字段（文件共 {headers} 列）：{exact} 个按列名完全一致，{synonym} 个按同义词，{values} 个按取值，{preset} 个按预设。',
    '{mapped} fields were mapped automatically ({headers} columns in the file): {exact} by exact name, {synonym} by synonym, {values} by their values, {preset} by a preset.'
  ),
  plMappedRemembered: m(
    '使用了此表头上次保存的字段对应。',
    'The mapping saved for this header last time was used.'
  ),
  plMappedChosen: m('使用了您选择的字段对应。', 'The mapping you chose was used.'),
  plReviewMapping: m('在字段对应编辑器中检查', 'Review it in the mapping editor'),
  plRowsAccepted: m(
    '{total} 行：接受 {accepted}，拒绝 {rejected}。',
    '{total} rows: {accepted} accepted, {rejected} rejected.'
  ),
  plReasonsTitle: m(
    '拒绝原因（按原因分组计数；一行可有多个原因）',
    'Why rows were rejected (grouped and counted; a row can have several reasons)'
  ),
  plReasonRows: m('{n} 行', '{n} row(s)'),
  plReasonExamples: m('例如：{values}', 'e.g. {values}'),
  plFixValueMap: m('在取值对应中映射这些值', 'Map these values in the value map'),
  plFixColumn: m('检查为 {column} 选择的列', 'Check the column chosen for {column}'),
  plFixColumnAny: m('检查字段对应', 'Check the column choice'),
  plFixTimeZone: m(
    '检查时区（或为这些时间选择的列）',
    'Check the time zone (or the columns chosen for these times)'
  ),
  plFixFile: m(
    '文件本身的问题：检查引号与分隔符后重新导出',
    'A problem in the file itself: check its quoting and delimiter, then export it again'
  ),
  plFixReportLine: m(
    '无需修改：这是导出附加的报表行（合计行、重复的表头），不是工单，已计数并排除在指标之外',
    'Nothing to fix: a line the export adds (a totals row, the header again) is not a ticket; it is counted here and left out of the figures'
  ),
  plMinutesOnly: m(
    '时间戳只精确到分钟（没有一个带秒）：“20秒内接通率”与等待秒数因此意义不大——等待只能是 60 秒的整数倍。',
    'The timestamps carry only minutes (none has seconds): the 20-second pickup figure and waits in seconds then mean little — every wait is a multiple of 60 s.'
  ),
  plMinutesOnlyGeneral: m(
    '时间戳只精确到分钟（没有一个带秒）：秒级的时长按整分钟计算。',
    'The timestamps carry only minutes (none has seconds): durations under a minute are rounded to whole minutes.'
  )
};
