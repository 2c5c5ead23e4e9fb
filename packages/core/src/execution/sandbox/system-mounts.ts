import { lstatSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** System directories every sandbox shows read-only (or as the same symlink as the host). */
export const SYSTEM_DIRECTORIES = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

/**
 * Entries of `/etc` every sandbox shows read-only: the dynamic loader's configuration, time
 * zone, name-service switch, Debian's `alternatives` symlinks (e.g. `/usr/bin/java` resolves
 * through them), and the configuration Debian installs for the toolchains of passk's
 * languages: the JVMs (`/etc/java-*`), R (`/etc/R`), mono (`/etc/mono`), Perl (`/etc/perl`),
 * PHP (`/etc/php`), Racket (`/etc/racket`: where its compiled collections are; without it
 * every run recompiles rackunit) and LDC/DMD (`ldc2.conf`, `dmd.conf`). None of these hold
 * secrets. Nothing else of `/etc` is visible; `/etc/passwd`, `/etc/group` and `/etc/hosts` are
 * passk's own minimal files. A toolchain that needs more of `/etc` lists it in `Step.mounts`.
 */
export const ETC_ENTRIES = [
  'alternatives',
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'localtime',
  'timezone',
  'nsswitch.conf',
  'os-release',
  'protocols',
  'services',
  'R',
  'mono',
  'perl',
  'php',
  'racket',
  'ldc2.conf',
  'dmd.conf',
];

/** Prefixes of `/etc` directories shown as well (toolchain configuration). */
const ETC_PREFIXES = ['java-'];

/**
 * The bwrap arguments that show the system directories and the essentials of `/etc`:
 * `--ro-bind` for directories, `--symlink` for merged-/usr symlinks (`/bin -> usr/bin`).
 * Files for `/etc/passwd`, `/etc/group` and `/etc/hosts` are written into `etcDirectory`
 * (one user per entry of `users`, uid = gid) and bound from there.
 */
export function systemMountArgs(
  etcDirectory: string,
  users: readonly { readonly name: string; readonly uid: number }[],
): string[] {
  const args: string[] = [];
  for (const path of SYSTEM_DIRECTORIES) {
    const info = lstatOrNull(path);
    if (info?.isSymbolicLink()) args.push('--symlink', readlinkSync(path), path);
    else if (info?.isDirectory()) args.push('--ro-bind', path, path);
  }
  args.push('--perms', '0755', '--dir', '/etc');
  const extra = safeReaddir('/etc').filter((name) =>
    ETC_PREFIXES.some((prefix) => name.startsWith(prefix)),
  );
  for (const name of [...ETC_ENTRIES, ...extra]) {
    if (lstatOrNull(join('/etc', name)) !== null) {
      args.push('--ro-bind-try', join('/etc', name), join('/etc', name));
    }
  }
  const files = {
    passwd: [
      'root:x:0:0:root:/root:/usr/sbin/nologin',
      ...users.map(
        (user) => `${user.name}:x:${user.uid}:${user.uid}:passk sandbox:/nonexistent:/bin/sh`,
      ),
      'nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin',
    ],
    group: ['root:x:0:', ...users.map((user) => `${user.name}:x:${user.uid}:`), 'nogroup:x:65534:'],
    hosts: ['127.0.0.1 localhost', '::1 localhost ip6-localhost ip6-loopback'],
  };
  for (const [name, lines] of Object.entries(files)) {
    const path = join(etcDirectory, name);
    writeFileSync(path, `${[...new Set(lines)].join('\n')}\n`, { mode: 0o644 });
    args.push('--ro-bind', path, `/etc/${name}`);
  }
  return args;
}

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}
