/** Accounts of the municipality (admins only): list, add with a role, delete. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../components/ScrollRegion';
import { request } from '../api';
import type { Account, AccountRole, Me } from '../api-types';
import { useLoad } from '../use-load';

const ROLES: AccountRole[] = ['admin', 'manager', 'viewer'];

export function AccountsScreen({ me }: { me: Me }) {
  const { t } = useTranslation('dashboard');
  const [load, reload] = useLoad<{ accounts: Account[] } | Account[]>('/accounts');
  const [message, setMessage] = useState('');
  const [role, setRole] = useState<AccountRole>('viewer');
  const accounts =
    load.state === 'ok' ? (Array.isArray(load.data) ? load.data : load.data.accounts) : [];

  const act = async (method: string, path: string, body: unknown, done: string) => {
    try {
      await request(method, path, body);
      setMessage(done);
      reload();
    } catch (error) {
      setMessage(t('error.action', { message: error instanceof Error ? error.message : '' }));
    }
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const helpPointIds = data.getAll('helpPointIds').map(String);
    void act(
      'POST',
      '/accounts',
      {
        email: String(data.get('email')),
        password: String(data.get('password')),
        role,
        ...(role === 'manager' ? { helpPointIds } : {}),
      },
      t('accounts.added'),
    ).then(() => form.reset());
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('accounts.title')}</h1>
      <p role="status">{message}</p>
      <ScrollRegion label={t('accounts.title')}>
        <table>
          <caption>{t('accounts.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('accounts.email')}</th>
              <th scope="col">{t('accounts.role')}</th>
              <th scope="col">{t('accounts.action')}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((account) => (
              <tr key={account.id}>
                <th scope="row">{account.email}</th>
                <td>{t(`role.${account.role}`)}</td>
                <td>
                  {account.id !== me.account.id && (
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        if (confirm(t('accounts.confirmDelete', { email: account.email })))
                          void act(
                            'DELETE',
                            `/accounts/${encodeURIComponent(account.id)}`,
                            undefined,
                            t('accounts.deleted'),
                          );
                      }}
                    >
                      {t('accounts.delete', { email: account.email })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <h2>{t('accounts.add')}</h2>
      <form onSubmit={add}>
        <label>
          {t('accounts.email')}
          <input name="email" type="email" required autoComplete="off" />
        </label>
        <label>
          {t('accounts.password')}
          <input
            name="password"
            type="password"
            minLength={12}
            required
            autoComplete="new-password"
            aria-describedby="password-help"
          />
        </label>
        <p id="password-help" className="help">
          {t('accounts.passwordHelp')}
        </p>
        <label>
          {t('accounts.role')}
          <select value={role} onChange={(e) => setRole(e.target.value as AccountRole)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {role === 'manager' && (
          <fieldset>
            <legend>{t('accounts.helpPoints')}</legend>
            {me.helpPoints.map((helpPoint) => (
              <label key={helpPoint.id} className="choice">
                <input type="checkbox" name="helpPointIds" value={helpPoint.id} />
                {helpPoint.name}
              </label>
            ))}
          </fieldset>
        )}
        <button type="submit">{t('accounts.submit')}</button>
      </form>
    </section>
  );
}
