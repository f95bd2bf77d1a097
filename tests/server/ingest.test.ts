// The pure parts of the collector: per-event decisions, issue wording, enrollment links.
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { isAllowedCollectorUrl } from '../../src/protocol/collector-url';
import { decodeEnrollmentLink, type EnrollmentLink } from '../../src/protocol/sync-api';
import {
  completeResults,
  correctedRecordIds,
  enforceRecordOwnership,
  planBatch,
} from '../../server/src/ingest';
import { describeIssue } from '../../server/src/untrusted-input';
import { enrollmentLink } from '../../server/src/enrollment';
import { bearerToken, generateToken, hashToken, tokensEqual } from '../../server/src/tokens';
import { makeEvent, questionData } from './support';

const kalmar = { helpPointId: 'kalmar', deviceId: uuidv7() };
const device = (at: { helpPointId: string; deviceId: string }) => ({
  id: at.deviceId,
  helpPointId: at.helpPointId,
});

// Times and codes have their own tests (times.test.ts, known-codes.test.ts).
const NOW = new Date();
const KNOWS_ALL = () => true;

describe('planBatch', () => {
  it('plans inserts for valid events and decides the rest at once', () => {
    const a = makeEvent(kalmar);
    const b = makeEvent(kalmar, 'visit');
    const plan = planBatch([a, b, a, makeEvent('mjolby'), null], device(kalmar), NOW, KNOWS_ALL);
    expect(plan.toInsert).toEqual([a, b]);
    expect(plan.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'duplicate',
      'rejected',
      'rejected',
    ]);
    // b was stored before: the insert did not return it.
    expect(completeResults(plan, new Set([a.id])).map((r) => r.status)).toEqual([
      'accepted',
      'duplicate',
      'duplicate',
      'rejected',
      'rejected',
    ]);
  });

  it('lets a valid event through when an invalid one with the same id came first', () => {
    const event = makeEvent(kalmar);
    const plan = planBatch([{ ...event, type: 'nope' }, event], device(kalmar), NOW, KNOWS_ALL);
    expect(plan.results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
  });

  it("rejects events whose deviceId is not the delivering device's own", () => {
    const foreign = makeEvent('kalmar', 'visit', { deviceId: uuidv7() });
    const plan = planBatch([foreign, makeEvent(kalmar)], device(kalmar), NOW, KNOWS_ALL);
    expect(plan.toInsert).toHaveLength(1);
    expect(plan.results[0]).toMatchObject({ status: 'rejected', reason: /^foreign-device: / });
  });
});

describe('enforceRecordOwnership', () => {
  const record = uuidv7();
  const version = (recordId = record) =>
    makeEvent(kalmar, 'question', { data: questionData(['other'], 1, recordId) });
  const withdrawal = (recordId = record) =>
    makeEvent(kalmar, 'question-withdrawn', { data: { recordId } });

  it("refuses corrections and withdrawals of another device's record", () => {
    const plan = planBatch(
      [version(), withdrawal(), makeEvent(kalmar)],
      device(kalmar),
      NOW,
      KNOWS_ALL,
    );
    expect(correctedRecordIds(plan)).toEqual([record]);
    const owned = enforceRecordOwnership(plan, new Map([[record, uuidv7()]]), kalmar.deviceId);
    expect(owned.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'accepted']);
    expect(owned.results[1]?.reason).toMatch(/^not-own-record: /);
    expect(owned.toInsert).toHaveLength(1);
  });

  it('lets a device correct and withdraw its own records, stored or earlier in the batch', () => {
    const stored = uuidv7();
    const plan = planBatch(
      [version(), withdrawal(), withdrawal(stored)],
      device(kalmar),
      NOW,
      KNOWS_ALL,
    );
    const owned = enforceRecordOwnership(
      plan,
      new Map([[stored, kalmar.deviceId]]),
      kalmar.deviceId,
    );
    expect(owned.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
  });

  it('refuses a withdrawal of a record no device made here', () => {
    const plan = planBatch([withdrawal(uuidv7())], device(kalmar), NOW, KNOWS_ALL);
    const owned = enforceRecordOwnership(plan, new Map(), kalmar.deviceId);
    expect(owned.results[0]).toMatchObject({ status: 'rejected', reason: /^not-own-record/ });
  });
});

describe('echoed ids', () => {
  it('echoes an id only when it looks like an event id, never an arbitrary string', () => {
    const huge = planBatch(
      [{ ...makeEvent(kalmar), id: 'x'.repeat(400_000) }],
      device(kalmar),
      NOW,
      KNOWS_ALL,
    );
    expect(huge.results[0]).toMatchObject({ id: null, status: 'rejected' });
    const event = makeEvent(kalmar);
    expect(planBatch([event], device(kalmar), NOW, KNOWS_ALL).results[0]?.id).toBe(event.id);
  });
});

describe('describeIssue', () => {
  it('names the path and the rule, never the value', () => {
    expect(
      describeIssue({
        code: 'invalid_type',
        expected: 'string',
        path: ['id'],
        message: 'Invalid input',
      }),
    ).toBe('id: expected string');
    expect(
      describeIssue({ code: 'unrecognized_keys', path: ['data'], message: 'Invalid input' }),
    ).toBe('data: has a field the schema does not allow');
    expect(describeIssue({ code: 'custom', path: [], message: 'must be a UUIDv7' })).toBe(
      '(event): must be a UUIDv7',
    );
  });
});

describe('enrollment links and tokens', () => {
  const enrollment: EnrollmentLink = {
    collectorUrl: 'https://collector.example',
    code: generateToken(),
  };

  it('puts the collector URL and the one-time code, never a token, in the kiosk URL fragment', () => {
    for (const kioskUrl of ['https://k.example', 'https://k.example/', 'https://k.example/#old']) {
      const link = enrollmentLink(kioskUrl, enrollment);
      expect(link.startsWith('https://k.example/#enroll=')).toBe(true);
      expect(decodeEnrollmentLink(link.split('#enroll=')[1] ?? '')).toEqual(enrollment);
    }
    // A link to a collector in clear text over the network is not a link a device follows.
    const plain = enrollmentLink('https://k.example', {
      ...enrollment,
      collectorUrl: 'http://collector.example',
    });
    expect(decodeEnrollmentLink(plain.split('#enroll=')[1] ?? '')).toBeNull();
  });

  it('accepts https: collector URLs, and http: only for loopback hosts', () => {
    for (const url of [
      'https://collector.example',
      'https://collector.example:8443/hp',
      'http://127.0.0.1:8787',
      'http://127.8.9.10',
      'http://localhost:8787',
      'http://[::1]:8787',
    ]) {
      expect(isAllowedCollectorUrl(url), url).toBe(true);
    }
    for (const url of [
      'http://collector.example',
      'http://192.168.1.10:8787',
      'http://127.0.0.1.example.com',
      'http://[::2]',
      'ftp://collector.example',
      'https://user:pw@collector.example',
      'https://collector.example/?x=1',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect(isAllowedCollectorUrl(url), url).toBe(false);
    }
  });

  it('makes 32-byte base64url codes and tokens and compares them safely', () => {
    expect(enrollment.code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(hashToken('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(tokensEqual('secret', 'secret')).toBe(true);
    expect(tokensEqual('secret', 'secret2')).toBe(false);
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
  });
});
