-- Applied only in the no-go leg, after seed.sql: an approval left waiting, which the
-- "Day6 approval queue consistency" scenario must catch.
insert into mcp_action_requests (action, approval_state) values ('database.lifecycle', 'requested');
