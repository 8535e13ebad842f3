import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sendDataValueSet, type Dhis2Connection } from "@/lib/dhis2/client";
import { buildDataValueSet, type Dhis2DataValue } from "@/lib/dhis2/data-value-set";
import { startFakeDhis2, type FakeDhis2 } from "@/tests/support/fake-dhis2";

const TOKEN = "d2pat_testtoken0000000000000000000000000";

let dhis2: FakeDhis2;
let basic: Dhis2Connection;
let token: Dhis2Connection;

beforeEach(async () => {
  dhis2 = await startFakeDhis2({
    username: "rabta",
    password: "s3cret:with colon",
    token: TOKEN,
    orgUnits: ["PK_BHU_01"],
    dataElements: ["OPD_VISITS", "ANC_1"],
    categoryOptionCombos: ["MALE", "FEMALE"],
  });
  basic = { baseUrl: dhis2.url, auth: { kind: "basic", username: "rabta", password: "s3cret:with colon" } };
  token = { baseUrl: `${dhis2.url}/`, auth: { kind: "token", token: TOKEN } };
});

afterEach(async () => {
  await dhis2.close();
});

const body = (values: Dhis2DataValue[] = [
  { dataElement: "OPD_VISITS", categoryOptionCombo: "MALE", value: 12 },
  { dataElement: "OPD_VISITS", categoryOptionCombo: "FEMALE", value: 0 },
]) => buildDataValueSet({ dataSet: "MONTHLY_OPD", period: "202611", orgUnit: "PK_BHU_01", values });

