/** The cluster network: pod addressing, cluster DNS, kube-proxy, requests, and the tools that send them. */
export { sendRequest, type NetworkRequest, type NetworkResponse } from './request';
export { networkClient } from './client';
export { queryClusterDns, parseResolvConf, podResolvConf, CLUSTER_DNS_IP, CLUSTER_DOMAIN } from './dns';
export { LAPTOP_IP, type RequestOrigin } from './connect';
export { networkTools } from './tools';
export { reasonPhrase } from './http';
export { networkRuntime, type PodTraffic } from './state';
export { STATS_SECONDS, type TrafficStats, type TrafficStartSpec } from './load';
export { FAILURE_LABELS, summarizeTraffic, summaryText, type TrafficSummary } from './load-summary';
export { MIN_RATE, MAX_RATE, type TrafficBucket, type TrafficFailure } from './load-buckets';
