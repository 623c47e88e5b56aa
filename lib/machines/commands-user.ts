/**
 * The user-level commands of a machine's bash: sudo (root for one command, env reset as Ubuntu's sudoers does),
 * file commands that respect kubeadm's root-only files (cat, cp, chown, rm -r, id -u/-g), and the bash builtins the
 * kubectl setup steps use (source, alias, complete). `kubectl` itself is checked here (which kubeconfig, is the API
 * server there) and then handed to the browser kubectl through `deferred`.
 */
import type { ShellCommand } from '../sim/shell/types';
import type { Io, ShellState } from '../sim/shell/state';
import { runBuiltin } from '../sim/shell/commands';
import { hostsEntries, LOGIN_USER, ROOT_USER, rootOnly, type Machine } from './machines';
import type { MachineWorld } from './world';
import { kubeconfigServer } from './kubeadm-files';
import { KUBEADM_VERSION } from './kubeadm-text';
import { isIPv4 } from './flags';
import { CALICO_URL, CALICO_YAML } from './calico-manifest';

const isRoot = (st: ShellState) => (st.input.user?.uid ?? 0) === 0;
const readableBy = (m: Machine, asRoot: boolean, path: string) => asRoot || !(rootOnly(path) || m.rootOwned.has(path));
const readable = (m: Machine, st: ShellState, path: string) => readableBy(m, isRoot(st), path);

export interface UserCommandHooks {
  /** runs a script's text in this machine's shell (source) */
  runScript(text: string, io: Io): number;
  /** kubectl lines to run against the cluster once this shell line is done */
  deferred: string[][];
}

/** Runs argv as root (sudo's env_reset: HOME=/root, no KUBECONFIG unless -E). */
export function asRoot(st: ShellState, keepEnv: boolean, run: () => number): number {
  const user = st.input.user;
  const saved = new Map(['HOME', 'USER', 'LOGNAME', 'KUBECONFIG'].map((k) => [k, st.env.get(k)]));
  st.input.user = { name: ROOT_USER.name, uid: 0, gid: 0 };
  if (!keepEnv) {
    st.env.set('HOME', ROOT_USER.home);
    st.env.set('USER', 'root');
    st.env.set('LOGNAME', 'root');
    st.env.delete('KUBECONFIG');
  }
  try {
    return run();
  } finally {
    st.input.user = user;
    for (const [k, v] of saved) (v === undefined ? st.env.delete(k) : st.env.set(k, v));
  }
}

const COMPLETION_SCRIPT = `# bash completion V2 for kubectl                              -*- shell-script -*-

__kubectl_debug()
{
    if [[ -n \${BASH_COMP_DEBUG_FILE-} ]]; then
        echo "$*" >> "\${BASH_COMP_DEBUG_FILE}"
    fi
}

# (… 시뮬레이터가 줄인 부분: 실제 스크립트는 300줄 남짓입니다 …)

__start_kubectl()
{
    local cur prev words cword split
    __kubectl_init_completion -n =: || return
    __kubectl_get_completion_results
    __kubectl_process_completion_results
}

if [[ $(type -t compopt) = "builtin" ]]; then
    complete -o default -F __start_kubectl kubectl
else
    complete -o default -o nospace -F __start_kubectl kubectl
fi

# ex: ts=4 sw=4 et filetype=sh
`;

/**
 * Whether kubectl with the kubeconfig at `path` reaches the API server from machine `m`: null when it does, else
 * the first thing in the way (no file, a root-owned file for a non-root user, a server that does not answer).
 */
export function kubectlReach(world: MachineWorld, m: Machine, path: string, asRoot: boolean): 'missing' | 'unreadable' | 'refused' | null {
  const config = m.files.get(path);
  if (config === undefined) return 'missing';
  if (!readableBy(m, asRoot, path)) return 'unreadable';
  const [host, port] = kubeconfigServer(config).split(':');
  const ip = isIPv4(host) ? host : hostsEntries(m.files).get(host);
  return ip && world.apiServerAt(`${ip}:${port}`) ? null : 'refused';
}

