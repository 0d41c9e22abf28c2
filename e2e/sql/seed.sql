-- Healthy codex-k8s data on the real schema (load codex-k8s-schema.sql first), shaped like the
-- platform's own rows and with the counts the seed's S2 matrix reports: run:dev succeeded=9 with
-- run.pr.created=5 (newest: run 8867c62e-…, PR #22), run:dev:revise succeeded=3 with
-- run.pr.updated=3 (newest: run 536beaea-…, PR #20), run.namespace.cleanup_skipped=5 with reason
-- debug_label_present, no waits in the current window, no approval stuck in `requested`.
-- Used by the e2e workflow, the demo (scripts/demo/platform-db.ts) and the tests.
-- Times are relative to now(): load it right before the gate runs.
-- Plain SQL, no psql meta-commands: `psql -v ON_ERROR_STOP=1 -f seed.sql`.

-- label, status, age of the run, PR it created or updated (null: none), ids kept as in the seed.
create temporary table demo_runs as
select *, 'delivery-' || substr(md5(id::text), 1, 20) as correlation_id
from (
  values
    -- run:dev: nine succeeded (five opened a PR), one failed long ago, one running now.
    (md5('run:dev-1')::uuid, 'run:dev', 'succeeded', interval '30 hours', null::int),
    (md5('run:dev-2')::uuid, 'run:dev', 'succeeded', interval '29 hours', 14),
    (md5('run:dev-3')::uuid, 'run:dev', 'succeeded', interval '27 hours', null),
    (md5('run:dev-4')::uuid, 'run:dev', 'succeeded', interval '25 hours', 16),
    (md5('run:dev-5')::uuid, 'run:dev', 'succeeded', interval '22 hours', null),
    (md5('run:dev-6')::uuid, 'run:dev', 'succeeded', interval '20 hours', 18),
    (md5('run:dev-7')::uuid, 'run:dev', 'succeeded', interval '9 hours', null),
    (md5('run:dev-8')::uuid, 'run:dev', 'succeeded', interval '6 hours', 20),
    ('8867c62e-ff01-4ada-b0a2-d5cbd15111df'::uuid, 'run:dev', 'succeeded', interval '3 hours', 22),
    (md5('run:dev-failed')::uuid, 'run:dev', 'failed', interval '4 days', null),
    (md5('run:dev-running')::uuid, 'run:dev', 'running', interval '4 minutes', null),
    -- run:dev:revise: three succeeded, each updated its PR; one canceled.
    (md5('run:dev:revise-1')::uuid, 'run:dev:revise', 'succeeded', interval '19 hours', 16),
    (md5('run:dev:revise-2')::uuid, 'run:dev:revise', 'succeeded', interval '17 hours', 18),
    ('536beaea-a17d-4843-a8a6-1698addccb37'::uuid, 'run:dev:revise', 'succeeded', interval '90 minutes', 20),
    (md5('run:dev:revise-canceled')::uuid, 'run:dev:revise', 'canceled', interval '15 hours', null),
    -- run:debug: five, each kept its namespace.
    (md5('run:debug-1')::uuid, 'run:debug', 'succeeded', interval '12 hours', null),
    (md5('run:debug-2')::uuid, 'run:debug', 'succeeded', interval '11 hours', null),
    (md5('run:debug-3')::uuid, 'run:debug', 'succeeded', interval '10 hours', null),
    (md5('run:debug-4')::uuid, 'run:debug', 'succeeded', interval '8 hours', null),
    (md5('run:debug-5')::uuid, 'run:debug', 'succeeded', interval '7 hours', null)
) as runs (id, label, status, age, pr_number);

insert into agent_runs
  (id, correlation_id, status, run_payload, learning_mode, started_at, finished_at, created_at, updated_at)
select
  id, correlation_id, status,
  jsonb_build_object(
    'trigger', jsonb_build_object('kind', 'issue_label', 'label', label),
    'repository', jsonb_build_object('full_name', 'codex-k8s/codex-k8s'),
    'issue', jsonb_build_object('number', 19)),
  false,
  now() - age + interval '20 seconds',
  case when status in ('succeeded', 'failed', 'canceled') then now() - age + interval '20 minutes' end,
  now() - age,
  case when status = 'running' then now() - interval '1 minute' else now() - age + interval '20 minutes' end
from demo_runs;

-- What the agent runner writes when it opens or updates a pull request.
insert into flow_events (correlation_id, actor_type, actor_id, event_type, payload, created_at)
select
  correlation_id, 'agent', 'agent-runner',
  case when label = 'run:dev' then 'run.pr.created' else 'run.pr.updated' end,
  jsonb_build_object(
    'branch', 'codex/issue-19-' || pr_number,
    'pr_url', 'https://github.com/codex-k8s/codex-k8s/pull/' || pr_number,
    'pr_number', pr_number),
  now() - age + interval '18 minutes'
from demo_runs
where pr_number is not null and status = 'succeeded';

-- The worker's audit record when a run:debug run keeps its namespace.
insert into flow_events (correlation_id, actor_type, actor_id, event_type, payload, created_at)
select
  correlation_id, 'system', 'codex-k8s-worker', 'run.namespace.cleanup_skipped',
  jsonb_build_object('reason', 'debug_label_present', 'namespace', 'codex-k8s-run-' || substr(md5(id::text), 1, 6)),
  now() - age + interval '20 minutes'
from demo_runs
where label = 'run:debug';

-- One agent session per run; none waits now. The failed run's session waited for the owner's
-- review three days ago: outside the current window, so it does not count.
insert into agent_sessions
  (run_id, correlation_id, repository_full_name, issue_number, branch_name, pr_number, pr_url,
   trigger_kind, model, reasoning_effort, status, session_json, started_at, finished_at,
   created_at, updated_at, agent_key, wait_state, timeout_guard_disabled, last_heartbeat_at)
select
  id, correlation_id, 'codex-k8s/codex-k8s', 19,
  case when pr_number is not null then 'codex/issue-19-' || pr_number end,
  pr_number,
  case when pr_number is not null then 'https://github.com/codex-k8s/codex-k8s/pull/' || pr_number end,
  replace(substr(label, 5), ':', '_'), 'gpt-5-codex', 'high',
  case status when 'canceled' then 'cancelled' else status end,
  '{}', now() - age + interval '30 seconds',
  case when status <> 'running' then now() - age + interval '19 minutes' end,
  now() - age + interval '30 seconds',
  case
    when status = 'failed' then now() - interval '3 days'
    when status = 'running' then now() - interval '1 minute'
    else now() - age + interval '19 minutes'
  end,
  'dev',
  case when status = 'failed' then 'owner_review' end,
  false,
  case when status = 'running' then now() - interval '20 seconds' end
from demo_runs;

-- The Day6 control tools' approval requests, one in each state; the `requested` one was asked
-- for a minute ago and is still inside the 15 minutes an owner has to answer.
insert into mcp_action_requests
  (correlation_id, run_id, tool_name, action, target_ref, approval_mode, approval_state,
   requested_by, applied_by, payload, created_at, updated_at)
select
  r.correlation_id, r.id, 'codex-k8s-control', a.action, a.target_ref::jsonb, 'owner', a.state,
  'agent:' || r.label, case when a.state = 'applied' then 'control-plane' end, '{}',
  now() - a.age,
  case when a.state = 'requested' then now() - a.age else now() - a.age + interval '5 minutes' end
from (
  values
    ('run:dev-2', 'secret.sync.github_k8s', 'approved', '{"secret": "registry-token"}', interval '28 hours'),
    ('run:dev-4', 'database.lifecycle', 'denied', '{"database": "issue-19"}', interval '24 hours'),
    ('run:dev-5', 'owner.feedback.request', 'expired', '{"issue": 19}', interval '21 hours'),
    ('run:dev-6', 'database.lifecycle', 'failed', '{"database": "issue-19"}', interval '19 hours'),
    ('run:dev-7', 'secret.sync.github_k8s', 'applied', '{"secret": "registry-token"}', interval '8 hours'),
    ('run:dev-running', 'owner.feedback.request', 'requested', '{"issue": 19}', interval '1 minute')
) as a (run_key, action, state, target_ref, age)
join demo_runs r on r.id = md5(a.run_key)::uuid;

drop table demo_runs;
