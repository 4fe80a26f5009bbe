import { Type, type Static } from 'typebox';

/** Every 4xx and 5xx answer of the api (5xx messages say only that something failed). */
export const ErrorBody = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String({ description: 'What was wrong and where, for the person who sent the request.' }),
});

export type ErrorBody = Static<typeof ErrorBody>;
