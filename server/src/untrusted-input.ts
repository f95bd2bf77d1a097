/**
 * Reading what devices and admins submit without trusting it: a shape check before any field
 * is read, and schema issues described from the schema's side only. Nothing submitted is
 * echoed back (it could hold personal data, or be huge).
 */
interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  expected?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
}

const MAX_PATH_PARTS = 8;

/** "data.helpedWith.0: must be a UUIDv7": the path comes from the schema, never from the input. */
export function describeIssue(issue: Issue, root = '(event)'): string {
  const path = issue.path.slice(0, MAX_PATH_PARTS).map(String).join('.') || root;
  return `${path}: ${issueMessage(issue)}`;
}

function issueMessage(issue: Issue): string {
  // zod/mini keeps only the messages our schemas define; everything else is "Invalid input".
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}`;
    case 'invalid_value':
    case 'invalid_union':
      return 'not one of the allowed values';
    case 'unrecognized_keys':
      return 'has a field the schema does not allow';
    case 'too_small':
      return `too small (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `too big (maximum ${String(issue.maximum)})`;
    case 'invalid_format':
      return `not a valid ${String(issue.format)}`;
    default:
      return 'invalid';
  }
}

/** A JSON object: not null and not an array, so its fields can be read by name. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
