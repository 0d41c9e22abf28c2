// A small agent-platform database shaped after codex-k8s: runs, flow events, approval requests and
// agent sessions, with the counts the seed's S2 gate recorded.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { readOnlyGrants, withDatabase } from '../../__tests__/support/postgres.js';

export const DEMO_DATABASE = 'agent_platform';
export const DEMO_READER = 'gate_reader';

const SCHEMA = `
create table agent_runs (
  id uuid primary key,
  status text not null check (status in ('queued', 'running', 'succeeded', 'failed')),
  run_payload jsonb not null,
  created_at timestamptz not null,
  finished_at timestamptz
);
create table flow_events (
  id bigserial primary key,
  run_id uuid,
  event_type text not null,
  payload jsonb not null default '{}',
  created_at timestamptz not null
);
create table mcp_action_requests (
  id bigserial primary key,
  run_id uuid,
  action text not null,
  approval_state text not null check (approval_state in ('requested', 'approved', 'denied', 'expired')),
  created_at timestamptz not null,
  decided_at timestamptz
);
create table agent_sessions (
  id uuid primary key,
  run_id uuid,
  wait_state text,
  updated_at timestamptz not null
);
`;

// Uuids derived from a label keep the data the same from run to run; the two seed examples are kept as written.
const DATA = `
insert into agent_runs
  select md5('run:dev-' || g)::uuid, 'succeeded', '{"trigger":{"label":"run:dev"}}',
         now() - make_interval(hours => 30 - g), now() - make_interval(hours => 30 - g, mins => -20)
  from generate_series(1, 8) g;
insert into agent_runs values
  ('8867c62e-ff01-4ada-b0a2-d5cbd15111df', 'succeeded', '{"trigger":{"label":"run:dev"}}', now() - interval '3 hours', now() - interval '2 hours'),
  (md5('run:dev-failed')::uuid, 'failed', '{"trigger":{"label":"run:dev"}}', now() - interval '26 hours', now() - interval '25 hours');
insert into agent_runs
  select md5('run:dev:revise-' || g)::uuid, 'succeeded', '{"trigger":{"label":"run:dev:revise"}}',
         now() - make_interval(hours => 20 - g), now() - make_interval(hours => 20 - g, mins => -15)
  from generate_series(1, 2) g;
insert into agent_runs values
  ('536beaea-a17d-4843-a8a6-1698addccb37', 'succeeded', '{"trigger":{"label":"run:dev:revise"}}', now() - interval '90 minutes', now() - interval '70 minutes');
insert into agent_runs
  select md5('run:debug-' || g)::uuid, 'succeeded', '{"trigger":{"label":"run:debug"}}',
         now() - make_interval(hours => 12 - g), now() - make_interval(hours => 12 - g, mins => -10)
  from generate_series(1, 5) g;

insert into flow_events (run_id, event_type, payload, created_at)
  select md5('run:dev-' || g)::uuid, 'run.pr.created', jsonb_build_object('pr_number', 10 + g),
         now() - make_interval(hours => 30 - g, mins => -20)
  from generate_series(5, 8) g;
insert into flow_events (run_id, event_type, payload, created_at) values
  ('8867c62e-ff01-4ada-b0a2-d5cbd15111df', 'run.pr.created', '{"pr_number": 22}', now() - interval '2 hours');
insert into flow_events (run_id, event_type, payload, created_at)
  select md5('run:dev:revise-' || g)::uuid, 'run.pr.updated', jsonb_build_object('pr_number', 16 + g),
         now() - make_interval(hours => 20 - g, mins => -15)
  from generate_series(1, 2) g;
insert into flow_events (run_id, event_type, payload, created_at) values
  ('536beaea-a17d-4843-a8a6-1698addccb37', 'run.pr.updated', '{"pr_number": 20}', now() - interval '70 minutes');
insert into flow_events (run_id, event_type, payload, created_at)
  select md5('run:debug-' || g)::uuid, 'run.namespace.cleanup_skipped', '{"reason":"debug_label_present"}',
         now() - make_interval(hours => 12 - g, mins => -10)
  from generate_series(1, 5) g;
insert into flow_events (run_id, event_type, payload, created_at)
  select id, 'run.started', '{}', created_at from agent_runs;

insert into mcp_action_requests (run_id, action, approval_state, created_at, decided_at) values
  (md5('run:dev-2')::uuid, 'secret.sync.github_k8s', 'approved', now() - interval '28 hours', now() - interval '27 hours'),
  (md5('run:dev-4')::uuid, 'database.lifecycle', 'denied', now() - interval '26 hours', now() - interval '26 hours'),
  (md5('run:dev-7')::uuid, 'owner.feedback.request', 'approved', now() - interval '5 hours', now() - interval '4 hours');

insert into agent_sessions
  select md5('session-' || g)::uuid, md5('run:dev-' || g)::uuid, null, now() - make_interval(hours => g)
  from generate_series(1, 6) g;
-- Outside the 24-hour window the gate looks at: an old wait does not count.
insert into agent_sessions values (md5('session-old')::uuid, md5('run:dev-1')::uuid, 'owner_review', now() - interval '3 days');
`;

// The --no-go variant: an approval nobody answered for two hours.
const STUCK_APPROVAL = `
insert into mcp_action_requests (run_id, action, approval_state, created_at) values
  ('8867c62e-ff01-4ada-b0a2-d5cbd15111df', 'database.lifecycle', 'requested', now() - interval '2 hours');
`;

/** Creates the platform database and a SELECT-only login for the gate; returns the gate's URL. */
export async function seedPlatformDatabase(adminUrl: string, options: { noGo: boolean }): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const password = randomBytes(12).toString('hex');
  try {
    await admin.query(`create database ${DEMO_DATABASE}`);
    await admin.query(`create role ${DEMO_READER} login password ${pg.escapeLiteral(password)}`);
  } finally {
    await admin.end();
  }
  const owner = new pg.Client({ connectionString: withDatabase(adminUrl, DEMO_DATABASE) });
  await owner.connect();
  try {
    await owner.query(SCHEMA);
    await owner.query(DATA);
    if (options.noGo) await owner.query(STUCK_APPROVAL);
    // The gate reads through a role that can only SELECT, as docs/postgres.md recommends.
    for (const grant of readOnlyGrants(DEMO_READER, DEMO_DATABASE, 'postgres')) await owner.query(grant);
  } finally {
    await owner.end();
  }
  return withDatabase(adminUrl, DEMO_DATABASE, { user: DEMO_READER, password });
}
