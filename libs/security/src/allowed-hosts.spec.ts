import { allowedHosts, hostnameOfHostHeader, isAllowedHost, parseHostList } from './allowed-hosts';

describe('allowed hosts', () => {
  const defaults = allowedHosts([], '127.0.0.1');

  it.each(['localhost', 'LOCALHOST.', '127.0.0.1', '127.1.2.3', '::1', '10.1.2.3', '2001:db8::1'])('allows %s by default', (name) => {
    expect(isAllowedHost(defaults, name)).toBe(true);
  });

  it.each(['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', 'api'])('refuses the name %s unless configured', (name) => {
    expect(isAllowedHost(defaults, name)).toBe(false);
  });

  it('allows configured names and a named listen host', () => {
    const allowed = allowedHosts(parseHostList(' Logs.Example.com ,api').names, 'myhost');
    expect(['logs.example.com', 'api', 'myhost'].map((name) => isAllowedHost(allowed, name))).toEqual([true, true, true]);
    expect(isAllowedHost(allowed, 'example.com')).toBe(false);
  });

  it('allows every name with *', () => {
    expect(isAllowedHost(allowedHosts(['*'], '0.0.0.0'), 'anything.example')).toBe(true);
  });

  it('names what is not a host name', () => {
    expect(parseHostList('http://x.example,x.example:80,ok.example').problems).toEqual([
      "'http://x.example' is not a host name or address (no ports, schemes or paths)",
      "'x.example:80' is not a host name or address (no ports, schemes or paths)",
    ]);
  });

  it.each([
    ['localhost:3000', 'localhost'],
    ['[::1]:4000', '::1'],
    ['[::1]', '::1'],
    ['Example.COM.', 'example.com'],
  ])('reads the name of the Host header %s', (header, name) => {
    expect(hostnameOfHostHeader(header)).toBe(name);
  });
});
