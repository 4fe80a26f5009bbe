/**
 * Migrations 16 and 17: the budgets that hold across every api and web replica instead of in one
 * process's memory: sign-in attempts (the web's lockout) and request counts (the rate limits).
 */
import { DATABASE } from './tables';

/**
 * Every sign-in attempt the web counts, as one row (weight 1) at the moment it starts, before the
 * password is checked; an attempt given back (refused because a budget was used up, or the
 * password was right) gets a second row of the same attempt with weight -1, and `signed_in = 1`
 * when the password was right: that address is then one the user signs in from. A budget is the
 * sum of weights over its rows within its window. Attempt rows expire after their window; a
 * sign-in row after SIGN_IN_KNOWN_ADDRESS_DAYS.
 */
export const SIGN_IN_ATTEMPTS_TABLE = 'sign_in_attempts';
/** How long an address a user signed in from keeps them clear of the budget of unknown addresses. */
export const SIGN_IN_KNOWN_ADDRESS_DAYS = 30;

export const SIGN_IN_ATTEMPTS_MIGRATION = {
  version: 16,
  name: 'sign-in attempts shared by every web replica',
  statements: [
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${SIGN_IN_ATTEMPTS_TABLE}
(
    username  String,
    address   String,
    attempt   UUID,
    at        DateTime64(3, 'UTC'),
    weight    Int8,
    signed_in UInt8,
    expires   DateTime('UTC'),
    INDEX idx_address address TYPE bloom_filter GRANULARITY 1
)
ENGINE = MergeTree
ORDER BY (username, address, at)
TTL expires`,
  ],
};

/**
 * Requests counted per rate-limit key and fixed window by each replica (`replica`), added every
 * second or so; a replica's count of a key in a window is the sum of its rows (SummingMergeTree
 * adds them up as parts merge). Every replica reads the others' sums for the current window, so
 * a limit holds for all of them together. Rows are useless once their window is over.
 */
export const RATE_LIMIT_HITS_TABLE = 'rate_limit_hits';

export const RATE_LIMIT_HITS_MIGRATION = {
  version: 17,
  name: 'rate-limit counts shared by every replica',
  statements: [
    `CREATE TABLE IF NOT EXISTS ${DATABASE}.${RATE_LIMIT_HITS_TABLE}
(
    limiter      LowCardinality(String),
    window_start DateTime64(3, 'UTC'),
    key          String,
    replica      String,
    hits         UInt64
)
ENGINE = SummingMergeTree
ORDER BY (limiter, window_start, key, replica)
TTL toDateTime(window_start) + INTERVAL 1 DAY`,
  ],
};
