import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { readUrlState } from './url-state.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const initial = readUrlState(window.location.search);
// `theme=light|dark` pins the colours (styles.css); `auto` leaves them to the system setting.
if (initial.view.theme !== 'auto') document.documentElement.dataset.theme = initial.view.theme;

createRoot(root).render(
  <StrictMode>
    <App initial={initial} />
  </StrictMode>,
);
