-- Applied only in the no-go leg, after codex-k8s-schema.sql and seed.sql: an approval of the newest
-- run:dev run left in `requested` for two hours, which "Day6 approval queue consistency" must catch.
insert into mcp_action_requests
  (correlation_id, run_id, tool_name, action, target_ref, approval_mode, approval_state,
   requested_by, payload, created_at, updated_at)
select
  correlation_id, id, 'codex-k8s-control', 'database.lifecycle', '{"database": "issue-19"}', 'owner',
  'requested', 'agent:run:dev', '{}', now() - interval '2 hours', now() - interval '2 hours'
from agent_runs
where id = '8867c62e-ff01-4ada-b0a2-d5cbd15111df';
