'use client';

import { useEffect, useState } from 'react';

/**
 * Whether <html> carries a data attribute (e.g. `data-present` from presenter mode, `data-reduce-motion`),
 * kept current as other parts of the page switch it. False on the server and before mount.
 */
export function useDocumentFlag(attribute: `data-${string}`): boolean {
  const [on, setOn] = useState(false);
  useEffect(() => {
    const html = document.documentElement;
    const update = () => setOn(html.hasAttribute(attribute));
    update();
    const obs = new MutationObserver(update);
    obs.observe(html, { attributes: true, attributeFilter: [attribute] });
    return () => obs.disconnect();
  }, [attribute]);
  return on;
}
