declare module 'virtual:bundled-figures' {
  const figures: import('./bundled-figures').BundledFigures;
  export default figures;
  export const snapshot: import('./bundled-snapshot').BundledSnapshot;
  export const snapshotUrl: string;
}
