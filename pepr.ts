import { PeprModule } from "pepr";
import cfg from "./package.json";

new PeprModule(cfg, []);
