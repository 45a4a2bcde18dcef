import { createRoot, hydrateRoot } from 'react-dom/client';
import { Root } from './Root.tsx';
import { readUrlState } from './url-state.ts';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const fromUrl = readUrlState(window.location.search);
// `theme=light|dark` pins the colours (styles.css); `auto` leaves them to the system setting.
if (fromUrl.view.theme !== 'auto') document.documentElement.dataset.theme = fromUrl.view.theme;

// The production build prerenders the page into #root (server/build/prerender.ts); `vite dev` does not.
if (root.firstElementChild) hydrateRoot(root, <Root fromUrl={fromUrl} hydrating />);
else createRoot(root).render(<Root fromUrl={fromUrl} />);
