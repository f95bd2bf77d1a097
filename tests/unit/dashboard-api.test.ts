import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, request, setCsrfToken, viewExportUrl, viewPath } from '../../src/dashboard/api';

afterEach(() => {
  vi.unstubAllGlobals();
});

function stubFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  });
  return calls;
}

describe('dashboard API client', () => {
  it('sends the CSRF token on every change and never on a read', async () => {
    setCsrfToken('token-1');
    const calls = stubFetch(200, { ok: true });
    await request('GET', '/me');
    await request('POST', '/devices/d1/name', { name: 'Kiosk' });
    await request('DELETE', '/accounts/a2');
    const headers = calls.map((call) => call.init.headers as Record<string, string>);
    expect(headers[0]?.['x-csrf-token']).toBeUndefined();
    expect(headers[1]?.['x-csrf-token']).toBe('token-1');
    expect(headers[2]?.['x-csrf-token']).toBe('token-1');
    expect(calls.map((call) => call.url)).toEqual([
      '/admin/api/me',
      '/admin/api/devices/d1/name',
      '/admin/api/accounts/a2',
    ]);
    expect(calls[1]?.init.body).toBe('{"name":"Kiosk"}');
  });

  it("turns the collector's error shape into an ApiError with status, code and field", async () => {
    stubFetch(400, {
      error: { code: 'invalid', message: 'idleSeconds: too small', field: 'idleSeconds' },
    });
    const failure = await request('PUT', '/help-points/x/settings', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 400, code: 'invalid', field: 'idleSeconds' });
  });

  it('puts only the filters that are set into view and export addresses', () => {
    const filters = { from: '2026-03-01', to: '2026-03-31', helpPoint: undefined, channel: '' };
    expect(viewPath('questions', filters)).toBe('/views/questions?from=2026-03-01&to=2026-03-31');
    expect(viewExportUrl('busy-hours', { ...filters, compare: 'period' }, 'csv-excel')).toBe(
      '/admin/api/views/busy-hours/export?from=2026-03-01&to=2026-03-31&compare=period&format=csv-excel',
    );
  });
});
