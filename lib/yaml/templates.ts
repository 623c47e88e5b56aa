/** Starting manifests for the editor's template menu (the shapes taught in class). */
export interface Template {
  id: 'pod' | 'replicaset' | 'deployment' | 'service';
  label: string;
  fileName: string;
  content: string;
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'pod',
    label: 'Pod',
    fileName: 'pod.yaml',
    content: `apiVersion: v1
kind: Pod
metadata:
  name: webserver
  labels:
    app: webserver
spec:
  containers:
  - name: nginx
    image: nginx:latest
    ports:
    - containerPort: 80
`,
  },
  {
    id: 'replicaset',
    label: 'ReplicaSet',
    fileName: 'replicaset.yaml',
    content: `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web-rs
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web-rs
  template:
    metadata:
      labels:
        app: web-rs
    spec:
      containers:
      - name: nginx
        image: nginx:1.24
`,
  },
  {
    id: 'deployment',
    label: 'Deployment',
    fileName: 'deployment.yaml',
    content: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.24
        ports:
        - containerPort: 80
`,
  },
  {
    id: 'service',
    label: 'Service',
    fileName: 'service.yaml',
    content: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
`,
  },
];
