/**
 * THE list of kinds: adding a kind is its module in this folder plus its line here. Everything else — the kind-name
 * union, the engine's KINDS and kind → object type map (lib/k8s/types.ts), discovery, the schema generator's roots —
 * is derived from this list. The order is the engine's (snapshots restore Namespaces and Nodes before what lives in
 * them; Events last); discovery sorts by group and plural itself.
 */
import { CONFIGMAP } from './configmap';
import { CRONJOB } from './cronjob';
import { DAEMONSET } from './daemonset';
import { DEPLOYMENT } from './deployment';
import { ENDPOINTS } from './endpoints';
import { ENDPOINTSLICE } from './endpointslice';
import { EVENT } from './event';
import { INGRESS } from './ingress';
import { INGRESSCLASS } from './ingressclass';
import { JOB } from './job';
import { NAMESPACE } from './namespace';
import { NODE } from './node';
import { POD } from './pod';
import { PODDISRUPTIONBUDGET } from './poddisruptionbudget';
import { REPLICASET } from './replicaset';
import { SECRET } from './secret';
import { SERVICE } from './service';

export const KIND_LIST = [
  NAMESPACE, NODE, POD, REPLICASET, DEPLOYMENT, DAEMONSET, SERVICE, ENDPOINTS, ENDPOINTSLICE, CONFIGMAP, SECRET, JOB, CRONJOB,
  PODDISRUPTIONBUDGET, INGRESSCLASS, INGRESS,
  EVENT,
] as const;

type Listed = (typeof KIND_LIST)[number];

/** Every registered kind's name: `'Pod' | 'Deployment' | …`. */
export type RegisteredKind = Listed['kind'];

/** Each kind's object type, read off the parameter of its record's `cells`. */
export type KindObjectMap = { [D in Listed as D['kind']]: Parameters<D['cells']>[0] };

/** The kind names as a tuple of literals, in list order (what `z.enum` and `KINDS` need). */
export type KindNames = NamesOf<typeof KIND_LIST>;
type NamesOf<L extends readonly { kind: string }[]> = { -readonly [I in keyof L]: L[I] extends { kind: infer K } ? K : never };
