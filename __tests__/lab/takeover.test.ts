import { parseKeepalivedTakeover, parseTakeoverJournal, TAKEOVER_COMPLETE } from "../../lab/vm/takeover";

// Shaped like `journalctl -o short-unix` on lb2 during an ha-lb takeover (heartbeat 3.0.6).
const JOURNAL = [
  "1000.100000 lb2 heartbeat[812]: 2026/11/22_00:15:01 WARN: node lb1: is dead",
  "1000.200000 lb2 heartbeat[812]: 2026/11/22_00:15:01 WARN: node lb1: is dead",
  "1002.000000 lb2 heartbeat[812]: 2026/11/22_00:15:03 info: Resources being acquired from lb1.",
  "1008.900000 lb2 ResourceManager(default)[901]: 2026/11/22_00:15:09 info: Running /etc/ha.d/resource.d/IPaddr2 192.168.56.10/24/public start",
  "1030.500000 lb2 ResourceManager(default)[901]: 2026/11/22_00:15:31 info: Running /etc/ha.d/resource.d/IPaddr2 192.168.200.254/24/private start",
  "1049.000000 lb2 ResourceManager(default)[901]: 2026/11/22_00:15:50 info: Running /etc/init.d/ipvsadm  start",
  "1055.100000 lb2 mach_down(default)[880]: 2026/11/22_00:15:56 info: mach_down takeover complete for node lb1.",
  "-- No entries --",
  "",
].join("\n");

describe("parseTakeoverJournal", () => {
  const events = parseTakeoverJournal(JOURNAL, 997);

  it("orders death, each resource start and completion, in seconds after the crash", () => {
    expect(events.map((e) => e.what)).toEqual([
      "lb1 dead",
      "IPaddr2 192.168.56.10",
      "IPaddr2 192.168.200.254",
      "ipvsadm",
      "takeover complete",
    ]);
    expect(events[0].at).toBeCloseTo(3.1, 5);
    expect(events[3].at).toBeCloseTo(52, 5);
    expect(events[4].at).toBeCloseTo(58.1, 5);
  });

  it("keeps the first of a line logged twice", () => {
    expect(events.filter((e) => e.what === "lb1 dead")).toHaveLength(1);
  });

  it("finds nothing in a journal without a takeover", () => {
    expect(parseTakeoverJournal("1.0 lb2 sshd[1]: Accepted publickey for admin\n", 0)).toEqual([]);
  });
});

// Shaped like `journalctl -o short-unix` on lb2 during a ka-lb takeover (keepalived 2.2.7).
const KEEPALIVED_JOURNAL = [
  "2000.100000 lb2 Keepalived_healthcheckers[701]: TCP connection to [192.168.200.11]:tcp:80 success.",
  "2003.400000 lb2 Keepalived_vrrp[702]: (VI_1) Receive advertisement timeout",
  "2003.400100 lb2 Keepalived_vrrp[702]: (VI_1) Entering MASTER STATE",
  "2005.400000 lb2 Keepalived_vrrp[702]: (VI_1) Entering MASTER STATE",
  "-- No entries --",
  "",
].join("\n");

describe("parseKeepalivedTakeover", () => {
  it("reads the advert timeout and the first MASTER (the takeover), in seconds after the crash", () => {
    const events = parseKeepalivedTakeover(KEEPALIVED_JOURNAL, 2000);
    expect(events.map((e) => e.what)).toEqual(["peer dead (adverts timed out)", TAKEOVER_COMPLETE]);
    expect(events[0].at).toBeCloseTo(3.4, 5);
    expect(events[1].at).toBeCloseTo(3.4001, 5);
  });

  it("ignores Heartbeat's lines, and Heartbeat's parser ignores keepalived's", () => {
    expect(parseKeepalivedTakeover(JOURNAL, 997)).toEqual([]);
    expect(parseTakeoverJournal(KEEPALIVED_JOURNAL, 2000)).toEqual([]);
  });
});
