/**
 * Runs before paint: applies the saved theme or the system's, so there is no flash of the wrong theme.
 * Kept tiny and inline on purpose.
 */
export const THEME_STORAGE_KEY = 'k8s-ko-theme';

const script = `(function(){try{var t=localStorage.getItem('${THEME_STORAGE_KEY}');var d=t==='dark'||(t!=='light'&&window.matchMedia('(prefers-color-scheme: dark)').matches);document.documentElement.classList.toggle('dark',d);}catch(e){}})();`;

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: script }} />;
}
