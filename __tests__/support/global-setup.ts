// Starts shared test services once per run. Each service module owns its own start/stop.
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
