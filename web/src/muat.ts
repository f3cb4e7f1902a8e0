import { useCallback, useEffect, useRef, useState } from 'react';

export type Muatan<T> = { keadaan: 'memuat' } | { keadaan: 'ada'; data: T } | { keadaan: 'galat'; galat: unknown };

/**
 * Loads data for a page. An answer that arrives after the inputs changed is dropped, so a slow
 * answer for the previous year never overwrites the year now on screen.
 */
export function useMuat<T>(muat: (() => Promise<T>) | undefined, deps: readonly unknown[]): [Muatan<T>, () => void, (f: (d: T) => T) => void] {
  const [state, setState] = useState<Muatan<T>>({ keadaan: 'memuat' });
  const giliran = useRef(0);
  const [ulang, setUlang] = useState(0);

  useEffect(() => {
    if (!muat) return;
    const ini = ++giliran.current;
    setState({ keadaan: 'memuat' });
    muat().then(
      (data) => {
        if (ini === giliran.current) setState({ keadaan: 'ada', data });
      },
      (galat: unknown) => {
        if (ini === giliran.current) setState({ keadaan: 'galat', galat });
      },
    );
    // The caller's deps stand for what `muat` reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, ulang]);

  const muatUlang = useCallback(() => setUlang((n) => n + 1), []);
  const ubah = useCallback((f: (d: T) => T) => setState((s) => (s.keadaan === 'ada' ? { keadaan: 'ada', data: f(s.data) } : s)), []);
  return [state, muatUlang, ubah];
}
