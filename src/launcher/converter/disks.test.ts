import test from "ava";
import { targetName } from "./disks";

const names: Array<[number, string]> = [[0, "vda"], [1, "vdb"], [25, "vdz"], [26, "vdaa"], [27, "vdab"], [701, "vdzz"], [702, "vdaaa"]];
for (const [index, name] of names) test(`disk target ${index} → ${name}`, (t) => t.is(targetName("vd", index), name));
