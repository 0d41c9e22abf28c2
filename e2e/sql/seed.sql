-- The seed's evidence tables, with the counts its S2 matrix reports (run:dev succeeded=9,
-- run.pr.created=5, run:dev:revise succeeded=3, run.pr.updated=3, cleanup_skipped=5, no waits,
-- no stuck approvals). Plain SQL, no psql meta-commands: `psql -v ON_ERROR_STOP=1 -f seed.sql`.
create table agent_runs (
  id uuid primary key default gen_random_uuid(),
  status text not null,
  run_payload jsonb not null,
  created_at timestamptz not null default now()
);
create table flow_events (
  id bigserial primary key,
  run_id uuid,
  event_type text not null,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create table agent_sessions (
  id bigserial primary key,
  run_id uuid not null,
  wait_state text
);
create table mcp_action_requests (
  id bigserial primary key,
  action text not null,
  approval_state text not null
);

insert into agent_runs (id, status, run_payload) values
  ('8867c62e-ff01-4ada-b0a2-d5cbd15111df', 'succeeded', '{"trigger": {"label": "run:dev"}, "pr": 22}'),
  ('536beaea-a17d-4843-a8a6-1698addccb37', 'succeeded', '{"trigger": {"label": "run:dev:revise"}, "pr": 20}');
insert into agent_runs (status, run_payload)
  select 'succeeded', '{"trigger": {"label": "run:dev"}}' from generate_series(1, 8);
insert into agent_runs (status, run_payload)
  select 'succeeded', '{"trigger": {"label": "run:dev:revise"}}' from generate_series(1, 2);
insert into agent_runs (status, run_payload)
  select 'succeeded', '{"trigger": {"label": "run:debug"}}' from generate_series(1, 5);

insert into flow_events (event_type) select 'run.pr.created' from generate_series(1, 5);
insert into flow_events (event_type) select 'run.pr.updated' from generate_series(1, 3);
insert into flow_events (event_type, payload)
  select 'run.namespace.cleanup_skipped', '{"reason": "debug_label_present"}' from generate_series(1, 5);

insert into agent_sessions (run_id, wait_state) select id, null from agent_runs;

insert into mcp_action_requests (action, approval_state) values
  ('secret.sync.github_k8s', 'approved'),
  ('database.lifecycle', 'denied'),
  ('owner.feedback.request', 'approved');
