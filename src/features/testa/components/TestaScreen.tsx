/**
 * Testa: the technology the help point has, each with a how-to card, and try-it-here demos
 * (camera and microphone, scanning a QR code, reading aloud). Hosts the Testa machine.
 */
import { useMemo } from 'react';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import { useTranslation } from 'react-i18next';
import { SectionScreen } from '../../../components/SectionScreen';
import { StaffedDeskCard } from '../../../components/StaffedDeskCard';
import { Picture } from '../../../components/Picture';
import type { LoadedItems } from '../items/load-items';
import { DEMOS } from '../items/testa-schema';
import { testaMachine } from '../flow/testa-machine';
import type { LanguageCode } from '../../../protocol/vocabulary';
import { ItemCard } from './ItemCard';
import { DemoView } from './DemoView';
import { DEMO_KEYS } from './demo-keys';
import './testa.css';

interface TestaScreenProps {
  language: LanguageCode;
  /** The items the help point has, in its order, in this language. */
  loadItems: (language: LanguageCode) => Promise<LoadedItems>;
  onTried: (itemId: string) => void;
  onBackHome: () => void;
}

export function TestaScreen({ language, loadItems, onTried, onBackHome }: TestaScreenProps) {
  const { t } = useTranslation();
  const machine = useMemo(
    () =>
      testaMachine.provide({
        actors: {
          loadItems: fromPromise<LoadedItems, { language: LanguageCode }>(({ input }) =>
            loadItems(input.language),
          ),
        },
        actions: { recordTried: (_, { itemId }) => onTried(itemId) },
      }),
    [loadItems, onTried],
  );
  const [state, send] = useMachine(machine, { input: { language } });
  const { items, itemId, demo } = state.context;
  const back = () => send({ type: 'BACK' });

  if (state.matches('open') && demo)
    return <DemoView demo={demo} language={language} onBack={back} />;
  const itemTexts = itemId ? items?.textsById.get(itemId) : undefined;
  const item = itemId ? items?.items.find((candidate) => candidate.id === itemId) : undefined;
  if (state.matches('open') && item && itemTexts)
    return <ItemCard picture={item.picture} texts={itemTexts} language={language} onBack={back} />;

  return (
    <SectionScreen
      name="testa"
      title={t('testa.title')}
      swedishTitle="Testa"
      lead={t('testa.lead')}
      onBackHome={onBackHome}
    >
      {items ? (
        <section aria-labelledby="items-title">
          <h2 id="items-title">{t('testa.itemsTitle')}</h2>
          <ul className="tile-grid">
            {items.items.map((entry) => (
              <li key={entry.id}>
                <button
                  type="button"
                  className="button button--tile testa-tile"
                  data-item={entry.id}
                  onClick={() => send({ type: 'OPEN_ITEM', itemId: entry.id })}
                >
                  <Picture name={entry.picture} />
                  <span>{items.textsById.get(entry.id)?.title ?? entry.id}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p role="status">{state.matches('failed') ? t('testa.loadFailed') : t('testa.loading')}</p>
      )}
      <section aria-labelledby="demos-title">
        <h2 id="demos-title">{t('testa.demosTitle')}</h2>
        <ul className="tile-grid">
          {DEMOS.map((name) => (
            <li key={name}>
              <button
                type="button"
                className="button button--tile testa-tile"
                data-demo={name}
                onClick={() => send({ type: 'OPEN_DEMO', demo: name })}
              >
                <span>{t(`testa.demo.${DEMO_KEYS[name]}.title`)}</span>
                <span className="testa-tile__text">{t(`testa.demo.${DEMO_KEYS[name]}.text`)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <p className="card">{t('testa.borrowText')}</p>
      <StaffedDeskCard />
    </SectionScreen>
  );
}
