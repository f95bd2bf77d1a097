/**
 * The kiosk's root: runs the session machine, and shows either the staff app (a staff tablet,
 * or a kiosk unlocked with the PIN while idle) or the visitor's screen (KioskScreen) with the
 * visit's toolbar and dialogs. Screens only render state and send events; the flow itself
 * lives in the machine.
 */
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
} from 'react';
import { useMachine } from '@xstate/react';
import { sessionMachine } from '../features/session/session-machine';
import { useActivity } from '../features/session/use-activity';
import { toVisitData } from '../features/session/visit-log';
import { VisitToolbar } from '../features/session/components/VisitToolbar';
import { IdleWarningDialog } from '../features/session/components/IdleWarningDialog';
import { KioskConfigContext } from '../lib/kiosk-config-context';
import { applyLanguage, loadNamespaces } from '../lib/i18n';
import { wipeVisitor } from '../lib/visitor-wipe';
import {
  closeEServiceWindow,
  isEServiceWindowOpen,
  subscribeEServiceWindow,
} from '../lib/eservice-window';
import { KioskScreen } from './KioskScreen';
import { checkStaffPin, useStaffLock } from './use-staff-lock';
import { useStatusView } from './use-status-view';
import { useDeviceRole } from './use-device-role';
import { useEnrolled } from './use-enrolled';
import type { AppServices } from './services/app-services';

// The staff app (tagging, requests, courses, status) and its strings load only when opened.
const StaffRoot = lazy(() =>
  Promise.all([import('./StaffRoot'), loadNamespaces(['staff', 'courses'])]).then(([module]) => ({
    default: module.StaffRoot,
  })),
);

// Dialogs that a start never shows load when first opened (precached, so offline too).
const PinDialog = lazy(() =>
  import('../features/staff/components/PinDialog').then((module) => ({
    default: module.PinDialog,
  })),
);
const ReEnrollDialog = lazy(() =>
  import('./ReEnrollDialog').then((module) => ({ default: module.ReEnrollDialog })),
);
// Shown only when #status is opened on a kiosk that is not enrolled.
const NotEnrolledScreen = lazy(() =>
  import('../features/device-status/components/NotEnrolledScreen').then((module) => ({
    default: module.NotEnrolledScreen,
  })),
);

const STAFF_ACTIVITY_EVERY_MS = 30_000;

