/** The filters a rule counts with: its own query's, or those of the saved search it names, read now. */
import type { SavedView } from '@logline/api-contract';
import type { LogFilters, SavedSearchTable } from '@logline/ch-client';
import { toViewFilters } from '../query/saved-view-filters';
import type { AlertRule } from './alert-rule';

export async function readRuleFilters(rule: AlertRule, savedSearches: Pick<SavedSearchTable, 'findByName'>, nowMs: number): Promise<LogFilters> {
  if (rule.search.kind === 'query') return rule.search.filters;
  const saved = await savedSearches.findByName(rule.search.name);
  if (!saved) throw new Error(`no saved search named ${JSON.stringify(rule.search.name)}: it was renamed or deleted, or never saved`);
  // The rule's window replaces the view's time range.
  return { ...toViewFilters(JSON.parse(saved.view) as SavedView, nowMs), fromMs: undefined, toMs: undefined };
}
