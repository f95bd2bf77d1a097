/**
 * Where a device may send its logs and its token: only over HTTPS, except to the device
 * itself (loopback), which is how the demo and the tests run. Checked by the collector when
 * it makes an enrollment code and by the device before it exchanges one, so neither a typo
 * nor a forged link can make a kiosk send its token in clear text across a network.
 */

const LOOPBACK_NAMES = new Set(['localhost', '[::1]']);

/** True for 127.0.0.0/8, ::1 and localhost (the URL parser has already normalised the host). */
export function isLoopbackHost(hostname: string): boolean {
  if (LOOPBACK_NAMES.has(hostname.toLowerCase())) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/**
 * An https: URL, or http: to a loopback host; never with a user name, password, query or
 * fragment (a collector URL is a base that paths are added to).
 */
export function isAllowedCollectorUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return url.hostname !== '';
  return url.protocol === 'http:' && isLoopbackHost(url.hostname);
}

/** The host name a person should recognise before a device switches collectors. */
export function collectorHost(value: string): string {
  try {
    return new URL(value).host;
  } catch {
    return value;
  }
}
