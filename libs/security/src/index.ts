export { isLoopbackHost } from './loopback';
export { allowedHosts, hostnameOfHostHeader, isAllowedHost, parseHostList, type AllowedHosts } from './allowed-hosts';
export { contentTypeEssence, isSimpleRequest } from './simple-request';
export { checkRequest, requestGuard, type GuardedRequest, type Refusal, type RequestGuardOptions } from './request-guard';
export { ConnectionsPerAddress } from './connections-per-address';
export { readSecretFile, readSecretSetting } from './secret-file';
export { RELAYED_USER_HEADER } from './relayed-user';
export { isSameSecret } from './same-secret';
