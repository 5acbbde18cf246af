import type { Channel, CustomerType, Platform, Region } from '../../src/lib/contract/columns';

/** Priority codes, or null when none was set. */
export type Priority = 'P0' | 'P1' | 'P2' | 'P3' | null;
/** Emergency codes, or null when the ticket is not an emergency. */
export type Emergency =
  'account_stolen' | 'fund_loss' | 'customs_dispute' | 'system_failure' | 'other' | null;
/** Resolver codes. */
export type Resolver = 'bot' | 'self_service' | 'agent' | 'expert';
/** Category codes. */
export type Category = 'payment' | 'account' | 'function';

/** One generated ticket; times are seconds since the dataset origin, null when absent. */
export class Ticket {
  id = '';
  userId = '';
  created = 0;
  entry: Channel = 'mini_program';
  handling: Channel = 'mini_program';
  platform: Platform = 'ios';
  customer: CustomerType = 'individual';
  region: Region = 'domestic';
  language = 'zh';
  category: Category = 'function';
  issue = '';
  fundSafety = false;
  writeFundSafety = true;
  crossBusiness = false;
  priority: Priority = null;
  emergency: Emergency = null;
  escalated = false;
  trueIntent = 0;
  aiIntent: number | null = null;
  aiConfidence = 0;
  aiCorrect = true;
  botAnswered = false;
  duplicate = false;
  humanRequested: number | null = null;
  answered: number | null = null;
  handleSeconds: number | null = null;
  agentId: string | null = null;
  abandonedAt: number | null = null;
  serviceDraw = 0;
  patienceDraw = 0;
  firstResponse: number | null = null;
  status: 'resolved' | 'unresolved' | 'open' = 'open';
  resolved: number | null = null;
  resolvedBy: Resolver | null = null;
  plannedClose = 0;
  plannedBy: Resolver = 'self_service';
  translationHours: number | null = null;
  statusLookups = 0;
  statusFollowups = 0;
  loadMs: number | null = null;
  csat: number | null = null;

  /** Not fund-safety, not an emergency, priority null/P2/P3. */
  get routine(): boolean {
    return (
      !this.fundSafety &&
      this.emergency === null &&
      (this.priority === null || this.priority === 'P2' || this.priority === 'P3')
    );
  }

  /** Any region but domestic. */
  get overseas(): boolean {
    return this.region !== 'domestic';
  }

  /** Platform is ios, android or harmonyos. */
  get mobile(): boolean {
    return this.platform === 'ios' || this.platform === 'android' || this.platform === 'harmonyos';
  }
}
