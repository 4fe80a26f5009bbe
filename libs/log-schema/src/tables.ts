/** The database and the events table, named once for the migrations and the statements beside them. */
export const DATABASE = 'logs';
export const LOGS_TABLE = 'application_logs';
