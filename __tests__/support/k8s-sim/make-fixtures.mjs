// Produces the committed fixtures in __tests__/fixtures/kubernetes: node __tests__/support/k8s-sim/make-fixtures.mjs
// Shapes follow what kube-apiserver 1.31 returns (zero counters omitted, conditions as controllers write them).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const OUT = fileURLToPath(import.meta.resolve('../../fixtures/kubernetes'));
const NS = 'codex-k8s-staging';
let rv = 48213000;
const uid = (s) => {
  const h = createHash('sha1').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const hash = (s) =>
  createHash('sha1')
    .update(s)
    .digest('hex')
    .slice(0, 10)
    .replace(/[aeiou0-3]/g, (c) => 'bcdfghjklmnpqrstvwxz'[c.charCodeAt(0) % 20]);
const nextRv = () => String((rv += 17));

function deployment(
  name,
  {
    generation = 3,
    observed = generation,
    replicas = 1,
    updated = replicas,
    ready = replicas,
    available = replicas,
    statusReplicas = replicas,
    image = 'v0.14.2',
  } = {},
) {
  const rs = `${name}-${hash(name + generation)}`;
  const progressing =
    observed < generation || updated < replicas
      ? {
          lastTransitionTime: '2026-02-12T08:41:07Z',
          lastUpdateTime: '2026-02-12T08:41:07Z',
          message: `ReplicaSet "${rs}" is progressing.`,
          reason: 'ReplicaSetUpdated',
          status: 'True',
          type: 'Progressing',
        }
      : {
          lastTransitionTime: '2026-02-12T08:31:55Z',
          lastUpdateTime: '2026-02-12T08:33:10Z',
          message: `ReplicaSet "${rs}" has successfully progressed.`,
          reason: 'NewReplicaSetAvailable',
          status: 'True',
          type: 'Progressing',
        };
  const status = { observedGeneration: observed, replicas: statusReplicas };
  if (updated) status.updatedReplicas = updated;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (statusReplicas - available > 0) status.unavailableReplicas = statusReplicas - available;
  status.conditions = [
    available >= replicas
      ? {
          lastTransitionTime: '2026-02-12T08:33:10Z',
          lastUpdateTime: '2026-02-12T08:33:10Z',
          message: 'Deployment has minimum availability.',
          reason: 'MinimumReplicasAvailable',
          status: 'True',
          type: 'Available',
        }
      : {
          lastTransitionTime: '2026-02-12T08:41:07Z',
          lastUpdateTime: '2026-02-12T08:41:07Z',
          message: 'Deployment does not have minimum availability.',
          reason: 'MinimumReplicasUnavailable',
          status: 'False',
          type: 'Available',
        },
    progressing,
  ];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      annotations: { 'deployment.kubernetes.io/revision': String(generation) },
      creationTimestamp: '2026-01-20T11:02:13Z',
      generation,
      labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/part-of': 'codex-k8s' },
      name,
      namespace: NS,
      resourceVersion: nextRv(),
      uid: uid(name),
    },
    spec: {
      progressDeadlineSeconds: 600,
      replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: {
          containers: [
            {
              name,
              image: `ghcr.io/codex-k8s/${name}:${image}`,
              imagePullPolicy: 'IfNotPresent',
              resources: {},
              terminationMessagePath: '/dev/termination-log',
              terminationMessagePolicy: 'File',
            },
          ],
          dnsPolicy: 'ClusterFirst',
          restartPolicy: 'Always',
          schedulerName: 'default-scheduler',
          securityContext: {},
          terminationGracePeriodSeconds: 30,
        },
      },
    },
    status,
  };
}

function namespace(name, labels = {}, phase = 'Active') {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      creationTimestamp: '2026-02-11T14:20:31Z',
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
      name,
      resourceVersion: nextRv(),
      uid: uid(name),
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase },
  };
}

