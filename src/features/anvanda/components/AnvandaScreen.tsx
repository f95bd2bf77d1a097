/**
 * Använda: hosts the flow machine and renders the view for its state. The catalogue for the
 * visitor's language (the municipality's local catalogue merged in) loads when the section
 * opens, through the app's content loader.
 */
import { useMemo } from 'react';
import { useMachine } from '@xstate/react';
import { fromPromise } from 'xstate';
import { useTranslation } from 'react-i18next';
import { SectionLoading } from '../../../components/SectionLoading';
import { useKioskConfig } from '../../../lib/kiosk-config-context';
import type { LoadedCatalogue } from '../catalogue/load-catalogue';
import { anvandaMachine } from '../flow/anvanda-machine';
import { errandViewLogLogic, type ErrandView } from '../flow/errand-view-log';
import type { LanguageCode } from '../../../protocol/vocabulary';
import { SearchView } from './SearchView';
import './anvanda.css';
import { CategoryView } from './CategoryView';
import { ErrandPage } from './ErrandPage';
import type { ErrandPanel } from './ErrandChoicePanel';
import { openEServiceWindow } from '../../../lib/eservice-window';

export interface AnvandaServices {
  /** The catalogue in this language, the municipality's local catalogue merged in. */
  loadCatalogue: (language: LanguageCode) => Promise<LoadedCatalogue>;
  recordErrandView: (view: ErrandView) => void;
  /** Relays "ask the staff" to the staff tablets; 'not-relayed' when that is not possible. */
  askStaff: (request: {
    errandId: string;
    language: LanguageCode;
  }) => Promise<'relayed' | 'not-relayed'>;
}

interface AnvandaScreenProps {
  language: LanguageCode;
  services: AnvandaServices;
  onBackHome: () => void;
}

export function AnvandaScreen({ language, services, onBackHome }: AnvandaScreenProps) {
  const { t } = useTranslation();
  const config = useKioskConfig();
  const machine = useMemo(
    () =>
      anvandaMachine.provide({
        actors: {
          loadCatalogue: fromPromise<LoadedCatalogue, { language: LanguageCode }>(({ input }) =>
            services.loadCatalogue(input.language),
          ),
          errandViewLog: errandViewLogLogic(services.recordErrandView),
          askStaff: fromPromise(
            ({ input }: { input: { errandId: string; language: LanguageCode } }) =>
              services.askStaff(input),
          ),
        },
        actions: {
          openOnKiosk: (_, { url }) => {
            // The kiosk keeps the window's handle: ending the visit closes it.
            if (url) openEServiceWindow(url);
          },
        },
      }),
    [services],
  );
  const [state, send] = useMachine(machine, {
    input: { language, openOnKioskAllowed: config.openEServiceOnKiosk === true },
  });
  const { catalogue, query, results, category, errandId } = state.context;

  if (state.matches('loading') || state.matches('failed') || !catalogue) {
    return (
      <SectionLoading
        name="anvanda"
        title={t('anvanda.title')}
        swedishTitle="Använda"
        lead={t('anvanda.lead')}
        failed={state.matches('failed')}
        loadingText={t('anvanda.loading')}
        failedText={t('anvanda.loadFailed')}
        onRetry={() => send({ type: 'RETRY' })}
        onBackHome={onBackHome}
      />
    );
  }

  const openErrand = (id: string, foundBy: ErrandView['foundBy']) =>
    send({ type: 'OPEN_ERRAND', errandId: id, foundBy });

  if (state.matches({ ready: 'errand' }) && errandId) {
    const panel = (['phone', 'staff', 'kioskWarning'] as const).find((name) =>
      state.matches({ ready: { errand: name } }),
    );
    const categoryTitle = category ? catalogue.texts.categories[category]?.title : undefined;
    return (
      <ErrandPage
        key={errandId}
        catalogue={catalogue}
        errandId={errandId}
        panel={(panel ?? 'overview') satisfies ErrandPanel}
        staffRelay={state.context.staffRelay}
        mayOpenOnKiosk={state.can({ type: 'ASK_OPEN_ON_KIOSK' })}
        backLabel={
          categoryTitle
            ? t('anvanda.backToCategory', { category: categoryTitle })
            : t('anvanda.backToSearch')
        }
        onShowPhone={() => send({ type: 'SHOW_PHONE' })}
        onShowStaff={() => send({ type: 'SHOW_STAFF' })}
        onAskOpenOnKiosk={() => send({ type: 'ASK_OPEN_ON_KIOSK' })}
        onConfirmOpenOnKiosk={() => send({ type: 'CONFIRM_OPEN_ON_KIOSK' })}
        onClosePanel={() => send({ type: 'CLOSE_PANEL' })}
        onBack={() => send({ type: 'BACK' })}
      />
    );
  }

  if (state.matches({ ready: 'category' }) && category) {
    return (
      <CategoryView
        key={category}
        catalogue={catalogue}
        category={category}
        onOpenErrand={openErrand}
        onBack={() => send({ type: 'BACK' })}
      />
    );
  }

  return (
    <SearchView
      catalogue={catalogue}
      query={query}
      results={results}
      onType={(text) => send({ type: 'TYPE', query: text })}
      onOpenErrand={openErrand}
      onOpenCategory={(code) => send({ type: 'OPEN_CATEGORY', category: code })}
      onBackHome={onBackHome}
    />
  );
}
