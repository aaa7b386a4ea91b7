// The page's UI: React and the workbench. A chunk of its own (main.tsx imports it last, dynamically),
// so the guest's download and compile and the Worker's start do not wait for this code to arrive,
// be parsed and run.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
