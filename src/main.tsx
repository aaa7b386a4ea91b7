// The guest starts downloading and compiling, and the relay Worker loading, before anything else is evaluated.
import './app/early.ts';
import { startPage } from './app/startup.ts';
import './app/app.css';

// The Worker starts and the first run is asked for (it waits for the guest) before the UI's code
// has arrived: the UI is a chunk of its own, fetched while the module compiles.
startPage();
void import('./app/render.tsx');
