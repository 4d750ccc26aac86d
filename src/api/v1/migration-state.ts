import { ApiType, Bool, Int, IntList, IntMap, Obj, Quantity, Str, StrMap } from "../schema";

@ApiType("The migration settings a migration ran with.")
export class MigrationConfiguration {
  @Int("Migrations the whole cluster runs at once.", { format: "int64" })
  parallelMigrationsPerCluster?: number;
  @Int("Migrations leaving one node at once.", { format: "int64" })
  parallelOutboundMigrationsPerNode?: number;
  @Quantity("Bandwidth one migration may use, for example 64Mi.")
  bandwidthPerMigration?: string | number;
  @Int("Seconds allowed per GiB of guest memory before the migration is cancelled.", { format: "int64" })
  completionTimeoutPerGiB?: number;
  @Int("Seconds without progress before the migration is cancelled.", { format: "int64" })
  progressTimeout?: number;
  @Bool("Migrate although the VMI's settings would normally block it.")
  unsafeMigrationOverride?: boolean;
  @Bool("Slow the guest down so the migration can converge.")
  allowAutoConverge?: boolean;
  @Bool("Finish the migration in post-copy mode when it cannot converge.")
  allowPostCopy?: boolean;
  @Bool("Allow pausing the guest to finish a migration.")
  allowWorkloadDisruption?: boolean;
  @Str("Taint key that marks a node being drained.")
  nodeDrainTaintKey?: string;
  @Str("NetworkAttachmentDefinition carrying migration traffic.")
  network?: string;
  @Bool("Send migration traffic without TLS.")
  disableTLS?: boolean;
  @Bool("Give the target pod the source's SELinux level.")
  matchSELinuxLevelOnMigration?: boolean;
}

@ApiType("The source side of a migration.")
export class VirtualMachineInstanceMigrationSourceState {
  @Str("Node the VMI leaves.")
  node?: string;
  @Str("Launcher pod on the source.")
  pod?: string;
  @Str("UID of the migration object.")
  migrationUID?: string;
  @Str("UID of the VMI on the source.")
  virtualMachineInstanceUID?: string;
  @Str("Domain name on the source.")
  domainName?: string;
  @Str("Domain namespace on the source.")
  domainNamespace?: string;
  @Str("Address used to coordinate the migration.")
  syncAddress?: string;
  @Str("Claim holding the source's persistent state (TPM, EFI variables).")
  persistentStatePVCName?: string;
  @Str("SELinux context of the source launcher.")
  selinuxContext?: string;
  @StrMap("Node selector of the source launcher pod.")
  nodeSelectors?: Record<string, string>;
}

@ApiType("The target side of a migration.")
export class VirtualMachineInstanceMigrationTargetState {
  @Str("Node the VMI moves to.")
  node?: string;
  @Str("Launcher pod on the target.")
  pod?: string;
  @Str("UID of the migration object.")
  migrationUID?: string;
  @Str("UID of the VMI on the target.")
  virtualMachineInstanceUID?: string;
  @Str("Domain name on the target.")
  domainName?: string;
  @Str("Domain namespace on the target.")
  domainNamespace?: string;
  @Str("Address used to coordinate the migration.")
  syncAddress?: string;
  @Str("Claim holding the target's persistent state.")
  persistentStatePVCName?: string;
  @Str("SELinux context of the target launcher.")
  selinuxContext?: string;
  @Str("Address of the target node that receives the migration.")
  nodeAddress?: string;
  @Str("CPU topology of the target node, as JSON.")
  nodeTopology?: string;
  @Str("UID of the target's attachment pod.")
  attachmentPodUID?: string;
  @IntList("Physical CPUs the target launcher was given.", { format: "int32" })
  cpuSet?: number[];
  @IntMap("Ports the target listens on for direct migration, by port.", { format: "int32" })
  directMigrationNodePorts?: Record<string, number>;
  @Bool("The target saw the incoming domain.")
  domainDetected?: boolean;
  @Str("When the target domain became ready.")
  domainReadyTimestamp?: string;
}

@ApiType("The state of the VMI's latest migration.")
export class VirtualMachineInstanceMigrationState {
  @Str("When the migration started.")
  startTimestamp?: string;
  @Str("When the migration ended.")
  endTimestamp?: string;
  @Bool("The migration finished.")
  completed?: boolean;
  @Bool("The migration failed.")
  failed?: boolean;
  @Str("Why the migration failed.")
  failureReason?: string;
  @Bool("Someone asked to abort the migration.")
  abortRequested?: boolean;
  @Str("Succeeded, Failed or Aborting.")
  abortStatus?: string;
  @Str("UID of the migration object.")
  migrationUid?: string;
  @Str("PreCopy or PostCopy.")
  mode?: string;
  @Str("MigrationPolicy applied to the migration.")
  migrationPolicyName?: string;
  @Obj(() => MigrationConfiguration, "Settings the migration ran with.")
  migrationConfiguration?: MigrationConfiguration;
  @Str("Network the migration traffic used.")
  migrationNetworkType?: string;
  @Str("Node the VMI leaves.")
  sourceNode?: string;
  @Str("Launcher pod on the source.")
  sourcePod?: string;
  @Str("Claim with the source's persistent state.")
  sourcePersistentStatePVCName?: string;
  @Obj(() => VirtualMachineInstanceMigrationSourceState, "The source side.")
  sourceState?: VirtualMachineInstanceMigrationSourceState;
  @Str("Node the VMI moves to.")
  targetNode?: string;
  @Str("Launcher pod on the target.")
  targetPod?: string;
  @Str("Address of the target node.")
  targetNodeAddress?: string;
  @Str("CPU topology of the target node, as JSON.")
  targetNodeTopology?: string;
  @Str("UID of the target's attachment pod.")
  targetAttachmentPodUID?: string;
  @Str("Claim with the target's persistent state.")
  targetPersistentStatePVCName?: string;
  @IntList("Physical CPUs the target launcher was given.", { format: "int32" })
  targetCPUSet?: number[];
  @IntMap("Ports the target listens on for direct migration.", { format: "int32" })
  targetDirectMigrationNodePorts?: Record<string, number>;
  @Bool("The target saw the incoming domain.")
  targetNodeDomainDetected?: boolean;
  @Str("When the target domain became ready.")
  targetNodeDomainReadyTimestamp?: string;
  @Obj(() => VirtualMachineInstanceMigrationTargetState, "The target side.")
  targetState?: VirtualMachineInstanceMigrationTargetState;
}
