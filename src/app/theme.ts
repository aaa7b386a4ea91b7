// Light, dark, or the system's (prefers-color-scheme), chosen in the header and remembered in this
// browser under its own localStorage key (a preference of the person, not part of a playground).
// The page's colours follow <html data-theme>; Monaco follows useColorScheme().
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export const THEME_KEY = 'pywasm-playground-theme';

const media = window.matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set<() => void>();

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    // Storage refused (some privacy modes): the system's scheme.
    return 'system';
  }
}

let choice = stored();

const scheme = (): 'light' | 'dark' => (choice === 'system' ? (media.matches ? 'dark' : 'light') : choice);

function update(): void {
  document.documentElement.dataset.theme = scheme();
  for (const listener of listeners) listener();
}

export function setThemeChoice(next: ThemeChoice): void {
  choice = next;
  try {
    if (next === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, next);
  } catch {
    // Not remembered, but applied for this visit.
  }
  update();
}

media.addEventListener('change', update);
// Another tab chose: this one follows.
window.addEventListener('storage', (e) => {
  if (e.key !== THEME_KEY && e.key !== null) return;
  choice = stored();
  update();
});
// At load, before React renders: the first paint already has the chosen colours.
update();

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  return () => listeners.delete(onChange);
}

export const useThemeChoice = (): ThemeChoice => useSyncExternalStore(subscribe, () => choice);
export const useColorScheme = (): 'light' | 'dark' => useSyncExternalStore(subscribe, scheme);
