// The sign-in steps of a HAR file (every entry, not only 401s: the authorize redirect, the callback,
// the token call, the SAML post) and what their bodies say, through the same core functions as the
// worker (signInStepOf) and the DevTools panel (flowBodyFactOf): an imported file shows the same flow.
import { flowBodyFactOf, flowBodyWanted, signInStepOf, type FlowBodyFact, type FlowStep } from '../flow';
import type { FileHarEntry } from './har-entry';
import { bodyText } from './to-event';

/** Steps kept from one file: several sign-ins an hour, far more than a tab's log keeps. */
const MAX_STEPS = 500;
const MAX_BODIES = 100;

/** Collects the steps and body facts of a file's entries, in any order; read them sorted by time. */
export class SignInCollector {
  private readonly stepList: FlowStep[] = [];
  private readonly bodyList: FlowBodyFact[] = [];

  add(entry: FileHarEntry): void {
    if (this.stepList.length >= MAX_STEPS) return;
    const time = Date.parse(entry.startedDateTime ?? '');
    if (!Number.isFinite(time)) return;
    const req = { url: entry.request.url, method: entry.request.method, status: entry.response.status, time };
    const step = signInStepOf(req);
    if (!step) return;
    this.stepList.push(step);
    const wanted = flowBodyWanted(req, entry.response.content?.mimeType);
    if (!wanted || this.bodyList.length >= MAX_BODIES) return;
    const post = (entry.request as { postData?: { text?: unknown; params?: unknown } }).postData;
    const fact = flowBodyFactOf(
      req,
      wanted === 'form' ? { form: post?.text, params: post?.params } : { response: bodyText(entry) },
    );
    if (fact) this.bodyList.push(fact);
  }

  get steps(): FlowStep[] {
    return [...this.stepList].sort((a, b) => a.time - b.time);
  }

  get bodies(): FlowBodyFact[] {
    return [...this.bodyList];
  }
}
