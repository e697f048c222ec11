import { RESOURCE_WORK } from "../../lab/netns/lab";

// Command lines as `pgrep -a -f` shows them in a lab node (heartbeat 3.0.6 on Debian 12): the
// scripts are #!/bin/sh, so the kernel puts /bin/sh before each path.
describe("the lab's pattern for heartbeat's resource work", () => {
  const re = new RegExp(RESOURCE_WORK);

  it("finds a takeover and a group's start or release", () => {
    for (const cmd of [
      "/bin/sh /usr/share/heartbeat/mach_down srv1",
      "/bin/sh /usr/share/heartbeat/ResourceManager takegroup IPaddr2::192.168.56.10/24/public",
      "/bin/sh /usr/share/heartbeat/ResourceManager givegroup IPaddr2::192.168.56.10/24/public",
    ]) {
      expect(cmd).toMatch(re);
    }
  });

  it("ignores heartbeat itself, its respawned helpers and the lab's own commands", () => {
    for (const cmd of [
      "heartbeat: master control process",
      "/bin/sh /etc/ha.d/garp-refresh",
      "/bin/sh /etc/ha.d/reclaim-resources",
      "/bin/sh /etc/init.d/heartbeat stop",
      "pgrep -a -f ^/bin/sh /usr/share/heartbeat/(ResourceManager|mach_down)",
    ]) {
      expect(cmd).not.toMatch(re);
    }
  });
});
