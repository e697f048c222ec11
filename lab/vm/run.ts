/**
 * VM lab command line (root):
 *
 *   ts-node lab/vm/run.ts image [--rebuild]      build/refresh the cached Debian 12 image, print its paths
 *   ts-node lab/vm/run.ts key                    print the lab's ssh public key (for the payloads' admin user)
 *   ts-node lab/vm/run.ts selftest [single|nat|ha|all]
 *   ts-node lab/vm/run.ts hold <dir>             boot <dir>/<host>/{user-data,meta-data,network-config}
 *                                                (${var.ssh_public_key} and random_password references
 *                                                filled), print ssh/curl commands, stay up until Ctrl-C
 *   ts-node lab/vm/run.ts reap                   tear down labs left by killed runs
 *
 * selftest and hold boot on the tier named by HAL_VM_TIER (uml, the default, or qemu).
 */
import { ensureBaseImage } from "./image";
import { defaultLog } from "./host";
import { labSshKey, loadNodesDir, reapStaleLabs, startVmLab } from "./vm";

async function main(argv: string[]): Promise<void> {
  const [cmd, arg] = argv;
  switch (cmd) {
    case "image":
      process.stdout.write(JSON.stringify(ensureBaseImage({ rebuild: argv.includes("--rebuild") }), null, 2) + "\n");
      return;
    case "key":
      process.stdout.write(labSshKey().publicKey + "\n");
      return;
    case "selftest":
      await (await import("./selftest")).main(arg ?? "single");
      return;
    case "reap":
      await reapStaleLabs();
      return;
    case "hold": {
      if (!arg) throw new Error("usage: hold <dir>");
      const lab = await startVmLab({ nodes: loadNodesDir(arg), strict: false });
      const key = labSshKey().privateKeyPath;
      for (const [h, vm] of Object.entries(lab.vms)) {
        process.stdout.write(
          `${h}: ip netns exec ${lab.netns} ssh -i ${key} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null admin@${vm.address}\n`,
        );
      }
      process.stdout.write(
        `client: ip netns exec ${lab.netns} curl http://<addr>/   (client addresses ${JSON.stringify(lab.clientAddresses)})\n`,
      );
      process.stdout.write(`timings ${JSON.stringify(lab.timings)}; Ctrl-C to stop and clean up\n`);
      await new Promise<never>(() => setInterval(() => undefined, 60_000));
      return;
    }
    default:
      throw new Error(`usage: run.ts image [--rebuild] | key | selftest [single|nat|ha|all] | hold <dir> | reap`);
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((e) => {
    defaultLog(`failed: ${(e as Error).stack ?? e}`);
    process.exit(1);
  });
}
