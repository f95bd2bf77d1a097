/**
 * Queues events in a running kiosk's own IndexedDB the way LocalData does (log and outbox
 * entry in one strict transaction), for the chaos test and the sync benchmark, which need
 * thousands of events faster than visitors could produce them.
 */
import type { Page } from 'playwright-core';
import type { LogEvent } from '../../src/protocol/events';

export async function writeEventsInKiosk(page: Page, events: LogEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += 2000) {
    await page.evaluate(
      async (batch) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('hjalppunkt');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction(['logs', 'outbox'], 'readwrite', { durability: 'strict' });
          const now = Date.now();
          batch.forEach((event, index) => {
            tx.objectStore('logs').add({
              id: event.id,
              type: event.type,
              occurredAt: event.occurredAt,
              event,
            });
            tx.objectStore('outbox').add({ id: event.id, queuedAt: now + index, attempts: 0 });
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      events.slice(start, start + 2000),
    );
  }
}

/** The enrollment a kiosk stored after exchanging its link's code (its id and token). */
export async function readKioskEnrollment(
  page: Page,
): Promise<{ deviceId: string; token: string }> {
  return page.evaluate(
    () =>
      new Promise<{ deviceId: string; token: string }>((resolve, reject) => {
        const open = indexedDB.open('hjalppunkt');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('meta').objectStore('meta').get('enrollment');
          read.onsuccess = () => {
            open.result.close();
            const row = read.result as { value?: { deviceId: string; token: string } } | undefined;
            if (row?.value) resolve(row.value);
            else reject(new Error('the kiosk is not enrolled'));
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}
