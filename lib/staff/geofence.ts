// How far a check-in may be from the facility's recorded point and still count: a BHU's compound
// and the error of a cheap phone's GPS indoors. A fix less precise than MAX_ACCURACY_M proves
// nothing either way and is refused, so the person is asked to try again by a window.
export const GEOFENCE_RADIUS_M = 200;
export const MAX_ACCURACY_M = 500;
const EARTH_RADIUS_M = 6_371_000;

type Point = { latitude: number; longitude: number };

/** Great-circle distance in metres (haversine), good to well under a metre at these ranges. */
export function distanceMetres(a: Point, b: Point): number {
  const rad = (deg: number) => (deg * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Inside the geofence when the circle the device is probably in reaches the facility's: the
 * reported distance less its accuracy is within the radius. A device 250 m away with a 60 m
 * accuracy counts; one 900 m away does not, whatever it claims.
 */
export function withinGeofence(distanceM: number, accuracyM: number): boolean {
  return distanceM - Math.min(accuracyM, MAX_ACCURACY_M) <= GEOFENCE_RADIUS_M;
}
