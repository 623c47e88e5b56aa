/**
 * Runs before paint: applies the saved theme or the system's, so there is no flash of the wrong theme.
 * Kept tiny and inline on purpose.
 */
export const THEME_STORAGE_KEY = 'k8s-ko-theme';
/** 애니메이션 줄이기 (see motion-toggle.tsx), also applied before paint so nothing animates first. */
export const MOTION_STORAGE_KEY = 'k8s-ko-reduce-motion';

const script = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');var d=t==='dark'||(t!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);if(localStorage.getItem('${MOTION_STORAGE_KEY}'))document.documentElement.setAttribute('data-reduce-motion','');}catch(e){}})();`;

/** `nonce`: the request's CSP nonce (proxy.ts), without which the browser refuses to run an inline script. */
export function ThemeScript({ nonce }: { nonce?: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
