export { startClickHouseHttp, type ClickHouseHttp, type ClickHouseHttpOptions } from './clickhouse-http';
