// Loading the kubeconfig the way kubectl does, and keeping every credential in it out of the reports.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { KubeConfig, type RequestContext } from '@kubernetes/client-node';
import { firstLine } from '../../shared/text.js';
import { ProbeError, type ProbeEnvironment } from '../probe.js';

/** Where the credentials came from, for error messages. */
export interface LoadedConfig {
  config: KubeConfig;
  source: string;
}

function loadFile(file: string, origin: string): LoadedConfig {
  if (!existsSync(file)) {
    throw new ProbeError(
      `kubeconfig ${file} (from ${origin}) does not exist; point KUBECONFIG at a readable kubeconfig file`,
      { retryable: false },
    );
  }
  const config = new KubeConfig();
  try {
    config.loadFromFile(file);
  } catch (error) {
    const reason = error instanceof Error ? firstLine(error.message) : String(error);
    throw new ProbeError(`kubeconfig ${file} is not a valid kubeconfig: ${reason}`, { retryable: false });
  }
  return { config, source: file };
}

/** KUBECONFIG (first file wins, others merged as kubectl does), else ~/.kube/config, else in-cluster. */
export function loadKubeConfig(environment: ProbeEnvironment): LoadedConfig {
  const env = environment.env;
  const listed = (env.KUBECONFIG ?? '').split(path.delimiter).filter((file) => file !== '');
  let loaded: LoadedConfig | undefined;
  if (listed.length > 0) {
    loaded = loadFile(listed[0]!, 'KUBECONFIG');
    for (const file of listed.slice(1)) {
      if (!existsSync(file)) continue;
      loaded.config.mergeConfig(loadFile(file, 'KUBECONFIG').config);
    }
    loaded.source = listed.join(path.delimiter);
  } else {
    const home = env.HOME ?? env.USERPROFILE;
    const fallback = home ? path.join(home, '.kube', 'config') : undefined;
    if (fallback && existsSync(fallback)) loaded = loadFile(fallback, '~/.kube/config');
    else if (env.KUBERNETES_SERVICE_HOST) {
      const config = new KubeConfig();
      config.loadFromCluster();
      loaded = { config, source: 'the in-cluster service account' };
    }
  }
  if (!loaded) {
    throw new ProbeError(
      'no Kubernetes credentials: set KUBECONFIG to a kubeconfig file (docs/kubernetes.md shows how to make one for a ServiceAccount) or run inside the cluster',
      { retryable: false },
    );
  }
  const wanted = environment.sources.kubernetes.context;
  const { config, source } = loaded;
  if (wanted) {
    if (!config.getContextObject(wanted)) {
      const available = config.getContexts().map((context) => context.name);
      throw new ProbeError(
        `kubeconfig context "${wanted}" (sources.kubernetes.context) is not in ${source}; available: ${available.length > 0 ? available.join(', ') : 'none'}`,
        { retryable: false },
      );
    }
    config.setCurrentContext(wanted);
  }
  if (!config.getCurrentCluster()) {
    const current = config.getCurrentContext();
    throw new ProbeError(
      current
        ? `kubeconfig ${source}: current context "${current}" names no known cluster; fix the file or set sources.kubernetes.context`
        : `kubeconfig ${source} has no current-context; set current-context in the file or sources.kubernetes.context`,
      { retryable: false },
    );
  }
  return loaded;
}

// auth-provider config keys that hold credentials (oidc, gcp, azure): tokens, secrets, passwords.
const SECRET_CONFIG_KEY = /token|secret|password|key/i;

/**
 * Keeps every credential of the kubeconfig user out of the reports: the static token, password and
 * auth-provider secrets now, and whatever an `exec` plugin or auth-provider puts in the
 * Authorization header each time a request is signed (those tokens exist only at request time).
 */
export function registerCredentials(config: KubeConfig, environment: ProbeEnvironment): void {
  const user = config.getCurrentUser();
  if (user?.token) environment.addSecret(user.token);
  if (user?.password) environment.addSecret(user.password);
  const provider = user?.authProvider as { config?: Record<string, unknown> } | undefined;
  for (const [key, value] of Object.entries(provider?.config ?? {})) {
    if (SECRET_CONFIG_KEY.test(key) && typeof value === 'string') environment.addSecret(value);
  }
  const sign = config.applySecurityAuthentication.bind(config);
  config.applySecurityAuthentication = async (context: RequestContext): Promise<void> => {
    await sign(context);
    registerAuthorization(context.getHeaders().Authorization, environment);
  };
}

function registerAuthorization(header: string | undefined, environment: ProbeEnvironment): void {
  if (!header) return;
  environment.addSecret(header);
  const [scheme, credential = ''] = header.split(/\s+/, 2);
  environment.addSecret(credential);
  if (scheme?.toLowerCase() !== 'basic') return;
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  environment.addSecret(decoded);
  environment.addSecret(decoded.slice(decoded.indexOf(':') + 1));
}
