import { describe, expect, it } from "vitest";
import { parseImportSummary } from "@/lib/dhis2/import-summary";

const success = {
  httpStatus: "OK",
  httpStatusCode: 200,
  status: "OK",
  message: "Import was successful.",
  response: {
    responseType: "ImportSummary",
    status: "SUCCESS",
    description: "Import process completed successfully",
    importCount: { imported: 2, updated: 0, ignored: 0, deleted: 0 },
    conflicts: [],
  },
};

const warning = {
  httpStatus: "Conflict",
  httpStatusCode: 409,
  status: "WARNING",
  message: "One more conflicts encountered, please check import summary.",
  response: {
    responseType: "ImportSummary",
    status: "WARNING",
    description: "Import process completed with conflicts",
    importCount: { imported: 1, updated: 0, ignored: 1, deleted: 0 },
    conflicts: [
      {
        object: "DE_CODE",
        objects: { dataElement: "DE_CODE" },
        value: "Data element not found or not accessible",
        errorCode: "E7610",
        property: "dataElement",
        indexes: [1],
      },
    ],
  },
};

describe("parseImportSummary", () => {
  it("reads the 2.38+ WebMessage shape", () => {
    expect(parseImportSummary(200, success)).toEqual({
      status: "SUCCESS",
      imported: 2,
      updated: 0,
      ignored: 0,
      deleted: 0,
      conflicts: [],
      description: "Import process completed successfully",
    });
  });

  it("reads the pre-2.38 top-level shape", () => {
    const old = {
      responseType: "ImportSummary",
      status: "SUCCESS",
      importOptions: { idSchemes: {}, dryRun: false },
      description: "Import process completed successfully",
      importCount: { imported: 0, updated: 3, ignored: 0, deleted: 0 },
      conflicts: [{ object: "XYZ", value: "Some warning" }],
      dataSetComplete: "false",
    };
    expect(parseImportSummary(200, old)).toEqual({
      status: "SUCCESS",
      imported: 0,
      updated: 3,
      ignored: 0,
      deleted: 0,
      conflicts: [{ object: "XYZ", value: "Some warning" }],
      description: "Import process completed successfully",
    });
  });

  it("reads a 409 WARNING as a partial import with its conflicts", () => {
    expect(parseImportSummary(409, warning)).toEqual({
      status: "WARNING",
      imported: 1,
      updated: 0,
      ignored: 1,
      deleted: 0,
      conflicts: [{ object: "DE_CODE", value: "Data element not found or not accessible", errorCode: "E7610", indexes: [1] }],
      description: "Import process completed with conflicts",
    });
  });

  it("reads a 409 ERROR where nothing was imported", () => {
    const error = {
      httpStatus: "Conflict",
      httpStatusCode: 409,
      status: "ERROR",
      message: "An error occurred, please check import summary.",
      response: {
        responseType: "ImportSummary",
        status: "ERROR",
        importCount: { imported: 0, updated: 0, ignored: 2, deleted: 0 },
        conflicts: [{ objects: { orgUnit: "NOPE" }, value: "Org unit not found or not accessible", errorCode: "E7603" }],
      },
    };
    expect(parseImportSummary(409, error)).toEqual({
      status: "ERROR",
      imported: 0,
      updated: 0,
      ignored: 2,
      deleted: 0,
      conflicts: [{ object: "NOPE", value: "Org unit not found or not accessible", errorCode: "E7603" }],
    });
  });

  it("defaults missing counts to zero", () => {
    const summary = parseImportSummary(409, { responseType: "ImportSummary", status: "ERROR", description: "No data values" });
    expect(summary).toMatchObject({ status: "ERROR", imported: 0, updated: 0, ignored: 0, deleted: 0, conflicts: [] });
  });

  it("returns null for bodies that are not import summaries", () => {
    const unauthorized = { httpStatus: "Unauthorized", httpStatusCode: 401, status: "ERROR", message: "Unauthorized" };
    expect(parseImportSummary(401, unauthorized)).toBeNull();
    expect(parseImportSummary(200, unauthorized)).toBeNull();
    expect(parseImportSummary(200, null)).toBeNull();
    expect(parseImportSummary(200, "<html>login</html>")).toBeNull();
    expect(parseImportSummary(200, [])).toBeNull();
    expect(parseImportSummary(200, { status: "OK" })).toBeNull();
    expect(parseImportSummary(200, { status: "SUCCESS" })).toBeNull();
    // An async import answers with a job, not a summary.
    expect(parseImportSummary(200, { httpStatus: "OK", status: "OK", response: { responseType: "JobConfigurationWebMessageResponse", id: "x" } })).toBeNull();
    expect(parseImportSummary(200, { responseType: "ImportSummary", status: "DONE" })).toBeNull();
    // The status decides: a summary-shaped body on a 500 is not trusted.
    expect(parseImportSummary(500, success)).toBeNull();
  });
});
