export const id = 355;
export const ids = [355];
export const modules = {

/***/ 7355:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openKubernetesSession: () => (/* binding */ openKubernetesSession)
});

// UNUSED EXPORTS: fieldsOf

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var dist = __webpack_require__(75463);
// EXTERNAL MODULE: ./src/shared/duration.ts
var duration = __webpack_require__(85497);
// EXTERNAL MODULE: ./src/shared/sleep.ts
var sleep = __webpack_require__(47362);
// EXTERNAL MODULE: ./src/probes/probe.ts
var probe = __webpack_require__(86489);
;// CONCATENATED MODULE: ./src/probes/kubernetes/readiness.ts
// Objects arrive either as the client's typed models or as raw JSON (custom resources); both
// have the API's camelCase field names, so they are read structurally.
function field(value, ...path) {
    let current = value;
    for (const key of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[key];
    }
    return current;
}
// The API server omits zero-valued counters (a Deployment with no ready pods has no readyReplicas).
function count(value, ...path) {
    const found = field(value, ...path);
    return typeof found === 'number' && Number.isFinite(found) ? found : 0;
}
function optionalNumber(value, ...path) {
    const found = field(value, ...path);
    return typeof found === 'number' ? found : undefined;
}
function readiness_text(value, ...path) {
    const found = field(value, ...path);
    return typeof found === 'string' ? found : undefined;
}
function conditions(value) {
    const list = field(value, 'status', 'conditions');
    if (!Array.isArray(list))
        return [];
    return list.map((entry) => ({
        type: readiness_text(entry, 'type') ?? '',
        status: readiness_text(entry, 'status') ?? '',
        reason: readiness_text(entry, 'reason') ?? '',
    }));
}
function condition(value, type) {
    return conditions(value).find((entry) => entry.type === type);
}
/**
 * Whether the controller has seen the latest spec (metadata.generation). Built-in controllers
 * always report observedGeneration; for other kinds a missing one is not held against them.
 */
function observedLatest(value, required = true) {
    const generation = optionalNumber(value, 'metadata', 'generation');
    const observed = field(value, 'status', 'observedGeneration');
    if (generation === undefined)
        return true;
    if (typeof observed === 'number')
        return observed >= generation;
    // Argo Rollouts writes it as a string; older versions wrote a hash that cannot be compared.
    if (typeof observed === 'string')
        return /^\d+$/.test(observed) ? Number(observed) >= generation : true;
    return !required;
}
/** `kubectl rollout status deployment`: latest generation observed, all replicas updated and available. */
function deploymentReady(value) {
    if (!observedLatest(value))
        return false;
    if (condition(value, 'Progressing')?.reason === 'ProgressDeadlineExceeded')
        return false;
    const desired = optionalNumber(value, 'spec', 'replicas') ?? 1;
    const updated = count(value, 'status', 'updatedReplicas');
    if (updated < desired)
        return false;
    // Old replicas still running means the rollout has not finished terminating them.
    if (count(value, 'status', 'replicas') > updated)
        return false;
    return (count(value, 'status', 'availableReplicas') >= desired &&
        count(value, 'status', 'readyReplicas') >= desired);
}
/** `kubectl rollout status statefulset`, including partitioned rolling updates. */
function statefulSetReady(value) {
    if (!observedLatest(value) || optionalNumber(value, 'status', 'observedGeneration') === undefined)
        return false;
    const desired = optionalNumber(value, 'spec', 'replicas') ?? 1;
    if (count(value, 'status', 'readyReplicas') < desired)
        return false;
    const partition = optionalNumber(value, 'spec', 'updateStrategy', 'rollingUpdate', 'partition');
    if (readiness_text(value, 'spec', 'updateStrategy', 'type') !== 'OnDelete' &&
        partition !== undefined &&
        partition > 0) {
        return count(value, 'status', 'updatedReplicas') >= desired - partition;
    }
    return readiness_text(value, 'status', 'updateRevision') === readiness_text(value, 'status', 'currentRevision');
}
/** `kubectl rollout status daemonset`: every scheduled node runs the updated, available pod. */
function daemonSetReady(value) {
    if (!observedLatest(value))
        return false;
    const desired = count(value, 'status', 'desiredNumberScheduled');
    return (count(value, 'status', 'updatedNumberScheduled') >= desired &&
        count(value, 'status', 'numberAvailable') >= desired);
}
/** A Job is ready when it completed. */
function jobReady(value) {
    return condition(value, 'Complete')?.status === 'True';
}
/** A Pod is ready when its Ready condition holds, or when it ran to completion. */
function podReady(value) {
    if (readiness_text(value, 'status', 'phase') === 'Succeeded')
        return true;
    return condition(value, 'Ready')?.status === 'True';
}
/** A Namespace is ready unless it is being deleted. */
function namespaceReady(value) {
    return readiness_text(value, 'status', 'phase') !== 'Terminating';
}
const HEALTHY_PHASES = new Set(['Healthy', 'Running', 'Ready', 'Succeeded', 'Available', 'Active']);
const UNHEALTHY_PHASES = new Set(['Progressing', 'Paused', 'Degraded', 'Failed', 'Pending', 'Error']);
/**
 * Readiness of a kind the probe does not know, from the conventions most controllers follow, in
 * order: an unobserved generation, a Ready/Available condition, a phase (Argo Rollouts' Healthy,
 * Progressing, Paused, Degraded), then Deployment-like replica counters. An object that reports
 * none of these is ready when it exists.
 */
