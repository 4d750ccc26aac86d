import type { VirtTypeChoice } from "../host/virt-type";

export interface StandaloneArgs {
  manifest: string;
  pvcDir?: string;
  imageDir?: string;
  consoleLog?: string;
  workdir?: string;
  socket?: string;
  secretDir?: string;
  configMapDir?: string;
  virtType: VirtTypeChoice;
  featureGates: string[];
  /** Name of a network namespace under /run/netns for the VM's taps. */
  netns?: string;
  /** Pod network name → existing tap in `netns`. */
  taps: Record<string, string>;
  /**
   * `namespaces` (default): libvirtd gets PID and mount namespaces of its own and peers' uids are
   * checked. `pod`: the launcher pod's container is the boundary (it may not create namespaces), the
   * pod shares one PID namespace, and containerDisks come from their containers.
   */
  isolation: "namespaces" | "pod";
}

export const USAGE = `usage: virt-launcher standalone -f VMI.yaml [--pvc-dir DIR] [--image-dir DIR] [--console-log FILE]
                      [--workdir DIR] [--socket PATH] [--secret-dir DIR] [--configmap-dir DIR]
                      [--virt-type auto|kvm|qemu] [--feature-gates HostDisk,...]
                      [--netns NAME --tap NETWORK=TAP,...]   (default: the VM has no network)
       virt-launcher run --workdir DIR --socket PATH [--isolation namespaces|pod] [same volume flags]
                                                          (pod mode: waits for a sync command)`;

const FLAGS: Record<string, keyof StandaloneArgs> = {
  "-f": "manifest", "--file": "manifest", "--pvc-dir": "pvcDir", "--image-dir": "imageDir", "--console-log": "consoleLog",
  "--workdir": "workdir", "--socket": "socket", "--secret-dir": "secretDir", "--configmap-dir": "configMapDir", "--netns": "netns",
};

/** Parses `standalone` flags (pure); throws with the usage text on a mistake. */
export function parseStandaloneArgs(argv: string[]): StandaloneArgs {
  const args = parseFlags(argv);
  if (args.manifest === undefined) throw new Error(`-f VMI.yaml is required\n${USAGE}`);
  if (Object.keys(args.taps).length > 0 && args.netns === undefined) throw new Error(`--tap needs --netns\n${USAGE}`);
  return args as StandaloneArgs;
}

/** Parses `run` (pod mode) flags: no manifest (the VMI comes with the sync command), workdir and socket required. */
export function parseRunArgs(argv: string[]): Omit<StandaloneArgs, "manifest"> & { workdir: string; socket: string } {
  const args = parseFlags(argv);
  if (args.manifest !== undefined) throw new Error(`run takes the VMI from the sync command, not -f\n${USAGE}`);
  if (args.workdir === undefined || args.socket === undefined) throw new Error(`run needs --workdir and --socket\n${USAGE}`);
  return { ...args, workdir: args.workdir, socket: args.socket };
}

type Parsed = Partial<StandaloneArgs> & Pick<StandaloneArgs, "virtType" | "featureGates" | "taps" | "isolation">;

function parseFlags(argv: string[]): Parsed {
  const out: Parsed = { virtType: "auto", featureGates: [], taps: {}, isolation: "namespaces" };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i]!, argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
    if (flag === "--virt-type") {
      if (!["auto", "kvm", "qemu"].includes(value)) throw new Error(`--virt-type must be auto, kvm or qemu\n${USAGE}`);
      out.virtType = value as VirtTypeChoice;
    } else if (flag === "--tap") {
      for (const pair of value.split(",").filter(Boolean)) {
        const [network, tap] = pair.split("=");
        if (!network || !tap) throw new Error(`--tap takes NETWORK=TAP pairs\n${USAGE}`);
        out.taps[network] = tap;
      }
    } else if (flag === "--isolation") {
      if (value !== "namespaces" && value !== "pod") throw new Error(`--isolation must be namespaces or pod\n${USAGE}`);
      out.isolation = value;
    } else if (flag === "--feature-gates") {
      out.featureGates = value.split(",").filter(Boolean);
    } else if (FLAGS[flag] !== undefined) {
      (out as Record<string, unknown>)[FLAGS[flag]] = value;
    } else {
      throw new Error(`unknown flag ${flag}\n${USAGE}`);
    }
  }
  return out;
}
