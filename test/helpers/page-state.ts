import assert from 'node:assert/strict';
import { errors, type Locator, type Page } from 'playwright-core';

/**
 * Assertions that wait for the state they check: the page may still be arriving or its script may still
 * be moving focus, so each waits (in the browser, as the page changes) until the state holds, then
 * asserts it once more so that a state that never came fails with what the page shows instead.
 */

/** How long a state may take to arrive on a loaded 2-core machine. */
const STATE_TIMEOUT_MS = 15_000;

/** Waits for the page's waitForFunction; false (not an error) when its state never came. */
async function cameTrue(waiting: Promise<unknown>): Promise<boolean> {
  try {
    await waiting;
    return true;
  } catch (error) {
    if (error instanceof errors.TimeoutError) return false;
    throw error;
  }
}

/** The text of the first element matching a CSS selector, white space collapsed when asked. */
async function textOf(page: Page, selector: string, collapse: boolean): Promise<string> {
  const text = (await page.textContent(selector)) ?? '';
  return collapse ? text.replace(/\s+/g, ' ') : text;
}

/** Asserts that the text of the first element matching selector (CSS) matches pattern, once it does. */
export async function expectText(
  page: Page,
  selector: string,
  pattern: RegExp,
  options: { collapseSpace?: boolean } = {},
): Promise<void> {
  const collapse = options.collapseSpace ?? false;
  await cameTrue(
    page.waitForFunction(
      ({ selector, source, flags, collapse }) => {
        const text = document.querySelector(selector)?.textContent ?? '';
        return new RegExp(source, flags).test(collapse ? text.replace(/\s+/g, ' ') : text);
      },
      { selector, source: pattern.source, flags: pattern.flags, collapse },
      { timeout: STATE_TIMEOUT_MS },
    ),
  );
  assert.match(await textOf(page, selector, collapse), pattern);
}

/** Asserts that the page's address has the path, once navigation has brought it there and it has loaded. */
export async function expectPath(page: Page, path: string, message?: string): Promise<void> {
  try {
    await page.waitForURL((url) => url.pathname === path, { timeout: STATE_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
  }
  assert.equal(new URL(page.url()).pathname, path, message);
}

/** Asserts that the element matching selector (CSS) has focus, once the page's script has moved it there. */
export async function expectFocus(page: Page, selector: string): Promise<void> {
  const focused = page.waitForFunction((s) => document.activeElement?.matches(s) ?? false, selector, {
    timeout: STATE_TIMEOUT_MS,
  });
  if (await cameTrue(focused)) return;
  const instead = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 120));
  assert.fail(`${selector} did not take focus; focus is on ${instead}`);
}

/** Asserts the value of an attribute of the first element matching selector (CSS), once it has it. */
export async function expectAttribute(
  page: Page,
  selector: string,
  name: string,
  value: string,
): Promise<void> {
  await cameTrue(
    page.waitForFunction(
      ({ selector, name, value }) => document.querySelector(selector)?.getAttribute(name) === value,
      { selector, name, value },
      { timeout: STATE_TIMEOUT_MS },
    ),
  );
  assert.equal(await page.getAttribute(selector, name), value);
}

/** Asserts whether the element is visible (after a change of media, a script or a navigation). */
export async function expectVisible(locator: Locator, visible: boolean): Promise<void> {
  try {
    await locator.waitFor({ state: visible ? 'visible' : 'hidden', timeout: STATE_TIMEOUT_MS });
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
  }
  assert.equal(await locator.isVisible(), visible);
}

/** Asserts how many elements match the locator, once that many do. */
export async function expectCount(locator: Locator, count: number): Promise<void> {
  const deadline = Date.now() + STATE_TIMEOUT_MS;
  // Each look waits for the next change in the page (a frame), never for a fixed time.
  while ((await locator.count()) !== count && Date.now() < deadline) {
    await locator.page().evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  assert.equal(await locator.count(), count);
}

/** Asserts the value of a form field (CSS selector), once it has it (after typing or a key press). */
export async function expectValue(page: Page, selector: string, value: string): Promise<void> {
  await cameTrue(
    page.waitForFunction(
      ({ selector, value }) => (document.querySelector(selector) as HTMLInputElement | null)?.value === value,
      { selector, value },
      { timeout: STATE_TIMEOUT_MS },
    ),
  );
  assert.equal(await page.inputValue(selector), value);
}