function kubectlGate(world: MachineWorld, m: Machine, hooks: UserCommandHooks): ShellCommand {
  return (args, st, io) => {
    if (args[0] === 'completion') {
      if (args[1] !== 'bash' && args[1] !== 'zsh') {
        io.err(args[1] ? `error: unsupported shell type "${args[1]}"\n` : 'error: Shell not specified.\nSee \'kubectl completion -h\' for help and examples\n');
        return 1;
      }
      io.out(COMPLETION_SCRIPT);
      return 0;
    }
    if (args[0] === 'version' && args.includes('--client')) {
      io.out(`Client Version: ${KUBEADM_VERSION}\nKustomize Version: v5.7.1\n`);
      return 0;
    }
    const path = (st.env.get('KUBECONFIG') ?? '').split(':')[0] || `${st.env.get('HOME') ?? LOGIN_USER.home}/.kube/config`;
    const reach = kubectlReach(world, m, path, isRoot(st));
    if (reach === 'missing') {
      io.err('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
      io.err(`\n힌트: kubectl이 쓸 kubeconfig(${path})가 없어요. master에서 mkdir -p $HOME/.kube; sudo cp -i /etc/kubernetes/admin.conf $HOME/.kube/config; sudo chown $(id -u):$(id -g) $HOME/.kube/config 를 실행하세요.${isRoot(st) ? ' (sudo는 HOME을 /root로 바꾸고 KUBECONFIG를 지우니 sudo 없이 실행하세요.)' : ''}\n`);
      return 1;
    }
    if (reach === 'unreadable') {
      io.err(`error: error loading config file "${path}": open ${path}: permission denied\n\n힌트: 파일 주인이 root예요. sudo chown $(id -u):$(id -g) ${path} 로 내 것으로 바꾸세요.\n`);
      return 1;
    }
    if (reach === 'refused') {
      io.err(`The connection to the server ${kubeconfigServer(m.files.get(path)!)} was refused - did you specify the right host or port?\n`);
      return 1;
    }
    hooks.deferred.push(args);
    return 0;
  };
}

const cat: ShellCommand = function cat(this: Machine, args, st, io) {
  if (!args.length) return io.out(io.stdin ?? ''), 0;
  let status = 0;
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    const path = st.resolve(a);
    const content = st.files.get(path);
    if (content !== undefined && !readable(this, st, path)) {
      io.err(`cat: ${a}: Permission denied\n`);
      status = 1;
    } else if (content !== undefined) io.out(content);
    else {
      io.err(`cat: ${a}: ${st.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`);
      status = 1;
    }
  }
  return status;
};

function cp(m: Machine): ShellCommand {
  return (args, st, io) => {
    const ops = args.filter((a) => !a.startsWith('-'));
    if (ops.length < 2) return io.err('cp: missing destination file operand\n'), 1;
    const [src, dstArg] = [st.resolve(ops[0]), st.resolve(ops[ops.length - 1])];
    const content = st.files.get(src);
    if (content === undefined) return io.err(`cp: cannot stat '${ops[0]}': No such file or directory\n`), 1;
    if (!readable(m, st, src)) return io.err(`cp: cannot open '${ops[0]}' for reading: Permission denied\n`), 1;
    const dst = st.isDir(dstArg) ? `${dstArg}/${src.split('/').pop()}` : dstArg;
    const parent = dst.slice(0, dst.lastIndexOf('/')) || '/';
    if (!st.isDir(parent)) return io.err(`cp: cannot create regular file '${ops[ops.length - 1]}': No such file or directory\n`), 1;
    if (!isRoot(st) && (dst.startsWith('/etc/') || dst.startsWith('/root/') || m.rootOwned.has(dst))) return io.err(`cp: cannot create regular file '${ops[ops.length - 1]}': Permission denied\n`), 1;
    st.files.set(dst, content);
    // cp keeps the mode (0600) and the copier owns the copy: root's copy of admin.conf is unreadable for ubuntu
    if (isRoot(st) && rootOnly(src)) m.rootOwned.add(dst);
    else m.rootOwned.delete(dst);
    return 0;
  };
}

function chown(m: Machine): ShellCommand {
  return (args, st, io) => {
    const [owner, ...paths] = args.filter((a) => !a.startsWith('-'));
    if (!owner || !paths.length) return io.err('chown: missing operand\n'), 1;
    if (!isRoot(st)) return io.err(`chown: changing ownership of '${paths[0]}': Operation not permitted\n`), 1;
    const toRoot = /^(0|root)(:|$)/.test(owner);
    for (const p of paths) {
      const path = st.resolve(p);
      if (!st.files.has(path) && !st.isDir(path)) return io.err(`chown: cannot access '${p}': No such file or directory\n`), 1;
      if (toRoot) m.rootOwned.add(path);
      else m.rootOwned.delete(path);
    }
    return 0;
  };
}

const id: ShellCommand = (args, st, io) => {
  const u = st.input.user ?? { name: 'root', uid: 0, gid: 0 };
  if (args.includes('-u')) io.out(args.includes('-n') ? `${u.name}\n` : `${u.uid}\n`);
  else if (args.includes('-g')) io.out(args.includes('-n') ? `${u.name}\n` : `${u.gid}\n`);
  else io.out(`uid=${u.uid}(${u.name}) gid=${u.gid}(${u.name}) groups=${u.gid}(${u.name})${u.uid ? ',27(sudo)' : ''}\n`);
  return 0;
};

