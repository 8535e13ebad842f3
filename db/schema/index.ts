// The whole schema, one file per domain; drizzle-kit and the app read it from here.
export * from "./pg-enums";
export * from "./geography";
export * from "./identity";
export * from "./scheduling";
export * from "./visits";
export * from "./messaging";
export * from "./audit";
export * from "./records";
export * from "./call";
export * from "./emergency";
export * from "./capability";
export * from "./staff";
export * from "./stock";
export * from "./complaints";
export * from "./dhis2";
export * from "./reports";
