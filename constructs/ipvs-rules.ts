import { HttpHealthCheck, OnCheckFailure } from "../cloud-init";
import type { NodeDecl } from "./plan";

/** ldirectord's settings: what it checks, what happens to a failed server, and the sorry server. */
export interface LdirectordProps {
  /** The HTTP check of every real server. @default LDIRECTORD_DEFAULTS: GET /healthz every 5 s, body "^ok ", 3 s timeouts, 1 failure */
  readonly check?: HttpHealthCheck;
  /** "remove": a failed server is deleted from the table (`quiescent=no`); "quiesce": it stays at weight 0. @default "remove" */
  readonly onFailure?: OnCheckFailure;
  /**
   * A sorry server: a web node created beside the real servers (on the private network, never one of
   * them) that gets every service's traffic while none of the real servers is up. @default none
   */
  readonly fallback?: { readonly server: NodeDecl; /** @default each service's port */ readonly port?: number };
}

/**
 * Who installs a director's IPVS rules. A director (or a failover pair of them) either restores
 * rules as written, or lets ldirectord install and maintain them from health checks.
 */
export class IpvsRules {
  /**
   * The rules as written: ipvsadm-restore at first boot on one director, the `ipvsadm` init script as
   * the pair's resource. A dead real server keeps its share.
   */
  static staticRestore(): IpvsRules {
    return new IpvsRules("static-restore");
  }

  /**
   * ldirectord checks each real server over HTTP and installs only the healthy ones: a service on one
   * director, the pair's resource under Heartbeat (keepalived checks real servers itself: refused there).
   */
  static ldirectord(props: LdirectordProps = {}): IpvsRules {
    return new IpvsRules("ldirectord", props);
  }

  private constructor(
    /** The installer. */
    readonly kind: "static-restore" | "ldirectord",
    /** ldirectord's settings, when it is the installer. */
    readonly ldirectordProps?: LdirectordProps,
  ) {}
}
