import type { VirtualMachineInstance } from "../../api";
import { vmiName } from "../converter/configurator";

/** Files of an ISO, by path inside it. */
export type IsoFiles = Record<string, string>;

function identity(vmi: VirtualMachineInstance): { instanceId: string; hostname: string } {
  const { namespace, name } = vmiName(vmi);
  return { instanceId: `${name}.${namespace}`, hostname: vmi.spec.hostname ?? name };
}

/** NoCloud seed (label `cidata`): user-data, meta-data with instance-id and hostname, network-config. */
export function noCloudFiles(vmi: VirtualMachineInstance, userData: string | undefined, networkData: string | undefined): IsoFiles {
  const { instanceId, hostname } = identity(vmi);
  const files: IsoFiles = {
    "meta-data": `instance-id: ${instanceId}\nlocal-hostname: ${hostname}\n`,
    "user-data": userData ?? "",
  };
  if (networkData !== undefined) files["network-config"] = networkData;
  return files;
}

/** ConfigDrive (label `config-2`) in OpenStack's openstack/latest layout. */
export function configDriveFiles(vmi: VirtualMachineInstance, userData: string | undefined, networkData: string | undefined): IsoFiles {
  const { instanceId, hostname } = identity(vmi);
  const { uid } = vmiName(vmi);
  const meta = { uuid: uid ?? instanceId, hostname, name: hostname, instance_id: instanceId };
  const files: IsoFiles = { "openstack/latest/meta_data.json": JSON.stringify(meta) + "\n" };
  if (userData !== undefined) files["openstack/latest/user_data"] = userData;
  if (networkData !== undefined) files["openstack/latest/network_data.json"] = networkData;
  return files;
}

export const NOCLOUD_LABEL = "cidata";
export const CONFIG_DRIVE_LABEL = "config-2";
