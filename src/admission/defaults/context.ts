/** What the defaults need from outside: only a source of fresh UUIDs, so tests stay deterministic. */
export interface DefaultsContext {
  readonly newUuid: () => string;
  /** Set the firmware UUID when missing: VMs and VMIs get one, VMIRS templates do not. */
  readonly assignFirmwareUuid: boolean;
}
