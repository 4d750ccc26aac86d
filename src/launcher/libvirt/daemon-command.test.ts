import test from "ava";
import { daemonArgv, daemonEnv, sessionUri } from "./daemon-command";

test("as root: parent-death signal, PID+mount namespace, tini as PID 1, libvirtd dropped to the QEMU user", (t) => {
  const argv = daemonArgv({ uid: 999, gid: 995 });
  t.deepEqual(argv.slice(0, 4), ["setpriv", "--pdeathsig", "KILL", "--"]);
  t.true(argv.includes("--pid") && argv.includes("--kill-child=SIGKILL") && argv.includes("--mount-proc"));
  t.false(argv.includes("--user"));
  const tini = argv.indexOf("tini");
  t.true(tini > argv.indexOf("unshare"));
  t.deepEqual(argv.slice(tini + 3), ["setpriv", "--reuid=999", "--regid=995", "--clear-groups", "--", "libvirtd"]);
});

test("as non-root: a user namespace mapping only itself, no privilege change", (t) => {
  const argv = daemonArgv(undefined);
  t.true(argv.includes("--user") && argv.includes("--map-current-user"));
  t.is(argv.at(-1), "libvirtd");
  t.false(argv.some((a) => a.startsWith("--reuid")));
});

test("session daemon environment and URI are per launcher", (t) => {
  const env = daemonEnv({ home: "/w/home", runtimeDir: "/w/run", cacheDir: "/w/cache", configDir: "/w/config" }, { PATH: "/bin", SECRET: "x" });
  t.deepEqual(env, { PATH: "/bin", HOME: "/w/home", XDG_RUNTIME_DIR: "/w/run", XDG_CACHE_HOME: "/w/cache", XDG_CONFIG_HOME: "/w/config" });
  t.is(sessionUri("/w/run"), "qemu:///session?socket=/w/run/libvirt/libvirt-sock");
});

test("a driver directory of its own is passed as LIBVIRT_DRIVER_DIR", (t) => {
  const env = daemonEnv({ home: "/w/home", runtimeDir: "/w/run", cacheDir: "/w/cache", configDir: "/w/config", driverDir: "/w/drivers" }, {});
  t.is(env.LIBVIRT_DRIVER_DIR, "/w/drivers");
});
