/**
 * Who may write, and what. Every POST /api/cluster/actions passes `checkWriteAccess` (writes enabled,
 * token matches, request comes from our own pages) and `parseAction` (a known action, every name a valid
 * RFC 1123 name in an allowed namespace, every number a bounded integer). Anything else is refused with
 * a Korean message; the server never forwards a path or verb it did not build itself.
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import { APPLY_KINDS, type ApplyKind, type LiveAction } from '../cluster/live-protocol';
import { API_VERSION, type KubeObject } from '../k8s/types';
import { trustedHop } from './client-address';
import { echo, isDnsLabel, isDnsSubdomain, isImageRef, isIntInRange } from './names';
import { checkPatchSecurity } from './patch-security';
import { podSecurityMessage, podSecurityViolation } from './pod-security';
import type { PodSecurityLevel, SecuritySettings } from './security-settings';

export const MAX_REPLICAS = 1_000;
export const MAX_BODY_BYTES = 256 * 1024;

export type PolicyResult<T> = { ok: true; value: T } | { ok: false; code: 400 | 403; message: string };

const deny = (message: string): { ok: false; code: 403; message: string } => ({ ok: false, code: 403, message });
const bad = (message: string): { ok: false; code: 400; message: string } => ({ ok: false, code: 400, message });

/** Constant-time token comparison (hashing first makes the lengths equal). */
export function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export interface WriteRequestHeaders {
  get(name: string): string | null;
}

export type OriginSettings = Pick<SecuritySettings, 'trustProxyHops' | 'publicOrigin'>;
const DIRECT: OriginSettings = { trustProxyHops: 0, publicOrigin: null };

/**
 * Same-origin check for browsers: Sec-Fetch-Site, when present, must be same-origin; Origin, when present,
 * must be PUBLIC_ORIGIN when that is configured, else the host the request was sent to — the Host header,
 * or X-Forwarded-Host only behind a trusted proxy (anyone can write that header to a server that is reached
 * directly). Non-browser clients send neither and are judged by the token.
 */
export function isSameOrigin(headers: WriteRequestHeaders, settings: OriginSettings = DIRECT): boolean {
  const site = headers.get('sec-fetch-site');
  if (site && site !== 'same-origin') return false;
  const origin = headers.get('origin');
  if (origin === null) return true;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (settings.publicOrigin) return url.origin === settings.publicOrigin;
  const forwarded = settings.trustProxyHops > 0 ? trustedHop(headers.get('x-forwarded-host'), settings.trustProxyHops) : null;
  const host = forwarded ?? headers.get('host');
  return !!host && url.host === host.trim().toLowerCase();
}

export function checkWriteAccess(headers: WriteRequestHeaders, writeToken: string | null, tokenHeader: string, settings: OriginSettings = DIRECT): PolicyResult<true> {
  if (!writeToken) return deny('이 서버에서는 클러스터 쓰기가 꺼져 있습니다 (CLUSTER_WRITE_TOKEN 미설정).');
  if (!isSameOrigin(headers, settings)) return deny('다른 사이트에서 보낸 요청은 받을 수 없습니다.');
  if (!tokenMatches(headers.get(tokenHeader), writeToken)) return deny('쓰기 토큰이 없거나 올바르지 않습니다. 강사에게 토큰을 받아 잠금을 해제하세요.');
  return { ok: true, value: true };
}

type Body = Record<string, unknown>;

/**
 * The first env entry with neither `value` nor `valueFrom`, anywhere in a manifest or patch. Browsers only
 * ever see env values stripped, so such an entry usually means "copied from the screen": writing it back
 * would erase the real value on the cluster.
 */
