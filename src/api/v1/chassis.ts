import { ApiType, Int, Str } from "../schema";

@ApiType("SMBIOS chassis information the guest reads.")
export class Chassis {
  @Str("Chassis manufacturer.")
  manufacturer?: string;
  @Str("Chassis version.")
  version?: string;
  @Str("Chassis serial number.")
  serial?: string;
  @Str("Chassis asset tag.")
  asset?: string;
  @Str("Chassis SKU number.")
  sku?: string;
}

@ApiType("The I/O threads shared by disks.")
export class DiskIOThreads {
  @Int("Number of threads in the pool when ioThreadsPolicy is supplementalPool.", { format: "int64" })
  supplementalPoolThreadCount?: number;
}
