import { NicConfig, renderHosts, renderIndexPage, renderNetworkConfig } from "../../cloud-init";
import { checkWithCloudInit, loadAsCloudInit, renderNetworkConfigWithCloudInit } from "../support/cloud-init-validate";

const nics: NicConfig[] = [
  { name: "public", mac: "52:54:00:00:00:10", address: "192.168.56.11/24", gateway: "192.168.56.1", nameservers: ["192.168.56.1"] },
  { name: "private", mac: "52:54:00:00:00:20", address: "192.168.200.11/24" },
];

describe("network-config", () => {
  const both = renderNetworkConfig(nics);
  // 52:00:00:00:00:10 is a valid sexagesimal integer for PyYAML.
  const sexagesimalMac = renderNetworkConfig([{ name: "public", mac: "52:00:00:00:00:10", address: "10.0.0.2/24" }]);
  const withVip = renderNetworkConfig([{ ...nics[0], extraAddresses: ["192.168.56.10/24"] }]);
  beforeAll(() => checkWithCloudInit({ yaml: [both, sexagesimalMac, withVip], networkConfig: [both] }));

  it("matches NICs by MAC, renames them and sets static addresses", () => {
    const config = loadAsCloudInit(both);
    expect(config.version).toBe(2);
    expect(config.ethernets.public).toEqual({
      match: { macaddress: "52:54:00:00:00:10" },
      "set-name": "public",
      addresses: ["192.168.56.11/24"],
      gateway4: "192.168.56.1",
      nameservers: { addresses: ["192.168.56.1"] },
    });
    expect(config.ethernets.private.addresses).toEqual(["192.168.200.11/24"]);
  });

  it("quotes MACs, which YAML 1.1 would read as base-60 numbers", () => {
    expect(loadAsCloudInit(sexagesimalMac).ethernets.public.match.macaddress).toBe("52:00:00:00:00:10");
  });

  it("renders through cloud-init's own ifupdown renderer with a native gateway line", () => {
    const eni = renderNetworkConfigWithCloudInit(both);
    expect(eni).toMatch(/iface public inet static\n\s+address 192\.168\.56\.11\/24/);
    expect(eni).toMatch(/^\s+gateway 192\.168\.56\.1$/m);
    expect(eni).not.toContain("route add");
  });

  it("adds a standalone director's VIP as a second address", () => {
    expect(loadAsCloudInit(withVip).ethernets.public.addresses).toEqual(["192.168.56.11/24", "192.168.56.10/24"]);
  });

  it("rejects bad MACs, addresses and two gateways", () => {
    expect(() =>
      renderNetworkConfig([
        { name: "public", mac: "52:54:00:00:10", address: "192.168.56.11", gateway: "192.168.56.1" },
        { name: "private", mac: "52:54:00:00:00:20", address: "192.168.200.11/24", gateway: "192.168.200.1" },
      ]),
    ).toThrow(
      /nics\[0\]\.mac = "52:54:00:00:10"[\s\S]*nics\[0\]\.address = "192\.168\.56\.11": must be an IPv4 address with prefix[\s\S]*only one NIC may carry the default route/,
    );
  });
});

describe("/etc/hosts", () => {
  it("lists every node once, sorted by address, with no 127.0.1.1 self line", () => {
    const text = renderHosts([
      { hostname: "web2", address: "192.168.200.12" },
      { hostname: "lb1", address: "192.168.56.11" },
      { hostname: "web1", address: "192.168.200.11" },
    ]);
    const lines = text.split("\n").filter((l) => /^\d/.test(l));
    expect(lines).toEqual(["127.0.0.1\tlocalhost", "192.168.56.11\tlb1", "192.168.200.11\tweb1", "192.168.200.12\tweb2"]);
    expect(text).not.toContain("127.0.1.1");
  });

  it("rejects a duplicate host name", () => {
    expect(() =>
      renderHosts([
        { hostname: "web1", address: "10.0.0.1" },
        { hostname: "web1", address: "10.0.0.2" },
      ]),
    ).toThrow(/hostname = "web1": the same host name appears twice/);
  });
});

describe("index page", () => {
  it("names the host in the h1 and escapes HTML", () => {
    expect(renderIndexPage({ hostname: "web1" })).toContain("<h1>web1</h1>");
    expect(renderIndexPage({ hostname: "web1", subtitle: "<b>" })).toContain("<p>&#60;b&#62;</p>");
  });
});
