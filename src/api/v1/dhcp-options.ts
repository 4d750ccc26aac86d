import { ApiType, Int, List, Str, StrList } from "../schema";

@ApiType("A DHCP option in the private range (224-254).")
export class DHCPPrivateOptions {
  @Int("Option number, 224 to 254.", { required: true, format: "int32" })
  option!: number;
  @Str("Value of the option.", { required: true })
  value!: string;
}

@ApiType("Extra options the built-in DHCP server offers the guest.")
export class DHCPOptions {
  @Str("Boot file name for network boot (option 67).")
  bootFileName?: string;
  @Str("TFTP server name for network boot (option 66).")
  tftpServerName?: string;
  @StrList("NTP servers (option 42).")
  ntpServers?: string[];
  @List(() => DHCPPrivateOptions, "Private-range options.")
  privateOptions?: DHCPPrivateOptions[];
}
