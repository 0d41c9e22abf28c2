-- The gate's login role exactly as docs/postgres.md recommends ("Security model"), run by the
-- database owner: connect, read every table in public (and tables created later), nothing else.
-- psql -v ON_ERROR_STOP=1 -v gate_password="$GATE_PASSWORD" -f readonly-role.sql
-- (:"DBNAME" and :"USER" are psql's own variables: the database and the owner connected as.)
CREATE ROLE regression_gate LOGIN PASSWORD :'gate_password';
GRANT CONNECT ON DATABASE :"DBNAME" TO regression_gate;
GRANT USAGE ON SCHEMA public TO regression_gate;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO regression_gate;
ALTER DEFAULT PRIVILEGES FOR ROLE :"USER" IN SCHEMA public GRANT SELECT ON TABLES TO regression_gate;
ALTER ROLE regression_gate SET default_transaction_read_only = on;
