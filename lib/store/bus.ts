/**
 * A small pub/sub that lets lesson text talk to the Playground on the same page:
 * a "실행" button asks the terminal to run a command, "에디터에 열기" opens YAML in the editor.
 * One bus per PlaygroundProvider (never a module global), so two Playgrounds never cross-talk.
 */
export interface EditorFile {
  name: string;
  content: string;
}

export interface PlaygroundBus {
  /**
   * Type and run a command in the terminal, as if the student had typed it; with `machine` (bare-machines lab),
   * in that machine's shell, switching the terminal to it first.
   */
  runCommand(cmd: string, machine?: string): void;
  onRunCommand(cb: (cmd: string, machine?: string) => void): () => void;
  /**
   * Show in the terminal a line that already ran on a machine (a scenario typed it) and what it printed, as that
   * machine's session would: the terminal switches to the machine first.
   */
  showMachineLine(entry: MachineLineEcho): void;
  onShowMachineLine(cb: (entry: MachineLineEcho) => void): () => void;
  /** Open (or replace) a named file in the YAML editor and focus it. */
  openInEditor(file: EditorFile): void;
  onOpenInEditor(cb: (file: EditorFile) => void): () => void;
  /** The editor's named files; `kubectl apply -f NAME` reads them. */
  readonly files: Map<string, string>;
  /** Ask the Playground to show a tab/panel (e.g. 'terminal', 'editor') when a lesson needs it. */
  reveal(panel: string): void;
  onReveal(cb: (panel: string) => void): () => void;
  /**
   * Every run or open request, for views that only need to know one happened (the lesson page's "실행됨"
   * notice when the Playground is on another tab). Unlike the channels above, it keeps no backlog and
   * never takes one from the Playground.
   */
  onRequest(cb: (request: BusRequest) => void): () => void;
}

/** A line run on a machine: `label` is the prompt and the line as typed (`ubuntu@master:~$ hostname`). */
export interface MachineLineEcho {
  machine: string;
  label: string;
  output: string;
}

export type BusRequest = { kind: 'run'; command: string } | { kind: 'open'; file: string };

function channel<T>() {
  const listeners = new Set<(v: T) => void>();
  // Messages sent before anyone listens (the terminal loads lazily) are kept and delivered on subscribe.
  const backlog: T[] = [];
  return {
    emit(v: T) {
      if (listeners.size === 0) backlog.push(v);
      else for (const l of listeners) l(v);
    },
    on(cb: (v: T) => void) {
      listeners.add(cb);
      while (backlog.length) cb(backlog.shift() as T);
      return () => {
        listeners.delete(cb);
      };
    },
  };
}

export function createPlaygroundBus(): PlaygroundBus {
  const run = channel<{ cmd: string; machine?: string }>();
  const open = channel<EditorFile>();
  const machineLines = channel<MachineLineEcho>();
  const reveal = channel<string>();
  const files = new Map<string, string>();
  const observers = new Set<(r: BusRequest) => void>();
  const observe = (r: BusRequest) => observers.forEach((cb) => cb(r));
  return {
    files,
    runCommand: (cmd, machine) => {
      reveal.emit('terminal');
      run.emit({ cmd, machine });
      observe({ kind: 'run', command: cmd });
    },
    onRunCommand: (cb) => run.on(({ cmd, machine }) => cb(cmd, machine)),
    showMachineLine: (entry) => {
      reveal.emit('terminal');
      machineLines.emit(entry);
    },
    onShowMachineLine: machineLines.on,
    openInEditor: (file) => {
      files.set(file.name, file.content);
      reveal.emit('editor');
      open.emit(file);
      observe({ kind: 'open', file: file.name });
    },
    onOpenInEditor: open.on,
    reveal: reveal.emit,
    onReveal: reveal.on,
    onRequest: (cb) => {
      observers.add(cb);
      return () => {
        observers.delete(cb);
      };
    },
  };
}
