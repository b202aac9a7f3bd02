import type { BrowserContext, Page } from 'playwright-core';
import { demoPassword } from '../../server/demo/seed.js';
import { signIn } from '../utils/accounts.js';
import type { TestServer } from '../utils/server.js';

/** The id of a demo account, by its username. */
export function userIdOf(server: TestServer, username: string): string {
  const row = server.db
    .prepare<[string], { id: string }>('SELECT id FROM users WHERE username = ?')
    .get(username);
  if (!row) throw new Error(`no demo account ${username}`);
  return row.id;
}

/** Signs in through the login form, as a person would, and waits until the app shows who is in. */
export async function signInThroughForm(page: Page, server: TestServer, username: string): Promise<void> {
  await page.goto(`${server.url}/`);
  await page.getByLabel('Gebruikersnaam').fill(username);
  await page.getByLabel('Wachtwoord').fill(demoPassword);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByText(/^Ingelogd als /).waitFor();
}

/** Gives a browser context the session cookie of a demo account, without the login form. */
export async function addSessionCookie(
  context: BrowserContext,
  server: TestServer,
  username: string,
): Promise<void> {
  const { cookie } = await signIn(server, userIdOf(server, username));
  const [name, ...value] = cookie.split('=');
  await context.addCookies([{ name: name!, value: value.join('='), url: server.url }]);
}
