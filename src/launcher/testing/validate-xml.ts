import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Checks a domain XML against libvirt's own RelaxNG schema (virt-xml-validate, libvirt-clients). */
export async function validateDomainXml(xml: string): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "domain-xml-"));
  const file = join(dir, "domain.xml");
  try {
    await writeFile(file, xml);
    await run("virt-xml-validate", [file, "domain"]);
  } catch (err) {
    const stderr = (err as { stderr?: string }).stderr ?? "";
    throw new Error(`domain XML does not validate against libvirt's schema: ${stderr}\n${xml}`, { cause: err });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
