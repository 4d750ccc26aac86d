import "reflect-metadata";
import { PeprModule } from "pepr";
import cfg from "./package.json";
import { KubevirtAdmission } from "./capabilities/admission";
import { DEFAULT_POLICY } from "./src/admission/chain";
import { toPeprCapability } from "./src/framework";

// Configuration is read once, here: feature gates come from the module's environment
// (package.json pepr.env in a deployment), comma-separated as in KubeVirt's CR.
const featureGates = new Set((process.env.KUBEVIRT_FEATURE_GATES ?? "").split(",").map(g => g.trim()).filter(Boolean));
const policy = { ...DEFAULT_POLICY, featureGates };

new PeprModule(cfg, [toPeprCapability(KubevirtAdmission, () => new KubevirtAdmission(policy))]);
