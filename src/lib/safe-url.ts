/**
 * Vendor-supplied URLs (download_url, downloadUrl) become links only when they are absolute https
 * (or http to a loopback simulator in demo mode). `javascript:`, `data:`, relative and malformed values stay text.
 */
export type SafeUrl = { ok: true; href: string } | { ok: false; reason: string };

export function toSafeExternalUrl(
  value: string | null | undefined,
  options: { allowLoopbackHttp?: boolean } = {},
): SafeUrl {
  if (!value) return { ok: false, reason: 'no link' };
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return { ok: false, reason: 'not an absolute URL' };
  }
  if (url.protocol === 'https:') return { ok: true, href: url.href };
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && options.allowLoopbackHttp && loopback) return { ok: true, href: url.href };
  return { ok: false, reason: `${url.protocol} links are not opened` };
}
