/**
 * The kiosk's root: runs the session machine and renders the screen for its state.
 * Screens only render state and send events; the flow itself lives in the machine.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import { useMachine } from '@xstate/react';
import { sessionMachine } from '../features/session/session-machine';
import { useActivity } from '../features/session/use-activity';
import { toVisitData } from '../features/session/visit-log';
import { AttractScreen } from '../features/session/components/AttractScreen';
import { LanguageScreen } from '../features/session/components/LanguageScreen';
import { HomeScreen } from '../features/session/components/HomeScreen';
import { FeedbackScreen } from '../features/session/components/FeedbackScreen';
import { ThanksScreen } from '../features/session/components/ThanksScreen';
import { VisitToolbar } from '../features/session/components/VisitToolbar';
import { IdleWarningDialog } from '../features/session/components/IdleWarningDialog';
import type { LaraServices } from '../features/lara/components/LaraScreen';
import type { AnvandaServices } from '../features/anvanda/components/AnvandaScreen';
import { StatementScreen } from '../features/accessibility-statement/components/StatementScreen';
import { KioskConfigContext } from '../lib/kiosk-config-context';
import { applyLanguage, loadNamespaces } from '../lib/i18n';
import { wipeVisitor } from '../lib/visitor-wipe';
import { Notices } from './Notices';
import { useStaffLock } from './use-staff-lock';
import { PinDialog } from '../features/staff/components/PinDialog';
import { useStatusView } from './StatusView';
import { useDeviceRole } from './use-device-role';
import type { Runtime } from './runtime';

// The three sections load when first opened (precached, so offline too), keeping them out of
// the JavaScript the attract screen waits for.
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

// The staff app (tagging, requests, courses, status) and its strings load only when opened.
const StaffRoot = lazy(() =>
  Promise.all([import('./StaffRoot'), loadNamespaces(['staff', 'courses'])]).then(([module]) => ({
    default: module.StaffRoot,
  })),
);

const STAFF_ACTIVITY_EVERY_MS = 30_000;

export function App({ runtime }: { runtime: Runtime }) {
  const machine = useMemo(
    () =>
      sessionMachine.provide({
        actions: {
          recordVisit: (_, session) => {
            runtime
              .recordLog('visit', toVisitData(session))
              .catch((error: unknown) => console.error('visit log not stored', error));
          },
          wipeVisitor: () => wipeVisitor(),
        },
      }),
    [runtime],
  );
  const [state, send] = useMachine(machine, {
    input: {
      idleMs: runtime.config.idleSeconds * 1000,
      warningMs: runtime.config.warningSeconds * 1000,
    },
  });
  const { language, textSize, warningEndsAt } = state.context;
  const staff = useStaffLock(runtime);

  useEffect(() => {
    // Benchmarks and tests wait for this: the first screen is rendered and accepts input.
    document.documentElement.dataset.ready = 'true';
    performance.mark('hjalppunkt:interactive');
    runtime.afterInteractive();
  }, [runtime]);

  useEffect(() => {
    void applyLanguage(language);
  }, [language]);

  useEffect(() => {
    document.documentElement.style.fontSize = `${textSize}%`;
    document.documentElement.dataset.textSize = String(textSize);
  }, [textSize]);

  const sendToStaffLock = staff.send;
  const staffActivitySentAt = useRef(0);
  useActivity(
    useCallback(() => {
      send({ type: 'ACTIVITY' });
      // Staff at work keep staff mode open; it locks after a quiet spell. Told at most every
      // half minute (each telling redraws the app, which would slow every tap), and after
      // the event has been handled: a redraw inside the capture phase of an input event
      // would reset a controlled field before React sees the change.
      const now = Date.now();
      if (now - staffActivitySentAt.current < STAFF_ACTIVITY_EVERY_MS) return;
      staffActivitySentAt.current = now;
      window.setTimeout(() => sendToStaffLock({ type: 'ACTIVITY' }), 0);
    }, [send, sendToStaffLock]),
  );

  const idle = state.matches('attract');
  useEffect(() => runtime.updates.setIdle(idle), [runtime, idle]);

  const anvandaServices = useMemo<AnvandaServices>(
    () => ({
      localCatalogue: runtime.localCatalogue,
      recordErrandView: (view) => {
        runtime
          .recordLog('errand-viewed', view)
          .catch((error: unknown) => console.error('errand log not stored', error));
      },
      askStaff: (request) => runtime.askStaff(request),
    }),
    [runtime],
  );

  const laraServices = useMemo<LaraServices>(
    () => ({
      localLessons: runtime.localLessons,
      recordLesson: (lesson) => {
        runtime
          .recordLog('lesson', lesson)
          .catch((error: unknown) => console.error('lesson log not stored', error));
      },
    }),
    [runtime],
  );

  const recordTried = useCallback(
    (itemId: string) => {
      runtime
        .recordLog('tech-tried', { itemId, language })
        .catch((error: unknown) => console.error('tech-tried log not stored', error));
    },
    [runtime, language],
  );

  const goHome = () => send({ type: 'GO_HOME' });
  const inVisit = state.matches('visit');
  const statusView = useStatusView();
  const role = useDeviceRole(runtime);
  const unlocked = staff.state.matches('unlocked');
  const staffLocked = staff.state.matches('locked');
  const sendStaff = staff.send;

  // #status is for staff only: on a kiosk it asks for the PIN first.
  useEffect(() => {
    if (role === 'kiosk' && statusView.open && idle && staffLocked) sendStaff({ type: 'OPEN' });
  }, [role, statusView.open, idle, staffLocked, sendStaff]);

  // A staff tablet is always the staff app. On a kiosk, staff unlock it with the PIN while
  // it is idle; a visitor's session is never interrupted for it, and it locks by itself.
  if (role === 'staff' || (unlocked && idle)) {
    const lock = () => {
      statusView.close();
      staff.send({ type: 'LOCK' });
      void applyLanguage(language);
    };
    return (
      <KioskConfigContext.Provider value={runtime.config}>
        <Suspense fallback={null}>
          <StaffRoot
            runtime={runtime}
            initialSection={statusView.open ? 'status' : 'tag'}
            onLock={role === 'staff' ? null : lock}
          />
        </Suspense>
      </KioskConfigContext.Provider>
    );
  }

  let screen: React.ReactNode;
  if (state.matches('attract')) {
    screen = (
      <AttractScreen
        onStart={() => send({ type: 'START' })}
        onOpenStatement={() => send({ type: 'OPEN_STATEMENT' })}
        onStaff={() => staff.send({ type: 'OPEN' })}
        notices={<Notices runtime={runtime} />}
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
    screen = <TestaScreen language={language} onTried={recordTried} onBackHome={goHome} />;
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

  return (
    <KioskConfigContext.Provider value={runtime.config}>
      {inVisit ? (
        <VisitToolbar
          showHome={
            !state.matches({ visit: { screen: 'home' } }) &&
            !state.matches({ visit: { screen: 'language' } })
          }
          textSize={textSize}
          onHome={goHome}
          onLanguage={() => send({ type: 'CHANGE_LANGUAGE' })}
          onTextSize={(size) => send({ type: 'SET_TEXT_SIZE', size })}
          onEndVisit={() => send({ type: 'END_VISIT' })}
        />
      ) : null}
      <Suspense fallback={null}>{screen}</Suspense>
      {idle && (staff.state.matches('entering') || staff.state.matches('checking')) ? (
        <PinDialog
          configured={runtime.config.staffPin !== undefined}
          checking={staff.state.matches('checking')}
          problem={staff.state.context.problem}
          onSubmit={(pin) => staff.send({ type: 'SUBMIT', pin })}
          onCancel={() => {
            statusView.close();
            staff.send({ type: 'CANCEL' });
          }}
        />
      ) : null}
      {inVisit && warningEndsAt !== null ? (
        <IdleWarningDialog
          endsAt={warningEndsAt}
          onMoreTime={() => send({ type: 'MORE_TIME' })}
          onEndNow={() => send({ type: 'END_VISIT' })}
        />
      ) : null}
    </KioskConfigContext.Provider>
  );
}
