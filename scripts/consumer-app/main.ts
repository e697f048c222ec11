// A downstream cdktf app, as another team would write it: the public API of the installed package
// only, and a topology of its own (2 directors, 4 weighted web servers) on both platforms.
import { App, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { HaLoadBalancedWeb, IPlatform, LibvirtPlatform, VspherePlatform } from "cdktf-ha-web";

/** The topology check.ts asserts on; exported so the two files share one declaration. */
export const SHOP = {
  vip: "10.20.0.100",
  gatewayVip: "10.30.0.254",
  directors: [
    { name: "front1", publicAddress: "10.20.0.11", privateAddress: "10.30.0.251" },
    { name: "front2", publicAddress: "10.20.0.12", privateAddress: "10.30.0.252" },
  ],
  webServers: [
    { name: "app1", privateAddress: "10.30.0.21", weight: 3 },
    { name: "app2", privateAddress: "10.30.0.22", weight: 3 },
    { name: "app3", privateAddress: "10.30.0.23", weight: 1 },
    { name: "app4", privateAddress: "10.30.0.24", weight: 2 },
  ],
} as const;

class ShopStack extends TerraformStack {
  constructor(scope: Construct, id: string, makePlatform: (stack: TerraformStack) => IPlatform) {
    super(scope, id);
    const sshKey = new TerraformVariable(this, "ssh_public_key", { type: "string" });
    new HaLoadBalancedWeb(this, "shop", {
      platform: makePlatform(this),
      admin: { sshAuthorizedKeys: [sshKey.stringValue] },
      networks: {
        public: { cidr: "10.20.0.0/24", gateway: "10.20.0.1" },
        private: { cidr: "10.30.0.0/24" },
      },
      directors: SHOP.directors,
      webServers: SHOP.webServers,
      vip: SHOP.vip,
      gatewayVip: SHOP.gatewayVip,
      scheduler: "wrr",
    });
  }
}

if (require.main === module) {
  const app = new App({ outdir: process.argv[2] ?? "cdktf.out" });
  new ShopStack(app, "shop-libvirt", (stack) => new LibvirtPlatform(stack, "libvirt", { publicBridge: "br-shop" }));
  new ShopStack(app, "shop-vsphere", (stack) => new VspherePlatform(stack, "vsphere", { datastore: "shop-ds" }));
  app.synth();
}
