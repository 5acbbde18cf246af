const m = (zh: string, en: string) => ({ zh, en });

/** Texts of how a load ran (fast or text path) and of the copy kept in the browser. */
export const LOAD_MESSAGES = {
  loadPathLabel: m('读取方式', 'Load path'),
  loadPathTyped: m(
    '快速路径：按数据契约的类型一次读入',
    "Fast path: read once with the contract's column types"
  ),
  loadPathText: m('文本路径：逐格解析并说明每个问题', 'Text path: every cell parsed and explained'),
  loadStoredLabel: m('浏览器中保存', 'Kept in this browser'),
  loadStoredYes: m(
    '已保存在本浏览器（OPFS），刷新页面后仍会显示这份数据',
    'Saved in this browser (OPFS): a reload shows this data again'
  ),
  loadStoredRestored: m(
    '从本浏览器保存的副本恢复（{ms} 毫秒），未重新读取文件',
    'Restored from the copy saved in this browser ({ms} ms), the file was not read again'
  ),
  loadStoredNo: m(
    '未保存：{reason}。刷新页面后将回到内置示例数据',
    'Not saved: {reason}. A reload returns to the bundled data'
  ),
  loadForget: m('忘记这份数据', 'Forget this data'),
  loadForgetHint: m(
    '从本浏览器删除保存的工单，并回到内置示例数据',
    'Removes the saved tickets from this browser and returns to the bundled data'
  )
} as const;
