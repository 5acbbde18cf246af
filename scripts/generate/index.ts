import { createRng } from '../../src/lib/random/rng';
import { DEFAULTS } from './config';
import { markDuplicates, sessionAndCsat, statusBehaviour } from './extras';
import { recogniseIntents } from './intents';
import { decideOutcomes } from './outcomes';
import { drawPopulation } from './population';
import { simulateQueues, type QueueResult } from './queues';
import { firstResponses } from './responses';
import { requestHumans, routeTickets } from './routing';
import type { Ticket } from './ticket';
import { toCsv } from './write-csv';

/** Options of the default-dataset generator. */
export interface GenerateOptions {
  rows?: number;
  seed?: number;
  days?: number;
}

/** Generated tickets plus the queue stage's staffing result. */
export interface Generated {
  tickets: Ticket[];
  queues: QueueResult;
}

/** Generates the ticket log in memory (deterministic for given options). */
export function generateTickets(options: GenerateOptions = {}): Generated {
  const rows = options.rows ?? DEFAULTS.rows;
  const seed = options.seed ?? DEFAULTS.seed;
  const days = options.days ?? DEFAULTS.days;
  const root = createRng(seed);
  const streams = Array.from({ length: 9 }, () => root.fork());
  const tickets = drawPopulation(streams[0]!, rows, days);
  recogniseIntents(streams[1]!, tickets);
  routeTickets(streams[2]!, tickets);
  requestHumans(streams[3]!, tickets);
  const queues = simulateQueues(streams[4]!, tickets, days);
  firstResponses(streams[5]!, tickets);
  decideOutcomes(streams[6]!, tickets, days);
  markDuplicates(streams[7]!, tickets);
  statusBehaviour(streams[8]!, tickets);
  sessionAndCsat(streams[8]!, tickets);
  return { tickets, queues };
}

/** Generates the default dataset as canonical CSV text. */
export function generateTicketsCsv(options: GenerateOptions = {}): string {
  return toCsv(generateTickets(options).tickets);
}
