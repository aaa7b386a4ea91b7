// The guest starts downloading and compiling before anything else is evaluated.
import './app/guest.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { startPage } from './app/startup.ts';
import './app/app.css';

startPage();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
