const m = (zh: string, en: string) => ({ zh, en });

/** Labels of the data & mapping page and of load cancelling (merged into MESSAGES). */
export const DATA_MESSAGES = {
  navData: m('数据与映射', 'Data & mapping'),
  loadReport: m('加载报告', 'Load report'),
  fileLabel: m('文件', 'File'),
  fileSize: m('大小', 'Size'),
  encodingLabel: m('编码', 'Encoding'),
  delimiterLabel: m('分隔符', 'Delimiter'),
  presetLabel: m('预设', 'Preset'),
  noPreset: m('无（按表头名称与取值推断）', 'None (inferred from header names and values)'),
  timeZoneLabel: m('数据时区', 'Dataset time zone'),
  timeZoneHint: m(
    '不带时区偏移的时间按此时区理解；更改后会用该时区重新加载文件。',
    'Timestamps without an offset are read in this zone; changing it reloads the file.'
  ),
  timeZoneChosen: m('（你选择的）', '(your choice)'),
  timeZoneDefault: m('（预设或默认）', '(preset or default)'),
  rowsLabel: m('行数', 'Rows'),
  rowsTotal: m('文件中', 'In the file'),
  rowsAccepted: m('接受', 'Accepted'),
  rowsRejected: m('拒绝', 'Rejected'),
  dateRange: m('日期范围', 'Date range'),
  eventLogLabel: m('事件日志', 'Event log'),
  eventLogFolded: m(
    '读取 {events} 条事件 → 生成 {tickets} 张工单',
    '{events} events read → {tickets} tickets built'
  ),
  eventLogTicketsRejected: m(
    '（其中 {count} 张工单被拒绝，其事件逐条列在下方）',
    '({count} of them rejected; their events are listed below)'
  ),
  eventLogColumns: m(
    '每个“{case}”一张工单，按“{time}”排序，活动列“{activity}”',
    'One ticket per "{case}", events ordered by "{time}", activity in "{activity}"'
  ),
  eventLogMarks: m('活动标记', 'Activity marks'),
  eventLogDetected: m('识别为事件日志的依据', 'Why this was taken for an event log'),
  markOpened: m('创建', 'opened'),
  markHumanRequested: m('转人工', 'human requested'),
  markAnswered: m('坐席接起', 'answered'),
  markFirstResponse: m('首次响应', 'first response'),
  markResolved: m('解决', 'resolved'),
  markClosed: m('关闭', 'closed'),
  duplicateHeaders: m('重复的表头', 'Duplicate header names'),
  fields: m('原始字段', 'Fields'),
  noRejected: m('没有被拒绝的行。', 'No rejected rows.'),
  rejectedShown: m('显示前 {shown} 行，共 {total} 行', 'First {shown} of {total} shown'),
  mappingTitle: m('列映射', 'Column mapping'),
  mappingSuggested: m(
    '映射由系统根据表头名称和取值推断，可在下方修改。',
    'The mapping was suggested from header names and values; correct it below.'
  ),
  mappingRemembered: m(
    '已使用为此表头记住的映射（表头指纹 {key}）。',
    'Used the mapping remembered for this header (header fingerprint {key}).'
  ),
  mappingChosen: m(
    '使用你设定的映射，并已为此表头记住（表头指纹 {key}）。',
    'Using your mapping, remembered for this header (header fingerprint {key}).'
  ),
  mappingProblem: m(
    '为此表头记住的映射无法使用：{problem}',
    'The mapping remembered for this header could not be used: {problem}'
  ),
  forgetMapping: m('忘记记住的映射', 'Forget the remembered mapping'),
  canonicalColumn: m('标准列', 'Canonical column'),
  sourceColumn: m('文件中的列', 'Column in the file'),
  evidence: m('依据', 'Evidence'),
  required: m('必填', 'required'),
  noneOption: m('— 无 —', '— none —'),
  builtByPreset: m('由预设计算', 'computed by the preset'),
  chosenByYou: m('你的选择', 'your choice'),
  valueMap: m('取值映射', 'Value map'),
  sourceValue: m('文件中的取值', 'Value in the file'),
  canonicalCode: m('标准代码', 'Canonical code'),
  unmatchedOption: m('— 未匹配（该行会被拒绝）—', '— unmatched (row rejected) —'),
  unmatchedCount: m('{count} 个取值未匹配', '{count} values unmatched'),
  keptCount: m(
    '{count} 个自有代码按原样保留：种子指标不统计它们，请对应到标准代码',
    "{count} own codes kept as written: the seed's figures do not count them until mapped to a code"
  ),
  dateOrder: m('日期中日与月的顺序：', 'Day and month in dates: '),
  monthFirst: m('月在前（3/1/2026 = 3 月 1 日）', 'month first (3/1/2026 = 1 March)'),
  dayFirst: m('日在前（3/1/2026 = 1 月 3 日）', 'day first (3/1/2026 = 3 January)'),
  dateOrderNote: m(
    '整个文件按同一顺序读取；与之矛盾的值（如月份为 13）会被拒绝并说明原因。',
    'The whole file is read in one order; a value it cannot read (a month of 13) is rejected by name.'
  ),
  valueTickets: m('{count} 张工单', 'n = {count}'),
  noValueMap: m(
    '文件中的取值已是标准代码。',
    'The values in the file already are canonical codes.'
  ),
  missingRequired: m(
    '必填列尚未选择来源：{columns}',
    'Required columns without a source: {columns}'
  ),
  mappingDirty: m('映射已修改，尚未应用。', 'The mapping has changes that are not applied yet.'),
  applyMapping: m('应用映射（重新加载）', 'Apply mapping (reload)'),
  discardChanges: m('撤销修改', 'Discard changes'),
  exportMapping: m('导出映射 JSON', 'Export mapping (JSON)'),
  importMapping: m('导入映射 JSON', 'Import mapping (JSON)'),
  importFailed: m(
    '无法导入映射 {name}：{message}',
    'The mapping {name} could not be imported: {message}'
  ),
  importDone: m(
    '已导入 {name}，请检查后点击“应用映射”。',
    'Imported {name}: review it, then apply.'
  ),
  cancelLoad: m('取消加载', 'Cancel'),
  cancelling: m('正在取消…', 'Cancelling…'),
  loadingRead: m('正在读取 {name}…', 'Reading {name}…'),
  loadCancelled: m(
    '已取消加载 {name}：当前数据没有任何改变。',
    'Loading {name} was cancelled: nothing was changed.'
  ),
  noDataLoaded: m('尚未加载数据。', 'No data loaded yet.'),
  // data contract v2: notices, constants, open vocabularies
  noticesLabel: m('说明', 'Notes'),
  constantOption: m('常量（每行同一个值）', 'constant (one value for every row)'),
  constantValue: m('常量值', 'Constant value'),
  idFromLine: m('未选择：以行号命名（L2、L3…）', 'none: named after the line (L2, L3, …)'),
  defaultChannel: m('未选择：所有工单记为 "unspecified"', 'none: every ticket is "unspecified"'),
  keptOption: m('— 按原样保留 —', '— kept as written —')
} as const;
