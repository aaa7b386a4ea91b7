// The right-hand panels in tabs (the result, the test cases, the SE2 request, the fetch mocks, the run's sequence of
// crossings and the bytes at their pointers), so that each gets the column's full height at 1280x800 instead of all
// of them stacked. A run shows the result, unless the person is watching its sequence or memory.
import { memo, useState, type ReactNode } from 'react';
import { useStore } from '../store/index.ts';
import { FetchMocks } from './FetchMocks.tsx';
import { MemoryView } from './MemoryView.tsx';
import { RequestPanel } from './RequestPanel.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { SequenceView } from './SequenceView.tsx';
import { TestsPanel } from './TestsPanel.tsx';

// These panels read the store themselves and take no props. SidePanels renders on every run (the
// result tab comes into view), and without memo each run would render every form in the column.
const Result = memo(ResultPanel);
const Tests = memo(TestsPanel);
const Request = memo(RequestPanel);
const Fetch = memo(FetchMocks);

type Tab = 'result' | 'tests' | 'request' | 'fetch' | 'sequence' | 'memory';

export function SidePanels() {
  const [tab, setTab] = useState<Tab>('result');
  const runCount = useStore((s) => s.runCount);
  const requestOn = useStore((s) => s.request !== null);
  const mocks = useStore((s) => Object.keys(s.fetch).length);
  const cases = useStore((s) => s.cases.length);
  const setTracing = useStore((s) => s.setTracing);
  // Each new run brings its outcome into view (adjusted during render, not in an effect).
  const [seenRuns, setSeenRuns] = useState(runCount);
  if (seenRuns !== runCount) {
    setSeenRuns(runCount);
    if (tab !== 'sequence' && tab !== 'memory') setTab('result');
  }
  const choose = (next: Tab) => {
    // Tracing starts when the person first looks at the crossings, and stays on in this tab (issue 14).
    if (next === 'sequence' || next === 'memory') setTracing(true);
    setTab(next);
  };

  const tabs: { id: Tab; label: ReactNode }[] = [
    { id: 'result', label: 'Result' },
    { id: 'tests', label: cases === 0 ? 'Tests' : `Tests (${cases})` },
    { id: 'request', label: <>Request {requestOn ? <span className="badge">on</span> : <span className="badge off">off</span>}</> },
    { id: 'fetch', label: <>Fetch mocks {mocks > 0 && <span className="badge">{mocks}</span>}</> },
    { id: 'sequence', label: 'Sequence' },
    { id: 'memory', label: 'Memory' },
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
            onClick={() => choose(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {/* All stay mounted: the result keeps its live region, the forms keep rows being typed. */}
      <div className="side-body" role="tabpanel" id="side-panel-result" aria-labelledby="side-tab-result" hidden={tab !== 'result'}>
        <Result />
      </div>
      <section
        className="side-body tests-panel"
        role="tabpanel"
        id="side-panel-tests"
        aria-labelledby="side-tab-tests"
        hidden={tab !== 'tests'}
      >
        <Tests />
      </section>
      <div className="side-body" role="tabpanel" id="side-panel-request" aria-labelledby="side-tab-request" hidden={tab !== 'request'}>
        <Request />
      </div>
      <div className="side-body" role="tabpanel" id="side-panel-fetch" aria-labelledby="side-tab-fetch" hidden={tab !== 'fetch'}>
        <Fetch />
      </div>
      <div className="side-body" role="tabpanel" id="side-panel-sequence" aria-labelledby="side-tab-sequence" hidden={tab !== 'sequence'}>
        {tab === 'sequence' && <SequenceView onShowMemory={() => choose('memory')} />}
      </div>
      <div className="side-body" role="tabpanel" id="side-panel-memory" aria-labelledby="side-tab-memory" hidden={tab !== 'memory'}>
        {tab === 'memory' && <MemoryView />}
      </div>
    </section>
  );
}
