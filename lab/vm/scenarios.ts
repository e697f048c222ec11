/**
 * The VM lab's scenarios (`npm run lab:vm`, lab/vm/acceptance.ts), by stable id: an option coverage
 * test maps each option that changes what a VM runs to the scenario that proves it on real daemons.
 * The ids never change meaning; the names printed beside them may be reworded.
 */
export const VM_SCENARIOS = [
  /** ipvs-nat: ipvsadm-save -n matches the rules; 3000 + 1000 requests round robin over web1/web2. */
  "vm.ipvs-nat.rr",
  /** ha-lb: lb1 alone holds the VIP and the rules; round robin over web1..web3. */
  "vm.ha-lb.rr",
  /** ipvs-nat: the director's ruleset from the client's side (firewall on by default, adminNetworks), SNAT of the private network. qemu tier only: UML's kernel has no nftables ip/inet families. */
  "vm.ipvs-nat.firewall",
  /** ha-lb: the same on a Heartbeat pair, plus Heartbeat accepted from the peer only. qemu tier only. */
  "vm.ha-lb.firewall",
  /** ha-lb: lb1 crashed, lb2 takes the VIP and the rules, pages balanced again. */
  "vm.ha-lb.director-failover",
  /** ha-lb (the preset: no connection sync): the download that ran through scenario 3's crash of lb1 broke, so the sync checks can fail. */
  "vm.ha-lb.download-breaks",
  /** heartbeat-apache: srv1 serves, crashes, srv2 takes the VIP and serves. */
  "vm.heartbeat-apache.failover",
  /** heartbeat-sf (the preset with serviceFailover: {}): apache2 stopped on srv1, its monitor hands over once, srv2 serves within the bound and keeps the VIP. */
  "vm.heartbeat-sf.service-failover",
  /** ipvs-options: every scheduler of IPVS_SCHEDULERS rendered, ipvsadm-restore'd, read back with ipvsadm-save -n. */
  "vm.ipvs-options.schedulers",
  /** ipvs-options: wrr with weights 3/2/1, measured shares within 2 percentage points. */
  "vm.ipvs-options.wrr-weights",
  /** ipvs-options: a persistent second service on the VIP; each client address keeps its own real server. */
  "vm.ipvs-options.persistence",
  /** ipvs-options: a udp service on the same VIP, answered by every real server. */
  "vm.ipvs-options.udp",
  /** ipvs-options: interfaceNames, nameservers, the gateway and the subtitle, read inside the guests. */
  "vm.ipvs-options.guest-settings",
  /** ka-lb (keepalived engine): lb1 alone holds both VIPs, keepalived's virtual_server equals the declared rules, rr over web1..web3. */
  "vm.ka-lb.rr",
  /** ka-lb: HTTP_GET fails on web2 (apache2 stopped, then the checked path gone): removed and added back within the rendered timers' bound. */
  "vm.ka-lb.health-check",
  /** ka-lb: lb1 crashed, lb2 takes the VIPs; the takeover timeline from keepalived's journal. */
  "vm.ka-lb.director-failover",
  /** ka-lb: the download that ran through scenario 8's crash of lb1 survived (keepalived's lvs_sync_daemon, syncid 42). */
  "vm.ka-lb.sync-survives",
  /** ipvs-dr: forwarding "gatewaying": -g rules, the VIP on the real servers' lo (arp_ignore 1, arp_announce 2), their default route the public gateway, the client's ARP for the VIP answered by the director; 3000 requests rr over web1..web3, max - min <= 1. */
  "vm.ipvs-dr.rr",
  /** ipvs-dr: over 300 requests the director's IPVS counters show inbound packets only (OutPkts 0): the replies bypass it. */
  "vm.ipvs-dr.inbound-only",
  /** ld-lb: the ldirectord service on one director; apache2 stopped on web2: out of the table within interval + timeout + 1 s, back as fast. */
  "vm.ld-lb.dead-real-server",
  /** ld-lb: path /index.html, expect "<h1>web": web2's page answers 200 with other text, web2 leaves within the bound; restored, it returns. */
  "vm.ld-lb.checked-page",
  /** ld-lb: every web server stopped, the fallback sorry1 answers on its own port 8080 (its Apache listens there); started again, sorry1 gone. */
  "vm.ld-lb.fallback",
  /** ld-lb: the quiesce stack's ldirectord.cf (onFailure quiesce, failuresBeforeDown 2) on lb1: web2 stopped stays at weight 0 after a soft failure 1/2, no request reaches it; started, weight 1. */
  "vm.ld-lb.quiesce",
  /** ha-lb-sync (connection-sync.ts): connectionSync on; a rate-limited download through the VIP survives a crash of lb1, and lb2's table held its synced entry. */
  "vm.ha-lb-sync.survives",
  /** watchdog.ts (qemu tier): heartbeat frozen (SIGSTOP), softdog resets the holder, the peer takes over. */
  "vm.watchdog.reset",
] as const;

export type VmScenarioId = (typeof VM_SCENARIOS)[number];