function statefulSet(
  name,
  {
    generation = 2,
    observed = generation,
    replicas = 1,
    ready = replicas,
    updated = replicas,
    current = 'a',
    update = 'a',
  } = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: {
      creationTimestamp: '2026-01-20T11:02:13Z',
      generation,
      labels: { 'app.kubernetes.io/name': name },
      name,
      namespace: NS,
      resourceVersion: nextRv(),
      uid: uid(name),
    },
    spec: {
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      podManagementPolicy: 'OrderedReady',
      replicas,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      serviceName: name,
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: { containers: [{ name, image: 'postgres:16.4' }] },
      },
      updateStrategy: { rollingUpdate: { partition: 0 }, type: 'RollingUpdate' },
    },
    status: {
      availableReplicas: ready,
      collisionCount: 0,
      currentReplicas: updated,
      currentRevision: `${name}-${hash(name + current)}`,
      observedGeneration: observed,
      readyReplicas: ready,
      replicas,
      updateRevision: `${name}-${hash(name + update)}`,
      updatedReplicas: updated,
    },
  };
}

function daemonSet(
  name,
  { generation = 4, observed = generation, desired = 3, updated = desired, available = desired } = {},
) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      annotations: { 'deprecated.daemonset.template.generation': String(generation) },
      creationTimestamp: '2026-01-18T07:45:00Z',
      generation,
      labels: { 'app.kubernetes.io/name': name },
      name,
      namespace: NS,
      resourceVersion: nextRv(),
      uid: uid(name),
    },
    spec: {
      revisionHistoryLimit: 10,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: { containers: [{ name, image: 'quay.io/prometheus/node-exporter:v1.8.2' }] },
      },
      updateStrategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: 1 }, type: 'RollingUpdate' },
    },
    status: {
      currentNumberScheduled: desired,
      desiredNumberScheduled: desired,
      numberAvailable: available,
      numberMisscheduled: 0,
      numberReady: available,
      observedGeneration: observed,
      updatedNumberScheduled: updated,
      ...(available < desired ? { numberUnavailable: desired - available } : {}),
    },
  };
}

function job(name, ns, { active = 0, succeeded = 0, failed = 0, labels = {} } = {}) {
  const conditions = [];
  if (succeeded > 0 && active === 0)
    conditions.push(
      {
        lastProbeTime: '2026-02-12T09:02:41Z',
        lastTransitionTime: '2026-02-12T09:02:41Z',
        message: 'Reached expected number of succeeded pods',
        reason: 'CompletionsReached',
        status: 'True',
        type: 'SuccessCriteriaMet',
      },
      {
        lastProbeTime: '2026-02-12T09:02:41Z',
        lastTransitionTime: '2026-02-12T09:02:41Z',
        message: 'Reached expected number of succeeded pods',
        reason: 'CompletionsReached',
        status: 'True',
        type: 'Complete',
      },
    );
  if (failed > 0 && active === 0 && succeeded === 0)
    conditions.push(
      {
        lastProbeTime: '2026-02-12T09:05:12Z',
        lastTransitionTime: '2026-02-12T09:05:12Z',
        message: 'Job has reached the specified backoff limit',
        reason: 'BackoffLimitExceeded',
        status: 'True',
        type: 'FailureTarget',
      },
      {
        lastProbeTime: '2026-02-12T09:05:12Z',
        lastTransitionTime: '2026-02-12T09:05:12Z',
        message: 'Job has reached the specified backoff limit',
        reason: 'BackoffLimitExceeded',
        status: 'True',
        type: 'Failed',
      },
    );
  const status = {
    startTime: '2026-02-12T09:00:03Z',
    ...(active ? { active, ready: active } : { ready: 0 }),
    ...(succeeded ? { succeeded } : {}),
    ...(failed ? { failed } : {}),
    terminating: 0,
    uncountedTerminatedPods: {},
  };
  if (conditions.length) {
    status.conditions = conditions;
    status.completionTime = succeeded ? '2026-02-12T09:02:41Z' : undefined;
    if (!status.completionTime) delete status.completionTime;
  }
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      creationTimestamp: '2026-02-12T09:00:03Z',
      generation: 1,
      labels: { 'batch.kubernetes.io/job-name': name, 'job-name': name, ...labels },
      name,
      namespace: ns,
      resourceVersion: nextRv(),
      uid: uid(ns + name),
    },
    spec: {
      backoffLimit: 2,
      completionMode: 'NonIndexed',
      completions: 1,
      manualSelector: false,
      parallelism: 1,
      podReplacementPolicy: 'TerminatingOrFailed',
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': uid(ns + name) } },
      suspend: false,
      template: {
        metadata: { labels: { 'job-name': name, ...labels } },
        spec: {
          containers: [{ name: 'agent', image: 'ghcr.io/codex-k8s/agent-runner:v0.14.2' }],
          restartPolicy: 'Never',
        },
      },
    },
    status,
  };
}

