// Starts shared test services once per run. Each service module owns its own start/stop; add a
// service by appending to `services`: it gets the project (for `provide`) and returns its stop.
import type { TestProject } from 'vitest/node';
import { startPostgresServer } from './postgres.js';

type StopService = () => Promise<void>;
type StartService = (project: TestProject) => Promise<StopService>;

/** PostgreSQL: DATABASE_URL when set (a server you manage), else an embedded one for this run. */
const startPostgres: StartService = async (project) => {
  const given = process.env.DATABASE_URL;
  if (given) {
    project.provide('postgresAdminUrl', given);
    project.provide('postgresStartMs', 0);
    return async () => {};
  }
  const server = await startPostgresServer();
  project.provide('postgresAdminUrl', server.adminUrl);
  project.provide('postgresStartMs', Math.round(server.startMs));
  console.log(
    `[global-setup] embedded PostgreSQL on 127.0.0.1:${server.port} ready in ${Math.round(server.startMs)} ms`,
  );
  return () => server.stop();
};

const services: StartService[] = [startPostgres];

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const stops: StopService[] = [];
  try {
    for (const start of services) stops.push(await start(project));
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
  return async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error(error));
  };
}
