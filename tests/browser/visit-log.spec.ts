import { test, expect, openKiosk, openDoor, readDatabase, startVisit } from './fixtures';

test('a finished visit leaves exactly one visit log in IndexedDB, and it survives a reload', async ({
  page,
}) => {
  await openKiosk(page);
  await startVisit(page, 'so');
  await openDoor(page, 'anvanda');
  await page.getByTestId('go-home').click();
  await openDoor(page, 'testa');
  await page.getByTestId('end-visit').click();
  await page.locator('[data-feedback=partly]').click();
  await page.getByTestId('thanks-done').click();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();

  await expect.poll(async () => ((await readDatabase(page)).logs ?? []).length).toBe(1);
  await page.reload();
  await expect(page.locator('[data-screen=attract]')).toBeVisible();
  const database = await readDatabase(page);
  expect(database.logs).toHaveLength(1);
  expect(database.outbox).toHaveLength(1);
  const [log] = database.logs as { id: string; event: Record<string, unknown> }[];
  expect(log?.event).toMatchObject({
    type: 'visit',
    schemaVersion: 1,
    helpPointId: 'demo-bibliotek',
    data: { language: 'so', doors: ['anvanda', 'testa'], ending: 'finished', feedback: 'partly' },
  });
  expect(log?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
  const data = log?.event.data as { startedAt: string; endedAt: string };
  expect(data.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
  expect(data.endedAt >= data.startedAt).toBe(true);
});
