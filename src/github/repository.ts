/** An `owner/name` pair as the REST API wants it. */
export interface RepositoryRef {
  owner: string;
  repo: string;
}

// GitHub's own rules: owners are alphanumerics and single hyphens, names add `.` and `_`.
const OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const NAME = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Parses `owner/name`. `origin` says where the value came from (e.g. `sources.github.repository`)
 * so the error can point there.
 */
export function parseRepository(value: string | undefined, origin = 'repository'): RepositoryRef {
  const text = (value ?? '').trim();
  if (text === '') {
    throw new Error(
      `${origin} is empty: give the repository as owner/name (e.g. octo-org/octo-repo), or run inside GitHub Actions where GITHUB_REPOSITORY is set`,
    );
  }
  const parts = text.split('/');
  const [owner, repo] = parts;
  if (
    parts.length !== 2 ||
    owner === undefined ||
    repo === undefined ||
    !OWNER.test(owner) ||
    !NAME.test(repo) ||
    repo === '.' ||
    repo === '..'
  ) {
    throw new Error(`${origin} "${text}" is not a repository: expected owner/name (e.g. octo-org/octo-repo)`);
  }
  return { owner, repo };
}
