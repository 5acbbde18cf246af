import { BACKTEST_MESSAGES } from './backtest-messages';
import { SIMULATE_MESSAGES } from './simulate-messages';
import { PAGE_MESSAGES } from './page-messages';
import { DATA_MESSAGES } from './data-messages';
import { SPREADSHEET_MESSAGES } from './spreadsheet-messages';
import { CARDS_MESSAGES } from './cards-messages';
import { OPEN_MESSAGES } from './open-messages';
import { FAULT_MESSAGES } from './fault-messages';
import { POLISH_MESSAGES } from './polish-messages';
import { NATIVE_MESSAGES } from './native-messages';
import { LOAD_MESSAGES } from './load-messages';

const m = (zh: string, en: string) => ({ zh, en });

/** Every label of the interface, in Chinese and English. Metric labels live in the catalogue. */
export const MESSAGES = {
  appTitle: m('客服效能分析', 'Service efficiency'),
  dataset: m('数据集', 'Dataset'),
  defaultDataset: m('内置示例数据', 'Bundled default data'),
  rowsSummary: m(
    '共 {total} 行：接受 {accepted}，拒绝 {rejected}',
    '{total} rows: {accepted} accepted, {rejected} rejected'
  ),
  upload: m('上传工单日志', 'Upload a ticket log'),
  dropHint: m(
    '拖放 CSV / Excel / ODS / Parquet / XES 文件到此处，或点击选择',
    'Drop a CSV / Excel / ODS / Parquet / XES file here, or click to choose'
  ),
  loading: m('正在加载…', 'Loading…'),
  loadingEngine: m('正在启动本地分析引擎…', 'Starting the in-browser database…'),
  loadingFile: m('正在读取并校验 {name}…', 'Reading and checking {name}…'),
  computing: m('正在计算指标…', 'Computing metrics…'),
  loadFailed: m('无法加载该文件', 'This file could not be loaded'),
  downloadRejected: m(
    '下载被拒绝的 {count} 行（含原因）',
    'Download the {count} rejected rows (with reasons)'
  ),
  rejectedTitle: m('被拒绝的行', 'Rejected rows'),
  line: m('行号', 'Line'),
  reason: m('原因', 'Reason'),
  filters: m('筛选', 'Filters'),
  from: m('开始日期', 'From'),
  to: m('结束日期', 'To'),
  all: m('全部', 'All'),
  reset: m('重置', 'Reset'),
  entryChannel: m('进线渠道', 'Entry channel'),
  platform: m('平台', 'Platform'),
  region: m('地区', 'Region'),
  customerType: m('用户类型', 'Customer type'),
  seed: m('原文', 'Seed'),
  seedBound: m('原文 < {value}', 'Seed < {value}'),
  n: m('样本 n = {n}', 'n = {n}'),
  definition: m('口径', 'Definition'),
  notAvailable: m('不可用', 'Not available'),
  overview: m('总览', 'Overview'),
  headline: m('核心指标', 'Headline figures'),
  serviceBasics: m('服务基础指标', 'Service basics'),
  serviceBasicsHint: m(
    '任何工单系统导出都能计算的通用指标',
    'The figures any ticket export can give'
  ),
  seedHeadline: m('种子文档核心指标', "The seed document's headline figures"),
  dailyVolume: m('各进线渠道每日工单量', 'Daily tickets by entry channel'),
  weeklyVolume: m('各进线渠道每周工单量', 'Weekly tickets by entry channel'),
  byDay: m('按日', 'By day'),
  byWeek: m('按周', 'By week'),
  weekPartial: m('{day}（仅 {days} 天）', '{day} ({days} of 7 days)'),
  chartTable: m('图表数据表', 'Chart data as a table'),
  savePng: m('导出 PNG', 'Save PNG'),
  noData: m('当前筛选下没有数据', 'No data for the current filters'),
  language: m('English', '中文'),
  privacy: m(
    '数据只在本机浏览器内处理，不会上传。',
    'Your data stays in this browser; nothing is uploaded.'
  ),
  variants: m('对照口径', 'Variants'),
  date: m('日期', 'Date'),
  count: m('数量', 'Count'),
  encodingInfo: m(
    '编码 {encoding}，分隔符 {delimiter}',
    'encoding {encoding}, delimiter {delimiter}'
  ),
  ...SIMULATE_MESSAGES,
  ...BACKTEST_MESSAGES,
  ...PAGE_MESSAGES,
  ...DATA_MESSAGES,
  ...SPREADSHEET_MESSAGES,
  ...CARDS_MESSAGES,
  ...OPEN_MESSAGES,
  ...FAULT_MESSAGES,
  ...POLISH_MESSAGES,
  ...NATIVE_MESSAGES,
  ...LOAD_MESSAGES
} as const;

export type MessageKey = keyof typeof MESSAGES;
