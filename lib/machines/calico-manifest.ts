/**
 * The project's small Calico manifest (the file a learner applies with `kubectl apply -f calico.yaml`): the
 * calico-node DaemonSet that writes the CNI config on each node, cut down from projectcalico's calico.yaml
 * (manifests/calico.yaml: tolerations, hostNetwork, CALICO_IPV4POOL_CIDR). CRDs, RBAC and the kube-controllers
 * Deployment are left out: the simulator has no use for them.
 */
export const CALICO_FILE = 'calico.yaml';

/** Where the setup notes download Calico from; on the lab machines this URL serves the manifest below. */
export const CALICO_URL = 'https://raw.githubusercontent.com/projectcalico/calico/v3.30.3/manifests/calico.yaml';

export const CALICO_YAML = `# Calico (축약판): 각 노드에 calico-node를 띄워 /etc/cni/net.d에 CNI 설정을 씁니다.
apiVersion: v1
kind: ConfigMap
metadata:
  name: calico-config
  namespace: kube-system
data:
  calico_backend: bird
  veth_mtu: "0"
---
apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: calico-node
  namespace: kube-system
  labels:
    k8s-app: calico-node
spec:
  selector:
    matchLabels:
      k8s-app: calico-node
  template:
    metadata:
      labels:
        k8s-app: calico-node
    spec:
      hostNetwork: true
      priorityClassName: system-node-critical
      tolerations:
        - effect: NoSchedule
          operator: Exists
        - key: CriticalAddonsOnly
          operator: Exists
        - effect: NoExecute
          operator: Exists
      containers:
        - name: calico-node
          image: docker.io/calico/node:v3.30.3
          env:
            - name: CALICO_IPV4POOL_CIDR
              value: "10.244.0.0/16"
          resources:
            requests:
              cpu: 250m
`;
