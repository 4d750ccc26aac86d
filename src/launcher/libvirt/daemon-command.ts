/**
 * The command line that runs the launcher's own libvirtd (pure, so it is tested without spawning).
 *
 * Process tree, chosen so nothing outlives the launcher, not even after a SIGKILL of it:
 *   launcher ─ setpriv --pdeathsig KILL ─exec→ unshare (dies with the launcher)
 *     └ unshare --pid --fork --kill-child --mount-proc ─ tini (PID 1 of a new PID namespace; dies with unshare)
 *         └ libvirtd (as the QEMU user) ─ QEMU (reparented to tini, which reaps it)
 * When PID 1 of a PID namespace exits the kernel kills everything in it, so QEMU and libvirtd go too.
 * A mount namespace with its own /proc lets libvirtd read /proc/<pid> of QEMU by its namespace PID.
 *
 * libvirtd runs in session mode (qemu:///session) with per-launcher HOME/XDG dirs: one isolated daemon
 * per VM, as KubeVirt's non-root launcher. Session mode refuses root (a root libvirtd is the system
 * daemon), so a root launcher drops libvirtd to an unprivileged user; a non-root launcher keeps its
 * own user and gets the PID namespace through a user namespace that maps only itself.
 *
 * In a pod (`isolate` false) the container is that boundary: the runtime kills every process of the
 * container when its main process ends, and an unprivileged container may not create namespaces.
 * libvirtd then shares the pod's PID namespace, where QEMU can open containerDisk files through
 * /proc/<pid>/root of their containers.
 */
export interface DaemonUser {
  uid: number;
  gid: number;
}

export interface DaemonLayout {
  home: string;
  runtimeDir: string;
  cacheDir: string;
  configDir: string;
  /** A directory holding only the QEMU driver module (daemon-config.ts); unset: libvirtd's default. */
  driverDir?: string;
}

export function daemonEnv(layout: DaemonLayout, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    PATH: base.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin",
    HOME: layout.home,
    XDG_RUNTIME_DIR: layout.runtimeDir,
    XDG_CACHE_HOME: layout.cacheDir,
    XDG_CONFIG_HOME: layout.configDir,
    ...(layout.driverDir !== undefined ? { LIBVIRT_DRIVER_DIR: layout.driverDir } : {}),
  };
}

/**
 * argv for spawn: [command, ...args]. `dropTo` is set when the launcher is root. `netns` (a path such
 * as /run/netns/NAME, a namespace the project created) puts libvirtd and QEMU in that network
 * namespace, where the VM's taps are: the pod network namespace's role.
 */
export function daemonArgv(dropTo: DaemonUser | undefined, netns?: string, isolate = true): string[] {
  const namespaces = !isolate
    ? []
    : dropTo
    ? ["unshare", "--pid", "--fork", "--kill-child=SIGKILL", "--mount-proc"]
    : ["unshare", "--user", "--map-current-user", "--pid", "--fork", "--kill-child=SIGKILL", "--mount-proc"];
  const asUser = dropTo ? ["setpriv", `--reuid=${dropTo.uid}`, `--regid=${dropTo.gid}`, "--clear-groups", "--"] : [];
  const enterNet = netns !== undefined ? ["nsenter", `--net=${netns}`, "--"] : [];
  if (!isolate) return ["setpriv", "--pdeathsig", "KILL", "--", ...enterNet, ...asUser, "libvirtd"];
  return ["setpriv", "--pdeathsig", "KILL", "--", ...enterNet, ...namespaces, "--", "tini", "-s", "--", ...asUser, "libvirtd"];
}

/** The session URI of the daemon listening in `runtimeDir`. */
export function sessionUri(runtimeDir: string): string {
  return `qemu:///session?socket=${runtimeDir}/libvirt/libvirt-sock`;
}