export function App({ services }: { services: AppServices }) {
  const config = services.config.current;
  const machine = useMemo(
    () =>
      sessionMachine.provide({
        actions: {
          recordVisit: (_, session) =>
            services.logs.recordInBackground('visit', toVisitData(session)),
          wipeVisitor: () => wipeVisitor(),
        },
      }),
    [services],
  );
  const [state, send] = useMachine(machine, {
    input: {
      idleMs: config.idleSeconds * 1000,
      warningMs: config.warningSeconds * 1000,
      eServiceIdleMs: config.eServiceIdleMinutes * 60_000,
    },
  });
  const { language, textSize, warningEndsAt } = state.context;
  const staff = useStaffLock(services);

  useEffect(() => {
    // Benchmarks and tests wait for this: the first screen is rendered and accepts input.
    document.documentElement.dataset.ready = 'true';
    performance.mark('hjalppunkt:interactive');
    services.afterInteractive();
  }, [services]);

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

  // An e-service window changes the idle limit, and goes when the visit ends (either way).
  const eServiceOpen = useSyncExternalStore(subscribeEServiceWindow, isEServiceWindowOpen);
  useEffect(
    () => send({ type: eServiceOpen ? 'ESERVICE_OPENED' : 'ESERVICE_CLOSED' }),
    [send, eServiceOpen],
  );
  const visitOver = !state.matches('visit') || state.matches({ visit: { screen: 'feedback' } });
  useEffect(() => {
    if (visitOver) closeEServiceWindow();
  }, [visitOver]);

  const idle = state.matches('attract');
  useEffect(() => services.updates.setIdle(idle), [services, idle]);

  const inVisit = state.matches('visit');
  const statusView = useStatusView();
  const role = useDeviceRole(services);
  const enrolled = useEnrolled(services);
  const unlocked = staff.state.matches('unlocked');
  const staffLocked = staff.state.matches('locked');
  const sendStaff = staff.send;
  const enrollment = useSyncExternalStore(services.enrollment.subscribe, services.enrollment.state);
  // An enrolled device moves to another collector only once staff confirm with the PIN.
  const reEnroll =
    enrollment.status === 'confirm' ? (
      <Suspense fallback={null}>
        <ReEnrollDialog
          host={enrollment.host}
          currentHost={enrollment.currentHost}
          helpPointId={enrollment.helpPointId}
          configured={config.staffPin !== undefined}
          checkPin={(pin) => checkStaffPin(services, pin)}
          onConfirmed={() => void services.enrollment.confirm()}
          onCancel={() => services.enrollment.cancel()}
        />
      </Suspense>
    ) : null;

  // New settings apply only on an idle kiosk's attract screen, never in a visit or staff mode.
  const settingsMayApply = role === 'kiosk' && idle && staffLocked && !statusView.open;
  useEffect(() => services.settings.setIdle(settingsMayApply), [services, settingsMayApply]);

  // #status is for staff only: on a kiosk it asks for the PIN first. A kiosk that is not
  // enrolled has no staff mode, and shows only how to enroll it.
  useEffect(() => {
    if (role === 'kiosk' && enrolled && statusView.open && idle && staffLocked)
      sendStaff({ type: 'OPEN' });
  }, [role, enrolled, statusView.open, idle, staffLocked, sendStaff]);

  if (role === 'kiosk' && !enrolled && statusView.open && idle) {
    return (
      <KioskConfigContext.Provider value={config}>
        <Suspense fallback={null}>
          <NotEnrolledScreen appVersion={__APP_VERSION__} onClose={statusView.close} />
        </Suspense>
      </KioskConfigContext.Provider>
    );
  }

  // A staff tablet is always the staff app. On a kiosk, staff unlock it with the PIN while
  // it is idle; a visitor's session is never interrupted for it, and it locks by itself.
  if (role === 'staff' || (unlocked && idle)) {
    const lock = () => {
      statusView.close();
      staff.send({ type: 'LOCK' });
      void applyLanguage(language);
    };
    return (
      <KioskConfigContext.Provider value={config}>
        <Suspense fallback={null}>
          <StaffRoot
            services={services}
            initialSection={statusView.open ? 'status' : 'tag'}
            onLock={role === 'staff' ? null : lock}
          />
        </Suspense>
        {reEnroll}
      </KioskConfigContext.Provider>
    );
  }

  return (
    <KioskConfigContext.Provider value={config}>
      {inVisit ? (
        <VisitToolbar
          showHome={
            !state.matches({ visit: { screen: 'home' } }) &&
            !state.matches({ visit: { screen: 'language' } })
          }
          textSize={textSize}
          onHome={() => send({ type: 'GO_HOME' })}
          onLanguage={() => send({ type: 'CHANGE_LANGUAGE' })}
          onTextSize={(size) => send({ type: 'SET_TEXT_SIZE', size })}
          onEndVisit={() => send({ type: 'END_VISIT' })}
        />
      ) : null}
      <KioskScreen
        state={state}
        send={send}
        services={services}
        onStaff={() =>
          enrolled ? staff.send({ type: 'OPEN' }) : window.location.assign('#status')
        }
      />
      {idle && (staff.state.matches('entering') || staff.state.matches('checking')) ? (
        <Suspense fallback={null}>
          <PinDialog
            configured={config.staffPin !== undefined}
            checking={staff.state.matches('checking')}
            problem={staff.state.context.problem}
            onSubmit={(pin) => staff.send({ type: 'SUBMIT', pin })}
            onCancel={() => {
              statusView.close();
              staff.send({ type: 'CANCEL' });
            }}
          />
        </Suspense>
      ) : null}
      {inVisit && warningEndsAt !== null ? (
        <IdleWarningDialog
          endsAt={warningEndsAt}
          onMoreTime={() => send({ type: 'MORE_TIME' })}
          onEndNow={() => send({ type: 'END_VISIT' })}
        />
      ) : null}
      {reEnroll}
    </KioskConfigContext.Provider>
  );
}
