import { seam, wired } from '../../shared/wiring/index.js';

/** One way to sign in besides the password: a button on the login page. */
export interface SignInChoice {
  /** The text on the button, e.g. "Log ind med Aarhus Kommune". */
  label: string;
  /** A local path that starts the sign-in. */
  href: string;
}

/**
 * Sign-in through someone else (a municipality's identity provider). Accounts only shows the choices and
 * asks where an e-mail address belongs; the component that talks to the providers fills this seam.
 */
export interface ExternalSignIn {
  choices(language: 'da' | 'en'): Promise<SignInChoice[]>;
  /** Where a person with this e-mail address must sign in instead of with a password, if anywhere. */
  routeForEmail(email: string): Promise<string | undefined>;
}

export const externalSignInSeam = seam<ExternalSignIn>('accounts.external-sign-in');

export async function externalSignInChoices(language: 'da' | 'en'): Promise<SignInChoice[]> {
  return (await wired(externalSignInSeam)?.choices(language)) ?? [];
}

export async function externalSignInFor(email: string): Promise<string | undefined> {
  return wired(externalSignInSeam)?.routeForEmail(email);
}
