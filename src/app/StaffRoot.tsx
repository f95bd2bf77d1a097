/**
 * The staff app, composed: tagging, help requests, courses and device status, each from its
 * own feature, wired to the app's services here. Loaded lazily, so the kiosk's first screen
 * never carries it. Staff choose their own language; leaving restores the kiosk's.
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
import { applyLanguage } from '../lib/i18n';
import { createStaffServices } from './services/staff-services';
import { createCourseServices } from './services/course-services';
import type { AppServices } from './services/app-services';
import { StatusView } from './StatusView';
import { useStaffLanguage } from './use-staff-language';

interface StaffRootProps {
  services: AppServices;
  initialSection: StaffSection;
  onLock: (() => void) | null;
}

export function StaffRoot({ services, initialSection, onLock }: StaffRootProps) {
  const staffServices = useMemo(() => createStaffServices(services), [services]);
  const courseServices = useMemo(() => createCourseServices(services), [services]);
  const [section, setSection] = useState<StaffSection>(initialSection);
  const [language, chooseLanguage] = useStaffLanguage(services.storage);
  const [errands, setErrands] = useState<ErrandOption[]>([]);
  const [startFrom, setStartFrom] = useState<{ key: string; draft: TagDraft } | null>(null);
  const helpRequests = useHelpRequests(staffServices);
  const [helpPointId, setHelpPointId] = useState(services.config.current.helpPointId);

  useEffect(() => {
    // An enrolled device speaks for the help point it was enrolled at.
    void services.identity.current().then(
      (identity) => setHelpPointId(identity.helpPointId),
      () => undefined,
    );
  }, [services]);

  useEffect(() => {
    void applyLanguage(language);
    let cancelled = false;
    staffServices.errands(language).then(
      (loaded) => {
        if (!cancelled) setErrands(loaded);
      },
      (error: unknown) => console.error('errands for tagging not loaded', error),
    );
    return () => {
      cancelled = true;
    };
  }, [staffServices, language]);

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
        services={staffServices}
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
    body = <StatusView services={services} />;
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
