// The pure parts of the collector: per-event decisions, issue wording, enrollment links.
import { describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { decodeEnrollment, type Enrollment } from '../../src/protocol/sync-api';
import { completeResults, planBatch } from '../../server/src/ingest';
import { describeIssue } from '../../server/src/untrusted-input';
import { enrollmentLink } from '../../server/src/enrollment';
import { bearerToken, generateToken, hashToken, tokensEqual } from '../../server/src/tokens';
import { makeEvent } from './support';

// Times and codes have their own tests (times.test.ts, known-codes.test.ts).
const NOW = new Date();
const KNOWS_ALL = () => true;

describe('planBatch', () => {
  it('plans inserts for valid events and decides the rest at once', () => {
    const a = makeEvent('kalmar');
    const b = makeEvent('kalmar', 'visit');
    const plan = planBatch([a, b, a, makeEvent('mjolby'), null], 'kalmar', NOW, KNOWS_ALL);
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
    const event = makeEvent('kalmar');
    const plan = planBatch([{ ...event, type: 'nope' }, event], 'kalmar', NOW, KNOWS_ALL);
    expect(plan.results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
  });
});

describe('echoed ids', () => {
  it('echoes an id only when it looks like an event id, never an arbitrary string', () => {
    const huge = planBatch([{ ...makeEvent('hp'), id: 'x'.repeat(400_000) }], 'hp', NOW, KNOWS_ALL);
    expect(huge.results[0]).toMatchObject({ id: null, status: 'rejected' });
    const event = makeEvent('hp');
    expect(planBatch([event], 'hp', NOW, KNOWS_ALL).results[0]?.id).toBe(event.id);
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
  const enrollment: Enrollment = {
    collectorUrl: 'https://collector.example',
    helpPointId: 'kalmar',
    deviceId: uuidv7(),
    token: generateToken(),
    role: 'kiosk',
  };

  it('puts the encoded enrollment in the kiosk URL fragment', () => {
    for (const kioskUrl of ['https://k.example', 'https://k.example/', 'https://k.example/#old']) {
      const link = enrollmentLink(kioskUrl, enrollment);
      expect(link.startsWith('https://k.example/#enroll=')).toBe(true);
      expect(decodeEnrollment(link.split('#enroll=')[1] ?? '')).toEqual(enrollment);
    }
  });

  it('makes 32-byte base64url tokens and compares them safely', () => {
    expect(enrollment.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
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
