/**
 * The container shell, pinned to what busybox sh prints and returns (POSIX Shell Command Language,
 * https://pubs.opengroup.org/onlinepubs/9699919799/utilities/V3_chap02.html; busybox's "sh: X: not found" and
 * exit 127 for a missing command, 2 for a syntax error).
 */
import { describe, expect, it } from 'vitest';
import { linesUntil, runArgv, runShellScript, type ShellInput } from './index';

const START = Date.UTC(2026, 0, 15, 10, 0, 0);
const input: ShellInput = {
  env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', HOSTNAME: 'hello', GREETING: 'hi there' },
  files: { '/etc/hostname': 'hello\n', '/etc/config/app.conf': 'mode=fast\n' },
  hostname: 'hello',
  startedAt: START,
};
const texts = (script: string) => runShellScript(script, input).lines.map((l) => l.text);

describe('runShellScript', () => {
  it('echoes and exits 0 at once', () => {
    const r = runArgv(['echo', 'hello', 'world'], input);
    expect(r.lines).toEqual([{ at: 0, text: 'hello world' }]);
    expect(r).toMatchObject({ exitCode: 0, exitAtMs: 0 });
  });

  it('runs ; && || with the right statuses', () => {
    expect(texts('echo a; false && echo no; false || echo yes; true && echo ok')).toEqual(['a', 'yes', 'ok']);
  });

  it('expands $VAR, ${VAR}, ${VAR:-default}, $? and quoting', () => {
    expect(texts('echo $GREETING; echo "${HOSTNAME}!"; echo ${NOPE:-fallback}; echo \'$GREETING\'; false; echo $?')).toEqual(['hi there', 'hello!', 'fallback', '$GREETING', '1']);
  });

  it('splits unquoted expansions into fields but keeps quoted ones whole', () => {
    expect(texts('X="a   b"; echo $X; echo "$X"')).toEqual(['a b', 'a   b']);
  });

  it('echo -n joins lines, echo -e interprets escapes', () => {
    expect(texts('echo -n "a"; echo b; echo -e "x\\ny"')).toEqual(['ab', 'x', 'y']);
  });

  it('sleep moves the clock; exit N stops with N', () => {
    const r = runShellScript('echo start; sleep 5; echo done; exit 3; echo never', input);
    expect(r.lines).toEqual([{ at: 0, text: 'start' }, { at: 5000, text: 'done' }]);
    expect(r).toMatchObject({ exitCode: 3, exitAtMs: 5000 });
  });

  it('sleep infinity never exits', () => {
    const r = runShellScript('echo up; sleep infinity', input);
    expect(r.exitAtMs).toBe(Infinity);
    expect(r.lines.map((l) => l.text)).toEqual(['up']);
  });

  it('an unknown command is "sh: X: not found" with status 127', () => {
    const r = runShellScript('nosuchcmd --flag', input);
    expect(r.lines).toEqual([{ at: 0, text: 'sh: nosuchcmd: not found', stream: 'stderr' }]);
    expect(r.exitCode).toBe(127);
  });

  it('a syntax error exits 2', () => {
    const r = runShellScript('if true; then echo x', input);
    expect(r.exitCode).toBe(2);
    expect(r.lines[0].text).toMatch(/^sh: syntax error/);
  });

  it('env, printenv, cat, hostname, ls, pwd, whoami, id', () => {
    expect(texts('printenv GREETING; cat /etc/config/app.conf; hostname; ls /etc; pwd; whoami; id')).toEqual([
      'hi there', 'mode=fast', 'hello', 'config  hostname', '/', 'root', 'uid=0(root) gid=0(root) groups=0(root)',
    ]);
    expect(texts('env')).toContain('GREETING=hi there');
    expect(runShellScript('cat /nope', input)).toMatchObject({ exitCode: 1, lines: [{ text: 'cat: /nope: No such file or directory', stream: 'stderr' }] });
  });

  it('date prints the simulated wall time, busybox format', () => {
    expect(texts('sleep 61; date')).toEqual(['Thu Jan 15 10:01:01 UTC 2026']);
  });

  it('while true with sleep becomes a repeating formula read at any time in O(max)', () => {
    const r = runShellScript('while true; do echo tick; sleep 2; done', input);
    expect(r.exitAtMs).toBe(Infinity);
    expect(r.loop?.period).toBe(2000);
    // after 1 hour: 1800 ticks happened; the newest 3 are at 3594 s, 3596 s, 3598 s
    const last = linesUntil(r, START, START + 3_599_000, 3);
    expect(last.map((l) => (l.at - START) / 1000)).toEqual([3594, 3596, 3598]);
    expect(linesUntil(r, START, START + 3_599_000).length).toBe(1800);
  });

  it('a loop printing date re-stamps each line at its own time', () => {
    const r = runShellScript('while true; do date; sleep 10; done', input);
    const l = linesUntil(r, START, START + 600_000, 1);
    expect(l[0].text).toBe('Thu Jan 15 10:10:00 UTC 2026');
  });

  it('counting loops, if/else, for, arithmetic and test', () => {
    expect(texts('i=0; while [ $i -lt 3 ]; do echo n=$i; i=$((i+1)); done; for x in a b; do echo $x; done; if [ -f /etc/hostname ]; then echo yes; else echo no; fi')).toEqual(['n=0', 'n=1', 'n=2', 'a', 'b', 'yes']);
  });

  it('command substitution and pipes', () => {
    expect(texts('echo "I am $(hostname)"; printenv | grep GREETING; echo one two | wc -w')).toEqual(['I am hello', 'GREETING=hi there', '2']);
  });

  it('redirections write files the next command reads', () => {
    expect(texts('echo saved > /tmp/x; cat /tmp/x; echo hidden > /dev/null; ls /nope 2>&1')).toEqual(['saved', 'ls: /nope: No such file or directory']);
  });

  it('mkdir makes an empty directory that ls and cd see', () => {
    expect(texts('mkdir /data; ls /; cd /data; pwd; ls; cd /nope')).toEqual(['data  etc', '/data', "sh: cd: can't cd to /nope: No such file or directory"]);
  });

  it('a tool the image does not ship is "not found"; one it adds through `commands` runs', () => {
    // busybox sh's message for a missing executable (shell.c: "%s: not found", exit 127)
    expect(runShellScript('curl http://web', input)).toMatchObject({ exitCode: 127, lines: [{ text: 'sh: curl: not found', stream: 'stderr' }] });
    const withTool: ShellInput = { ...input, commands: { curl: (args, _st, io) => (io.out(`fetched ${args[0]}\n`), 0) } };
    expect(runShellScript('curl http://web', withTool).lines.map((l) => l.text)).toEqual(['fetched http://web']);
  });

  it('bash says "command not found"', () => {
    expect(runArgv(['bash', '-c', 'nope'], input, 'bash').lines[0].text).toBe('bash: nope: command not found');
  });
});

describe('files the process changes', () => {
  it('are remembered with the time they changed, so a later exec sees them (the liveness-exec docs example)', () => {
    // https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-a-liveness-command
    const r = runShellScript('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', input);
    expect(r.fileChanges).toEqual([
      { at: 0, path: '/tmp/healthy', content: '' },
      { at: 30_000, path: '/tmp/healthy', content: null },
    ]);
    expect(runShellScript('echo hi', input).fileChanges).toBeUndefined();
  });

  it("busybox's cat says can't open; GNU cat names the file", () => {
    // busybox libbb: bb_perror_msg("can't open '%s'"); GNU coreutils cat: "cat: FILE: No such file or directory"
    const busybox = { ...input, files: { '/etc/os-release': 'NAME="BusyBox"\n' } };
    expect(runShellScript('cat /nope', busybox).lines.map((l) => l.text)).toEqual(["cat: can't open '/nope': No such file or directory"]);
    expect(runShellScript('cat /nope', input).lines.map((l) => l.text)).toEqual(['cat: /nope: No such file or directory']);
  });
});