describe("sendDataValueSet", () => {
  it("posts the data value set with codes as identifiers and basic auth", async () => {
    const result = await sendDataValueSet(basic, body());
    expect(result).toEqual({
      kind: "imported",
      dryRun: false,
      summary: expect.objectContaining({ status: "SUCCESS", imported: 2, updated: 0, ignored: 0, deleted: 0, conflicts: [] }),
    });
    expect(dhis2.requests).toHaveLength(1);
    const [request] = dhis2.requests;
    expect(request!.method).toBe("POST");
    const url = new URL(request!.url, dhis2.url);
    expect(url.pathname).toBe("/api/dataValueSets");
    expect(Object.fromEntries(url.searchParams)).toEqual({ idScheme: "CODE", importStrategy: "CREATE_AND_UPDATE", dryRun: "false" });
    expect(request!.authorization).toBe(`Basic ${Buffer.from("rabta:s3cret:with colon").toString("base64")}`);
    expect(request!.body).toEqual({
      dataSet: "MONTHLY_OPD",
      period: "202611",
      orgUnit: "PK_BHU_01",
      dataValues: [
        { dataElement: "OPD_VISITS", categoryOptionCombo: "MALE", value: "12" },
        { dataElement: "OPD_VISITS", categoryOptionCombo: "FEMALE", value: "0" },
      ],
    });
    expect([...dhis2.stored]).toEqual([
      ["202611|PK_BHU_01|OPD_VISITS|MALE", "12"],
      ["202611|PK_BHU_01|OPD_VISITS|FEMALE", "0"],
    ]);
  });

  it("signs in with a personal access token", async () => {
    const result = await sendDataValueSet(token, body());
    expect(result.kind).toBe("imported");
    expect(dhis2.requests[0]!.authorization).toBe(`ApiToken ${TOKEN}`);
    // The trailing slash of the base URL is not doubled.
    expect(dhis2.requests[0]!.url.startsWith("/api/dataValueSets?")).toBe(true);
  });

  it("does a dry run that counts but stores nothing", async () => {
    const result = await sendDataValueSet(token, body(), { dryRun: true });
    expect(result).toMatchObject({ kind: "imported", dryRun: true, summary: { status: "SUCCESS", imported: 2 } });
    expect(new URL(dhis2.requests[0]!.url, dhis2.url).searchParams.get("dryRun")).toBe("true");
    expect(dhis2.stored.size).toBe(0);
  });

  it("counts a re-send of the same period as updated, not imported", async () => {
    await sendDataValueSet(token, body());
    const again = await sendDataValueSet(token, body([
      { dataElement: "OPD_VISITS", categoryOptionCombo: "MALE", value: 13 },
      { dataElement: "OPD_VISITS", categoryOptionCombo: "FEMALE", value: 0 },
    ]));
    expect(again).toMatchObject({ kind: "imported", summary: { status: "SUCCESS", imported: 0, updated: 2 } });
    expect(dhis2.stored.get("202611|PK_BHU_01|OPD_VISITS|MALE")).toBe("13");
    expect(dhis2.stored.size).toBe(2);
  });

  it("returns a 409 WARNING as a partial import with its conflicts", async () => {
    const result = await sendDataValueSet(token, body([
      { dataElement: "OPD_VISITS", categoryOptionCombo: "MALE", value: 5 },
      { dataElement: "NOT_A_DE", value: 1 },
      { dataElement: "ANC_1", categoryOptionCombo: "NOT_A_COC", value: 2 },
    ]));
    expect(result).toEqual({
      kind: "imported",
      dryRun: false,
      summary: {
        status: "WARNING",
        imported: 1,
        updated: 0,
        ignored: 2,
        deleted: 0,
        description: "Import process completed with conflicts",
        conflicts: [
          { object: "NOT_A_DE", value: "Data element not found or not accessible", errorCode: "E7610", indexes: [1] },
          { object: "NOT_A_COC", value: "Category option combo not found or not accessible", errorCode: "E7611", indexes: [2] },
        ],
      },
    });
    expect(dhis2.stored.size).toBe(1);
  });

  it("returns a 409 ERROR when nothing could be imported", async () => {
    const unknownOrgUnit = buildDataValueSet({ period: "2026W48", orgUnit: "NOWHERE", values: [{ dataElement: "ANC_1", value: 3 }] });
    const result = await sendDataValueSet(token, unknownOrgUnit);
    expect(result).toMatchObject({
      kind: "imported",
      summary: { status: "ERROR", imported: 0, ignored: 1, conflicts: [{ object: "NOWHERE", errorCode: "E7603" }] },
    });
    expect(dhis2.stored.size).toBe(0);
  });

  it("returns 401 as rejected, with DHIS2's message", async () => {
    const wrong: Dhis2Connection = { baseUrl: dhis2.url, auth: { kind: "basic", username: "rabta", password: "wrong" } };
    expect(await sendDataValueSet(wrong, body())).toEqual({ kind: "rejected", httpStatus: 401, message: "Unauthorized" });
    const badToken: Dhis2Connection = { baseUrl: dhis2.url, auth: { kind: "token", token: "d2pat_nope" } };
    expect(await sendDataValueSet(badToken, body())).toMatchObject({ kind: "rejected", httpStatus: 401 });
    expect(dhis2.stored.size).toBe(0);
  });

  it("returns other 4xx as rejected", async () => {
    dhis2.failNext(403);
    expect(await sendDataValueSet(token, body())).toEqual({ kind: "rejected", httpStatus: 403, message: "Injected failure" });
    const wrongPath: Dhis2Connection = { ...token, baseUrl: `${dhis2.url}/dhis` };
    expect(await sendDataValueSet(wrongPath, body())).toMatchObject({ kind: "rejected", httpStatus: 404 });
  });

  it("throws on a 503 so that the job retries, and the retry goes through", async () => {
    dhis2.failNext(503);
    await expect(sendDataValueSet(token, body())).rejects.toThrow(/DHIS2 answered 503/);
    expect(dhis2.stored.size).toBe(0);
    const retry = await sendDataValueSet(token, body());
    expect(retry).toMatchObject({ kind: "imported", summary: { status: "SUCCESS", imported: 2 } });
    expect(dhis2.requests).toHaveLength(2);
  });

  it("throws when DHIS2 cannot be reached", async () => {
    const closed = await startFakeDhis2({ orgUnits: [], dataElements: [] });
    await closed.close();
    await expect(sendDataValueSet({ ...token, baseUrl: closed.url }, body())).rejects.toThrow(/could not be reached/);
  });

  describe("against a server that never answers", () => {
    let silent: Server;
    let silentUrl: string;

    beforeEach(async () => {
      silent = createServer(() => {
        // Never answers.
      });
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    });

    afterEach(async () => {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it("throws after the timeout", async () => {
      const started = Date.now();
      await expect(sendDataValueSet({ ...token, baseUrl: silentUrl }, body(), { timeoutMs: 200 })).rejects.toThrow(
        /did not answer within 200 ms/,
      );
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });

  it("uses the fetch it is given", async () => {
    const calls: string[] = [];
    const fetchImpl: typeof fetch = async (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    await sendDataValueSet(token, body(), { fetchImpl });
    expect(calls).toHaveLength(1);
  });
});
