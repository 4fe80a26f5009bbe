export { createProcessRegistry } from './process-registry';
export { createHttpRequestHistogram, observeHttpRequests, type HttpRequestHistogram } from './http-requests';
