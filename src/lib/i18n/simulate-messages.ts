const m = (zh: string, en: string) => ({ zh, en });

/** Labels of the what-if simulation page (merged into MESSAGES). */
export const SIMULATE_MESSAGES = {
  simulate: m('模拟推演', 'What-if'),
  simTitle: m(
    '模拟推演：如果当时这样做，指标会怎样？',
    'What-if: had we done X, what would our KPIs have been?'
  ),
  simIntro: m(
    '按时间顺序回放已加载日志中的人工排队请求，先按原样运行（基线），再加入改动运行；每个数字都是多次带种子重复运行的均值及 95% 区间。本页使用完整数据集，不受筛选条件影响。',
    'Replays the human-queue requests of the loaded log in time order, once as it was (the baseline) and once with the change; every figure is the mean of seeded replications with its 95% interval. This page uses the whole dataset, not the filters.'
  ),
  simPreparing: m('正在读取历史并推断排班…', 'Reading the history and inferring staffing…'),
  simBacktestTitle: m(
    '校准：回测（先看模型是否可信）',
    'Calibration: backtest (check the model first)'
  ),
  simBacktestIntro: m(
    '基线模拟应当复现实际观测值；误差越小，下面的情景结果越可信。',
    'The baseline run should reproduce what was observed; the smaller the error, the more the scenario results below can be trusted.'
  ),
  simObserved: m('实际观测', 'Observed'),
  simSimulated: m('模拟（95% 区间）', 'Simulated (95% interval)'),
  simError: m('误差', 'Error'),
  simKpi: m('指标', 'KPI'),
  simBacktestRunning: m('正在运行回测…', 'Running the backtest…'),
  simKpi_pickup_within_20s: m('20 秒内接起率', 'Picked up within threshold'),
  simKpi_avg_wait_seconds: m('平均等待（秒）', 'Average wait (s)'),
  simKpi_abandon_rate: m('放弃率', 'Abandon rate'),
  simKpi_occupancy: m('坐席占用率', 'Occupancy'),
  simKpi_agent_hours: m('坐席工时', 'Agent-hours'),
  simKpi_human_requests: m('人工请求量', 'Human requests'),
  simStaffingTitle: m('排班（每个队列 × 一周中的小时）', 'Staffing (per queue × hour of week)'),
  simStaffingHowAgentId: m(
    '由坐席工号推断：每位坐席从接起到处理完毕视为在岗，两次接待间隔短于 10 分钟也算在岗；按小时累计在岗秒数 ÷ 3600，再对数据覆盖的各周取平均。',
    'Inferred from agent ids: an agent counts as on duty from pickup to the end of handling, and through idle gaps under 10 minutes; on-duty seconds per clock hour ÷ 3600, averaged over the weeks the data covers.'
  ),
  simStaffingHowErlang: m(
    '无坐席工号：每个小时取能让 Erlang A（无人放弃时为 Erlang C）复现实际 20 秒接起率的最小（可为小数）坐席数。',
    'No agent ids: for each hour, the smallest (possibly fractional) number of agents at which Erlang A (Erlang C when nobody abandons) gives the observed pickup within 20 s.'
  ),
  simStaffingHowUploaded: m(
    '使用上传/编辑的排班表。',
    'Using the uploaded / edited staffing table.'
  ),
  simQueue: m('队列', 'Queue'),
  simSource: m('来源', 'Source'),
  simDownloadStaffing: m('下载排班 CSV', 'Download staffing CSV'),
  simUploadStaffing: m('上传排班 CSV', 'Upload staffing CSV'),
  simEditStaffing: m(
    '按 CSV 行修改（queue,weekday,hour,agents；* 表示全部，范围如 9-17；后面的行覆盖前面的）',
    'Edit with CSV lines (queue,weekday,hour,agents; * = all, ranges like 9-17; later lines override earlier ones)'
  ),
  simApplyStaffing: m('应用排班', 'Apply staffing'),
  simResetStaffing: m('恢复为推断排班', 'Back to inferred staffing'),
  simStaffingError: m(
    '排班文件第 {line} 行，字段 {field}：{detail}',
    'Staffing file line {line}, field {field}: {detail}'
  ),
  simWeekdays: m('周一,周二,周三,周四,周五,周六,周日', 'Mon,Tue,Wed,Thu,Fri,Sat,Sun'),
  simErlangTitle: m('Erlang C / Erlang A 计算器', 'Erlang C / Erlang A calculator'),
  simCallsPerInterval: m('每区间来电量', 'Calls per interval'),
  simIntervalMinutes: m('区间长度（分钟）', 'Interval (minutes)'),
  simAhtSeconds: m('平均处理时长 AHT（秒）', 'Average handle time (s)'),
  simAgents: m('坐席数', 'Agents'),
  simThresholdSeconds: m('服务水平阈值（秒）', 'Service-level threshold (s)'),
  simPatienceSeconds: m('平均耐心（秒，Erlang A）', 'Mean patience (s, Erlang A)'),
  simPWait: m('需等待概率', 'P(wait)'),
  simServiceLevel: m('服务水平', 'Service level'),
  simAsa: m('平均应答速度 ASA（秒）', 'Average speed of answer (s)'),
  simOccupancy: m('占用率', 'Occupancy'),
  simPAbandon: m('放弃概率', 'P(abandon)'),
  simTargetSl: m('目标服务水平（%）', 'Target service level (%)'),
  simAgentsNeeded: m('所需坐席', 'Agents needed'),
  simUnstable: m('坐席数不大于负载：队列不稳定', 'Agents ≤ load: the queue is unstable'),
  simInvalidInput: m('请输入有效的正数', 'Enter valid positive numbers'),
  simScenarioTitle: m('情景设置', 'Scenario'),
  simScenarioName: m('情景名称', 'Scenario name'),
  simGenericLevers: m('通用杠杆', 'Generic levers'),
  simVolumeGrowth: m('工单量增长（%）', 'Volume growth (%)'),
  simSlThreshold: m('服务水平阈值（秒）', 'Service-level threshold (s)'),
  simAgentsDelta: m('坐席增减（队列 / 星期 / 小时）', 'Agents ± (queue / weekday / hour)'),
  simWeekdayCol: m('星期 (1–7)', 'Weekday (1–7)'),
  simHourCol: m('小时', 'Hours'),
  simDeltaCol: m('增减', 'Change'),
  simAddRow: m('添加一行', 'Add a row'),
  simRemove: m('删除', 'Remove'),
  simProposalTracking: m('① 统一工单追踪', '① Unified ticket tracking'),
  simTrackingHelp: m(
    '改动后会查询进度的用户比例（当前数据：{now}）。有意识的用户不再发起的进度催问将从回放中移除。',
    'Share of users aware of status lookup after the change (today in the data: {now}). Follow-up contacts they would not have made are removed from the replay.'
  ),
  simAwareness: m('追踪意识', 'Awareness'),
  simProposalConfidence: m('② AI 答案置信度标注', '② AI answer confidence labelling'),
  simConfidenceHelp: m(
    'ai_confidence < τ 的工单直接转人工：机器人答错的省去错误回答与重复回答，答对的成为额外人工负载。',
    'Tickets with ai_confidence < τ go straight to a human: wrong bot answers and their duplicates are avoided; right ones become extra human load.'
  ),
  simThreshold: m('阈值 τ', 'Threshold τ'),
  simCurveTitle: m('τ 的取舍曲线', 'The τ trade-off'),
  simContainment: m('自助解决率', 'Containment'),
  simDuplicateRate: m('重复回答率', 'Duplicate answers'),
  simMisjudged: m('误判到达用户', 'Misjudgment reaching users'),
  simHumanLoad: m('人工负载', 'Human load'),
  simProposalNight: m('③ 海外地区夜班坐席', '③ Regional night-shift seats'),
  simNightHelp: m(
    '按地区当地时间安排坐席；覆盖时段内的非工作时间工单由夜班接待。解决率随首次响应延迟变化（下图为数据中的经验关系，即本假设）。',
    'Seats per region, in the region’s local hours; off-hours tickets in those hours are answered by the seats. Resolution follows first-response delay as observed (the chart: the assumption).'
  ),
  simSeats: m('坐席数', 'Seats'),
  simLocalHours: m('当地时段', 'Local hours'),
  simUtcOffset: m('UTC{offset}', 'UTC{offset}'),
  simRelationTitle: m(
    '首次响应延迟与解决率（海外）',
    'Resolution rate by first-response delay (overseas)'
  ),
  simResolutionRate: m('解决率', 'Resolution rate'),
  simProposalApi: m('④ 企业服务 API', '④ Enterprise service API'),
  simApiShare: m('经 API 接入的企业工单比例', 'Share of enterprise tickets via the API'),
  simHandleReduction: m('处理时长缩减', 'Handle-time reduction'),
  simMisroutingRemoved: m(
    '消除误分配（转入企业队列）',
    'Misrouting removed (sent to the enterprise queue)'
  ),
  simScenarioJson: m('情景 JSON（可直接编辑）', 'Scenario JSON (editable)'),
  simApplyJson: m('应用 JSON', 'Apply JSON'),
  simScenarioInvalid: m('情景字段 {path}：{detail}', 'Scenario field {path}: {detail}'),
  simReplications: m('重复次数', 'Replications'),
  simSeedLabel: m('随机种子', 'Seed'),
  simRun: m('运行模拟', 'Run simulation'),
  simCancel: m('取消', 'Cancel'),
  simCancelled: m('已取消。', 'Cancelled.'),
  simProgress: m('模拟进度', 'Simulation progress'),
  simResultsTitle: m('结果：基线 vs 情景', 'Results: baseline vs scenario'),
  simResultsEmpty: m(
    '设置情景并运行后，此处显示结果。',
    'Set up a scenario and run it to see results here.'
  ),
  simBaseline: m('基线', 'Baseline'),
  simScenario: m('情景', 'Scenario'),
  simDelta: m('变化', 'Change'),
  simInterval95: m('95% 区间', '95% interval'),
  simSlByHour: m(
    '一周各小时服务水平（基线 vs 情景）',
    'Service level by hour of week (baseline vs scenario)'
  ),
  simHourOfWeek: m('一周中的小时', 'Hour of week'),
  simCostTitle: m('坐席工时成本', 'Agent-hours cost'),
  simCostText: m(
    '情景在 {weeks} 周的历史中排班 {scenario} 坐席工时，基线为 {baseline}：变化 {delta}（约每周 {perWeek}）。',
    'The scenario schedules {scenario} agent-hours over the {weeks}-week history, against {baseline}: a change of {delta} (about {perWeek} a week).'
  ),
  simEffectsTitle: m('情景自身指标', 'Scenario effects'),
  simEffect: m('项目', 'Item'),
  simValue: m('数值', 'Value'),
  simSavedTitle: m('已保存的情景', 'Saved scenarios'),
  simSave: m('保存情景', 'Save scenario'),
  simLoad: m('载入', 'Load'),
  simCompare: m('对比', 'Compare'),
  simNoSaved: m('尚未保存情景。', 'No saved scenarios yet.'),
  simNotRun: m('未运行', 'not run'),
  simShareLink: m('复制分享链接', 'Copy share link'),
  simLinkCopied: m('链接已复制', 'Link copied'),
  simRestoredFromLink: m('已从链接恢复情景。', 'Scenario restored from the link.'),
  simLinkInvalid: m(
    '链接中的情景无效：{detail}',
    'The scenario in the link is not valid: {detail}'
  ),
  simKpi_offhours_gap_rate: m(
    '海外非工作时间工单占比（未覆盖）',
    'Overseas tickets off hours, uncovered'
  ),
  simKpi_overseas_first_response_minutes: m(
    '海外首次响应（分钟）',
    'Overseas first response (min)'
  ),
  simKpi_cross_border_resolution_rate: m('跨境支付解决率', 'Cross-border resolution rate'),
  simKpi_containment: m('自助解决率', 'Containment (self-service)'),
  simKpi_enterprise_resolve_minutes: m(
    '企业工单解决时长中位数（分钟）',
    'Enterprise resolution time, median (min)'
  ),
  simKpi_enterprise_speedup: m('企业较个人提速', 'Enterprise speed-up vs individuals'),
  simKpi_enterprise_sla_rate: m('企业首次响应 SLA 达成率', 'Enterprise first-response SLA met'),
  simEnterpriseTitle: m(
    '企业服务 API：历史 vs 情景（95% 区间为重复运行区间）',
    'Enterprise service API: history vs scenario (95% interval over replications)'
  ),
  simKpi_duplicate_answer_rate: m('重复回答率', 'Duplicate-answer rate'),
  simKpi_misjudgment_reaching_users: m('误判到达用户', 'Misjudged answers reaching users'),
  simEffect_status_awareness_before: m('当前查询意识', 'Status-lookup awareness today'),
  simEffect_status_awareness_after: m('改动后查询意识', 'Status-lookup awareness after'),
  simEffect_followup_contacts_avoided: m('省去的进度催问', 'Follow-up contacts avoided'),
  simEffect_human_contacts_avoided: m('省去的人工进度咨询', 'Human status contacts avoided'),
  simEffect_duplicate_answers_avoided: m('避免的重复回答', 'Duplicate answers avoided'),
  simEffect_extra_human_requests: m(
    '直接转人工的额外请求',
    'Extra human requests (sent straight to a human)'
  ),
  simEffect_api_tickets: m('经 API 接入的企业工单', 'Enterprise tickets through the API'),
  simEffect_api_agent_hours_freed: m('API 节省的坐席工时', 'Agent-hours freed by the API'),
  simEffect_api_rerouted_to_enterprise: m(
    '不再误分配的工单（转入企业队列）',
    'Misrouted tickets now sent to the enterprise queue'
  ),
  simBenefits: m('收益', 'Benefits'),
  simCosts: m('代价', 'Costs'),
  simContext: m('背景', 'Context'),
  simBetter: m('改善', 'better'),
  simWorse: m('变差', 'worse'),
  simTradeoffTitle: m(
    'τ = {tau} 时的取舍（对比不标注）',
    'Trade-off at τ = {tau} (against no labelling)'
  ),
  simAllQueues: m('全部 {count} 个队列', 'all {count} queues'),
  simScopeDelta: m(
    '{queues} × 每周 {hours} 小时，每小时 {delta} 名坐席 = 每周 {total} 坐席工时（{share}）',
    '{delta} agents on {queues} × {hours} h a week = {total} agent-hours a week ({share})'
  ),
  simScopeNight: m(
    '{queue}：{seats} 个坐席 × 每周 {hours} 小时 = 每周 {total} 坐席工时（{share}）',
    '{queue}: {seats} seats × {hours} h a week = {total} agent-hours a week ({share})'
  ),
  simScopeInvalid: m('无法计算范围：{detail}', 'Scope unknown: {detail}'),
  simScopeTotal: m(
    '本情景的排班变化：每周 {total} 坐席工时（基线每周 {baseline}，{share}）。',
    'This scenario changes staffing by {total} agent-hours a week (baseline {baseline} a week, {share}).'
  ),
  simStale: m(
    '结果对应的是之前的设置（{name}）；情景已修改，请重新运行。',
    'These results are for the previous settings ({name}); the scenario has changed since: run it again.'
  ),
  simSaveNeedsRun: m(
    '请先运行当前情景再保存：保存的情景会带上其结果以便对比。',
    'Run this scenario before saving it: a saved scenario keeps its results for comparison.'
  ),
  simSaved: m('已保存“{name}”。', 'Saved “{name}”.'),
  simSavedDropped: m(
    '有 {count} 个已保存情景已失效，未载入：{list}',
    '{count} saved scenario(s) no longer valid and not loaded: {list}'
  ),
  simSavedUnreadable: m(
    '浏览器中保存的情景无法读取（{detail}）；在你再次保存之前它们保持原样。',
    'The scenarios saved in this browser could not be read ({detail}); they are left as they are until you save again.'
  ),
  simSaveFailed: m('无法保存在此浏览器中：{detail}', 'Could not save in this browser: {detail}'),
  simArrivalsPerSecond: m(
    '模拟 {arrivals} 个到达，{rate} 个/秒',
    '{arrivals} arrivals simulated, {rate} per second'
  )
} as const;
