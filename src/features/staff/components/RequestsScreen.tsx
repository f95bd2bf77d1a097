/**
 * Help requests from the help point's kiosks: which language the visitor chose and, when
 * they asked from an errand page, which errand. Staff accept one ("I'm coming"), close it,
 * or tag it straight away as a question (which closes it).
 */
import { useTranslation } from 'react-i18next';
import { Screen } from '../../../components/Screen';
import type { HelpRequest, HelpRequestAction } from '../../../protocol/help-requests';
import type { ErrandOption } from '../staff-services';
import type { RequestsState } from '../requests/use-help-requests';

interface RequestsScreenProps {
  state: RequestsState;
  requests: HelpRequest[];
  errands: ErrandOption[];
  onAct: (id: string, action: HelpRequestAction) => void;
  onTag: (request: HelpRequest) => void;
}

export function RequestsScreen({ state, requests, errands, onAct, onTag }: RequestsScreenProps) {
  const { t, i18n } = useTranslation('staff');
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' });
  const errandTitle = (id: string | null) =>
    id ? (errands.find((errand) => errand.id === id)?.title ?? id) : null;
  return (
    <Screen name="staff-requests" title={t('requests.title')} lead={t('requests.lead')}>
      {state.kind === 'not-enrolled' ? (
        <p className="notice" data-testid="requests-state">
          {t('requests.notEnrolled')}
        </p>
      ) : null}
      {state.kind === 'unreachable' ? (
        <p className="notice" data-testid="requests-state">
          {t('requests.unreachable')}
        </p>
      ) : null}
      {state.kind === 'refused' ? (
        <p className="notice" data-testid="requests-state">
          {t('requests.refused')} <code lang="en">{state.message}</code>
        </p>
      ) : null}
      {state.kind === 'ok' && requests.length === 0 ? (
        <p data-testid="requests-none">{t('requests.none')}</p>
      ) : null}
      <ul className="plain-list" data-testid="help-requests">
        {requests.map((request) => {
          const errand = errandTitle(request.errandId);
          return (
            <li
              key={request.id}
              className="card request"
              data-testid="help-request"
              data-status={request.status}
            >
              <h2 className="card__title">
                {t('requests.visitor', { language: t(`codes.language.${request.language}`) })}
              </h2>
              <p>
                {t('requests.askedAt', { time: time.format(Date.parse(request.createdAt)) })}
                {errand ? ` · ${t('requests.errand', { errand })}` : ''}
              </p>
              <p className="request__status">{t(`requests.status.${request.status}`)}</p>
              <div className="cluster">
                {request.status === 'open' ? (
                  <button
                    type="button"
                    className="button button--primary"
                    onClick={() => onAct(request.id, 'accept')}
                    data-testid="request-accept"
                  >
                    {t('requests.accept')}
                  </button>
                ) : null}
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => onTag(request)}
                  data-testid="request-tag"
                >
                  {t('requests.tag')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => onAct(request.id, 'close')}
                  data-testid="request-close"
                >
                  {t('requests.close')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </Screen>
  );
}
