import { describe, expect, it } from "vitest";
import { clientLimitKey, normalizeAddress, resolveClientAddress } from "./client-address-rules";

describe("normalizeAddress", () => {
  it("keeps IPv4 and reads the IPv4 that a dual-stack socket reports as IPv6", () => {
    expect(normalizeAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeAddress(" 203.0.113.7 ")).toBe("203.0.113.7");
    expect(normalizeAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeAddress("::FFFF:cb00:7107")).toBe("203.0.113.7");
  });

  it("writes one IPv6 address one way", () => {
    const full = "2001:db8:0:0:0:0:0:1";
    for (const form of ["2001:db8::1", "2001:DB8:0::1", "2001:0db8:0000:0000:0000:0000:0000:0001", "[2001:db8::1]:443", "2001:db8::1%eth0"]) {
      expect(normalizeAddress(form), form).toBe(full);
    }
    expect(normalizeAddress("::1")).toBe("0:0:0:0:0:0:0:1");
    expect(normalizeAddress("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0:0:0:c000:221");
  });

  it("drops a port from IPv4", () => {
    expect(normalizeAddress("198.51.100.2:51234")).toBe("198.51.100.2");
  });

  it("refuses what is not an address", () => {
    for (const junk of ["", "unknown", "example.org", "1.2.3", "300.1.1.1", "01.2.3.4", "2001:db8::1::2", "[::1", "1.2.3.4, 5.6.7.8"]) {
      expect(normalizeAddress(junk), junk).toBeNull();
    }
  });
});

describe("clientLimitKey", () => {
  it("counts IPv4 by address and IPv6 by its /64", () => {
    expect(clientLimitKey("203.0.113.7")).toBe("203.0.113.7");
    expect(clientLimitKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(clientLimitKey("2001:db8:1:2:0:0:0:1")).toBe(clientLimitKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(clientLimitKey("2001:db8:1:3:0:0:0:1")).not.toBe(clientLimitKey("2001:db8:1:2:0:0:0:1"));
  });
});

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(resolveClientAddress("198.51.100.2", "203.0.113.7", 0)).toBe("198.51.100.2");
    expect(resolveClientAddress("::ffff:198.51.100.2", null, 0)).toBe("198.51.100.2");
    expect(resolveClientAddress("198.51.100.2", null, 1)).toBe("198.51.100.2");
  });

  it("behind one proxy, takes the address that proxy appended, not what the client wrote", () => {
    // nginx with `proxy_add_x_forwarded_for`: the client's own header, then the address nginx saw.
    expect(resolveClientAddress("10.0.0.5", "203.0.113.7", 1)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 203.0.113.7", 1)).toBe("203.0.113.7");
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6,203.0.113.7", 1)).toBe("203.0.113.7");
  });

  it("behind two proxies, walks two entries back", () => {
    expect(resolveClientAddress("10.0.0.5", "6.6.6.6, 203.0.113.7, 192.0.2.10", 2)).toBe("203.0.113.7");
  });

  it("stops at the last address a trusted hop vouched for", () => {
    expect(resolveClientAddress("10.0.0.5", "192.0.2.10", 2)).toBe("192.0.2.10");
    expect(resolveClientAddress("10.0.0.5", "junk, 192.0.2.10", 2)).toBe("192.0.2.10");
    expect(resolveClientAddress("10.0.0.5", "", 1)).toBe("10.0.0.5");
    expect(resolveClientAddress("10.0.0.5", "not-an-ip", 1)).toBe("10.0.0.5");
  });

  it("has no answer without a socket address", () => {
    expect(resolveClientAddress("", "203.0.113.7", 1)).toBeNull();
  });
});
