/** Turns schema issues into one line an IT officer can act on: which field, and what is wrong. */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
}

export function describeIssues(issues: readonly SchemaIssue[], max = 5): string {
  return issues
    .slice(0, max)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