function customReady(value) {
    if (!observedLatest(value, false))
        return false;
    const signal = condition(value, 'Ready') ?? condition(value, 'Available');
    if (signal)
        return signal.status === 'True';
    const phase = readiness_text(value, 'status', 'phase');
    if (phase !== undefined && HEALTHY_PHASES.has(phase))
        return true;
    if (phase !== undefined && UNHEALTHY_PHASES.has(phase))
        return false;
    const desired = optionalNumber(value, 'spec', 'replicas');
    if (desired !== undefined) {
        return (count(value, 'status', 'updatedReplicas') >= desired &&
            count(value, 'status', 'availableReplicas') >= desired);
    }
    return true;
}
const READY_BY_KIND = {
    deployments: deploymentReady,
    statefulsets: statefulSetReady,
    daemonsets: daemonSetReady,
    jobs: jobReady,
    pods: podReady,
    namespaces: namespaceReady,
    custom: customReady,
};
function podRestarts(value) {
    let total = 0;
    for (const key of ['initContainerStatuses', 'containerStatuses']) {
        const statuses = field(value, 'status', key);
        if (!Array.isArray(statuses))
            continue;
        for (const status of statuses)
            total += count(status, 'restartCount');
    }
    return total;
}
/** Reduces one listed object to what the fields need, so pages can be dropped as they arrive. */
function summarize(kind, value, qualify) {
    const name = readiness_text(value, 'metadata', 'name') ?? '';
    const namespace = readiness_text(value, 'metadata', 'namespace');
    return {
        name: qualify && namespace !== undefined ? `${namespace}/${name}` : name,
        ready: READY_BY_KIND[kind](value),
        active: kind === 'jobs' ? count(value, 'status', 'active') : 0,
        succeeded: kind === 'jobs' ? count(value, 'status', 'succeeded') : 0,
        failed: kind === 'jobs' ? count(value, 'status', 'failed') : 0,
        restarts: kind === 'pods' ? podRestarts(value) : 0,
    };
}

// EXTERNAL MODULE: ./src/shared/text.ts
var shared_text = __webpack_require__(24646);
;// CONCATENATED MODULE: ./src/probes/kubernetes/api-errors.ts