function pod(name, ns, { phase = 'Running', ready = true, restarts = 0, labels = {}, owner } = {}) {
  const readyCond = {
    lastProbeTime: null,
    lastTransitionTime: '2026-02-12T08:33:09Z',
    status: ready ? 'True' : 'False',
    type: 'Ready',
    ...(ready ? {} : { message: 'containers with unready status: [app]', reason: 'ContainersNotReady' }),
  };
  const state =
    phase === 'Running'
      ? ready
        ? { running: { startedAt: '2026-02-12T08:33:02Z' } }
        : {
            waiting: { message: 'back-off 5m0s restarting failed container=app', reason: 'CrashLoopBackOff' },
          }
      : phase === 'Succeeded'
        ? {
            terminated: {
              exitCode: 0,
              reason: 'Completed',
              startedAt: '2026-02-12T09:00:05Z',
              finishedAt: '2026-02-12T09:02:40Z',
            },
          }
        : phase === 'Failed'
          ? {
              terminated: {
                exitCode: 1,
                reason: 'Error',
                startedAt: '2026-02-12T09:00:05Z',
                finishedAt: '2026-02-12T09:05:10Z',
              },
            }
          : { waiting: { reason: 'ContainerCreating' } };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      creationTimestamp: '2026-02-12T08:32:58Z',
      generateName: name.replace(/[^-]+$/, ''),
      labels,
      name,
      namespace: ns,
      ...(owner ? { ownerReferences: [owner] } : {}),
      resourceVersion: nextRv(),
      uid: uid(ns + name),
    },
    spec: {
      containers: [{ name: 'app', image: 'ghcr.io/codex-k8s/codex-k8s:v0.14.2' }],
      nodeName: 'ai-staging-worker-2',
      restartPolicy: phase === 'Running' ? 'Always' : 'Never',
      serviceAccountName: 'default',
    },
    status: {
      conditions: [
        {
          lastProbeTime: null,
          lastTransitionTime: '2026-02-12T08:32:58Z',
          status: 'True',
          type: 'PodScheduled',
        },
        readyCond,
      ],
      containerStatuses: [
        {
          containerID: `containerd://${createHash('sha256').update(name).digest('hex')}`,
          image: 'ghcr.io/codex-k8s/codex-k8s:v0.14.2',
          imageID: 'ghcr.io/codex-k8s/codex-k8s@sha256:' + createHash('sha256').update('img').digest('hex'),
          name: 'app',
          ready,
          restartCount: restarts,
          started: phase === 'Running',
          state,
        },
      ],
      hostIP: '10.40.0.12',
      phase,
      podIP: '10.244.2.31',
      qosClass: 'BestEffort',
      startTime: '2026-02-12T08:32:58Z',
    },
  };
}

