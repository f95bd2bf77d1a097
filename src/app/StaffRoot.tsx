/**
 * The staff app, composed: tagging, help requests, courses and device status, each from its
 * own feature, wired to the runtime here. Loaded lazily, so the kiosk's first screen never
 * carries it. Staff choose their own language; leaving restores the kiosk's.
 */
import { useEffect, useMemo, useState } from 'react';
import { StaffApp, type StaffSection } from '../features/staff/components/StaffApp';
import { TagScreen } from '../features/staff/components/TagScreen';
import { RequestsScreen } from '../features/staff/components/RequestsScreen';
import { useHelpRequests } from '../features/staff/requests/use-help-requests';
import { newDraft, type TagDraft } from '../features/staff/tagging/tag-record';
import type { ErrandOption } from '../features/staff/staff-services';
import { CoursesScreen } from '../features/courses/components/CoursesScreen';
import type { HelpRequest } from '../protocol/help-requests';
import type { LanguageCode } from '../protocol/vocabulary';
import { applyLanguage } from '../lib/i18n';
import { createStaffServices } from './staff-services';
import { createCourseServices } from './course-services';
import { StatusView } from './StatusView';
import type { Runtime } from './runtime';

interface StaffRootProps {
  runtime: Runtime;
  initialSection: StaffSection;
  onLock: (() => void) | null;
}

const STAFF_LANGUAGE_KEY = 'staff.language';

export function StaffRoot({ runtime, initialSection, onLock }: StaffRootProps) {
  const services = useMemo(() => createStaffServices(runtime), [runtime]);
  const courseServices = useMemo(() => createCourseServices(runtime), [runtime]);
  const [section, setSection] = useState<StaffSection>(initialSection);
  const [language, setLanguage] = useState<LanguageCode>('sv');
  const [errands, setErrands] = useState<ErrandOption[]>([]);
  const [startFrom, setStartFrom] = useState<{ key: string; draft: TagDraft } | null>(null);
  const helpRequests = useHelpRequests(services);
  const [helpPointId, setHelpPointId] = useState(runtime.config.helpPointId);

  useEffect(() => {
    // An enrolled device speaks for the help point it was enrolled at.
    void runtime.identity().then(
      (identity) => setHelpPointId(identity.helpPointId),
      () => undefined,
    );
  }, [runtime]);

  useEffect(() => {
    // The staff's language is the device's, kept across reloads (it says nothing of visitors).
    void runtime
      .localData()
      .then((data) => data.readMeta<LanguageCode>(STAFF_LANGUAGE_KEY))
      .then((saved) => {
        if (saved) setLanguage(saved);
      })
      .catch(() => undefined);
  }, [runtime]);

  useEffect(() => {
    void applyLanguage(language);
    let cancelled = false;
    services.errands(language).then(
      (loaded) => {
        if (!cancelled) setErrands(loaded);
      },
      (error: unknown) => console.error('errands for tagging not loaded', error),
    );
    return () => {
      cancelled = true;
    };
  }, [services, language]);

  const chooseLanguage = (next: LanguageCode) => {
    setLanguage(next);
    void runtime
      .localData()
      .then((data) => data.writeMeta(STAFF_LANGUAGE_KEY, next))
      .catch(() => undefined);
  };

  const tagRequest = (request: HelpRequest) => {
    const errand = errands.find((option) => option.id === request.errandId) ?? null;
    setStartFrom({
      key: request.id,
      draft: {
        ...newDraft(Date.now(), { language: request.language, channel: 'kiosk' }),
        errandId: errand?.id ?? null,
        agency: errand?.agency ?? null,
      },
    });
    void helpRequests.act(request.id, 'close');
    setSection('tag');
  };

  const openRequests = helpRequests.requests.filter((request) => request.status === 'open');
  let body: React.ReactNode;
  if (section === 'tag') {
    body = (
      <TagScreen
        key={startFrom?.key ?? 'new'}
        services={services}
        errands={errands}
        startFrom={startFrom?.draft ?? null}
      />
    );
  } else if (section === 'requests') {
    body = (
      <RequestsScreen
        state={helpRequests.state}
        requests={helpRequests.requests}
        errands={errands}
        onAct={(id, action) => void helpRequests.act(id, action)}
        onTag={tagRequest}
      />
    );
  } else if (section === 'courses') {
    body = <CoursesScreen language={language} services={courseServices} />;
  } else {
    body = <StatusView runtime={runtime} />;
  }

  return (
    <StaffApp
      helpPointId={helpPointId}
      section={section}
      onSection={(next) => {
        if (next !== 'tag') setStartFrom(null);
        setSection(next);
      }}
      language={language}
      onLanguage={chooseLanguage}
      openRequests={openRequests.length}
      onLock={onLock}
    >
      {body}
    </StaffApp>
  );
}
