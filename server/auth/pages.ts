/** The two pages the gateway itself renders around sign-in (no script: CSP `script-src 'self'` applies). */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} · Triage Console</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">
<main><h1>${title}</h1>${body}</main></body></html>`;
}

export const signedOutPage = () =>
  page(
    'Signed out',
    '<p>You are signed out of the Triage Console.</p><p><a href="/auth/login">Sign in again</a></p>',
  );

export const signInFailedPage = (reason: string) =>
  page('Sign-in failed', `<p>${escapeHtml(reason)}</p><p><a href="/auth/login">Try again</a></p>`);
