/**
 * The agent's "outside" cluster client (the one that reaches the cluster
 * through members other than its own) on the simulated network: the removal
 * check (cluster/removal-check.ts, production's own) asks it for the member
 * list. A linearizable list is answered by the first endpoint whose member
 * runs and is reachable both ways, from the leader that member reaches (as
 * its ReadIndex would); no endpoint answering is ClusterUnavailableError.
 */
import { ClusterUnavailableError } from '../cluster/cluster-client.js';
import type { SimMember } from './sim-member.js';
import type { SimWorld } from './sim-world.js';

/** A member as MemberList returns it (the fields the removal check reads). */
export interface SimListedMember {
  ID: number;
  name: string;
  peerURLs: string[];
  isLearner: boolean;
}

/** See the file comment. */
export class SimOutsideClient {
  private endpoints: readonly string[] = [];
  /** The endpoint that answered last. */
  endpoint: string | undefined;

  constructor(
    private readonly world: SimWorld,
    /** Where this client's process is on the network. */
    private readonly from: string,
    /** The host whose client URL is `url`. */
    private readonly hostAt: (url: string) => { address: string; member: () => SimMember | undefined } | undefined,
  ) {}

  setEndpoints(endpoints: readonly string[]): void {
    this.endpoints = [...endpoints];
  }

  memberList(linearizable = false): Promise<SimListedMember[]> {
    const { world, from } = this;
    for (const url of this.endpoints) {
      const host = this.hostAt(url);
      const m = host?.member();
      if (!host || !m || m.stopped || !world.reaches(from, host.address) || !world.reaches(host.address, from)) continue;
      const answering = linearizable ? world.leaderFor(host.address) : m;
      if (!answering) continue;
      this.endpoint = url;
      return Promise.resolve(answering.state.members.list().map((x) => ({ ID: x.id, name: x.name, peerURLs: x.peerUrls, isLearner: x.isLearner })));
    }
    return Promise.reject(new ClusterUnavailableError(`no endpoint answered: ${this.endpoints.join(', ')}`));
  }
}
