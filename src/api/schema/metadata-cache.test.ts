import "reflect-metadata";
import test from "ava";
import { IsInt, IsString, validateSync } from "class-validator";
import { installMetadataCache } from "./metadata-cache";

installMetadataCache();

class Base {
  @IsString()
  name!: unknown;
}

class Derived extends Base {
  @IsInt()
  size!: unknown;
}

const failing = (o: object): string[] => validateSync(o).map(e => e.property).sort();

test("a cached lookup gives the same answers, inherited fields included", (t) => {
  const bad = Object.assign(new Derived(), { name: 1, size: "x" });
  t.deepEqual(failing(bad), ["name", "size"]);
  t.deepEqual(failing(bad), ["name", "size"]);
  t.deepEqual(failing(Object.assign(new Derived(), { name: "a", size: 2 })), []);
});

test("metadata added after a lookup is seen: the cache is dropped when a decorator runs", (t) => {
  class Late {
    @IsString()
    a!: unknown;
  }
  t.deepEqual(failing(Object.assign(new Late(), { a: 1, b: 1 })), ["a"]);
  IsInt()(Late.prototype, "b");
  t.deepEqual(failing(Object.assign(new Late(), { a: 1, b: "x" })), ["a", "b"]);
});

test("installing twice wraps once", (t) => {
  installMetadataCache();
  installMetadataCache();
  t.deepEqual(failing(Object.assign(new Base(), { name: 2 })), ["name"]);
});
