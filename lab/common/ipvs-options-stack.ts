/**
 * The IPVS options lab stack (lab/vm/ipvs-options.ts boots it): one director in front of three web
 * servers, with every load-balancer option the presets leave at its default set to something else,
 * so one boot proves them all on a live IPVS kernel.
 */
import { App } from "cdktf";
import { Construct } from "constructs";
import { IpvsLoadBalancer } from "../../constructs";
import { LabStack } from "../../stacks";

export const IPVS_OPTIONS_STACK = "ipvs-options-libvirt";

/** The facts the VM lab checks the guests against; the stack below is built from them. */
export const IPVS_OPTIONS = {
  vip: "192.168.56.10",
  director: { name: "lb1", publicAddress: "192.168.56.11", privateAddress: "192.168.200.254" },
  /** wrr on port 80: the measured shares must follow these weights. */
  webServers: [
    { name: "web1", privateAddress: "192.168.200.11", weight: 3 },
    { name: "web2", privateAddress: "192.168.200.12", weight: 2 },
    { name: "web3", privateAddress: "192.168.200.13", weight: 1 },
  ],
  /** Port 8080 on the VIP, persistent, onto the web servers' port 80. */
  persistent: { port: 8080, realPort: 80, persistence: 300 },
  /** A udp service on the same VIP; the lab starts the responder on the real servers. */
  udp: { port: 5300 },
  interfaceNames: { public: "front", private: "back" },
  /** The admin user's name (default `admin`): the lab logs in as it. */
  adminName: "ops",
  /** Nobody owns the gateway in the lab: only the default route through it is checked. */
  publicGateway: "192.168.56.2",
  publicNameservers: ["192.168.56.53", "192.168.56.54"],
  privateNameservers: ["192.168.200.53"],
  /** With an ampersand: the page must carry it escaped. */
  subtitle: "IPVS options & weights",
} as const;

class IpvsOptionsStack extends LabStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const o = IPVS_OPTIONS;
    const lb = new IpvsLoadBalancer(this, "lb", {
      platform: this.platform,
      admin: { ...this.admin, name: o.adminName },
      networks: {
        public: { cidr: "192.168.56.0/24", gateway: o.publicGateway, nameservers: [...o.publicNameservers] },
        private: { cidr: "192.168.200.0/24", nameservers: [...o.privateNameservers] },
      },
      interfaceNames: { ...o.interfaceNames },
      subtitle: o.subtitle,
      directors: [o.director],
      vip: o.vip,
      webServers: o.webServers.map((w) => ({ ...w })),
      port: 80,
      scheduler: "wrr",
      extraServices: [
        {
          port: o.persistent.port,
          scheduler: "rr",
          persistence: o.persistent.persistence,
          realServers: o.webServers.map((w) => ({ node: w.name, port: o.persistent.realPort })),
        },
        { protocol: "udp", port: o.udp.port, scheduler: "rr", realServers: o.webServers.map((w) => ({ node: w.name })) },
      ],
    });
    this.addOutputs(o.vip, lb);
  }
}

/** Adds the IPVS options stack to a lab app (synthesizeLabStacks). */
export function addIpvsOptionsStack(app: App): void {
  new IpvsOptionsStack(app, IPVS_OPTIONS_STACK);
}
