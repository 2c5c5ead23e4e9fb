import { UsageError } from '@passk/core';

/** A parsed `--queue` URL: where Redis is and how to reach it. */
export interface QueueLocation {
  /** The URL without its password, for logs and the manifest. */
  readonly display: string;
  /** Connection settings for ioredis. */
  readonly connection: {
    readonly host: string;
    readonly port: number;
    readonly db: number;
    readonly username?: string;
    readonly password?: string;
    /** Present for `rediss://`: TLS, the server certificate checked against the host name. */
    readonly tls?: { readonly servername: string };
  };
}

/**
 * Parses `redis://[user:password@]host[:port][/db]` or `rediss://…` (TLS). Throws `UsageError`
 * naming `flag` for anything else.
 */
export function parseQueueUrl(value: string, flag = '--queue'): QueueLocation {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError({
      message: `${flag} expects a Redis URL like redis://host:6379 or rediss://user:password@host:6380/0, got '${value}'`,
    });
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new UsageError({
      message: `${flag} expects a redis:// or rediss:// (TLS) URL, got '${url.protocol}' in '${redact(url)}'`,
    });
  }
  if (url.hostname === '') {
    throw new UsageError({ message: `${flag}: no host in '${redact(url)}'` });
  }
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) {
    throw new UsageError({
      message: `${flag}: the path of '${redact(url)}' must be a database number (0-99), got '${path}'`,
    });
  }
  if (url.search !== '' || url.hash !== '') {
    throw new UsageError({ message: `${flag}: '${redact(url)}' has options passk does not read` });
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const tls = url.protocol === 'rediss:';
  return {
    display: redact(url),
    connection: {
      host,
      port: url.port === '' ? 6379 : Number(url.port),
      db: path === '' ? 0 : Number(path),
      ...(url.username ? { username: decodeURIComponent(url.username) } : {}),
      ...(url.password ? { password: decodeURIComponent(url.password) } : {}),
      ...(tls ? { tls: { servername: host } } : {}),
    },
  };
}

function redact(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href.replace(/\/$/, '');
}
