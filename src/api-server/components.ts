/** virt-api's install, for the controller: its serving certificate and the handler link's (kept in Secrets), then its objects. */
import type { KubeObject } from "../kube/objects";
import { API_CERT_SECRET, API_NAME, apiServerObjects } from "./install";
import { ensureServingCert } from "./serving-cert";
import { ensureLinkCerts } from "../handler/link/certs";

export async function apiServerComponents(image: string, namespace: string): Promise<KubeObject[]> {
  const cert = await ensureServingCert(API_CERT_SECRET, API_NAME, namespace);
  // The handlers' DaemonSet and virt-api both mount the link's Secret: it exists before either starts.
  await ensureLinkCerts(namespace);
  return apiServerObjects({ image, namespace, caBundle: cert.caCrt });
}
