/** Real Chromium (or Chrome: whichever `npm test` found, see @logline/test-tools) driven by playwright-core. */
import { chromium, type Browser } from 'playwright-core';
import { testToolPath } from '@logline/test-tools';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: testToolPath('chromium'),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
