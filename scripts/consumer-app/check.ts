// Facts the consumer app's stacks must hold, read from the synthesized cdk.tf.json files.
// Prints one PASS/FAIL line per fact; the exit code is 1 when any fact fails.
import { readFileSync } from "fs";
import { join } from "path";
import { parse } from "yaml";
import { SHOP } from "./main";

type Json = Record<string, any>;
/** user-data as read back from the synthesized JSON. */
interface ParsedCloudConfig {
  hostname?: string;
  packages?: string[];
  write_files?: { path: string; content: string }[];
}

let failures = 0;
function check(what: string, ok: boolean, detail: () => string): void {
  if (ok) {
    console.log(`PASS ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}: ${detail()}`);
  }
}

function fileContent(config: ParsedCloudConfig, path: string): string | undefined {
  return config.write_files?.find((f) => f.path === path)?.content;
}

const outdir = process.argv[2] ?? "cdktf.out";
const vipLine = `-t ${SHOP.vip}:80`;
const expectedRules = [
  `-A ${vipLine} -s wrr`,
  ...SHOP.webServers.map((web) => `-a ${vipLine} -r ${web.privateAddress}:80 -m -w ${web.weight}`),
];
const expectedHaresources = `${SHOP.directors[0].name} IPaddr2::${SHOP.vip}/24/public IPaddr2::${SHOP.gatewayVip}/24/private ipvsadm`;
const allNames = [...SHOP.directors, ...SHOP.webServers].map((n) => n.name).sort();

for (const platform of ["libvirt", "vsphere"] as const) {
  const stack = `shop-${platform}`;
  const tf: Json = JSON.parse(readFileSync(join(outdir, "stacks", stack, "cdk.tf.json"), "utf8"));
  const machineType = platform === "libvirt" ? "libvirt_domain" : "vsphere_virtual_machine";
  const machines: Json = tf.resource?.[machineType] ?? {};
  check(`${stack}: 6 ${machineType}`, Object.keys(machines).length === 6, () => Object.keys(machines).join(", "));

  // libvirt carries user-data in the cloud-init disk; vSphere in a local that guestinfo gzips.
  const userData: string[] =
    platform === "libvirt"
      ? Object.values<Json>(tf.resource?.libvirt_cloudinit_disk ?? {}).map((disk) => disk.user_data)
      : Object.entries<string>(tf.locals ?? {})
          .filter(([key]) => key.endsWith("_user_data"))
          .map(([, text]) => text);
  // cloud-init reads YAML 1.1 (PyYAML).
  const configs = new Map(
    userData.map((text) => {
      const config = parse(text, { version: "1.1" }) as ParsedCloudConfig;
      return [String(config.hostname), config] as const;
    }),
  );
  const hostnames = [...configs.keys()].sort();
  check(`${stack}: one user-data per declared node`, JSON.stringify(hostnames) === JSON.stringify(allNames), () => hostnames.join(", "));

  for (const { name } of SHOP.directors) {
    const config = configs.get(name) ?? {};
    const rules = (fileContent(config, "/etc/ipvsadm.rules") ?? "").split("\n").filter((l) => /^-[Aa] /.test(l));
    check(
      `${stack}/${name}: ipvsadm rules are wrr with the declared weights`,
      JSON.stringify(rules) === JSON.stringify(expectedRules),
      () => JSON.stringify(rules),
    );
    const haresources = (fileContent(config, "/etc/ha.d/haresources") ?? "").split("\n").filter((l) => l && !l.startsWith("#"));
    check(
      `${stack}/${name}: haresources gives the VIP, the gateway VIP and ipvsadm to ${SHOP.directors[0].name}`,
      JSON.stringify(haresources) === JSON.stringify([expectedHaresources]),
      () => JSON.stringify(haresources),
    );
    const authkeys = fileContent(config, "/etc/ha.d/authkeys") ?? "";
    check(
      `${stack}/${name}: the authkeys secret is a random_password reference`,
      /^1 sha1 \$\{random_password\.\w+\.result\}$/m.test(authkeys),
      () => JSON.stringify(authkeys),
    );
  }
  for (const { name } of SHOP.webServers) {
    const config = configs.get(name) ?? {};
    const ok = (config.packages ?? []).includes("apache2") && fileContent(config, "/etc/ipvsadm.rules") === undefined;
    check(`${stack}/${name}: apache2 and no ipvsadm rules`, ok, () =>
      JSON.stringify({ packages: config.packages, files: config.write_files?.map((f) => f.path) }),
    );
  }
  if (platform === "vsphere") {
    const wired = Object.values<Json>(machines).filter(
      // A VM is named `<stack id>-<host name>`; its user-data local, `<host name>_user_data`.
      (vm) => vm.extra_config?.["guestinfo.userdata"] === `\${base64gzip(local.${String(vm.name).replace(`${stack}-`, "")}_user_data)}`,
    );
    check(
      `${stack}: every VM gets its own user-data through guestinfo`,
      wired.length === 6,
      () => `${wired.length} of ${Object.keys(machines).length}`,
    );
  }
}

process.exitCode = failures === 0 ? 0 : 1;