export function valuelessEnvName(v: unknown, depth = 0): string | null {
  if (!v || typeof v !== 'object' || depth > 32) return null;
  if (Array.isArray(v)) {
    for (const x of v) {
      const found = valuelessEnvName(x, depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [k, x] of Object.entries(v)) {
    if (k === 'env' && Array.isArray(x)) {
      const bad = x.find((e) => e && typeof e === 'object' && !('value' in e) && !('valueFrom' in e));
      if (bad) return String((bad as { name?: unknown }).name ?? '?');
    }
    const found = valuelessEnvName(x, depth + 1);
    if (found) return found;
  }
  return null;
}

const envMessage = (name: string) =>
  `환경 변수 ${echo(name, 60)}에 값이 없습니다. 화면의 객체는 환경 변수 값이 가려져 있어 그대로 보내면 실제 값이 지워질 수 있어요. value를 적어 주세요.`;

function checkNamespace(ns: unknown, allowed: readonly string[]): PolicyResult<string> {
  if (!isDnsLabel(ns)) return bad('네임스페이스 이름이 올바르지 않습니다.');
  if (!allowed.includes(ns)) return deny(`네임스페이스 "${ns}"는 이 대시보드에서 다룰 수 없습니다.`);
  return { ok: true, value: ns };
}

function checkName(name: unknown, what: string): PolicyResult<string> {
  return isDnsSubdomain(name) ? { ok: true, value: name } : bad(`${what} 이름이 올바르지 않습니다 (소문자, 숫자, '-', '.'만 쓸 수 있습니다).`);
}

/** Validates an apply manifest: an allowed kind, matching apiVersion, valid name, allowed namespace, pod security. */
function checkManifest(m: unknown, allowed: readonly string[], podSecurity: PodSecurityLevel): PolicyResult<KubeObject> {
  if (!m || typeof m !== 'object' || Array.isArray(m)) return bad('적용할 매니페스트가 객체가 아닙니다.');
  const obj = m as { kind?: unknown; apiVersion?: unknown; metadata?: { name?: unknown; namespace?: unknown } };
  if (typeof obj.kind !== 'string' || !APPLY_KINDS.includes(obj.kind as ApplyKind)) {
    return deny('실제 클러스터에는 Pod, Deployment, ReplicaSet, Service만 적용할 수 있습니다.');
  }
  if (obj.apiVersion !== API_VERSION[obj.kind as ApplyKind]) return bad(`${obj.kind}의 apiVersion은 ${API_VERSION[obj.kind as ApplyKind]}이어야 합니다.`);
  const name = checkName(obj.metadata?.name, obj.kind);
  if (!name.ok) return name;
  const ns = checkNamespace(obj.metadata?.namespace ?? allowed[0], allowed);
  if (!ns.ok) return ns;
  const env = valuelessEnvName(m);
  if (env) return bad(envMessage(env));
  const violation = podSecurity === 'baseline' ? podSecurityViolation(obj.kind, m) : null;
  if (violation) return deny(podSecurityMessage(violation));
  const copy = JSON.parse(JSON.stringify(m)) as KubeObject;
  copy.metadata = { ...copy.metadata, namespace: ns.value };
  return { ok: true, value: copy };
}

/**
 * Parses and validates an action body against the namespaces this server may touch. With `podSecurity`
 * 'baseline' (the default) manifests and patches that would break the Pod Security baseline are refused.
 */
export function parseAction(body: unknown, namespaces: readonly string[], podSecurity: PodSecurityLevel = 'baseline'): PolicyResult<LiveAction> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return bad('요청 본문이 올바른 JSON 객체가 아닙니다.');
  const b = body as Body;
  if (b.action === 'apply') {
    const m = checkManifest(b.manifest, namespaces, podSecurity);
    return m.ok ? { ok: true, value: { action: 'apply', manifest: m.value } } : m;
  }
  if (b.action === 'cordon' || b.action === 'uncordon') {
    const name = checkName(b.name, '노드');
    return name.ok ? { ok: true, value: { action: b.action, name: name.value } } : name;
  }
  const ns = checkNamespace(b.namespace, namespaces);
  if (!ns.ok) return ns;
  const name = checkName(b.name, '리소스');
  if (!name.ok) return name;
  const namespace = ns.value;
  switch (b.action) {
    case 'scale':
      if (b.kind !== 'Deployment' && b.kind !== 'ReplicaSet') return deny('스케일은 Deployment와 ReplicaSet에만 할 수 있습니다.');
      if (!isIntInRange(b.replicas, 0, MAX_REPLICAS)) return bad(`replicas는 0부터 ${MAX_REPLICAS} 사이의 정수여야 합니다.`);
      return { ok: true, value: { action: 'scale', kind: b.kind, namespace, name: name.value, replicas: b.replicas } };
    case 'delete-pod':
      return { ok: true, value: { action: 'delete-pod', namespace, name: name.value } };
    case 'set-image': {
      if (b.kind !== 'Deployment' && b.kind !== 'ReplicaSet' && b.kind !== 'Pod') return deny('이미지는 Deployment, ReplicaSet, Pod에만 바꿀 수 있습니다.');
      if (!isDnsLabel(b.container)) return bad('컨테이너 이름이 올바르지 않습니다.');
      if (!isImageRef(b.image)) return bad('컨테이너 이미지 이름이 올바르지 않습니다.');
      return { ok: true, value: { action: 'set-image', kind: b.kind, namespace, name: name.value, container: b.container, image: b.image } };
    }
    case 'rollout-undo':
      if (b.toRevision !== undefined && !isIntInRange(b.toRevision, 0, 1_000_000)) return bad('toRevision은 0 이상의 정수여야 합니다.');
      return { ok: true, value: { action: 'rollout-undo', namespace, name: name.value, toRevision: b.toRevision as number | undefined } };
    case 'rollout-restart':
    case 'rollout-pause':
    case 'rollout-resume':
      return { ok: true, value: { action: b.action, namespace, name: name.value } };
    case 'patch': {
      if (typeof b.kind !== 'string' || !APPLY_KINDS.includes(b.kind as ApplyKind)) return deny('패치는 Pod, Deployment, ReplicaSet, Service에만 할 수 있습니다.');
      if (b.patchType !== 'merge' && b.patchType !== 'strategic' && b.patchType !== 'json') return bad('patchType은 merge, strategic, json 중 하나여야 합니다.');
      const shapeOk = b.patchType === 'json' ? Array.isArray(b.patch) : !!b.patch && typeof b.patch === 'object' && !Array.isArray(b.patch);
      if (!shapeOk) return bad('패치 본문의 형식이 올바르지 않습니다.');
      const env = valuelessEnvName(b.patch);
      if (env) return bad(envMessage(env));
      const security = podSecurity === 'baseline' ? checkPatchSecurity(b.kind, b.patchType, b.patch) : { ok: true as const };
      if (!security.ok) return security.violation ? deny(podSecurityMessage(security.violation)) : bad(security.message ?? '패치를 검사할 수 없습니다.');
      return { ok: true, value: { action: 'patch', kind: b.kind as ApplyKind, namespace, name: name.value, patchType: b.patchType, patch: b.patch } };
    }
    default:
      return deny('허용되지 않은 작업입니다. 실제 클러스터에서는 정해진 작업만 할 수 있습니다.');
  }
}
