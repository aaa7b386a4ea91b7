// Beside the editor: the last run's result, or the playground's test cases, one tab at a time.
// Both stay mounted, so switching keeps a case form half-typed and the result as it was.
import { useState } from 'react';
import { useStore } from '../store/index.ts';
import { ResultPanel } from './ResultPanel.tsx';
import { TestsPanel } from './TestsPanel.tsx';

export function SideTabs() {
  const [tab, setTab] = useState<'result' | 'tests'>('result');
  const count = useStore((s) => s.cases.length);
  const tabButton = (id: 'result' | 'tests', label: string) => (
    <button type="button" role="tab" aria-selected={tab === id} data-testid={`tab-${id}`} className="side-tab" onClick={() => setTab(id)}>
      {label}
    </button>
  );
  return (
    <div className="side-tabs">
      <div role="tablist" className="side-tab-list">
        {tabButton('result', 'Result')}
        {tabButton('tests', count === 0 ? 'Tests' : `Tests (${count})`)}
      </div>
      <div hidden={tab !== 'result'} role="tabpanel">
        <ResultPanel />
      </div>
      <section hidden={tab !== 'tests'} role="tabpanel" className="panel tests-panel" aria-label="Tests">
        <TestsPanel />
      </section>
    </div>
  );
}
