/**
 * The discovery documents of `subresources.kubevirt.io` (pure): what kubectl's discovery and the
 * aggregator read. Resource names as KubeVirt lists them; only the ones this server answers.
 */
import cfg from "../../package.json";

export const GROUP = "subresources.kubevirt.io";
export const VERSION = "v1";
export const GROUP_VERSION = `${GROUP}/${VERSION}`;

/** Every subresource this server routes, per resource: the RBAC verb the caller needs, and the HTTP method. */
export const SUBRESOURCES = {
  virtualmachines: { start: "PUT", stop: "PUT", restart: "PUT", migrate: "PUT", portforward: "GET" },
  virtualmachineinstances: {
    pause: "PUT",
    unpause: "PUT",
    console: "GET",
    vnc: "GET",
    portforward: "GET",
    guestosinfo: "GET",
    userlist: "GET",
    filesystemlist: "GET",
  },
} as const;
export type Resource = keyof typeof SUBRESOURCES;

export const apiGroup = (): object => ({
  kind: "APIGroup",
  apiVersion: "v1",
  name: GROUP,
  versions: [{ groupVersion: GROUP_VERSION, version: VERSION }],
  preferredVersion: { groupVersion: GROUP_VERSION, version: VERSION },
});

export const apiGroupList = (): object => ({ kind: "APIGroupList", apiVersion: "v1", groups: [apiGroup()] });

export const rootPaths = (): object => ({ paths: ["/apis", "/openapi/v2", `/apis/${GROUP}`, `/apis/${GROUP_VERSION}`] });

export function apiResourceList(): object {
  const resources = Object.entries(SUBRESOURCES).flatMap(([resource, subs]) =>
    Object.keys(subs).map((sub) => ({ name: `${resource}/${sub}`, singularName: "", namespaced: true, kind: "", verbs: [] as string[] })),
  );
  return { kind: "APIResourceList", apiVersion: "v1", groupVersion: GROUP_VERSION, resources };
}

/** `virtctl version`'s server half; KubeVirt reports its Go build here, this server its own release. */
export const versionInfo = (): object => ({
  gitVersion: `v${cfg.version}`,
  gitCommit: "",
  gitTreeState: "clean",
  buildDate: "",
  goVersion: "",
  compiler: "kubevirt-ts",
  platform: `${process.platform}/${process.arch}`,
});

/** The aggregator fetches the OpenAPI of every APIService; subresources carry no schemas of their own. */
export const openApiV2 = (): object => ({ swagger: "2.0", info: { title: "KubeVirt subresources (kubevirt-ts)", version: cfg.version }, paths: {} });
export const openApiV3Root = (): object => ({ paths: {} });
