/**
 * Where volumes come from, as a port: the pod resolves them from its mounts, standalone mode from
 * directories and files on this machine (../standalone/volume-sources.ts).
 */
export interface ClaimLocation {
  /** A filesystem claim holds its disk as `disk.img` (raw) in the claim's root; a block claim is a device. */
  type: "file" | "block";
  path: string;
}

export interface VolumeSources {
  claim(claimName: string): Promise<ClaimLocation>;
  /** The disk file inside a containerDisk volume's image: `path` if given, else the one file in the image's /disk/. */
  containerDisk(volumeName: string, image: string, path: string | undefined): Promise<string>;
  secret(name: string): Promise<Record<string, string>>;
  configMap(name: string): Promise<Record<string, string>>;
  serviceAccount(name: string): Promise<Record<string, string>>;
  /** The format qemu-img reports for an existing image (backing files of overlays). */
  imageFormat(path: string): Promise<"qcow2" | "raw">;
}

/** Facts about one volume gathered through VolumeSources before planning. */
export interface VolumeFacts {
  claim?: ClaimLocation;
  image?: { path: string; format: "qcow2" | "raw" };
  /** configMap/secret/serviceAccount contents. */
  data?: Record<string, string>;
  userData?: string;
  networkData?: string;
}
