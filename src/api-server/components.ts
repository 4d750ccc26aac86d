/** virt-api's install, for the controller: its serving certificate first (kept in a Secret), then its objects. */
import type { KubeObject } from "../kube/objects";
import { API_CERT_SECRET, API_NAME, apiServerObjects } from "./install";
import { ensureServingCert } from "./serving-cert";

export async function apiServerComponents(image: string, namespace: string): Promise<KubeObject[]> {
  const cert = await ensureServingCert(API_CERT_SECRET, API_NAME, namespace);
  return apiServerObjects({ image, namespace, caBundle: cert.caCrt });
}
