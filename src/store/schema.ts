/** The tables, as Kysely sees them; timestamps are milliseconds since the epoch in both engines. */
export interface Database {
  schema_migrations: { version: number; applied_at: number };
  /** Event ids already taken by some instance: the first to insert one answers it. */
  processed_events: { event_id: string; claimed_at: number };
  /** One row per entry an answer named. */
  answers: { answer_id: string; entry_id: string; answered_at: number };
  /** One vote per person per answer; a second click changes it. */
  votes: { answer_id: string; user_id: string; vote: number; voted_at: number };
  /** Queries and scans that found nothing, redacted and capped. */
  unanswered: {
    id: string;
    kind: string;
    text: string;
    group_key: string;
    asked_at: number;
  };
}
