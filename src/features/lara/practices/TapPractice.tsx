/** Tap practice: three big circles to tap, one at a time, in any order. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PracticeDone } from './PracticeDone';

const TARGETS = [0, 1, 2] as const;

export function TapPractice({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [tapped, setTapped] = useState<number[]>([]);
  const done = tapped.length === TARGETS.length;
  return (
    <div className="practice practice--tap">
      <ul className="tap-targets">
        {TARGETS.map((target) => (
          <li key={target}>
            <button
              type="button"
              className="tap-target"
              aria-pressed={tapped.includes(target)}
              data-tap-target={target}
              onClick={() => {
                if (tapped.includes(target)) return;
                const next = [...tapped, target];
                setTapped(next);
                if (next.length === TARGETS.length) onDone();
              }}
            >
              {t('practice.tapTarget', { number: target + 1 })}
            </button>
          </li>
        ))}
      </ul>
      <PracticeDone done={done} />
    </div>
  );
}