function rm(m: Machine): ShellCommand {
  return (args, st, io) => {
    const recursive = args.some((a) => /^-[a-zA-Z]*[rR]/.test(a));
    const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
    let status = 0;
    for (const a of args.filter((x) => !x.startsWith('-'))) {
      const path = st.resolve(a);
      const isDir = st.isDir(path) || st.files.has(`${path}/`);
      if (!isRoot(st) && (path.startsWith('/etc/') || path.startsWith('/var/') || m.rootOwned.has(path))) {
        io.err(`rm: cannot remove '${a}': Permission denied\n`);
        status = 1;
      } else if (isDir && !recursive) {
        io.err(`rm: cannot remove '${a}': Is a directory\n`);
        status = 1;
      } else if (!isDir && !st.files.has(path)) {
        if (!force) io.err(`rm: cannot remove '${a}': No such file or directory\n`), (status = 1);
      } else for (const p of [...st.files.keys()]) if (p === path || p.startsWith(`${path}/`)) st.files.delete(p);
    }
    return status;
  };
}

export function userCommands(world: MachineWorld, m: Machine, hooks: UserCommandHooks): Record<string, ShellCommand> {
  const source: ShellCommand = (args, st, io) => {
    if (!args[0]) return io.err('bash: source: filename argument required\n'), 2;
    const path = st.resolve(args[0]);
    const text = st.files.get(path);
    if (text === undefined) return io.err(`bash: ${args[0]}: No such file or directory\n`), 1;
    if (text.includes('__start_kubectl()')) {
      m.kubectlCompletion = true;
      m.completeWithKubectl.add('kubectl');
      return 0;
    }
    return hooks.runScript(text, io);
  };
  return {
    sudo: (args, st, io) => {
      const keepEnv = args[0] === '-E';
      const argv = keepEnv ? args.slice(1) : args;
      if (!argv.length) return io.err('usage: sudo -h | -K | -k | -V\nusage: sudo [-u user] [command]\n'), 1;
      // `sudo bash -c '…'`: the script runs as root in this shell's interpreter
      if ((argv[0] === 'bash' || argv[0] === 'sh') && argv[1] === '-c') return asRoot(st, keepEnv, () => hooks.runScript(argv[2] ?? '', io));
      return asRoot(st, keepEnv, () => runBuiltin(argv, st, io));
    },
    cat: cat.bind(m),
    cp: cp(m),
    chown: chown(m),
    id,
    rm: rm(m),
    source,
    '.': source,
    alias: (args, _st, io) => {
      if (!args.length) return io.out([...m.aliases].map(([k, v]) => `alias ${k}='${v}'\n`).join('')), 0;
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq > 0) m.aliases.set(a.slice(0, eq), a.slice(eq + 1));
        else if (m.aliases.has(a)) io.out(`alias ${a}='${m.aliases.get(a)}'\n`);
        else return io.err(`bash: alias: ${a}: not found\n`), 1;
      }
      return 0;
    },
    unalias: (args) => (args.forEach((a) => m.aliases.delete(a)), 0),
    complete: (args, _st, io) => {
      if (args.includes('-p')) return io.out([...m.completeWithKubectl].map((c) => `complete -o default -F __start_kubectl ${c}\n`).join('')), 0;
      const fn = args[args.indexOf('-F') + 1];
      const names = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-F' && args[i - 1] !== '-o');
      if (fn === '__start_kubectl') for (const n of names) m.completeWithKubectl.add(n);
      return 0;
    },
    kubectl: kubectlGate(world, m, hooks),
    curl: (args, st, io) => {
      // the lab machines reach one address: the Calico manifest the setup notes download
      const url = args.find((a) => /^https?:\/\//.test(a));
      if (url !== CALICO_URL) {
        io.err(`curl: (6) Could not resolve host: ${/^https?:\/\/([^/]*)/.exec(url ?? '')?.[1] ?? ''}\n\n힌트: 실습 머신은 인터넷에 나가지 못해요. 받을 수 있는 주소는 Calico 매니페스트(${CALICO_URL})뿐이에요.\n`);
        return 6;
      }
      const o = args.indexOf('-o');
      if (o >= 0 && args[o + 1]) st.files.set(st.resolve(args[o + 1]), CALICO_YAML);
      else if (args.some((a) => /^-[a-zA-Z]*O/.test(a))) st.files.set(st.resolve('calico.yaml'), CALICO_YAML);
      else io.out(CALICO_YAML);
      return 0;
    },
  };
}
