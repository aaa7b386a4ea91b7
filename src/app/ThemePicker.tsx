// The header's theme choice: the system's, light or dark.
import { setThemeChoice, useThemeChoice, type ThemeChoice } from './theme.ts';

export function ThemePicker() {
  const choice = useThemeChoice();
  return (
    <label className="theme-picker">
      <span className="visually-hidden">Theme</span>
      <select data-testid="theme" aria-label="Theme" value={choice} onChange={(e) => setThemeChoice(e.target.value as ThemeChoice)}>
        <option value="system">System theme</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}
