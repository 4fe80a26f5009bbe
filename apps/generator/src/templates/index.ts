import { AUTH_TEMPLATES } from './auth';
import { GENERIC_TEMPLATES } from './generic';
import { PAYMENT_TEMPLATES } from './payment';
import { PROFILE_TEMPLATES } from './profile';
import { SEARCH_TEMPLATES } from './search';
import type { SourceTemplates } from './template';

/** Sources with their own messages; they are also the default `--sources`. */
export const KNOWN_SOURCES = ['auth', 'payment', 'search', 'profile'] as const;

const TEMPLATES: Readonly<Record<string, SourceTemplates>> = {
  auth: AUTH_TEMPLATES,
  payment: PAYMENT_TEMPLATES,
  search: SEARCH_TEMPLATES,
  profile: PROFILE_TEMPLATES,
};

/** The templates of a source, or generic service messages for a name we have none for. */
export function templatesFor(source: string): SourceTemplates {
  return Object.prototype.hasOwnProperty.call(TEMPLATES, source) ? TEMPLATES[source] : GENERIC_TEMPLATES;
}
