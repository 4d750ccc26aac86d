/** Value sets of the kubevirt.io/v1 API, shared by the schema and the admission rules. */
export const DISK_BUSES = ["virtio", "sata", "scsi", "usb"] as const;
export const CDROM_BUSES = ["sata", "scsi"] as const;
export const LUN_BUSES = ["scsi", "sata", "virtio"] as const;
export const DISK_CACHE_MODES = ["none", "writethrough", "writeback"] as const;
export const DISK_IO_MODES = ["native", "threads"] as const;
export const TRAY_STATES = ["open", "closed"] as const;
export const PULL_POLICIES = ["Always", "IfNotPresent", "Never"] as const;
export const HOST_DISK_TYPES = ["Disk", "DiskOrCreate"] as const;
export const INTERFACE_MODELS = ["virtio", "e1000", "e1000e", "igb", "ne2k_pci", "pcnet", "rtl8139"] as const;
export const PORT_PROTOCOLS = ["TCP", "UDP"] as const;
export const EVICTION_STRATEGIES = ["None", "LiveMigrate", "LiveMigrateIfPossible", "External"] as const;
export const RUN_STRATEGIES = ["Always", "RerunOnFailure", "Manual", "Halted", "Once"] as const;
export const VMI_PHASES = ["Pending", "Scheduling", "Scheduled", "Running", "Succeeded", "Failed", "Unknown"] as const;
export const START_STRATEGIES = ["Paused"] as const;
export const CONDITION_STATUSES = ["True", "False", "Unknown"] as const;

export type DiskBus = (typeof DISK_BUSES)[number];
export type RunStrategy = (typeof RUN_STRATEGIES)[number];
export type VmiPhase = (typeof VMI_PHASES)[number];

// Value sets the upstream OpenAPI schema itself enumerates.
export const DNS_POLICIES = ["ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"] as const;
export const QOS_CLASSES = ["BestEffort", "Burstable", "Guaranteed"] as const;
export const ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"] as const;
export const VOLUME_MODES = ["Block", "Filesystem", "FromStorageProfile"] as const;
