/** Messages of the `profile` service: profile updates, avatar uploads, preferences. */
import type { SourceTemplates } from './template';
import { latencyMs, userId } from './vocabulary';

const FIELDS = ['display_name', 'email', 'phone', 'address', 'language', 'timezone'] as const;

export const PROFILE_TEMPLATES: SourceTemplates = {
  DEBUG: [
    (r) => {
      const user = userId(r);
      return { message: `Loaded profile ${user} from cache`, attributes: { user_id: user, cache: 'profile' } };
    },
  ],
  INFO: [
    (r) => {
      const [user, field] = [userId(r), r.pick(FIELDS)];
      return {
        message: `User ${user} updated ${field}`,
        attributes: { user_id: user, field, latency_ms: String(latencyMs(r, 30)), status: '200' },
      };
    },
    (r) => {
      const [user, size] = [userId(r), String(r.int(20, 4_000))];
      return {
        message: `Avatar uploaded for ${user} (${size} KB)`,
        attributes: { user_id: user, size_kb: size, latency_ms: String(latencyMs(r, 120)), status: '201' },
      };
    },
  ],
  WARNING: [
    (r) => {
      const [user, size] = [userId(r), String(r.int(5_000, 20_000))];
      return {
        message: `Avatar for ${user} rejected: ${size} KB exceeds the 5000 KB limit`,
        attributes: { user_id: user, size_kb: size, status: '413' },
      };
    },
  ],
  ERROR: [
    (r) => {
      const user = userId(r);
      return {
        message: `Could not save profile ${user}: version conflict`,
        attributes: { user_id: user, status: '409' },
      };
    },
  ],
  CRITICAL: [
    () => ({
      message: 'Profile database primary unreachable; serving read-only',
      attributes: { component: 'postgres', status: '503' },
    }),
  ],
};
