/**
 * What a section shows while its content loads (a moment, from the service worker's cache),
 * or if it could not: say so, offer to try again, and point to the staff.
 */
import { useTranslation } from 'react-i18next';
import { SectionScreen } from './SectionScreen';
import { StaffedDeskCard } from './StaffedDeskCard';
import './button.css';

interface SectionLoadingProps {
  name: string;
  title: string;
  swedishTitle: string;
  lead: string;
  failed: boolean;
  loadingText: string;
  failedText: string;
  onRetry: () => void;
  onBackHome: () => void;
}

export function SectionLoading(props: SectionLoadingProps) {
  const { t } = useTranslation();
  const { failed } = props;
  return (
    <SectionScreen
      name={props.name}
      title={props.title}
      swedishTitle={props.swedishTitle}
      lead={props.lead}
      onBackHome={props.onBackHome}
    >
      <p role="status">{failed ? props.failedText : props.loadingText}</p>
      {failed ? (
        <>
          <p>
            <button type="button" className="button" onClick={props.onRetry}>
              {t('anvanda.retry')}
            </button>
          </p>
          <StaffedDeskCard />
        </>
      ) : null}
    </SectionScreen>
  );
}
