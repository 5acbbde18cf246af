import { DARK, LIGHT, type ChartTheme } from './theme';

/** Chart colours that follow the system's light/dark preference. */
class ChartThemeState {
  current = $state<ChartTheme>(LIGHT);

  constructor() {
    if (typeof matchMedia === 'undefined') return;
    const query = matchMedia('(prefers-color-scheme: dark)');
    this.current = query.matches ? DARK : LIGHT;
    query.addEventListener('change', (e) => (this.current = e.matches ? DARK : LIGHT));
  }
}

export const chartTheme = new ChartThemeState();