function rollout(
  name,
  { generation = 5, phase = 'Healthy', replicas = 2, updated = replicas, available = replicas } = {},
) {
  const healthy = phase === 'Healthy';
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: {
      creationTimestamp: '2026-01-25T10:00:00Z',
      generation,
      labels: { 'app.kubernetes.io/name': name },
      name,
      namespace: NS,
      resourceVersion: nextRv(),
      uid: uid('rollout' + name),
    },
    spec: {
      replicas,
      revisionHistoryLimit: 3,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      strategy: { canary: { steps: [{ setWeight: 20 }, { pause: {} }] } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: { containers: [{ name, image: `ghcr.io/codex-k8s/${name}:v0.14.2` }] },
      },
    },
    status: {
      HPAReplicas: replicas,
      availableReplicas: available,
      blueGreen: {},
      canary: {},
      conditions: [
        {
          lastTransitionTime: '2026-02-12T08:30:00Z',
          lastUpdateTime: '2026-02-12T08:30:00Z',
          message: 'RolloutCompleted',
          reason: 'RolloutCompleted',
          status: healthy ? 'True' : 'False',
          type: 'Completed',
        },
        {
          lastTransitionTime: '2026-02-12T08:31:00Z',
          lastUpdateTime: '2026-02-12T08:31:00Z',
          message: healthy ? 'Rollout is healthy' : 'Rollout is paused',
          reason: healthy ? 'RolloutHealthy' : 'RolloutPaused',
          status: healthy ? 'True' : 'False',
          type: 'Healthy',
        },
        {
          lastTransitionTime: '2026-02-12T08:29:00Z',
          lastUpdateTime: '2026-02-12T08:31:00Z',
          message: healthy
            ? `ReplicaSet "${name}-6b8f9d7c4" has successfully progressed.`
            : 'Rollout is paused',
          reason: healthy ? 'NewReplicaSetAvailable' : 'RolloutPaused',
          status: 'True',
          type: 'Progressing',
        },
      ],
      currentPodHash: '6b8f9d7c4',
      currentStepIndex: healthy ? 2 : 1,
      observedGeneration: String(generation),
      phase,
      ...(healthy
        ? {}
        : {
            message: 'CanaryPauseStep',
            pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2026-02-12T08:31:00Z' }],
          }),
      readyReplicas: available,
      replicas,
      selector: `app.kubernetes.io/name=${name}`,
      stableRS: '6b8f9d7c4',
      updatedReplicas: updated,
    },
  };
}

const header = (text) =>
  `# ${text}\n# Shapes as kube-apiserver returns them; regenerate: node __tests__/support/k8s-sim/make-fixtures.mjs.\n`;
const dump = (file, title, objects) =>
  writeFileSync(
    `${OUT}/${file}`,
    header(title) + objects.map((o) => '---\n' + stringify(o, { lineWidth: 0 })).join(''),
  );

