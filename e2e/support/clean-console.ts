import { expect, test as base } from '@playwright/test';

/**
 * `test` that fails when the page logs an error or a warning to the browser console, or throws:
 * checks the page makes on purpose (a discovery URL that does not exist, a refused token request
 * it explains) must not look like failures to a developer who opens the console.
 */
export const test = base.extend<{ cleanConsole: void }>({
  cleanConsole: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning')
          problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
      });
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
      await use();
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
