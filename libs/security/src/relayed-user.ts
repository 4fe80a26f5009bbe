/**
 * The header in which the web app names the signed-in user it calls the api for, so that the
 * api's rate limits apply per user instead of one bucket for everyone behind the web's token.
 */
export const RELAYED_USER_HEADER = 'x-logline-user';
