/** One template and how many events carry it. */
export interface TemplateCount {
  readonly template: string;
  readonly count: number;
}

/** Count descending, then template by code unit (not locale: the order must be the same everywhere). */
export function compareBusiestFirst(left: TemplateCount, right: TemplateCount): number {
  if (left.count !== right.count) return right.count - left.count;
  if (left.template === right.template) return 0;
  return left.template < right.template ? -1 : 1;
}
