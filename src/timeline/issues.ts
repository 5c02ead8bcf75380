import type { ManifestIssue } from './manifest.js';

/** How many issues {@link formatIssues} spells out; it counts the rest. */
export const MAX_FORMATTED_ISSUES = 20;

/**
 * One console line for a list of issues (empty when there are none): the first
 * {@link MAX_FORMATTED_ISSUES} spelled out, the rest counted, so the line stays short
 * whatever the document.
 */
export function formatIssues(issues: readonly ManifestIssue[]): string {
  if (!issues.length) return '';
  const each = issues
    .slice(0, MAX_FORMATTED_ISSUES)
    .map((i) => `${i.path || '(document)'}: ${i.message}${i.severity === 'warning' ? ' (warning)' : ''}`);
  const rest = issues.length - each.length;
  if (rest > 0) each.push(`and ${rest} more`);
  return `[shoppable-video] show: ${issues.length} problem${issues.length > 1 ? 's' : ''}: ${each.join('; ')}`;
}