function resourceLabel(spec) {
    return spec.group === '' ? spec.plural : `${spec.plural}.${spec.group}`;
}
function whereLabel(namespace) {
    if (namespace === undefined)
        return 'at cluster scope';
    return namespace === '*' ? 'in all namespaces' : `in namespace ${namespace}`;
}
/** The API's Status object, read from an ApiException's raw body when it is JSON. */
function statusOf(error) {
    let body = error.body;
    const raw = error.body;
    if (typeof raw === 'string') {
        try {
            body = JSON.parse(raw);
        }
        catch {
            // 429 and some proxies answer with plain text; use it as the message.
            const line = (0,shared_text/* firstLine */.TM)(raw);
            return line ? { message: line } : {};
        }
    }
    if (body === null || typeof body !== 'object')
        return {};
    const record = body;
    return {
        reason: typeof record.reason === 'string' ? record.reason : undefined,
        message: typeof record.message === 'string' ? record.message.replace(/\s+/g, ' ').trim() : undefined,
    };
}
function clip(text, max = 300) {
    return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
function rbacHint(target) {
    const rule = `apiGroups ["${target.spec.group}"], resources ["${target.spec.plural}"], verbs ["list"]`;
    if (target.namespace === undefined || target.namespace === '*') {
        return `add a ClusterRole rule: ${rule}, bound with a ClusterRoleBinding (see docs/kubernetes.md)`;
    }
    return `add a Role rule: ${rule} in namespace ${target.namespace}, bound with a RoleBinding (see docs/kubernetes.md)`;
}
/** Turns an API answer that is not 2xx into one line that says what to do; never the raw exception. */
function explainApiError(error, target, server, source) {
    const status = statusOf(error);
    const what = `${resourceLabel(target.spec)} ${whereLabel(target.namespace)}`;
    const detail = status.message ? `: ${clip(status.message)}` : '';
    switch (error.code) {
        case 401:
            return new probe/* ProbeError */.B2(`the Kubernetes API at ${server} rejected the credentials from ${source} (401 Unauthorized): the token or certificate is invalid or expired; renew it`, { retryable: false });
        case 403: {
            const user = /User "([^"]+)"/.exec(status.message ?? '')?.[1];
            return new probe/* ProbeError */.B2(`forbidden to list ${what}${user ? ` as ${user}` : ''} (403); ${rbacHint(target)}`, { retryable: false });
        }
        case 404:
            return new probe/* ProbeError */.B2(target.spec.kind === 'custom'
                ? `the API server does not serve ${target.spec.plural}.${target.spec.group}/${target.spec.version} (404 Not Found): is the CustomResourceDefinition installed and the version right?`
                : `listing ${what} returned 404 Not Found${detail}`, { retryable: false });
        case 400:
            return new probe/* ProbeError */.B2(`the API server refused to list ${what} (400 ${status.reason ?? 'Bad Request'})${detail}; check selector and field_selector`, { retryable: false });
        case 410:
            return new probe/* ProbeError */.B2(`the list of ${what} kept changing while paging (410 ${status.reason ?? 'Gone'} twice); try again or narrow the selector`);
        default:
            return new probe/* ProbeError */.B2(`the Kubernetes API failed listing ${what} (${error.code}${status.reason ? ` ${status.reason}` : ''})${detail}`);
    }
}
function networkCause(error) {
    let current = error;
    // fetch wraps the socket error in `cause`; the innermost code (ECONNREFUSED, ENOTFOUND) says the most.
    for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
        const code = current.code;
        if (typeof code === 'string')
            return `${code}${current.message && !current.message.includes(code) ? ` ${(0,shared_text/* firstLine */.TM)(current.message)}` : ''}`;
        if (current.cause === undefined)
            return (0,shared_text/* firstLine */.TM)(current.message);
        current = current.cause;
    }
    return error instanceof Error ? (0,shared_text/* firstLine */.TM)(error.message) : String(error);
}
function retryAfterMs(headers) {
    const value = headers?.['retry-after'];
    if (value === undefined)
        return 1000;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isNaN(date) ? 1000 : Math.max(0, date - Date.now());
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
;// CONCATENATED MODULE: ./src/probes/kubernetes/kubeconfig.ts
// Loading the kubeconfig the way kubectl does, and keeping every credential in it out of the reports.





function loadFile(file, origin) {
    if (!(0,external_node_fs_.existsSync)(file)) {
        throw new probe/* ProbeError */.B2(`kubeconfig ${file} (from ${origin}) does not exist; point KUBECONFIG at a readable kubeconfig file`, { retryable: false });
    }
    const config = new dist/* KubeConfig */.ypW();
    try {
        config.loadFromFile(file);
    }
    catch (error) {
        const reason = error instanceof Error ? (0,shared_text/* firstLine */.TM)(error.message) : String(error);
        throw new probe/* ProbeError */.B2(`kubeconfig ${file} is not a valid kubeconfig: ${reason}`, { retryable: false });
    }
    return { config, source: file };
}
/** KUBECONFIG (first file wins, others merged as kubectl does), else ~/.kube/config, else in-cluster. */
function loadKubeConfig(environment) {
    const env = environment.env;
    const listed = (env.KUBECONFIG ?? '').split((external_node_path_default()).delimiter).filter((file) => file !== '');
    let loaded;
    if (listed.length > 0) {
        loaded = loadFile(listed[0], 'KUBECONFIG');
        for (const file of listed.slice(1)) {
            if (!(0,external_node_fs_.existsSync)(file))
                continue;
            loaded.config.mergeConfig(loadFile(file, 'KUBECONFIG').config);
        }
        loaded.source = listed.join((external_node_path_default()).delimiter);
    }
    else {
        const home = env.HOME ?? env.USERPROFILE;
        const fallback = home ? external_node_path_default().join(home, '.kube', 'config') : undefined;
        if (fallback && (0,external_node_fs_.existsSync)(fallback))
            loaded = loadFile(fallback, '~/.kube/config');
        else if (env.KUBERNETES_SERVICE_HOST) {
            const config = new dist/* KubeConfig */.ypW();
            config.loadFromCluster();
            loaded = { config, source: 'the in-cluster service account' };
        }
    }
    if (!loaded) {
        throw new probe/* ProbeError */.B2('no Kubernetes credentials: set KUBECONFIG to a kubeconfig file (docs/kubernetes.md shows how to make one for a ServiceAccount) or run inside the cluster', { retryable: false });
    }
    const wanted = environment.sources.kubernetes.context;
    const { config, source } = loaded;
    if (wanted) {
        if (!config.getContextObject(wanted)) {
            const available = config.getContexts().map((context) => context.name);
            throw new probe/* ProbeError */.B2(`kubeconfig context "${wanted}" (sources.kubernetes.context) is not in ${source}; available: ${available.length > 0 ? available.join(', ') : 'none'}`, { retryable: false });
        }
        config.setCurrentContext(wanted);
    }
    if (!config.getCurrentCluster()) {
        const current = config.getCurrentContext();
        throw new probe/* ProbeError */.B2(current
            ? `kubeconfig ${source}: current context "${current}" names no known cluster; fix the file or set sources.kubernetes.context`
            : `kubeconfig ${source} has no current-context; set current-context in the file or sources.kubernetes.context`, { retryable: false });
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
function registerCredentials(config, environment) {
    const user = config.getCurrentUser();
    if (user?.token)
        environment.addSecret(user.token);
    if (user?.password)
        environment.addSecret(user.password);
    const provider = user?.authProvider;
    for (const [key, value] of Object.entries(provider?.config ?? {})) {
        if (SECRET_CONFIG_KEY.test(key) && typeof value === 'string')
            environment.addSecret(value);
    }
    const sign = config.applySecurityAuthentication.bind(config);
    config.applySecurityAuthentication = async (context) => {
        await sign(context);
        registerAuthorization(context.getHeaders().Authorization, environment);
    };
}
function registerAuthorization(header, environment) {
    if (!header)
        return;
    environment.addSecret(header);
    const [scheme, credential = ''] = header.split(/\s+/, 2);
    environment.addSecret(credential);
    if (scheme?.toLowerCase() !== 'basic')
        return;
    const decoded = Buffer.from(credential, 'base64').toString('utf8');
    environment.addSecret(decoded);
    environment.addSecret(decoded.slice(decoded.indexOf(':') + 1));
}

;// CONCATENATED MODULE: ./src/probes/kubernetes/list.ts
// One list call of the Kubernetes API per kind, paged and cancellable by the check's signal.

/** Page size for list calls: large enough for few round trips, small enough to bound memory. */
const PAGE_SIZE = 500;
function signalOptions(signal) {
    // The generated clients take a per-call middleware list; setting the signal there lets an abort
    // cancel the socket instead of leaving the request running after the check gave up.
    const middleware = {
        pre: (context) => {
            context.setSignal(signal);
            return new dist/* Observable */.cPK(Promise.resolve(context));
        },
        post: (response) => new dist/* Observable */.cPK(Promise.resolve(response)),
    };
    return { middleware: [middleware], middlewareMergeStrategy: 'append' };
}
async function listPage(clients, target, token, options) {
    const { spec, namespace } = target;
    const query = {
        _continue: token,
        labelSelector: target.labelSelector,
        fieldSelector: target.fieldSelector,
        limit: PAGE_SIZE,
    };
    const all = namespace === '*';
    const ns = namespace ?? '';
    switch (spec.kind) {
        case 'deployments':
            return all
                ? clients.apps.listDeploymentForAllNamespaces(query, options)
                : clients.apps.listNamespacedDeployment({ ...query, namespace: ns }, options);
        case 'statefulsets':
            return all
                ? clients.apps.listStatefulSetForAllNamespaces(query, options)
                : clients.apps.listNamespacedStatefulSet({ ...query, namespace: ns }, options);
        case 'daemonsets':
            return all
                ? clients.apps.listDaemonSetForAllNamespaces(query, options)
                : clients.apps.listNamespacedDaemonSet({ ...query, namespace: ns }, options);
        case 'jobs':
            return all
                ? clients.batch.listJobForAllNamespaces(query, options)
                : clients.batch.listNamespacedJob({ ...query, namespace: ns }, options);
        case 'pods':
            return all
                ? clients.core.listPodForAllNamespaces(query, options)
                : clients.core.listNamespacedPod({ ...query, namespace: ns }, options);
        case 'namespaces':
            return clients.core.listNamespace(query, options);
        case 'custom': {
            const type = { group: spec.group, version: spec.version };
            const raw = all
                ? await clients.custom.listCustomObjectForAllNamespaces({ ...query, ...type, resourcePlural: spec.plural }, options)
                : await clients.custom.listNamespacedCustomObject({ ...query, ...type, namespace: ns, plural: spec.plural }, options);
            const page = (raw ?? {});
            return { items: Array.isArray(page.items) ? page.items : [], metadata: page.metadata };
        }
    }
}

;// CONCATENATED MODULE: ./src/probes/kubernetes/session.ts








class KubernetesSession {
    loaded;
    environment;
    clients;
    server;
    constructor(loaded, environment) {
        this.loaded = loaded;
        this.environment = environment;
        const config = loaded.config;
        this.clients = {
            core: config.makeApiClient(dist/* CoreV1Api */.f5Y),
            apps: config.makeApiClient(dist/* AppsV1Api */.eY6),
            batch: config.makeApiClient(dist/* BatchV1Api */.Q8C),
            custom: config.makeApiClient(dist/* CustomObjectsApi */.aVm),
        };
        this.server = config.getCurrentCluster()?.server ?? 'the cluster';
    }
    namespaceFor(spec) {
        if (spec.kind === 'namespaces')
            return undefined;
        const configured = spec.namespace ?? (this.environment.sources.kubernetes.namespace || undefined);
        if (configured)
            return configured;
        const context = this.loaded.config.getContextObject(this.loaded.config.getCurrentContext());
        return context?.namespace || 'default';
    }
    async run(call) {
        const spec = call.spec;
        const namespace = this.namespaceFor(spec);
        const single = spec.names?.length === 1 && namespace !== '*' ? spec.names[0] : undefined;
        const target = {
            spec,
            namespace,
            labelSelector: spec.selector,
            // One named object: let the server filter, so a large namespace is not paged through for it.
            fieldSelector: spec.fieldSelector ?? (single !== undefined ? `metadata.name=${single}` : undefined),
        };
        const signal = AbortSignal.any([call.signal, AbortSignal.timeout(call.timeoutMs)]);
        const deadline = Date.now() + call.timeoutMs;
        try {
            const found = await this.collect(target, signal, deadline);
            return fieldsOf(spec, found, namespace === '*');
        }
        catch (error) {
            if (error instanceof probe/* ProbeError */.B2)
                throw error;
            if (signal.aborted) {
                throw new probe/* ProbeError */.B2(`timed out after ${(0,duration/* formatDuration */.a)(call.timeoutMs)} listing ${resourceLabel(spec)} ${whereLabel(namespace)}`);
            }
            if (error instanceof dist/* ApiException */.UJ4)
                throw explainApiError(error, target, this.server, this.loaded.source);
            const cause = networkCause(error);
            if (cause.includes('HTTP protocol is not allowed')) {
                throw new probe/* ProbeError */.B2(`kubeconfig ${this.loaded.source}: cluster ${this.server} is plain http:// without insecure-skip-tls-verify; use its https:// address`);
            }
            throw new probe/* ProbeError */.B2(`cannot reach the Kubernetes API at ${this.server} (${cause}) listing ${resourceLabel(spec)} ${whereLabel(namespace)}`);
        }
    }
    /** Lists every page, keeping only summaries; restarts once when a continue token expires (410). */
    async collect(target, signal, deadline) {
        const options = signalOptions(signal);
        const wanted = target.spec.names ? new Set(target.spec.names) : undefined;
        const qualify = target.namespace === '*';
        for (let attempt = 0;; attempt++) {
            const found = [];
            let token;
            try {
                do {
                    const page = await this.withRateLimit(() => listPage(this.clients, target, token, options), target, signal, deadline);
                    for (const item of page.items) {
                        const summary = summarize(target.spec.kind, item, qualify);
                        if (!wanted || matchesWanted(summary.name, wanted))
                            found.push(summary);
                    }
                    token = page.metadata?._continue ?? page.metadata?.continue ?? undefined;
                    if (token === '')
                        token = undefined;
                } while (token !== undefined);
                return found;
            }
            catch (error) {
                // A consistent answer needs one snapshot: start over rather than continue from a newer one.
                if (error instanceof dist/* ApiException */.UJ4 && error.code === 410 && token !== undefined && attempt === 0) {
                    this.environment.debug(`kubernetes: continue token expired listing ${resourceLabel(target.spec)}; restarting the list`);
                    continue;
                }
                throw error;
            }
        }
    }
    async withRateLimit(request, target, signal, deadline) {
        for (;;) {
            try {
                return await request();
            }
            catch (error) {
                if (!(error instanceof dist/* ApiException */.UJ4) || error.code !== 429)
                    throw error;
                const wait = retryAfterMs(error.headers);
                if (Date.now() + wait >= deadline) {
                    throw new probe/* ProbeError */.B2(`the Kubernetes API is rate limiting (429, Retry-After ${(0,duration/* formatDuration */.a)(wait)}) past the check's timeout listing ${resourceLabel(target.spec)} ${whereLabel(target.namespace)}; raise timeout or try later`);
                }
                this.environment.debug(`kubernetes: 429 from the API; retrying in ${(0,duration/* formatDuration */.a)(wait)}`);
                if (!(await (0,sleep/* sleep */.y)(wait, signal))) {
                    throw new probe/* ProbeError */.B2(`the check's time ran out while waiting ${(0,duration/* formatDuration */.a)(wait)} for the Kubernetes API's rate limit (429) listing ${resourceLabel(target.spec)} ${whereLabel(target.namespace)}`);
                }
            }
        }
    }
    async close() {
        // KubeConfig holds no connection of its own; undici's idle sockets close by themselves.
    }
}
function matchesWanted(name, wanted) {
    if (wanted.has(name))
        return true;
    const slash = name.indexOf('/');
    return slash >= 0 && wanted.has(name.slice(slash + 1));
}
/** The check's fields from what was listed; a named object that was not listed is missing and not ready. */
function fieldsOf(spec, found, qualified) {
    const missing = (spec.names ?? []).filter((name) => !found.some((summary) => summary.name === name || (qualified && !name.includes('/') && summary.name.endsWith(`/${name}`))));
    const notReady = [...found.filter((summary) => !summary.ready).map((summary) => summary.name), ...missing];
    const fields = {
        count: found.length,
        names: found.map((summary) => summary.name),
        ready: notReady.length === 0,
        not_ready: notReady,
        missing,
    };
    if (spec.kind === 'jobs') {
        fields.active = found.reduce((sum, summary) => sum + summary.active, 0);
        fields.succeeded = found.reduce((sum, summary) => sum + summary.succeeded, 0);
        fields.failed = found.reduce((sum, summary) => sum + summary.failed, 0);
    }
    if (spec.kind === 'pods')
        fields.restarts = found.reduce((sum, summary) => sum + summary.restarts, 0);
    return fields;
}
/** Loads the kubeconfig once per gate and returns a session that lists with it. */
async function openKubernetesSession(environment) {
    const loaded = loadKubeConfig(environment);
    registerCredentials(loaded.config, environment);
    return Promise.resolve(new KubernetesSession(loaded, environment));
}


/***/ })

};
