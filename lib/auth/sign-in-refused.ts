import { CredentialsSignin } from "next-auth";

/**
 * A refused sign-in, with why (`code`) and how long to wait when that matters. Auth.js puts
 * `code` in the redirect URL of a direct POST, so it names the kind of refusal only; our server
 * actions get the error itself and show the wait.
 */
export class SignInRefused extends CredentialsSignin {
  constructor(
    reason: string,
    readonly retryAfterSeconds = 0,
  ) {
    super(reason);
    this.code = reason;
  }
}
