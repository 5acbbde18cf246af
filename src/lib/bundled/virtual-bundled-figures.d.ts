declare module 'virtual:bundled-figures' {
  const figures: import('./bundled-figures').BundledFigures;
  export default figures;
}
