const m = (zh: string, en: string) => ({ zh, en });

/** Labels of the cold open: build-time figures shown until the engine is live (merged into MESSAGES). */
export const OPEN_MESSAGES = {
  openPrecomputed: m(
    '预先计算的数字，实时引擎就绪后替换',
    'precomputed figures until the engine is live'
  ),
  openPrecomputedTitle: m(
    '这些数字由构建时对内置数据集运行同一指标目录得出；只在未筛选的内置数据上显示。',
    'Computed when the app was built, by the same metric catalogue on the bundled dataset; shown only for the bundled data without filters.'
  )
};
