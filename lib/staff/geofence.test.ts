import { describe, expect, it } from "vitest";
import { GEOFENCE_RADIUS_M, distanceMetres, withinGeofence } from "./geofence";

describe("the check-in geofence", () => {
  it("measures the distance on the earth's surface", () => {
    // One thousandth of a degree of latitude is about 111 m anywhere.
    expect(distanceMetres({ latitude: 30.07, longitude: 71.19 }, { latitude: 30.071, longitude: 71.19 })).toBeCloseTo(111.2, 0);
    // Muzaffargarh to Multan, about 34 km as the crow flies.
    expect(distanceMetres({ latitude: 30.0703, longitude: 71.1933 }, { latitude: 30.1575, longitude: 71.5249 }) / 1000).toBeCloseTo(33.3, 0);
    expect(distanceMetres({ latitude: 30, longitude: 71 }, { latitude: 30, longitude: 71 })).toBe(0);
  });

  it("counts a fix whose accuracy circle reaches the facility, and not one that is plainly elsewhere", () => {
    expect(withinGeofence(50, 20)).toBe(true);
    expect(withinGeofence(GEOFENCE_RADIUS_M, 0)).toBe(true);
    expect(withinGeofence(250, 60)).toBe(true);
    expect(withinGeofence(250, 10)).toBe(false);
    expect(withinGeofence(900, 5000)).toBe(false);
  });
});
