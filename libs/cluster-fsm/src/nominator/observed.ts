/**
 * When has an applied decision taken effect? The nominator waits until a
 * later view shows it before it decides again, so it never acts on a
 * snapshot that predates its own last change.
 */
import type { ChangeDecision } from './decision.js';
import type { ClusterView } from './view.js';

/** Whether `view` reflects `decision`, taken when `decidedByLeaderId` led. */
export function isDecisionObserved(decision: ChangeDecision, view: ClusterView, decidedByLeaderId: string): boolean {
  switch (decision.kind) {
    case 'nominate':
      return decision.hostname in view.nominated;
    case 'unnominate':
      return !(decision.hostname in view.nominated);
    case 'addLearner':
      return !view.confChangePending && view.members.some((member) => member.name === decision.hostname);
    case 'promoteLearner':
      return (
        !view.confChangePending &&
        view.members.some((member) => member.id === decision.memberId && !member.isLearner)
      );
    case 'removeMember':
      return !view.confChangePending && !view.members.some((member) => member.id === decision.memberId);
    case 'transferLeadership':
      return view.leaderId !== decidedByLeaderId;
  }
}
