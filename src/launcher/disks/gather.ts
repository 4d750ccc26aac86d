import type { Volume, VirtualMachineInstance } from "../../api";
import type { VolumeFacts, VolumeSources } from "./sources";

type CloudInit = NonNullable<Volume["cloudInitNoCloud"]>;

const b64 = (s: string): string => Buffer.from(s, "base64").toString("utf8");

/** User data and network data from inline text, base64 or a Secret (keys userdata/userData, networkdata/networkData). */
async function cloudInitData(src: CloudInit, sources: VolumeSources): Promise<Pick<VolumeFacts, "userData" | "networkData">> {
  const secret = src.secretRef?.name !== undefined ? await sources.secret(src.secretRef.name) : undefined;
  const netSecret = src.networkDataSecretRef?.name !== undefined ? await sources.secret(src.networkDataSecretRef.name) : undefined;
  const userData =
    src.userData ?? (src.userDataBase64 !== undefined ? b64(src.userDataBase64) : (secret?.userdata ?? secret?.userData));
  const networkData =
    src.networkData ??
    (src.networkDataBase64 !== undefined ? b64(src.networkDataBase64) : (netSecret?.networkdata ?? netSecret?.networkData ?? secret?.networkdata));
  return { userData, networkData };
}

async function factsFor(volume: Volume, sources: VolumeSources): Promise<VolumeFacts> {
  if (volume.containerDisk) {
    const path = await sources.containerDisk(volume.name, volume.containerDisk.image, volume.containerDisk.path);
    return { image: { path, format: await sources.imageFormat(path) } };
  }
  const claimName = volume.persistentVolumeClaim?.claimName ?? volume.ephemeral?.persistentVolumeClaim?.claimName;
  if (claimName !== undefined) return { claim: await sources.claim(claimName) };
  const cloudInit = volume.cloudInitNoCloud ?? volume.cloudInitConfigDrive;
  if (cloudInit) return cloudInitData(cloudInit, sources);
  if (volume.configMap?.name !== undefined) return { data: await sources.configMap(volume.configMap.name) };
  if (volume.secret?.secretName !== undefined) return { data: await sources.secret(volume.secret.secretName) };
  if (volume.serviceAccount?.serviceAccountName !== undefined) {
    return { data: await sources.serviceAccount(volume.serviceAccount.serviceAccountName) };
  }
  return {};
}

/** The I/O half of disk preparation: look every volume's inputs up, keyed by volume name. */
export async function gatherVolumeFacts(vmi: VirtualMachineInstance, sources: VolumeSources): Promise<Record<string, VolumeFacts>> {
  const facts: Record<string, VolumeFacts> = {};
  for (const volume of vmi.spec.volumes ?? []) {
    try {
      facts[volume.name] = await factsFor(volume, sources);
    } catch (err) {
      throw new Error(`volume ${volume.name}: ${(err as Error).message}`, { cause: err });
    }
  }
  return facts;
}
