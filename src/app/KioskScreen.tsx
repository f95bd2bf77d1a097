/**
 * The screen ladder: which visitor screen the session machine's state shows, with each
 * section wired to the app's services (content, logs, the staff relay). The three sections
 * load when first opened (precached, so offline too), keeping them out of the JavaScript the
 * attract screen waits for.
 */
import { lazy, Suspense, useCallback, useMemo } from 'react';
import type { SnapshotFrom } from 'xstate';
import type { sessionMachine, SessionEvent } from '../features/session/session-machine';
import { AttractScreen } from '../features/session/components/AttractScreen';
import { LanguageScreen } from '../features/session/components/LanguageScreen';
import { HomeScreen } from '../features/session/components/HomeScreen';
import { FeedbackScreen } from '../features/session/components/FeedbackScreen';
import { ThanksScreen } from '../features/session/components/ThanksScreen';
import type { LaraServices } from '../features/lara/components/LaraScreen';
import type { AnvandaServices } from '../features/anvanda/components/AnvandaScreen';
import { StatementScreen } from '../features/accessibility-statement/components/StatementScreen';
import type { LanguageCode } from '../protocol/vocabulary';
import { Notices } from './Notices';
import type { AppServices } from './services/app-services';

const LaraScreen = lazy(() =>
  import('../features/lara/components/LaraScreen').then((module) => ({
    default: module.LaraScreen,
  })),
);
const AnvandaScreen = lazy(() =>
  import('../features/anvanda/components/AnvandaScreen').then((module) => ({
    default: module.AnvandaScreen,
  })),
);
const TestaScreen = lazy(() =>
  import('../features/testa/components/TestaScreen').then((module) => ({
    default: module.TestaScreen,
  })),
);

interface KioskScreenProps {
  state: SnapshotFrom<typeof sessionMachine>;
  send: (event: SessionEvent) => void;
  services: AppServices;
  /** Staff asked for the PIN dialog (from the attract screen). */
  onStaff: () => void;
}

export function KioskScreen({ state, send, services, onStaff }: KioskScreenProps) {
  const { content, logs, collector } = services;
  const { language } = state.context;

  const anvandaServices = useMemo<AnvandaServices>(
    () => ({
      loadCatalogue: (visitorLanguage) => content.load('catalogue', visitorLanguage),
      recordErrandView: (view) => logs.recordInBackground('errand-viewed', view),
      askStaff: (request) => collector.askStaff(request),
    }),
    [content, logs, collector],
  );
  const laraServices = useMemo<LaraServices>(
    () => ({
      loadLessons: (visitorLanguage) => content.load('lessons', visitorLanguage),
      recordLesson: (lesson) => logs.recordInBackground('lesson', lesson),
    }),
    [content, logs],
  );
  const loadTestaItems = useCallback(
    (visitorLanguage: LanguageCode) => content.load('testa-items', visitorLanguage),
    [content],
  );
  const recordTried = useCallback(
    (itemId: string) => logs.recordInBackground('tech-tried', { itemId, language }),
    [logs, language],
  );
  const goHome = () => send({ type: 'GO_HOME' });

  let screen: React.ReactNode;
  if (state.matches('attract')) {
    screen = (
      <AttractScreen
        onStart={() => send({ type: 'START' })}
        onOpenStatement={() => send({ type: 'OPEN_STATEMENT' })}
        onStaff={onStaff}
        notices={<Notices services={services} />}
      />
    );
  } else if (
    state.matches('attractStatement') ||
    state.matches({ visit: { screen: 'statement' } })
  ) {
    screen = <StatementScreen onBack={() => send({ type: 'CLOSE_STATEMENT' })} />;
  } else if (state.matches({ visit: { screen: 'language' } })) {
    screen = (
      <LanguageScreen onChoose={(choice) => send({ type: 'CHOOSE_LANGUAGE', language: choice })} />
    );
  } else if (state.matches({ visit: { screen: 'home' } })) {
    screen = (
      <HomeScreen
        onOpenDoor={(door) => send({ type: 'OPEN_DOOR', door })}
        onOpenStatement={() => send({ type: 'OPEN_STATEMENT' })}
      />
    );
  } else if (state.matches({ visit: { screen: 'lara' } })) {
    screen = <LaraScreen language={language} services={laraServices} onBackHome={goHome} />;
  } else if (state.matches({ visit: { screen: 'anvanda' } })) {
    screen = <AnvandaScreen language={language} services={anvandaServices} onBackHome={goHome} />;
  } else if (state.matches({ visit: { screen: 'testa' } })) {
    screen = (
      <TestaScreen
        language={language}
        loadItems={loadTestaItems}
        onTried={recordTried}
        onBackHome={goHome}
      />
    );
  } else if (state.matches({ visit: { screen: 'feedback' } })) {
    screen = (
      <FeedbackScreen
        onAnswer={(answer) => send({ type: 'ANSWER_FEEDBACK', answer })}
        onSkip={() => send({ type: 'SKIP_FEEDBACK' })}
      />
    );
  } else {
    screen = <ThanksScreen onDone={() => send({ type: 'DONE' })} />;
  }
  return <Suspense fallback={null}>{screen}</Suspense>;
}
