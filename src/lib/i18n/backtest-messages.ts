const m = (zh: string, en: string) => ({ zh, en });

/** Labels of the backtest panel's verdict, model-error interval and calibration chart. */
export const BACKTEST_MESSAGES = {
  simVerdict: m('结论', 'Verdict'),
  simWithinTarget: m('达标（目标 ±{target}）', 'within target (±{target})'),
  simOutsideTarget: m('未达标（目标 ±{target}）', 'outside target (±{target})'),
  simModelInterval: m('含模型误差的区间', 'With model error'),
  simModelIntervalHint: m(
    '“含模型误差的区间”= 重复运行的 95% 区间两侧各加上该指标的回测误差（比率按百分点，平均等待按相对误差）。情景结果至少有这么大的不确定性。',
    '“With model error” = the replication 95% interval widened on each side by that KPI’s backtest error (points for rates, relative for the average wait). Scenario figures are uncertain by at least that much.'
  ),
  simVerdictAllWithin: m(
    '模型在目标范围内复现了历史：情景变化大于模型误差时，可视为改动的效果。',
    'The model reproduces the history within the targets: read scenario changes larger than the model error as effects of the change.'
  ),
  simVerdictSomeOutside: m(
    '模型至少有一项未达标：情景水平请按含模型误差的区间解读，只有明显大于模型误差的变化才可信。',
    'The model misses at least one target: read scenario levels with the wider interval, and trust only changes clearly larger than the model error.'
  ),
  simCalibrationChartTitle: m('各时段实际与模拟对比', 'Observed vs simulated by hour of week'),
  simCalibrationKpi: m('指标', 'KPI'),
  simCalibrationQueue: m('队列', 'Queue'),
  backtestAllQueues: m('全部队列', 'All queues'),
  backtestFitUntil: m('样本外回测：拟合截至', 'Out-of-sample backtest: fit until'),
  backtestFitUntilHint: m(
    '所有估计（到岗份额、耐心、处理时长）只用这一天之前的工单，再回放这一天及之后的工单——这是规划者应看的诚实误差；与命令行 --fit-until 相同。留空时，若历史至少覆盖两周，则自动留出后一半（与命令行不带 --fit-until 时相同）；否则只做样本内回测。',
    'Every estimate (available share, patience, handle times) uses only tickets before this day, then the later tickets are replayed — the honest error a planner should read; the same as the CLI’s --fit-until. Empty = the later half is held out automatically when the history spans at least two weeks (as the CLI does without --fit-until); otherwise in-sample only.'
  ),
  backtestJudgedOutOfSample: m(
    '按样本外（{from} 至 {to}）判定：',
    'Judged on the held-out days ({from} to {to}):'
  ),
  backtestJudgedInSample: m(
    '按样本内判定（历史太短，无法留出天数；到岗份额正是按这段历史拟合的，误差偏乐观）：',
    'Judged in sample (the history is too short to hold days out; the available share was fitted to this very period, so the error is optimistic):'
  ),
  backtestOutOfSampleTitle: m(
    '样本外（{from} 起至 {to}，模型未见过这些工单）',
    'Out of sample ({from} to {to}, tickets the model was not fitted on)'
  ),
  simContacts: m('实际请求数', 'Observed contacts'),
  simCellError: m(
    '队列 × 时段误差（均方根，≥{min} 个请求的 {cells} 个单元）：{value}',
    'Per queue × hour error (root mean square over {cells} cells with ≥ {min} contacts): {value}'
  ),
  simFindingsTitle: m('最大误差及其指向的假设', 'Largest errors and the assumption each points to'),
  simAssumption_staffing_other_work: m(
    '排班：坐席在岗但忙于其他工作，模拟等待偏短',
    'staffing: agents on duty but busy with other work, simulated waits too short'
  ),
  simAssumption_handle_time: m(
    '处理时长：该时段实际处理时长偏离所抽样的时段带',
    'handle times: this hour’s handle times differ from the band the model resamples'
  ),
  simAssumption_patience: m(
    '耐心：相对于模拟等待，放弃率偏差方向相反',
    'patience: abandonment off in the opposite direction to the waits'
  ),
  simAssumption_staffing: m(
    '排班：模拟坐席数与实际不符',
    'staffing: simulated agents differ from the real ones'
  ),
  simRelativeErrorUndefined: m('实际值为 0，相对误差无法计算', 'observed 0, so no relative error')
} as const;
