import { createRoot, hydrateRoot } from 'react-dom/client';
import { Root } from './Root.tsx';
import { readUrlState } from './url-state.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const page = <Root fromUrl={readUrlState(window.location.search)} />;
// The production build prerenders the page into #root (server/build/prerender.ts); `vite dev` does not.
if (root.firstElementChild) hydrateRoot(root, page);
else createRoot(root).render(page);
