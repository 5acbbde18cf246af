const m = (zh: string, en: string) => ({ zh, en });

/** Which DuckDB the page runs on, and what the native server mode changes. */
export const NATIVE_MESSAGES = {
  nativeEngineServer: m('本机原生 DuckDB（服务器）', 'native DuckDB (server)'),
  nativeEngineBrowser: m('浏览器内 DuckDB', 'in-browser DuckDB'),
  nativeServerPrivacy: m(
    '数据由本机的原生 DuckDB 读取（127.0.0.1），不会离开这台电脑。',
    'Your data is read by native DuckDB on this computer (127.0.0.1); nothing leaves it.'
  ),
  nativeUploadOff: m(
    '服务器模式下不能上传：请用 npm run serve -- --data 文件 重新启动以换数据。',
    'No upload on the server: restart npm run serve -- --data FILE to use other data.'
  )
};