const five = [
  'codex-k8s',
  'codex-k8s-control-plane',
  'codex-k8s-worker',
  'codex-k8s-web-console',
  'oauth2-proxy',
];
dump(
  'staging.yaml',
  'The seed staging cluster: namespace codex-k8s-staging with the five key deployments READY 1/1, a StatefulSet and a DaemonSet.',
  [
    namespace(NS, { 'codex-k8s.dev/namespace-purpose': 'platform' }),
    namespace('default'),
    namespace('kube-system'),
    ...five.map((name, i) => deployment(name, { generation: 3 + i * 4 })),
    statefulSet('postgres'),
    daemonSet('node-exporter'),
  ],
);
dump(
  'deployment-mid-rollout.yaml',
  'codex-k8s-worker just patched: metadata.generation 10 > status.observedGeneration 9 (counters still describe the old ReplicaSet).',
  [deployment('codex-k8s-worker', { generation: 10, observed: 9 })],
);
dump(
  'deployment-rolling.yaml',
  'codex-k8s-worker observed, but the new pod is not available yet (2 pods: 1 old, 1 new starting).',
  [
    deployment('codex-k8s-worker', {
      generation: 10,
      observed: 10,
      replicas: 1,
      updated: 1,
      ready: 1,
      available: 1,
      statusReplicas: 2,
    }),
  ],
);
dump('deployment-ready-after-rollout.yaml', 'codex-k8s-worker after the rollout finished.', [
  deployment('codex-k8s-worker', { generation: 10, observed: 10, image: 'v0.15.0' }),
]);
dump(
  'workloads-not-ready.yaml',
  'A StatefulSet mid-update (revisions differ) and a DaemonSet with one node not updated.',
  [
    statefulSet('postgres', { generation: 3, observed: 3, current: 'a', update: 'b', updated: 0 }),
    daemonSet('node-exporter', { generation: 5, observed: 5, desired: 3, updated: 2, available: 2 }),
  ],
);
dump('run-namespaces.yaml', 'Leaked agent run namespaces, labelled as codex-k8s-worker creates them.', [
  namespace('codex-k8s-run-7f3a9c', {
    'codex-k8s.dev/namespace-purpose': 'run',
    'codex-k8s.dev/managed-by': 'codex-k8s-worker',
    'codex-k8s.dev/run-id': '7f3a9c',
  }),
  namespace(
    'codex-k8s-run-b21e04',
    {
      'codex-k8s.dev/namespace-purpose': 'run',
      'codex-k8s.dev/managed-by': 'codex-k8s-worker',
      'codex-k8s.dev/run-id': 'b21e04',
    },
    'Terminating',
  ),
  namespace('scratch-alice', { 'codex-k8s.dev/namespace-purpose': 'scratch' }),
]);
const owner = (kind, name, u) => ({
  apiVersion: kind === 'Job' ? 'batch/v1' : 'apps/v1',
  blockOwnerDeletion: true,
  controller: true,
  kind,
  name,
  uid: u,
});
dump(
  'jobs-pods.yaml',
  'Agent run Jobs and their Pods in two run namespaces, plus codex-k8s pods in staging.',
  [
    job('agent-run-7f3a9c', 'codex-k8s-run-7f3a9c', { succeeded: 1, labels: { app: 'agent-run' } }),
    job('agent-run-b21e04', 'codex-k8s-run-b21e04', { failed: 3, labels: { app: 'agent-run' } }),
    job('agent-run-c90d11', 'codex-k8s-run-c90d11', { active: 1, labels: { app: 'agent-run' } }),
    job('db-migrate-14', NS, { succeeded: 1, labels: { app: 'db-migrate' } }),
    pod('agent-run-7f3a9c-x8k2p', 'codex-k8s-run-7f3a9c', {
      phase: 'Succeeded',
      ready: false,
      labels: { app: 'agent-run' },
      owner: owner('Job', 'agent-run-7f3a9c', uid('x')),
    }),
    pod('agent-run-b21e04-q9w4m', 'codex-k8s-run-b21e04', {
      phase: 'Failed',
      ready: false,
      labels: { app: 'agent-run' },
    }),
    pod('agent-run-c90d11-m2n7v', 'codex-k8s-run-c90d11', {
      phase: 'Running',
      ready: true,
      labels: { app: 'agent-run' },
    }),
    pod('codex-k8s-7d9f8c6b5d-4hx2k', NS, { restarts: 0, labels: { 'app.kubernetes.io/name': 'codex-k8s' } }),
    pod('codex-k8s-worker-5c6d7f8b9-zq8lt', NS, {
      restarts: 2,
      labels: { 'app.kubernetes.io/name': 'codex-k8s-worker' },
    }),
    pod('codex-k8s-web-console-6f7b8c9d4-p5r6s', NS, {
      ready: false,
      restarts: 7,
      labels: { 'app.kubernetes.io/name': 'codex-k8s-web-console' },
    }),
  ],
);
dump('rollouts.yaml', 'Argo Rollouts (argoproj.io/v1alpha1): web Healthy, api paused at a canary step.', [
  rollout('web'),
  rollout('api', { phase: 'Paused', updated: 1 }),
]);
