/** Login with email and password (POST /admin/api/login); the session is an HttpOnly cookie. */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, request, setCsrfToken } from '../api';

export function LoginScreen({ onLoggedIn }: { onLoggedIn: () => Promise<void> }) {
  const { t } = useTranslation('dashboard');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError('');
    try {
      const answer = await request<{ csrfToken: string }>('POST', '/login', {
        email: String(data.get('email') ?? ''),
        password: String(data.get('password') ?? ''),
      });
      setCsrfToken(answer.csrfToken);
      await onLoggedIn();
    } catch (failure) {
      const status = failure instanceof ApiError ? failure.status : 0;
      setError(
        status === 429
          ? t('login.tooMany')
          : status === 401
            ? t('login.wrong')
            : t('error.network'),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="login">
      <h1 tabIndex={-1}>{t('login.title')}</h1>
      <form onSubmit={(event) => void submit(event)}>
        <label>
          {t('login.email')}
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          {t('login.password')}
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
    </section>
  );
}
