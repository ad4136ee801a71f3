import { describe, expect, it } from "vitest";
import { BoundedMap, boundedMapPerOwner } from "./isolate-memory";

describe("BoundedMap", () => {
  it("drops the oldest entry once the limit is reached", () => {
    const map = new BoundedMap<string, number>(3);
    for (const [i, key] of ["a", "b", "c", "d"].entries()) map.set(key, i);
    expect([...map.keys()]).toEqual(["b", "c", "d"]);
  });

  it("makes a key set again the newest, and replacing a key drops nothing", () => {
    const map = new BoundedMap<string, number>(3);
    map.set("a", 1).set("b", 2).set("c", 3).set("a", 4);
    expect([...map.entries()]).toEqual([["b", 2], ["c", 3], ["a", 4]]);
    map.set("d", 5);
    expect([...map.keys()]).toEqual(["c", "a", "d"]);
  });
});

describe("boundedMapPerOwner", () => {
  it("gives each owner its own map and the same owner the same map", () => {
    const mapOf = boundedMapPerOwner<object, string, number>(2);
    const first = {};
    const second = {};
    mapOf(first).set("x", 1);
    expect(mapOf(first).get("x")).toBe(1);
    expect(mapOf(second).size).toBe(0);
    expect(mapOf(first).limit).toBe(2);
  });
});
