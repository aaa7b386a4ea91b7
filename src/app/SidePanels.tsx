// The right-hand panels in tabs (the result, the test cases, the SE2 request, the fetch mocks), so that each gets
// the column's full height at 1280x800 instead of all of them stacked. A run shows the result.
import { useState, type ReactNode } from 'react';
import { useStore } from '../store/index.ts';
import { FetchMocks } from './FetchMocks.tsx';
import { RequestPanel } from './RequestPanel.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { TestsPanel } from './TestsPanel.tsx';

type Tab = 'result' | 'tests' | 'request' | 'fetch';

export function SidePanels() {
  const [tab, setTab] = useState<Tab>('result');
  const runCount = useStore((s) => s.runCount);
  const requestOn = useStore((s) => s.request !== null);
  const mocks = useStore((s) => Object.keys(s.fetch).length);
  const cases = useStore((s) => s.cases.length);
  // Each new run brings its outcome into view (adjusted during render, not in an effect).
  const [seenRuns, setSeenRuns] = useState(runCount);
  if (seenRuns !== runCount) {
    setSeenRuns(runCount);
    setTab('result');
  }

  const tabs: { id: Tab; label: ReactNode }[] = [
    { id: 'result', label: 'Result' },
    { id: 'tests', label: cases === 0 ? 'Tests' : `Tests (${cases})` },
    { id: 'request', label: <>Request {requestOn ? <span className="badge">on</span> : <span className="badge off">off</span>}</> },
    { id: 'fetch', label: <>Fetch mocks {mocks > 0 && <span className="badge">{mocks}</span>}</> },
  ];
  return (
    <section className="panel side-panels" aria-label="Result and SE2 inputs">
      <div className="side-tabs" role="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`side-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`side-panel-${t.id}`}
            data-testid={`side-tab-${t.id}`}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* All stay mounted: the result keeps its live region, the forms keep rows being typed. */}
      <div className="side-body" role="tabpanel" id="side-panel-result" aria-labelledby="side-tab-result" hidden={tab !== 'result'}>
        <ResultPanel />
      </div>
      <section className="side-body tests-panel" role="tabpanel" id="side-panel-tests" aria-labelledby="side-tab-tests" hidden={tab !== 'tests'}>
        <TestsPanel />
      </section>
      <div className="side-body" role="tabpanel" id="side-panel-request" aria-labelledby="side-tab-request" hidden={tab !== 'request'}>
        <RequestPanel />
      </div>
      <div className="side-body" role="tabpanel" id="side-panel-fetch" aria-labelledby="side-tab-fetch" hidden={tab !== 'fetch'}>
        <FetchMocks />
      </div>
    </section>
  );
}
